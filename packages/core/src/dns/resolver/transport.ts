import { ProbeFailure } from '../../model/evidence.js';
import { workSettled } from '../../util/abort.js';
import type { DnsError, DnsMessage } from '../types.js';
import { DnsWireError } from '../wire/errors.js';
import type { NormalizedQuestion } from '../wire/message.js';

/** What one exchange with one upstream is given. */
export interface ExchangeContext {
  /** Aborts the exchange (the caller gave up, or every coalesced caller did). */
  readonly signal: AbortSignal;
  /** Time limit for this exchange, in milliseconds. */
  readonly timeoutMs: number;
  /** Called once for every message put on the wire, for the resolver's counters. */
  readonly onSend: () => void;
  /** The clock in milliseconds since the epoch; RRSIG times are read against it. */
  readonly now: () => number;
}

/** The outcome of one exchange: a message (any rcode) or why there is none. */
export type ExchangeResult =
  | { readonly ok: true; readonly message: DnsMessage; readonly server: string }
  | { readonly ok: false; readonly error: DnsError; readonly server: string };

/**
 * One way of reaching one upstream: UDP, TCP or DoH to one address, or the system resolver.
 * The resolver layers retries, fallback, caching and coalescing on top.
 */
export interface Transport {
  /** Where it sends queries, e.g. `udp://127.0.0.1:5353`. */
  readonly description: string;
  /** Asks one question once. Never rejects. */
  exchange(question: NormalizedQuestion, context: ExchangeContext): Promise<ExchangeResult>;
  /** Releases kept-open connections (DoH sessions). */
  close?(): Promise<void>;
}

/**
 * Turns whatever an exchange threw into a {@link DnsError}. Network failures arrive as
 * `ProbeFailure`s from the core `Network`; socket and TLS errors as plain `Error`s.
 */
export function toExchangeError(caught: unknown): DnsError {
  if (caught instanceof DnsWireError) return caught.toDnsError();
  if (caught instanceof ProbeFailure) {
    switch (caught.code) {
      case 'timeout':
      case 'aborted':
      case 'forbidden-address':
      case 'malformed':
      case 'too-large':
      case 'unsupported':
        return { code: caught.code, message: caught.message };
      default:
        return { code: 'network', message: caught.message };
    }
  }
  if (caught instanceof Error) {
    const systemCode = 'code' in caught && typeof caught.code === 'string' ? ` (${caught.code})` : '';
    return { code: 'network', message: `${caught.message}${systemCode}` };
  }
  return { code: 'network', message: String(caught) };
}

/** Why a deadline signal fired, so that a timeout is not reported as the caller's abort. */
const TIMED_OUT = Symbol('timed out');

/**
 * Runs `work` with a signal that fires when the caller aborts or the time limit passes, and
 * settles as soon as either happens even if `work` ignores its signal. A timer-triggered abort
 * is reported as `timeout`, the caller's as `aborted`.
 */
export async function withDeadline<T>(
  parent: AbortSignal,
  timeoutMs: number,
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DnsError }> {
  if (parent.aborted) return { ok: false, error: { code: 'aborted', message: `${what} aborted` } };
  if (!(timeoutMs > 0)) return { ok: false, error: { code: 'timeout', message: `${what}: no time left` } };
  const controller = new AbortController();
  let stop: (reason: unknown) => void = () => {};
  const stopped = new Promise<never>((_resolve, reject) => {
    stop = reject;
  });
  // The race below may settle through `work` first; this keeps the loser from being unhandled.
  stopped.catch(() => {});
  const onParentAbort = (): void => {
    controller.abort(parent.reason);
    stop(parent.reason);
  };
  const timer = setTimeout(
    () => {
      controller.abort(TIMED_OUT);
      stop(TIMED_OUT);
    },
    Math.min(timeoutMs, 2_147_483_647),
  );
  parent.addEventListener('abort', onParentAbort, { once: true });
  try {
    return { ok: true, value: await Promise.race([work(controller.signal), stopped]) };
  } catch (caught) {
    if (controller.signal.aborted) {
      return controller.signal.reason === TIMED_OUT
        ? { ok: false, error: { code: 'timeout', message: `${what}: no answer within ${Math.round(timeoutMs)} ms` } }
        : { ok: false, error: { code: 'aborted', message: `${what} aborted` } };
    }
    return { ok: false, error: toExchangeError(caught) };
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
    if (!controller.signal.aborted) controller.abort(workSettled);
  }
}

/** `ip:port` with brackets around an IPv6 address. */
export function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
