import type { Resolver } from '../dns/types.js';
import type { Validator } from '../dnssec/validator.js';
import type { HttpClient } from '../http/client.js';
import type { Network } from '../transport/network.js';
import type { TrustStore } from '../trust/store.js';
import type { ScanCaches } from '../runner/caches.js';
import type { Evidence } from './evidence.js';
import type { Subject } from './subject.js';
import type { ScanTarget } from './target.js';
import { type ProbeNeed, probeNeeds } from './vantage.js';

/** The transports a probe reaches the world through. */
export interface Transports {
  /** TCP and UDP, behind the address policy. */
  readonly network: Network;
  /** DNS. */
  readonly resolver: Resolver;
  /** DNSSEC validation over the resolver, from the trust anchors down. */
  readonly validator: Validator;
  /** The roots every TLS client of the scan validates certificates against (TLS scanner, HTTP, DoH). */
  readonly trust: TrustStore;
  /** HTTP/1.1 over the network, validating against `trust`, with the scan's User-Agent; one keep-alive pool per scan run. */
  readonly http: HttpClient;
}

/** Settings that shape how probes behave on the wire. */
export interface ProbeSettings {
  /** The EHLO name for SMTP. */
  readonly ehloName: string;
  /** The User-Agent for HTTP requests. */
  readonly userAgent: string;
}

/**
 * `target`: the probe runs once per scan, on the domain itself.
 * `each`: the probe plans its subjects (servers, addresses) and runs once per subject.
 */
export type ProbeScope = 'target' | 'each';

/** What a probe's `plan` may use to choose its subjects. */
export interface PlanContext {
  /** The scan target. */
  readonly target: ScanTarget;
  /** Aborts when the scan is aborted. */
  readonly signal: AbortSignal;
  /** The evidence of a target-scope probe (run once per scan, shared with every other user). */
  evidence<Data>(probe: ProbeDefinition<Data, 'target'>): Promise<Evidence<Data>>;
  /** The evidence of an each-scope probe, one entry per planned subject. */
  evidenceList<Data>(probe: ProbeDefinition<Data, 'each'>): Promise<readonly Evidence<Data>[]>;
}

/** What a probe's `run` gets. */
export interface ProbeContext {
  /** The scan target. */
  readonly target: ScanTarget;
  /** Aborts when the scan is aborted or the probe's time is up. Pass it to every I/O call. */
  readonly signal: AbortSignal;
  /** The transports. */
  readonly transports: Transports;
  /** Caches shared across the scans of one `scanMany`. */
  readonly caches: ScanCaches;
  /** Wire settings. */
  readonly settings: ProbeSettings;
  /** The scan's clock. */
  now(): Date;
}

/**
 * A probe: network I/O that produces typed, serialisable evidence about one subject. Define one
 * with {@link defineProbe}.
 */
export interface ProbeDefinition<Data, Scope extends ProbeScope = ProbeScope> {
  /** Unique id, kebab-case, e.g. `dns-soa`. */
  readonly id: string;
  /** One line on what it observes. */
  readonly description: string;
  /** Whether it runs on the target or on planned subjects. */
  readonly scope: Scope;
  /** Time limit per run in milliseconds; the runner's default when absent. */
  readonly timeoutMs?: number;
  /**
   * What the probe needs from pastoe's vantage point; `['dns']` when absent, `[]` for a probe
   * that does no I/O. When the vantage check finds a need unmet, the probe does not run and its
   * evidence is a `vantage` failure.
   */
  readonly needs?: readonly ProbeNeed[];
  /**
   * For each-scope probes: the subjects to run on. Throwing here fails the probe as `dependency`.
   * Bounded like `run`: by the probe's time limit (not counting waits for other probes'
   * evidence), the scan's limit and the caller's signal.
   */
  plan?(context: PlanContext): Promise<readonly Subject[]> | readonly Subject[];
  /** Does the I/O. Throw a `ProbeFailure` for a typed failure. */
  run(subject: Subject, context: ProbeContext): Promise<Data>;
}

/** What a probe needs from the vantage point: its declaration, or `['dns']`. */
export function probeNeedsOf(probe: Pick<ProbeDefinition<unknown>, 'needs'>): readonly ProbeNeed[] {
  return probe.needs ?? defaultProbeNeeds;
}

const defaultProbeNeeds: readonly ProbeNeed[] = Object.freeze(['dns']);

/** The data type a probe produces. */
export type ProbeData<P> = P extends ProbeDefinition<infer Data, ProbeScope> ? Data : never;

/** The input of {@link defineProbe} for a probe that runs once on the target. */
export interface TargetProbeInput<Data> {
  /** Unique id, kebab-case. */
  readonly id: string;
  /** One line on what it observes. */
  readonly description: string;
  /** Omitted or `target`. */
  readonly scope?: 'target';
  /** Time limit per run in milliseconds. */
  readonly timeoutMs?: number;
  /** What it needs from pastoe's vantage point. Default `['dns']`. */
  readonly needs?: readonly ProbeNeed[];
  /** Does the I/O on the target's subject (`{ name: domain, role: 'domain' }`). */
  run(subject: Subject, context: ProbeContext): Promise<Data>;
}

/** The input of {@link defineProbe} for a probe that runs once per planned subject. */
export interface EachProbeInput<Data> {
  /** Unique id, kebab-case. */
  readonly id: string;
  /** One line on what it observes. */
  readonly description: string;
  /** `each`. */
  readonly scope: 'each';
  /** Time limit per run in milliseconds. */
  readonly timeoutMs?: number;
  /** What it needs from pastoe's vantage point. Default `['dns']`. */
  readonly needs?: readonly ProbeNeed[];
  /** Chooses the subjects, possibly from other probes' evidence. */
  plan(context: PlanContext): Promise<readonly Subject[]> | readonly Subject[];
  /** Does the I/O on one subject. */
  run(subject: Subject, context: ProbeContext): Promise<Data>;
}

/** Defines a probe that runs once per scan, on the target domain. */
export function defineProbe<Data>(input: TargetProbeInput<Data>): ProbeDefinition<Data, 'target'>;
/** Defines a probe that plans its subjects and runs once on each. */
export function defineProbe<Data>(input: EachProbeInput<Data>): ProbeDefinition<Data, 'each'>;
export function defineProbe<Data>(
  input: TargetProbeInput<Data> | EachProbeInput<Data>,
): ProbeDefinition<Data, 'target'> | ProbeDefinition<Data, 'each'> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(input.id)) {
    throw new TypeError(`probe id must be kebab-case: ${JSON.stringify(input.id)}`);
  }
  if (input.needs !== undefined && !(Array.isArray(input.needs) && input.needs.every((need) => probeNeeds.includes(need)))) {
    throw new TypeError(`probe ${input.id}: needs must list only ${probeNeeds.join(', ')}`);
  }
  if (input.scope === 'each') return Object.freeze({ ...input, scope: 'each' as const });
  return Object.freeze({ ...input, scope: 'target' as const });
}
