import { setMaxListeners } from 'node:events';
import { listenerBudget, resolverClosed } from '../../util/abort.js';
import type { DnsError } from '../types.js';
import type { NormalizedQuestion } from '../wire/message.js';
import type { ExchangeResult } from './transport.js';
import { type Flight, type ServerHealth, startFlight, type UpstreamSettings } from './upstream.js';

// Node turns a delay above 2^31 - 1 ms into 1 ms, which would make a far timeout fire at once.
const MAX_TIMER_MS = 2_147_483_647;

/** A query in flight and the callers waiting for it. */
interface SharedFlight {
  readonly key: string;
  readonly flight: Flight;
  readonly promise: Promise<ExchangeResult>;
  waiters: number;
}

/** One caller's question, with the time it allows and how it gives up. */
export interface FlightRequest {
  /** The question's cache key: callers with the same key share a query. */
  readonly key: string;
  /** What to ask. */
  readonly question: NormalizedQuestion;
  /** When the caller asked, in milliseconds since the epoch. */
  readonly startedAt: number;
  /** When the query may end at the latest for this caller, in milliseconds since the epoch. */
  readonly deadline: number;
  /** The caller's own abort. */
  readonly signal?: AbortSignal | undefined;
  /** The caller's own time limit, in milliseconds. */
  readonly timeoutMs?: number | undefined;
}

/**
 * A resolver's upstream queries in flight. Identical questions in flight share one query, which
 * lasts as long as its most patient caller allows; each caller still gives up at its own time,
 * and the last one to give up stops the query. Closing aborts every query.
 */
export class SharedFlights {
  readonly #inFlight = new Map<string, SharedFlight>();
  readonly #closing = new AbortController();
  readonly #health: ServerHealth;
  readonly #settings: UpstreamSettings;
  readonly #onResult: (request: FlightRequest, result: ExchangeResult) => void;

  /**
   * @param health - the servers, and which failed recently
   * @param settings - limits and clocks of each query
   * @param onResult - called once with each query's result, before its callers get it (the cache stores answers here)
   */
  constructor(health: ServerHealth, settings: UpstreamSettings, onResult: (request: FlightRequest, result: ExchangeResult) => void) {
    this.#health = health;
    this.#settings = settings;
    this.#onResult = onResult;
    // Every query in flight listens for close(); hundreds at once in a bulk scan are expected.
    setMaxListeners(listenerBudget, this.#closing.signal);
  }

  /** Whether {@link SharedFlights.close} was called. */
  get closed(): boolean {
    return this.#closing.signal.aborted;
  }

  /**
   * The result for one caller: from a new query, or from the one in flight for the same key,
   * whose deadline moves to the caller's when that is later. `joined` says which. Never rejects.
   */
  ask(request: FlightRequest): { readonly joined: boolean; readonly result: Promise<ExchangeResult> } {
    let entry = this.#inFlight.get(request.key);
    const joined = entry !== undefined;
    if (entry === undefined) entry = this.#start(request);
    // A caller with more time than the query in flight keeps it going that long.
    else entry.flight.extend(request.deadline);
    return { joined, result: this.#waitFor(entry, request.signal, request.timeoutMs) };
  }

  /** Aborts every query in flight; callers get `aborted`. */
  close(): void {
    this.#closing.abort(resolverClosed);
  }

  #forget(entry: SharedFlight): void {
    if (this.#inFlight.get(entry.key) === entry) this.#inFlight.delete(entry.key);
  }

  #start(request: FlightRequest): SharedFlight {
    const flight = startFlight(request.question, this.#health, this.#settings, request);
    const closing = this.#closing.signal;
    const onClose = (): void => flight.abort();
    closing.addEventListener('abort', onClose, { once: true });
    // The callback runs after the upstream query settles, long after `entry` is assigned.
    const entry: SharedFlight = {
      key: request.key,
      flight,
      waiters: 0,
      promise: flight.promise.then((result) => {
        this.#forget(entry);
        closing.removeEventListener('abort', onClose);
        this.#onResult(request, result);
        return result;
      }),
    };
    this.#inFlight.set(request.key, entry);
    return entry;
  }

  /** Waits for a shared query on behalf of one caller, who may abort or time out alone. */
  #waitFor(entry: SharedFlight, signal: AbortSignal | undefined, timeoutMs: number | undefined): Promise<ExchangeResult> {
    entry.waiters += 1;
    return new Promise<ExchangeResult>((resolve) => {
      let done = false;
      const leave = (error: DnsError): void => {
        if (done) return;
        finish();
        entry.waiters -= 1;
        // The last caller to give up stops the upstream query as well, and a later caller
        // must not join the query being stopped.
        if (entry.waiters === 0) {
          this.#forget(entry);
          entry.flight.abort();
        }
        resolve({ ok: false, error, server: this.#settings.description });
      };
      const onAbort = (): void => leave({ code: 'aborted', message: 'query aborted' });
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => leave(entry.flight.progress(`no answer within ${timeoutMs} ms`)), Math.min(timeoutMs, MAX_TIMER_MS));
      function finish(): void {
        done = true;
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      void entry.promise.then((result) => {
        if (done) return;
        finish();
        entry.waiters -= 1;
        resolve(result);
      });
    });
  }
}
