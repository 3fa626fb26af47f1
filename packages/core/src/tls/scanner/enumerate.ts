/**
 * Version decisions and cipher-suite enumeration by iterative removal: offer a chunk of
 * candidates, note the suite the server picks, offer the chunk again without it, until the
 * server refuses; a chunk costs (accepted suites in it + 1) connections. The first chunk holds
 * the commonly deployed suites, so a typical server's configuration is found in it; the other
 * chunks each cost one refused hello. Chunks are independent, so they run in parallel when the
 * dialer allows (HTTPS) and one after another otherwise (mail).
 */
import type { TlsVersion, VersionSupport } from '../types.js';
import { ALERT_PROTOCOL_VERSION, suiteCandidates, versionCode, versionFromCode } from './constants.js';
import type { HelloProfile } from './client-hello.js';
import { type ScanContext, describeOutcome } from './context.js';
import type { ConnectionPriority, HelloOutcome } from './dialer.js';
import type { ServerFlight } from './records.js';

/** Versions a raw TLS hello can offer. */
export type HelloVersion = Exclude<TlsVersion, 'SSLv2'>;

/** What one hello said about a version. */
type FirstAnswer =
  | { readonly kind: 'accepted'; readonly suite: number; readonly flight: ServerFlight }
  | { readonly kind: 'unsupported'; readonly detail: string }
  | { readonly kind: 'refused-offer'; readonly detail: string }
  | { readonly kind: 'undecided'; readonly code: string; readonly detail: string };

/**
 * Reads one outcome for a version. `definiteClose`: a close or reset counts as "not this version"
 * (true for a version's first hello: servers such as Schannel reset on versions they disable),
 * instead of "not these suites".
 */
function interpret(version: HelloVersion, offer: readonly number[], outcome: HelloOutcome, definiteClose: boolean): FirstAnswer {
  switch (outcome.kind) {
    case 'hello': {
      const hello = outcome.flight.serverHello;
      const negotiated = versionFromCode(hello.version);
      if (hello.version !== versionCode[version]) {
        if (hello.version > versionCode[version] || negotiated === undefined) {
          return { kind: 'undecided', code: 'malformed', detail: `the server answered with version 0x${hello.version.toString(16)}` };
        }
        return { kind: 'unsupported', detail: `the server answered with ${negotiated}` };
      }
      if (!offer.includes(hello.suite)) {
        return {
          kind: 'undecided',
          code: 'malformed',
          detail: `the server chose suite 0x${hello.suite.toString(16)}, which was not offered`,
        };
      }
      return { kind: 'accepted', suite: hello.suite, flight: outcome.flight };
    }
    case 'alert':
      if (outcome.description === ALERT_PROTOCOL_VERSION) return { kind: 'unsupported', detail: outcome.message };
      return { kind: 'refused-offer', detail: outcome.message };
    case 'sslv2':
      return { kind: 'unsupported', detail: `the server answered with ${outcome.message}` };
    case 'failure':
      if ((outcome.code === 'closed' || outcome.code === 'reset') && definiteClose) return { kind: 'unsupported', detail: outcome.message };
      if (outcome.code === 'closed' || outcome.code === 'reset') return { kind: 'refused-offer', detail: outcome.message };
      return { kind: 'undecided', code: outcome.code, detail: outcome.message };
    case 'unavailable': {
      const { code, message } = describeOutcome(outcome);
      return { kind: 'undecided', code, detail: message };
    }
  }
}

/** One chunk of candidates and what the server accepted from it. */
class Chunk {
  readonly candidates: readonly number[];
  readonly accepted: number[] = [];
  readonly flights = new Map<number, ServerFlight>();
  /** Suites offered at least once. */
  offeredCount = 0;
  /** The suites of the first hello of this chunk, in order (for the server-preference test). */
  firstOffer: readonly number[] | undefined;
  done = false;
  complete = false;

  constructor(candidates: readonly number[]) {
    this.candidates = candidates;
  }

  /** The next offer: the candidates not yet accepted, in order. */
  offer(): number[] {
    return this.candidates.filter((suite) => !this.accepted.includes(suite));
  }
}

/** Suite enumeration (and version decision) for one version. */
export class SuiteEnumerator {
  /** The version. */
  readonly version: HelloVersion;
  readonly #context: ScanContext;
  readonly #chunks: Chunk[];
  #decision: VersionSupport | undefined;
  #firstRefusal: string | undefined;
  #enumeration: Promise<void> | undefined;

  /**
   * @param context - the scan
   * @param version - the version
   * @param chunkSize - the most suites per hello
   */
  constructor(context: ScanContext, version: HelloVersion, chunkSize: number) {
    this.#context = context;
    this.version = version;
    const candidates = suiteCandidates(version);
    this.#chunks = [];
    for (let i = 0; i < candidates.length; i += chunkSize) this.#chunks.push(new Chunk(candidates.slice(i, i + chunkSize)));
  }

  /** The decision about the version, once made. */
  get decision(): VersionSupport | undefined {
    return this.#decision;
  }

  /** Accepted suites, chunk by chunk, each in the order the server chose it. */
  get accepted(): number[] {
    return this.#chunks.flatMap((chunk) => chunk.accepted);
  }

  /** The flight in which the server chose a suite. */
  flight(suite: number): ServerFlight | undefined {
    for (const chunk of this.#chunks) {
      const flight = chunk.flights.get(suite);
      if (flight !== undefined) return flight;
    }
    return undefined;
  }

  /** Whether every chunk ran to the server's refusal. */
  get complete(): boolean {
    return this.#chunks.every((chunk) => chunk.complete);
  }

  /** How many distinct suites were offered. */
  get offeredCount(): number {
    return this.#chunks.reduce((sum, chunk) => sum + chunk.offeredCount, 0);
  }

  /** The first chunk's first offer (what a normal hello of this scan offers). */
  get firstOffer(): readonly number[] | undefined {
    return this.#chunks[0]?.firstOffer;
  }

  #decide(decision: VersionSupport): void {
    this.#decision ??= decision;
  }

  /** Offers the chunk's remaining candidates once; returns whether the chunk goes on. */
  async #step(chunk: Chunk, first: boolean, outcomeIn?: HelloOutcome, priority: ConnectionPriority = 'normal'): Promise<FirstAnswer> {
    const offer = chunk.offer();
    if (offer.length === 0) {
      chunk.done = true;
      chunk.complete = true;
      return { kind: 'refused-offer', detail: 'nothing left to offer' };
    }
    if (chunk.firstOffer === undefined) {
      chunk.firstOffer = offer;
      chunk.offeredCount = offer.length;
    }
    const outcome = outcomeIn ?? (await this.#context.hello({ version: this.version, suites: offer }, priority));
    const answer = interpret(this.version, offer, outcome, first);
    switch (answer.kind) {
      case 'accepted':
        chunk.accepted.push(answer.suite);
        chunk.flights.set(answer.suite, answer.flight);
        this.#decide({ version: this.version, supported: true });
        break;
      case 'refused-offer':
        chunk.done = true;
        chunk.complete = true;
        break;
      case 'unsupported':
        chunk.done = true;
        // Only a version's first answer decides it; later it means the server changed its mind.
        if (first) this.#decide({ version: this.version, supported: false, detail: answer.detail });
        else this.#context.problem(`suites:${this.version}`, 'inconsistent', answer.detail);
        break;
      case 'undecided':
        chunk.done = true;
        this.#context.problem(`suites:${this.version}`, answer.code, answer.detail);
        break;
    }
    return answer;
  }

  /**
   * Sends the version's first hello (the first chunk, or the TLS 1.3 suites), in the scan's
   * profile unless told otherwise. Returns the outcome so that callers can retry on intolerance.
   */
  async first(profile?: HelloProfile): Promise<HelloOutcome> {
    const chunk = this.#chunks[0];
    if (chunk === undefined) throw new Error('no candidates');
    // The version's decision, and what builds on it, waits for this hello.
    const sent = await this.#context.hello(
      { version: this.version, suites: chunk.offer(), ...(profile === undefined ? {} : { profile }) },
      'chain',
    );
    const answer = await this.#step(chunk, true, sent);
    if (answer.kind === 'refused-offer') this.#firstRefusal = answer.detail;
    if (answer.kind === 'undecided') this.#decide({ version: this.version, supported: null, detail: answer.detail });
    return sent;
  }

  /** Forgets the first answer (to retry it with another profile). */
  resetFirst(): void {
    const chunk = this.#chunks[0];
    if (chunk === undefined) return;
    this.#chunks[0] = new Chunk(chunk.candidates);
    this.#decision = undefined;
    this.#firstRefusal = undefined;
  }

  /**
   * Decides the version: when the first chunk was refused without saying "wrong version", the
   * other chunks are offered one by one until the server accepts one or all are refused.
   */
  async decide(): Promise<VersionSupport> {
    if (this.#decision !== undefined) return this.#decision;
    let refusal = this.#firstRefusal;
    for (const chunk of this.#chunks) {
      if (chunk.done || chunk.accepted.length > 0) continue;
      // The rest of the scan waits for the decision.
      const answer = await this.#step(chunk, false, undefined, 'chain');
      if (answer.kind === 'undecided') {
        this.#decide({ version: this.version, supported: null, detail: answer.detail });
      }
      if (answer.kind === 'refused-offer') refusal ??= answer.detail;
      if (this.#decision !== undefined) return this.#decision;
    }
    const last = `every candidate suite was refused${refusal === undefined ? '' : ` (${refusal})`}`;
    this.#decide({ version: this.version, supported: false, detail: last });
    return this.#decision ?? { version: this.version, supported: false, detail: last };
  }

  /**
   * Enumerates every chunk to the end (chunks in parallel; the dialer bounds concurrency). Runs
   * once: a second call gets the first call's promise, so steps that need the accepted suites may
   * each wait for it.
   */
  enumerate(): Promise<void> {
    this.#enumeration ??= Promise.all(
      this.#chunks.map(async (chunk) => {
        // A chunk that found a suite goes on first: its next hello heads the longest chain of the enumeration.
        while (!chunk.done) await this.#step(chunk, false, undefined, chunk.accepted.length > 0 ? 'lead' : 'chain');
      }),
    ).then(() => undefined);
    return this.#enumeration;
  }
}

/** The version decision for an SSLv2 hello's outcome. */
export function sslv2Decision(outcome: HelloOutcome): VersionSupport {
  if (outcome.kind === 'sslv2') {
    const supported = outcome.hello !== undefined && outcome.hello.version === 2 && outcome.hello.cipherKinds.length > 0;
    return supported
      ? { version: 'SSLv2', supported: true }
      : { version: 'SSLv2', supported: false, detail: `the server answered with ${outcome.message}` };
  }
  if (outcome.kind === 'alert') return { version: 'SSLv2', supported: false, detail: outcome.message };
  if (outcome.kind === 'hello') return { version: 'SSLv2', supported: false, detail: 'the server answered with a TLS ServerHello' };
  if (outcome.kind === 'failure' && (outcome.code === 'closed' || outcome.code === 'reset' || outcome.code === 'malformed')) {
    return { version: 'SSLv2', supported: false, detail: outcome.message };
  }
  return { version: 'SSLv2', supported: null, detail: describeOutcome(outcome).message };
}

/** Whether an outcome looks like hello intolerance (the connection dropped without a word). */
export function droppedWithoutAnswer(outcome: HelloOutcome): boolean {
  return outcome.kind === 'failure' && (outcome.code === 'closed' || outcome.code === 'reset');
}
