import type { Resolver } from '../dns/types.js';
import type { Validator } from '../dnssec/types.js';
import type { HttpClient } from '../http/types.js';
import type { RpkiSources } from '../rpki/types.js';
import type { Network } from '../transport/network.js';
import type { TrustStore } from '../trust/types.js';
import type { ScanCaches } from './caches.js';
import type { AddressSelection } from './check.js';
import type { Evidence } from './evidence.js';
import type { Subject } from './subject.js';
import type { ScanTarget } from './target.js';
import { type AnyProbeDeclaration, type ProbeDeclaration, type ProbeScope, validateDeclaration } from './probe-declaration.js';
import type { ProbeNeed } from './vantage.js';

export type { ProbeScope } from './probe-declaration.js';

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
  /**
   * Where route origin data comes from: routes for an address and validated ROA payloads. Absent
   * by default (pastoe has no public default it could use without asking): the RPKI subtests are
   * then `not-tested`.
   */
  readonly rpki?: RpkiSources;
}

/** Settings that shape how probes behave on the wire. */
export interface ProbeSettings {
  /** The EHLO name for SMTP. */
  readonly ehloName: string;
  /** The User-Agent for HTTP requests. */
  readonly userAgent: string;
  /**
   * How far one TLS scan serves others that share the scan caches (a bulk run). `address` (the
   * default): a name on an address and port that another name was scanned on in full gets its own
   * first hellos, node:tls handshake and 0-RTT test, and when those hellos answer exactly as for the
   * other name, the enumeration is carried over (see `TlsEvidence.enumerationFrom`). `name`: every
   * name is scanned in full, as Internet.nl does.
   */
  readonly tlsSharing: TlsSharing;
}

/** Values of {@link ProbeSettings.tlsSharing}. */
export type TlsSharing = 'address' | 'name';

/**
 * Where a probe reads other probes' evidence, by declaration: the scan's binding chooses the
 * implementation, and each probe runs once per scan whoever asks first.
 */
export interface EvidenceSource {
  /** The evidence of a target-scope probe (run once per scan, shared with every other user). */
  evidence<Data>(probe: ProbeDeclaration<Data, 'target'>): Promise<Evidence<Data>>;
  /** The evidence of an each-scope probe, one entry per planned subject. */
  evidenceList<Data>(probe: ProbeDeclaration<Data, 'each'>): Promise<readonly Evidence<Data>[]>;
  /**
   * Which addresses of a server the scan's per-address checks judge (absent: `first`): a
   * per-address probe plans those only (see `selectAddresses`), so that no connection is wasted.
   */
  readonly addresses?: AddressSelection;
}

/** What a probe's `plan` may use to choose its subjects. */
export interface PlanContext extends EvidenceSource {
  /** The scan target. */
  readonly target: ScanTarget;
  /** Aborts when the scan is aborted. */
  readonly signal: AbortSignal;
}

/**
 * What a probe's `run` gets. Its `evidence` and `evidenceList` give the evidence of the probes the
 * implementation lists in `uses`, gathered before the run started (their time is not the run's);
 * asking for one it does not list rejects with an `internal` `ProbeFailure`.
 */
export interface ProbeContext extends EvidenceSource {
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
 * A probe implementation: its declaration plus the network I/O that produces the declared
 * evidence. Define one with {@link implementProbe} (from a declaration) or {@link defineProbe}
 * (declaration and implementation at once). Presets and `scan`'s `probes` option bind
 * implementations to the declarations checks name, by id.
 */
export interface ProbeDefinition<Data, Scope extends ProbeScope = ProbeScope> extends ProbeDeclaration<Data, Scope> {
  /** Time limit per run in milliseconds; the runner's default when absent. */
  readonly timeoutMs?: number;
  /** The probes whose evidence this implementation reads (see {@link ProbeUses}). */
  readonly uses?: ProbeUses;
  /**
   * For each-scope probes: the subjects to run on. Throwing here fails the probe as `dependency`.
   * Bounded like `run`: by the probe's time limit (not counting waits for other probes'
   * evidence), the scan's limit and the caller's signal.
   */
  plan?(context: PlanContext): Promise<readonly Subject[]> | readonly Subject[];
  /** Does the I/O. Throw a `ProbeFailure` for a typed failure. */
  run(subject: Subject, context: ProbeContext): Promise<Data>;
}

/**
 * The declarations of the probes an implementation reads evidence from, in its plan or its run.
 * The runner gathers them before the probe plans or runs, and a scan whose bound implementations
 * use each other in a cycle is refused before it starts. A plan may still ask for a probe it does
 * not list (checked for cycles only as it runs); a run may not.
 */
export type ProbeUses = readonly AnyProbeDeclaration[];

/** A probe implementation of any evidence type, as presets and the runner hold them. */
export type AnyProbe = ProbeDefinition<unknown, ProbeScope>;

/** How a target-scope declaration is implemented. */
export interface TargetProbeImplementation<Data> {
  /** Time limit per run in milliseconds. */
  readonly timeoutMs?: number;
  /** The probes whose evidence its plan or run reads. */
  readonly uses?: ProbeUses;
  /** Does the I/O on the target's subject (`{ name: domain, role: 'domain' }`). */
  run(subject: Subject, context: ProbeContext): Promise<Data>;
}

/** How an each-scope declaration is implemented. */
export interface EachProbeImplementation<Data> {
  /** Time limit per run in milliseconds. */
  readonly timeoutMs?: number;
  /** The probes whose evidence its plan or run reads. */
  readonly uses?: ProbeUses;
  /** Chooses the subjects, possibly from other probes' evidence (asked for by declaration). */
  plan(context: PlanContext): Promise<readonly Subject[]> | readonly Subject[];
  /** Does the I/O on one subject. */
  run(subject: Subject, context: ProbeContext): Promise<Data>;
}

/** Implements a target-scope declaration: the result binds to it by id. */
export function implementProbe<Data>(
  declaration: ProbeDeclaration<Data, 'target'>,
  implementation: TargetProbeImplementation<Data>,
): ProbeDefinition<Data, 'target'>;
/** Implements an each-scope declaration: the result binds to it by id. */
export function implementProbe<Data>(
  declaration: ProbeDeclaration<Data, 'each'>,
  implementation: EachProbeImplementation<Data>,
): ProbeDefinition<Data, 'each'>;
export function implementProbe<Data>(
  declaration: ProbeDeclaration<Data, ProbeScope>,
  implementation: TargetProbeImplementation<Data> | EachProbeImplementation<Data>,
): ProbeDefinition<Data, ProbeScope> {
  validateDeclaration(declaration);
  validateUses(declaration.id, implementation.uses);
  if (declaration.scope === 'each' && typeof (implementation as Partial<EachProbeImplementation<Data>>).plan !== 'function') {
    throw new TypeError(`probe ${declaration.id}: an each-scope probe needs a plan`);
  }
  return Object.freeze({
    id: declaration.id,
    description: declaration.description,
    scope: declaration.scope,
    ...(declaration.needs === undefined ? {} : { needs: declaration.needs }),
    ...implementation,
  });
}

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
  /** The probes whose evidence its plan or run reads. */
  readonly uses?: ProbeUses;
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
  /** The probes whose evidence its plan or run reads. */
  readonly uses?: ProbeUses;
  /** What it needs from pastoe's vantage point. Default `['dns']`. */
  readonly needs?: readonly ProbeNeed[];
  /** Chooses the subjects, possibly from other probes' evidence. */
  plan(context: PlanContext): Promise<readonly Subject[]> | readonly Subject[];
  /** Does the I/O on one subject. */
  run(subject: Subject, context: ProbeContext): Promise<Data>;
}

/**
 * Defines a probe that runs once per scan, on the target domain: its declaration and its
 * implementation in one object, for probes that only one implementation will ever serve (tests,
 * a user's own checks). Shared probes are declared with `declareProbe` and implemented apart.
 */
export function defineProbe<Data>(input: TargetProbeInput<Data>): ProbeDefinition<Data, 'target'>;
/** Defines a probe that plans its subjects and runs once on each. */
export function defineProbe<Data>(input: EachProbeInput<Data>): ProbeDefinition<Data, 'each'>;
export function defineProbe<Data>(
  input: TargetProbeInput<Data> | EachProbeInput<Data>,
): ProbeDefinition<Data, 'target'> | ProbeDefinition<Data, 'each'> {
  validateDeclaration(input);
  validateUses(input.id, input.uses);
  if (input.scope === 'each') return Object.freeze({ ...input, scope: 'each' as const });
  return Object.freeze({ ...input, scope: 'target' as const });
}

/** Throws a TypeError unless `uses` is absent or a list of probe declarations. */
function validateUses(id: string, uses: unknown): void {
  if (uses === undefined) return;
  const isDeclaration = (item: unknown): boolean => {
    const candidate = item as Partial<AnyProbeDeclaration> | null;
    return (
      typeof candidate === 'object' &&
      candidate !== null &&
      typeof candidate.id === 'string' &&
      (candidate.scope === 'target' || candidate.scope === 'each')
    );
  };
  if (!Array.isArray(uses) || !uses.every(isDeclaration)) {
    throw new TypeError(`probe ${id}: uses must list probe declarations (declareProbe)`);
  }
}
