import { ProbeFailure } from '../model/evidence.js';
import type { ProbeContext } from '../model/probe.js';
import type { PortAttempt, PortReachability, TcpReachabilityEvidence } from './tcp-reachability.declaration.js';

const knownResults: ReadonlySet<string> = new Set<PortReachability>(['refused', 'timeout', 'unreachable', 'forbidden-address']);

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
 * it opens (Internet.nl's `test_connectivity`): the connection test of the IPv6 tests.
 *
 * @param timeoutMs - how long each attempt may take
 */
export async function probeTcpReachability(
  ip: string,
  ports: readonly number[],
  timeoutMs: number,
  context: ProbeContext,
): Promise<TcpReachabilityEvidence> {
  const attempts = await Promise.all(ports.map((port) => attemptPort(ip, port, timeoutMs, context)));
  return { ip, family: ip.includes(':') ? 6 : 4, ports: attempts };
}
