import type { DnsError } from '../types.js';
import { workSettled } from '../../util/abort.js';
import type { NormalizedQuestion } from '../wire/message.js';
import { AttemptLog } from './attempts.js';
import { type ExchangeResult, type Transport, toExchangeError } from './transport.js';

/** Errors after which asking again cannot help. */
const FINAL_ERRORS: ReadonlySet<string> = new Set(['aborted', 'invalid-name']);
/** Errors after which asking the same server again cannot help, though another server might. */
const SERVER_FINAL_ERRORS: ReadonlySet<string> = new Set(['forbidden-address', 'unsupported', 'too-large']);
/** How long a server that failed is tried after the others. */
const PENALTY_MS = 30_000;
/** The shortest wait before the next server is asked alongside one that has not answered yet. */
const MIN_STAGGER_MS = 250;
// Node turns a delay above 2^31 - 1 ms into 1 ms, which would make a far deadline fire at once.
const MAX_TIMER_MS = 2_147_483_647;

function delayUntil(time: number, now: number): number {
  return Math.min(Math.max(0, time - now), MAX_TIMER_MS);
}

/** The limits and clocks one upstream query works with. */
export interface UpstreamSettings {
  /** What the resolver calls itself, for an error no single server caused. */
  readonly description: string;
  /** Time limit for one exchange with one server, in milliseconds. */
  readonly attemptTimeoutMs: number;
  /** How many more rounds over the servers after the first fails. */
  readonly retries: number;
  /** The first backoff between rounds, in milliseconds. */
  readonly retryDelayMs: number;
  /** Called once for every message put on the wire. */
  readonly onSend: () => void;
  /** The clock in milliseconds since the epoch. */
  readonly now: () => number;
  /** The jitter source, 0 ≤ x < 1. */
  readonly random: () => number;
}

/** Orders a resolver's servers: healthy ones first in the configured order, recently failed ones after. */
export class ServerHealth {
  readonly #transports: readonly Transport[];
  readonly #now: () => number;
  readonly #failedAt = new Map<Transport, number>();

  /**
   * @param transports - the servers in configured order
   * @param now - the clock in milliseconds since the epoch
   */
  constructor(transports: readonly Transport[], now: () => number) {
    this.#transports = transports;
    this.#now = now;
  }

  /** The servers in the order to ask them now. */
  ordered(): readonly Transport[] {
    const time = this.#now();
    const healthy = this.#transports.filter((t) => (this.#failedAt.get(t) ?? Number.NEGATIVE_INFINITY) + PENALTY_MS <= time);
    return healthy.length === this.#transports.length
      ? this.#transports
      : [...healthy, ...this.#transports.filter((t) => !healthy.includes(t))];
  }

  /** A server failed, or was slower than one asked after it. */
  failed(transport: Transport): void {
    this.#failedAt.set(transport, this.#now());
  }

  /** A server answered. */
  answered(transport: Transport): void {
    this.#failedAt.delete(transport);
  }
}

/** One upstream query, shared by every caller asking the same question at the same time. */
export interface Flight {
  /** The answer, or an error naming every server asked and why each failed. Never rejects. */
  readonly promise: Promise<ExchangeResult>;
  /** Moves the deadline later, never earlier; attempts under way get the extra time too. */
  extend(deadline: number): void;
  /** An error for a caller who gives up before the query ends: `lead`, then the servers asked so far. */
  progress(lead: string): DnsError;
  /** Stops the query: attempts under way are aborted and the result is `aborted`. */
  abort(): void;
}

/** One exchange with one server, whose time limit the flight can move. */
interface Attempt {
  readonly transport: Transport;
  readonly startedAt: number;
  readonly controller: AbortController;
  timer: NodeJS.Timeout | undefined;
  timedOut: boolean;
}

/** What an attempt ended with. */
interface Outcome {
  readonly attempt: Attempt;
  readonly result: ExchangeResult;
}

/**
 * Asks the servers until one gives a usable answer or the deadline passes. A round asks each
 * server once, in {@link ServerHealth} order: the next server is asked as soon as one fails, or
 * alongside a slow one once a stagger interval has passed (the time left shared out over the
 * servers, at least 250 ms, at most the attempt limit), so that a long fallback list of dead
 * servers still fits in the deadline and a slow server's late answer still counts. The first
 * answer wins and stops the others. Failed rounds are repeated `retries` times with exponential
 * backoff and jitter while time is left. Any response is an answer, SERVFAIL and REFUSED
 * included: a SERVFAIL is often the DNSSEC verdict being tested.
 *
 * @param question - what to ask
 * @param health - the servers, and which failed recently
 * @param settings - limits and clocks
 * @param time - when the first caller asked and when to give up, in milliseconds since the
 *   epoch; {@link Flight.extend} moves the deadline
 */
export function startFlight(
  question: NormalizedQuestion,
  health: ServerHealth,
  settings: UpstreamSettings,
  time: { readonly startedAt: number; readonly deadline: number },
): Flight {
  const { now } = settings;
  const startedAt = time.startedAt;
  let deadline = time.deadline;
  // A flag and one waker instead of an AbortController: nothing outside the flight listens, and
  // a controller with its event machinery on every query was a measurable share of a cold validation.
  let abandoned = false;
  const log = new AttemptLog();
  const running = new Set<Attempt>();
  let wakeRound: () => void = () => {};
  let wakeBackoff: () => void = () => {};
  const aborted: ExchangeResult = { ok: false, error: { code: 'aborted', message: 'query aborted' }, server: settings.description };

  /** Sets an attempt's timer to its own limit or the query's deadline, whichever comes first. */
  const arm = (attempt: Attempt): void => {
    if (attempt.timer !== undefined) clearTimeout(attempt.timer);
    const end = Math.min(attempt.startedAt + settings.attemptTimeoutMs, deadline);
    attempt.timer = setTimeout(
      () => {
        attempt.timedOut = true;
        attempt.controller.abort();
      },
      delayUntil(end, now()),
    );
  };

  const stop = (attempt: Attempt): void => {
    if (attempt.timer !== undefined) clearTimeout(attempt.timer);
    running.delete(attempt);
    attempt.controller.abort(workSettled);
  };

  const timeoutOf = (attempt: Attempt): DnsError => ({
    code: 'timeout',
    message: `no answer within ${Math.round(now() - attempt.startedAt)} ms`,
  });

  const ask = (transport: Transport, report: (outcome: Outcome) => void): Attempt => {
    const attempt: Attempt = { transport, startedAt: now(), controller: new AbortController(), timer: undefined, timedOut: false };
    running.add(attempt);
    log.asked(transport.description, attempt.startedAt);
    arm(attempt);
    // The flight's own timer decides how long the attempt may take, so the transport gets the
    // full attempt limit and the abort ends it sooner.
    const context = { signal: attempt.controller.signal, timeoutMs: settings.attemptTimeoutMs, onSend: settings.onSend, now };
    void transport
      .exchange(question, context)
      // Transports never reject by contract; a bug in one must still not leave callers hanging.
      .catch((caught: unknown): ExchangeResult => ({ ok: false, error: toExchangeError(caught), server: transport.description }))
      .then((result) => {
        if (attempt.timer !== undefined) clearTimeout(attempt.timer);
        running.delete(attempt);
        const timedOut = attempt.timedOut && !result.ok && result.error.code === 'aborted';
        report({ attempt, result: timedOut ? { ok: false, error: timeoutOf(attempt), server: transport.description } : result });
      });
    return attempt;
  };

  /** One round over the servers; `undefined` when every one failed or time ran out. */
  const runRound = async (candidates: readonly Transport[], givenUp: Set<Transport>): Promise<ExchangeResult | undefined> => {
    const roundStart = now();
    const mine = new Set<Attempt>();
    const outcomes: Outcome[] = [];
    const stagger = (): number =>
      Math.min(settings.attemptTimeoutMs, Math.max(MIN_STAGGER_MS, (deadline - roundStart) / candidates.length));
    /** Stops this round's attempts under way; those that started before `slowerThan` count as failed. */
    const stopMine = (slowerThan: number): void => {
      for (const attempt of mine) {
        if (attempt.startedAt < slowerThan) {
          log.failed(attempt.transport.description, timeoutOf(attempt));
          health.failed(attempt.transport);
        }
        stop(attempt);
      }
      mine.clear();
    };
    let next = 0;
    let lastStart = Number.NEGATIVE_INFINITY;
    try {
      for (;;) {
        if (abandoned) return aborted;
        for (const { attempt, result } of outcomes.splice(0)) {
          mine.delete(attempt);
          if (result.ok) {
            health.answered(attempt.transport);
            // Servers asked before this one and still silent were slower: they go last for a while.
            stopMine(attempt.startedAt);
            return result;
          }
          log.failed(attempt.transport.description, result.error);
          health.failed(attempt.transport);
          if (FINAL_ERRORS.has(result.error.code)) return result;
          if (SERVER_FINAL_ERRORS.has(result.error.code)) givenUp.add(attempt.transport);
        }
        const time = now();
        if (time >= deadline) return undefined;
        const transport = candidates[next];
        if (transport !== undefined && (mine.size === 0 || time >= lastStart + stagger())) {
          next += 1;
          lastStart = time;
          mine.add(
            ask(transport, (outcome) => {
              outcomes.push(outcome);
              wakeRound();
            }),
          );
          continue;
        }
        if (mine.size === 0) return undefined;
        const until = transport === undefined ? deadline : Math.min(lastStart + stagger(), deadline);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(wake, delayUntil(until, time));
          function wake(): void {
            clearTimeout(timer);
            wakeRound = () => {};
            resolve();
          }
          wakeRound = wake;
          if (outcomes.length > 0 || abandoned) wake();
        });
      }
    } finally {
      // Time ran out or a final error came: what is still under way failed to answer in time,
      // as far as this query is concerned. An abort says nothing about the servers.
      stopMine(abandoned ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
    }
  };

  const backoff = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeBackoff = () => {};
        resolve();
      }
      wakeBackoff = done;
    });

  const run = async (): Promise<ExchangeResult> => {
    const givenUp = new Set<Transport>();
    for (let round = 0; round <= settings.retries; round++) {
      if (round > 0) {
        // Exponential backoff with jitter, so that many scans retrying at once spread out.
        const delay = Math.min(settings.retryDelayMs * 2 ** (round - 1), 10_000) * (0.5 + settings.random() / 2);
        if (now() + delay >= deadline) break;
        await backoff(delay);
      }
      if (abandoned) return aborted;
      const candidates = health.ordered().filter((transport) => !givenUp.has(transport));
      if (candidates.length === 0) break;
      const result = await runRound(candidates, givenUp);
      if (result !== undefined) return result;
      if (now() >= deadline) break;
    }
    const outOfTime = now() >= deadline;
    const lead = outOfTime ? `no resolver answered within ${Math.round(deadline - startedAt)} ms` : 'no resolver gave a usable answer';
    const last = log.last;
    return {
      ok: false,
      error: log.error(outOfTime ? 'timeout' : (last?.code ?? 'network'), lead, now()),
      server: last?.server ?? settings.description,
    };
  };

  const promise = run();

  return {
    promise,
    extend(later: number): void {
      if (!(later > deadline)) return;
      deadline = later;
      for (const attempt of running) arm(attempt);
    },
    progress: (lead) => log.error('timeout', lead, now()),
    abort(): void {
      if (abandoned) return;
      abandoned = true;
      wakeRound();
      wakeBackoff();
    },
  };
}
