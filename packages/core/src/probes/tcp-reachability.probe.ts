import { ProbeFailure } from '../model/evidence.js';
import type { ProbeContext } from '../model/probe.js';
import { sharedOnce } from '../runner/shared-once.js';
import type { PortAttempt, PortReachability, TcpReachabilityEvidence } from './tcp-reachability.declaration.js';

const knownResults: ReadonlySet<string> = new Set<PortReachability>(['refused', 'timeout', 'unreachable', 'forbidden-address']);

/**
 * Answers another scan sharing the caches may reuse, and for how long: whether a port opens is the
 * address's, whichever domain asked (a hosting server is asked by every domain on it). A time-out
 * or an error may be passing and is tried again; the policy's refusal is the caller's, not cached.
 */
const shareableResults: ReadonlySet<PortReachability> = new Set<PortReachability>(['open', 'refused']);
const reachabilityCacheTtlMs = 5 * 60_000;

/** The attempt, or the answer another scan sharing the caches got within the last minutes. */
async function attemptPortShared(ip: string, port: number, timeoutMs: number, context: ProbeContext): Promise<PortAttempt> {
  return sharedOnce(
    context.caches,
    `tcp-reachability|${ip}|${port}`,
    { ttlMs: reachabilityCacheTtlMs, keep: (attempt) => shareableResults.has(attempt.result), signal: context.signal },
    () => attemptPort(ip, port, timeoutMs, context),
  );
}

/** Opens and at once closes a TCP connection to `ip`:`port`, and says what came of it. */
async function attemptPort(ip: string, port: number, timeoutMs: number, context: ProbeContext): Promise<PortAttempt> {
  try {
    const connection = await context.transports.network.connect({ ip, port, timeoutMs, signal: context.signal });
    connection.close();
    return { port, result: 'open' };
  } catch (caught) {
    if (context.signal.aborted) throw caught;
    const code = caught instanceof ProbeFailure ? caught.code : 'error';
    const message = caught instanceof Error ? caught.message.slice(0, 200) : String(caught).slice(0, 200);
    return { port, result: knownResults.has(code) ? (code as PortReachability) : 'error', message };
  }
}

/**
 * Tries a TCP connection to each of `ports` of one address, all at once, each closed as soon as
 * it opens (Internet.nl's `test_connectivity`): the connection test of the IPv6 tests. An open or
 * refused port found by another scan sharing the caches (a bulk run) in the last five minutes is
 * not tried again.
 *
 * @param timeoutMs - how long each attempt may take
 */
export async function probeTcpReachability(
  ip: string,
  ports: readonly number[],
  timeoutMs: number,
  context: ProbeContext,
): Promise<TcpReachabilityEvidence> {
  const attempts = await Promise.all(ports.map((port) => attemptPortShared(ip, port, timeoutMs, context)));
  return { ip, family: ip.includes(':') ? 6 : 4, ports: attempts };
}
