import type { Evidence, EvidenceSuccess } from './evidence.js';
import type { Reference, StandardId } from './finding.js';
import type { ProbeDefinition, ProbeScope } from './probe.js';
import type { CheckLevel } from './status.js';
import type { ScanTarget } from './target.js';
import type { CheckResult, InternetNlRef } from './verdict.js';

/** The probes a check declares, by the name under which it receives their evidence. */
export type ProbeMap = { readonly [name: string]: ProbeDefinition<unknown, ProbeScope> };

/** One piece of evidence as a check receives it: successful only, unless the check accepts probe errors. */
export type CheckEvidenceItem<Data, AcceptsErrors extends boolean> = AcceptsErrors extends true ? Evidence<Data> : EvidenceSuccess<Data>;

/**
 * The evidence a check receives: for each declared probe, one piece of evidence (target scope) or
 * one per planned subject (each scope).
 */
export type CheckEvidence<P extends ProbeMap, AcceptsErrors extends boolean> = {
  readonly [K in keyof P]: P[K] extends ProbeDefinition<infer Data, 'target'>
    ? CheckEvidenceItem<Data, AcceptsErrors>
    : P[K] extends ProbeDefinition<infer Data, 'each'>
      ? readonly CheckEvidenceItem<Data, AcceptsErrors>[]
      : never;
};

/** What a check's evaluation may know besides evidence. */
export interface EvaluateContext {
  /** The scan target. */
  readonly target: ScanTarget;
  /** When the evidence was gathered: the clock for expiry decisions, so re-evaluation agrees. */
  readonly now: Date;
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
  /** The Internet.nl batch test it reproduces, if any. */
  readonly internetnl?: InternetNlRef;
  /** Where the requirement comes from. */
  readonly references: readonly Reference[];
}

/**
 * A check: a pure, synchronous function from the evidence of the probes it declares to a result.
 * Define one with {@link defineCheck}.
 */
export interface CheckDefinition<P extends ProbeMap = ProbeMap, AcceptsErrors extends boolean = boolean> extends CheckMeta {
  /** The probes whose evidence it needs. */
  readonly probes: P;
  /**
   * When false (the default), a failed probe makes the verdict `error` without calling
   * `evaluate`. When true, `evaluate` receives failed evidence too and decides itself.
   */
  readonly acceptsProbeErrors: AcceptsErrors;
  /** Judges the evidence. Must not do I/O; may throw (the runner turns that into `error`). */
  evaluate(evidence: CheckEvidence<P, AcceptsErrors>, context: EvaluateContext): CheckResult;
}

/** The input of {@link defineCheck}. Title message ids default to `<id>.title` and `<id>.failure-title`. */
export interface CheckInput<P extends ProbeMap, AcceptsErrors extends boolean> {
  /** Unique id, kebab-case with an area prefix. */
  readonly id: string;
  /** Message id of the passing title; defaults to `<id>.title`. */
  readonly title?: string;
  /** Message id of the failing title; defaults to `<id>.failure-title`. */
  readonly failureTitle?: string;
  /** Default level. */
  readonly level: CheckLevel;
  /** The standard it belongs to. */
  readonly standard: StandardId;
  /** The Internet.nl batch test it reproduces. */
  readonly internetnl?: InternetNlRef;
  /** Where the requirement comes from. */
  readonly references?: readonly Reference[];
  /** The probes whose evidence it needs. */
  readonly probes: P;
  /** Whether `evaluate` handles failed evidence itself. Default false. */
  readonly acceptsProbeErrors?: AcceptsErrors;
  /** Judges the evidence. */
  evaluate(evidence: CheckEvidence<P, AcceptsErrors>, context: EvaluateContext): CheckResult;
}

/** Defines a check. The evidence `evaluate` receives is typed from the declared probes. */
export function defineCheck<P extends ProbeMap, AcceptsErrors extends boolean = false>(
  input: CheckInput<P, AcceptsErrors>,
): CheckDefinition<P, AcceptsErrors> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(input.id)) {
    throw new TypeError(`check id must be kebab-case with an area prefix: ${JSON.stringify(input.id)}`);
  }
  const evaluate = input.evaluate;
  return Object.freeze({
    id: input.id,
    title: input.title ?? `${input.id}.title`,
    failureTitle: input.failureTitle ?? `${input.id}.failure-title`,
    level: input.level,
    standard: input.standard,
    ...(input.internetnl === undefined ? {} : { internetnl: input.internetnl }),
    references: input.references ?? [],
    probes: input.probes,
    acceptsProbeErrors: (input.acceptsProbeErrors ?? false) as AcceptsErrors,
    evaluate,
  });
}

/** A check of any probe map, as collections of checks hold them. */
export type AnyCheck = CheckDefinition<ProbeMap, boolean>;
