import type { Verdict } from '../model/verdict.js';
import { scorePoints } from './points.js';
import type { PointsPolicy, ScoringPolicy, TargetStatePolicy } from './policy.js';
import type { PointsScoreResult, ScoreResult, TargetStateResult } from './result.js';
import { decideTargetState } from './target-state.js';

/** What scoring needs of a report: its verdicts. A full `ScanReport` fits. */
export interface ScorableReport {
  /** The verdicts, in any order. */
  readonly verdicts: readonly Verdict[];
}

/**
 * Scores a report's verdicts with a policy. Pure: the same verdicts and policy always give the
 * same result, so a saved report can be re-scored under a newer or stricter policy.
 *
 * Verdicts match policy tests by `verdict.internetnl.name`, else by `verdict.check`. Each status
 * is re-clamped from `rawStatus` with the policy's level where it sets one (else the verdict's),
 * respecting `forced`. Verdicts the policy does not know are returned in `unscored`.
 *
 * A points policy ({@link PointsPolicy}, e.g. `policies.internetnl`) gives percentages per suite
 * and category; a target-state policy ({@link TargetStatePolicy}, e.g. `policies.streefbeeld`)
 * gives yes/no per standard. The result's `kind` matches the policy's.
 *
 * A report may hold fewer tests than the policy scores (a DNSSEC-only scan, a web-only report
 * under a web-and-mail policy). The result then says so: `complete` is false and `missing` names
 * the policy's tests without a verdict, on the result, on each suite, and on each category or
 * standard. A percentage is over what was tested; a standard that lacks a needed verdict, and
 * has no tested failure, is `unknown` rather than `no`.
 */
export function score(report: ScorableReport, policy: PointsPolicy): PointsScoreResult;
export function score(report: ScorableReport, policy: TargetStatePolicy): TargetStateResult;
export function score(report: ScorableReport, policy: ScoringPolicy): ScoreResult;
export function score(report: ScorableReport, policy: ScoringPolicy): ScoreResult {
  switch (policy.kind) {
    case 'points':
      return scorePoints(report.verdicts, policy);
    case 'target-state':
      return decideTargetState(report.verdicts, policy);
  }
}
