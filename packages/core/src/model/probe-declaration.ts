import { type ProbeNeed, probeNeeds } from './vantage.js';

/**
 * `target`: the probe runs once per scan, on the domain itself.
 * `each`: the probe plans its subjects (servers, addresses) and runs once per subject.
 */
export type ProbeScope = 'target' | 'each';

/**
 * Carries a declaration's evidence type at the type level only; no declaration has this key at
 * run time. Exported so that declaration files can name it.
 *
 * @public
 */
export declare const probeDataType: unique symbol;

/**
 * What a check names as its input: a probe's id, the type of evidence it gives, its scope and
 * what it needs from pastoe's vantage point, without the code that gathers it. Declare one with
 * {@link declareProbe}; a preset (or `scan`'s `probes` option) binds it to an implementation.
 */
export interface ProbeDeclaration<Data, Scope extends ProbeScope = ProbeScope> {
  /** Unique id, kebab-case, e.g. `dns-soa`. */
  readonly id: string;
  /** One line on what it observes. */
  readonly description: string;
  /** Whether it runs on the target or on planned subjects. */
  readonly scope: Scope;
  /**
   * What the probe needs from pastoe's vantage point; `['dns']` when absent, `[]` for a probe
   * that does no I/O. When the vantage check finds a need unmet, the probe does not run and its
   * evidence is a `vantage` failure.
   */
  readonly needs?: readonly ProbeNeed[];
  /** The evidence type, for type inference only. */
  readonly [probeDataType]?: Data;
}

/** A declaration of any evidence type, as check and preset collections hold them. */
export type AnyProbeDeclaration = ProbeDeclaration<unknown, ProbeScope>;

/** The input of {@link declareProbe}. */
export interface ProbeDeclarationInput<Scope extends ProbeScope> {
  /** Unique id, kebab-case. */
  readonly id: string;
  /** One line on what it observes. */
  readonly description: string;
  /** `each` for a probe that plans its subjects; omitted or `target` otherwise. */
  readonly scope?: Scope;
  /** What it needs from pastoe's vantage point. Default `['dns']`. */
  readonly needs?: readonly ProbeNeed[];
}

/**
 * Declares a probe: `declareProbe<MxEvidence>({ id: 'mail-mx', description })` for one that runs
 * on the target, with `scope: 'each'` for one that plans its subjects.
 */
export function declareProbe<Data>(input: ProbeDeclarationInput<'target'>): ProbeDeclaration<Data, 'target'>;
/** Declares a probe that plans its subjects and runs once on each. */
export function declareProbe<Data>(input: ProbeDeclarationInput<'each'> & { readonly scope: 'each' }): ProbeDeclaration<Data, 'each'>;
export function declareProbe<Data>(input: ProbeDeclarationInput<ProbeScope>): ProbeDeclaration<Data, ProbeScope> {
  validateDeclaration(input);
  return Object.freeze({
    id: input.id,
    description: input.description,
    scope: input.scope ?? 'target',
    ...(input.needs === undefined ? {} : { needs: Object.freeze([...input.needs]) }),
  });
}

/** Throws a TypeError when a declaration's id or needs are malformed. */
export function validateDeclaration(input: { readonly id: string; readonly needs?: readonly ProbeNeed[] | undefined }): void {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(input.id)) {
    throw new TypeError(`probe id must be kebab-case: ${JSON.stringify(input.id)}`);
  }
  if (input.needs !== undefined && !(Array.isArray(input.needs) && input.needs.every((need) => probeNeeds.includes(need)))) {
    throw new TypeError(`probe ${input.id}: needs must list only ${probeNeeds.join(', ')}`);
  }
}

/** What a probe needs from the vantage point: its declaration, or `['dns']`. */
export function probeNeedsOf(probe: Pick<AnyProbeDeclaration, 'needs'>): readonly ProbeNeed[] {
  return probe.needs ?? defaultProbeNeeds;
}

const defaultProbeNeeds: readonly ProbeNeed[] = Object.freeze(['dns']);

/** The data type a probe (declaration or implementation) produces. */
export type ProbeData<P> = P extends ProbeDeclaration<infer Data, ProbeScope> ? Data : never;
