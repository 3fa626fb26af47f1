/**
 * Resource-leak checks for tests: counts of sockets, servers and timers that Node reports as
 * keeping the process alive. Test code only.
 */

/** Counts of the resources a scan could leak. */
export interface ResourceCounts {
  readonly sockets: number;
  readonly servers: number;
  readonly timers: number;
}

/** The current counts. */
export function resourceCounts(): ResourceCounts {
  const info = process.getActiveResourcesInfo();
  return {
    sockets: info.filter((r) => r === 'TCPSocketWrap').length,
    servers: info.filter((r) => r === 'TCPServerWrap').length,
    timers: info.filter((r) => r === 'Timeout').length,
  };
}

/** Waits until sockets closed by the last operations are gone (closing is asynchronous). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
}
