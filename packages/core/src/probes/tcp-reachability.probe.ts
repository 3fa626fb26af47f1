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

/** Which port attempts other scans sharing the caches (a bulk run) reuse, and for how long. */
export interface ReachabilitySharing {
  /** How long a kept attempt serves other scans, in milliseconds. */
  readonly ttlMs: number;
  /** Which results are kept. The address policy's refusal and an `error` never are: they say more about the caller than the address. */
  readonly keep: ReadonlySet<PortReachability>;
}

/** The default: open and refused ports, for five minutes; a time-out may be passing and is tried again. */
export const defaultReachabilitySharing: ReachabilitySharing = Object.freeze({ ttlMs: 5 * 60_000, keep: shareableResults });

/** The attempt, or the answer another scan sharing the caches got within the sharing's time. */
async function attemptPortShared(
  ip: string,
  port: number,
  timeoutMs: number,
  context: ProbeContext,
  sharing: ReachabilitySharing,
): Promise<PortAttempt> {
  return sharedOnce(
    context.caches,
    `tcp-reachability|${ip}|${port}`,
    {
      ttlMs: sharing.ttlMs,
      keep: (attempt) => attempt.result !== 'forbidden-address' && attempt.result !== 'error' && sharing.keep.has(attempt.result),
      signal: context.signal,
    },
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
 * it opens (Internet.nl's `test_connectivity`): the connection test of the IPv6 tests. An
 * attempt on the same address and port by another scan sharing the caches (a bulk run) is reused
 * while `sharing` keeps it (by default an open or refused port, for five minutes), and scans
 * asking at the same time wait for one attempt.
 *
 * @param timeoutMs - how long each attempt may take
 * @param sharing - which results other scans reuse and how long; default {@link defaultReachabilitySharing}
 */
export async function probeTcpReachability(
  ip: string,
  ports: readonly number[],
  timeoutMs: number,
  context: ProbeContext,
  sharing: ReachabilitySharing = defaultReachabilitySharing,
): Promise<TcpReachabilityEvidence> {
  const attempts = await Promise.all(ports.map((port) => attemptPortShared(ip, port, timeoutMs, context, sharing)));
  return { ip, family: ip.includes(':') ? 6 : 4, ports: attempts };
}
