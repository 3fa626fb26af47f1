import type { Evidence, EvidenceSuccess } from './evidence.js';
import type { Reference, StandardId } from './finding.js';
import { findInternetNlCategory, findInternetNlSubtest } from '../scoring/internetnl-catalogue.js';
import type { AnyProbeDeclaration, ProbeDeclaration } from './probe-declaration.js';
import type { CheckLevel } from './status.js';
import type { ScanTarget } from './target.js';
import type { CheckResult, InternetNlRef } from './verdict.js';

/**
 * The probes a check takes its evidence from, by the name under which it receives it: their
 * declarations (from `declareProbe`), never the code that gathers the evidence.
 */
export type ProbeMap = { readonly [name: string]: AnyProbeDeclaration };

/** One piece of evidence as a check receives it: successful only, unless the check accepts probe errors. */
export type CheckEvidenceItem<Data, AcceptsErrors extends boolean> = AcceptsErrors extends true ? Evidence<Data> : EvidenceSuccess<Data>;

/**
 * The evidence a check receives: for each declared probe, one piece of evidence (target scope) or
 * one per planned subject (each scope).
 */
export type CheckEvidence<P extends ProbeMap, AcceptsErrors extends boolean> = {
  readonly [K in keyof P]: P[K] extends ProbeDeclaration<infer Data, 'target'>
    ? CheckEvidenceItem<Data, AcceptsErrors>
    : P[K] extends ProbeDeclaration<infer Data, 'each'>
      ? readonly CheckEvidenceItem<Data, AcceptsErrors>[]
      : never;
};

/**
 * Which addresses of a server per-address checks judge: `first` (Internet.nl's choice: the first
 * IPv6 and the first IPv4 address, for comparable scores) or `all` (every address; the worst
 * decides). The HTTP(S) probes fetch only the addresses judged (see {@link selectAddresses}); the
 * TLS probe scans every address either way, so the report holds each address's TLS evidence.
 */
export type AddressSelection = 'first' | 'all';

/**
 * The addresses a selection judges, IPv6 first: `first` gives the first IPv6 and the first IPv4
 * address (in answer order), `all` every address. What a per-address probe plans and its checks
 * judge, so that both agree.
 */
export function selectAddresses(
  addresses: { readonly ipv4: readonly string[]; readonly ipv6: readonly string[] },
  selection: AddressSelection = 'first',
): string[] {
  if (selection === 'all') return [...addresses.ipv6, ...addresses.ipv4];
  return [addresses.ipv6[0], addresses.ipv4[0]].filter((ip) => ip !== undefined);
}

/** What a check's evaluation may know besides evidence. */
export interface EvaluateContext {
  /** The scan target. */
  readonly target: ScanTarget;
  /** When the evidence was gathered: the clock for expiry decisions, so re-evaluation agrees. */
  readonly now: Date;
  /** Which addresses per-address checks judge; absent means `first`. */
  readonly addresses?: AddressSelection;
}

/** The metadata every check carries. */
export interface CheckMeta {
  /** Unique id, kebab-case with an area prefix, e.g. `web-hsts`. */
  readonly id: string;
  /** Message id of the title shown when the check passes. */
  readonly title: string;
  /** Message id of the title shown when it does not. */
  readonly failureTitle: string;
  /** Default level. */
  readonly level: CheckLevel;
  /** The standard it belongs to. */
  readonly standard: StandardId;
  /** The Internet.nl batch test it reproduces, if any, with its category from the catalogue. */
  readonly internetnl?: InternetNlRef;
  /** Where the requirement comes from. */
  readonly references: readonly Reference[];
}

/**
 * A check: a pure, synchronous function from the evidence of the probes it declares to a result.
 * Define one with {@link defineCheck}.
 */
export interface CheckDefinition<P extends ProbeMap = ProbeMap, AcceptsErrors extends boolean = boolean> extends CheckMeta {
  /** The declarations of the probes whose evidence it needs. */
  readonly probes: P;
  /**
   * When false (the default), a failed probe makes the verdict `error` without calling
   * `evaluate`. When true, `evaluate` receives failed evidence too and decides itself.
   */
  readonly acceptsProbeErrors: AcceptsErrors;
  /** Judges the evidence. Must not do I/O; may throw (the runner turns that into `error`). */
  evaluate(evidence: CheckEvidence<P, AcceptsErrors>, context: EvaluateContext): CheckResult;
}

/** What every {@link defineCheck} input holds. */
interface CheckInputBase<P extends ProbeMap, AcceptsErrors extends boolean> {
  /** Unique id, kebab-case with an area prefix. */
  readonly id: string;
  /** Message id of the passing title; defaults to `<id>.title`. */
  readonly title?: string;
  /** Message id of the failing title; defaults to `<id>.failure-title`. */
  readonly failureTitle?: string;
  /** The standard it belongs to. */
  readonly standard: StandardId;
  /** Where the requirement comes from. */
  readonly references?: readonly Reference[];
  /** The declarations of the probes whose evidence it needs. */
  readonly probes: P;
  /** Whether `evaluate` handles failed evidence itself. Default false. */
  readonly acceptsProbeErrors?: AcceptsErrors;
  /** Judges the evidence. */
  evaluate(evidence: CheckEvidence<P, AcceptsErrors>, context: EvaluateContext): CheckResult;
}

/**
 * The input of {@link defineCheck} for a check that reproduces an Internet.nl subtest: it names
 * the subtest's batch name (`web_dnssec_exist`), and its category and level come from pastoe's
 * Internet.nl catalogue.
 */
export interface InternetNlCheckInput<P extends ProbeMap, AcceptsErrors extends boolean> extends CheckInputBase<P, AcceptsErrors> {
  /** The Internet.nl batch test it reproduces, e.g. `web_dnssec_exist`. */
  readonly internetnl: string;
  /** Taken from the catalogue. */
  readonly level?: never;
}

/** The input of {@link defineCheck} for a check that Internet.nl lacks: it declares its level. */
export interface OwnCheckInput<P extends ProbeMap, AcceptsErrors extends boolean> extends CheckInputBase<P, AcceptsErrors> {
  /** None: the check is pastoe's own. */
  readonly internetnl?: undefined;
  /** Default level. */
  readonly level: CheckLevel;
}

/** The input of {@link defineCheck}. Title message ids default to `<id>.title` and `<id>.failure-title`. */
export type CheckInput<P extends ProbeMap, AcceptsErrors extends boolean> =
  | InternetNlCheckInput<P, AcceptsErrors>
  | OwnCheckInput<P, AcceptsErrors>;

/**
 * Defines a check. The evidence `evaluate` receives is typed from the declared probes. A check
 * that names an Internet.nl subtest takes its category and level from the catalogue; an unknown
 * name throws a TypeError.
 */
export function defineCheck<P extends ProbeMap, AcceptsErrors extends boolean = false>(
  input: CheckInput<P, AcceptsErrors>,
): CheckDefinition<P, AcceptsErrors> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(input.id)) {
    throw new TypeError(`check id must be kebab-case with an area prefix: ${JSON.stringify(input.id)}`);
  }
  const { internetnl, level } = catalogueMeta(input);
  const evaluate = input.evaluate;
  return Object.freeze({
    id: input.id,
    title: input.title ?? `${input.id}.title`,
    failureTitle: input.failureTitle ?? `${input.id}.failure-title`,
    level,
    standard: input.standard,
    ...(internetnl === undefined ? {} : { internetnl }),
    references: input.references ?? [],
    probes: input.probes,
    acceptsProbeErrors: (input.acceptsProbeErrors ?? false) as AcceptsErrors,
    evaluate,
  });
}

/** The Internet.nl reference and level of a check input, from the catalogue when it names a subtest. */
function catalogueMeta(input: CheckInput<ProbeMap, boolean>): { internetnl?: InternetNlRef; level: CheckLevel } {
  const id = input.id;
  if (input.internetnl === undefined) {
    if (input.level === undefined) throw new TypeError(`check ${id}: a check without an Internet.nl subtest declares its level`);
    return { level: input.level };
  }
  const subtest = findInternetNlSubtest(input.internetnl);
  const category = findInternetNlCategory(input.internetnl);
  if (subtest === undefined || category === undefined) {
    throw new TypeError(`check ${input.id}: ${JSON.stringify(input.internetnl)} is not an Internet.nl subtest in pastoe's catalogue`);
  }
  if (input.level !== undefined) {
    throw new TypeError(`check ${id}: the level of ${subtest.name} comes from the catalogue (${subtest.level}); declare none`);
  }
  return { internetnl: Object.freeze({ name: subtest.name, category: category.id }), level: subtest.level };
}

/** A check of any probe map, as collections of checks hold them. */
export type AnyCheck = CheckDefinition<ProbeMap, boolean>;
