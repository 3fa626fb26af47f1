import type { StandardId } from '../model/finding.js';
import type { CheckLevel, VerdictStatus } from '../model/status.js';
import type { Subject } from '../model/subject.js';

/*
 * What `score` returns. The result mirrors the policy's kind: a points policy gives a
 * `PointsScoreResult`, a target-state policy a `TargetStateResult`; both carry `kind`, so a
 * caller holding a `ScoreResult` narrows with a switch on it.
 */

/**
 * How much of what a policy looks at the report covered. A report from a partial scan (only the
 * checks pastoe has today, or only some presets) scores over what it has, and says so here.
 */
export interface Coverage {
  /** True when `missing` is empty: the report has a verdict for every test in scope. */
  readonly complete: boolean;
  /** The policy's test names the report has no verdict for, in policy order, each once. */
  readonly missing: readonly string[];
}

/** A verdict that took no part in scoring, reported so that nothing disappears silently. */
export interface UnscoredVerdict {
  /** The check id. */
  readonly check: string;
  /** Its Internet.nl test name, if it has one. */
  readonly internetnl?: string;
  /** Its status, as the report has it. */
  readonly status: VerdictStatus;
  /** Its outcome code. */
  readonly outcome: string;
  /**
   * `not-in-policy`: the policy has no such test; `duplicate`: an earlier verdict matched the
   * same test; `not-measured`: the verdict is `error` with a reason (pastoe could not judge), so
   * its test counts as missing.
   */
  readonly reason: 'not-in-policy' | 'duplicate' | 'not-measured';
}

/** One test as a points policy saw it. */
export interface TestScore {
  /** The policy's test name. */
  readonly name: string;
  /** The check whose verdict matched; absent when the report had none. */
  readonly check?: string;
  /** False when the report had no verdict and the test was treated as not tested. */
  readonly present: boolean;
  /** The effective level: the policy's override, else the verdict's level. */
  readonly level: CheckLevel;
  /** The status re-clamped with the effective level. */
  readonly status: VerdictStatus;
  /** The outcome code. */
  readonly outcome: string;
  /** True when the test is in the category maximum (required, has a score field, applicable). */
  readonly scored: boolean;
  /** What the test adds to the maximum (0 unless scored). */
  readonly maxPoints: number;
  /**
   * The value of its score field that counts: for per-server categories the lowest over the
   * servers. Absent for tests without a score field.
   */
  readonly points?: number;
}

/** The raw score of one server of a per-server category. */
export interface ServerScore {
  /** The key servers are matched by: `name@ip` (the port is ignored). */
  readonly key: string;
  /** The server, as the first verdict that named it had it. */
  readonly subject: Subject;
  /** The sum of the scored fields for this server. */
  readonly raw: number;
}

/** A category status in Internet.nl's decision order; see {@link toInternetNlStatus} for API text. */
export type CategoryStatus = 'error' | 'fail' | 'warning' | 'info' | 'pass';

/** One category as a points policy scored it; its coverage is over the category's tests. */
export interface CategoryScore extends Coverage {
  /** The category id, e.g. `web_https`. */
  readonly id: string;
  /** The category status (Internet.nl's icon). */
  readonly status: CategoryStatus;
  /**
   * The category text verdict: the API status text (`passed`, `failed`...), or the gate's text
   * verdict (`unreachable`, `no-mx`, `null-mx`...).
   */
  readonly verdict: string;
  /** MAX: the sum of the full points of the scored tests. */
  readonly max: number;
  /** RAW: the points earned (per-server categories: the lowest server sum). */
  readonly raw: number;
  /** PCT: `trunc(100 / max * raw)`, 0 when max is 0. */
  readonly percentage: number;
  /** True when max > 0, so the category counts in the suite percentage. */
  readonly included: boolean;
  /** Every test of the category, in policy order. */
  readonly tests: readonly TestScore[];
  /** Per-server raw scores, for per-server categories whose verdicts named servers. */
  readonly servers?: readonly ServerScore[];
}

/** Why a suite has no meaningful percentage. */
export interface ScoreProblem {
  /** `no-scored-categories`: no category had a maximum above 0 (Internet.nl divides by zero here). */
  readonly code: 'no-scored-categories';
  /** A one-line explanation. */
  readonly message: string;
}

/**
 * One suite (website test, email test) as a points policy scored it. Its coverage is over every
 * test of the suite, including categories the report had nothing for: a percentage over an
 * incomplete suite is a percentage of what was tested.
 */
export interface SuiteScore extends Coverage {
  /** The suite id. */
  readonly id: string;
  /** The overall percentage: the truncated mean of the included categories, clamped to 0..100. */
  readonly percentage: number;
  /** The categories that had at least one verdict, in policy order. */
  readonly categories: readonly CategoryScore[];
  /** Set when the percentage is 0 because nothing could be scored (spec §11.20). */
  readonly error?: ScoreProblem;
}

/**
 * The result of scoring with a points policy. Its coverage is over every test of the policy,
 * suites the report had nothing for included.
 */
export interface PointsScoreResult extends Coverage {
  /** Discriminates the result kinds. */
  readonly kind: 'points';
  /** The policy id. */
  readonly policy: string;
  /** The suites that had at least one verdict, in policy order. */
  readonly suites: readonly SuiteScore[];
  /** Verdicts that took no part. */
  readonly unscored: readonly UnscoredVerdict[];
}

/** A tested test that kept a target-state standard from being met. */
export interface FailingTest {
  /** The policy's test name. */
  readonly name: string;
  /** The check whose verdict matched. */
  readonly check: string;
  /** The verdict's status, re-clamped: anything but `pass`. */
  readonly status: VerdictStatus;
  /** The verdict's outcome. */
  readonly outcome: string;
}

/**
 * Whether a standard (or suite, or domain) is met: yes, no, not applicable, or `unknown` when
 * nothing tested fails but a test the decision needs has no verdict.
 */
export type Meets = boolean | 'not-applicable' | 'unknown';

/**
 * One standard as a target-state policy decided it. Its coverage is over the tests the decision
 * needed: a test skipped as not applicable is not missing.
 */
export interface StandardResult extends Coverage {
  /** The policy's standard id. */
  readonly id: string;
  /** The comply-or-explain standard. */
  readonly standard: StandardId;
  /**
   * The decision: false when a tested test fails, else `unknown` when a needed test has no
   * verdict (see `missing`), else true (or not applicable).
   */
  readonly meets: Meets;
  /** The tested tests that kept it from being met (empty unless `meets` is false). */
  readonly failing: readonly FailingTest[];
  /** The tests that were skipped as not applicable. */
  readonly skipped: readonly string[];
}

/** One suite as a target-state policy decided it; its coverage joins its standards'. */
export interface TargetSuiteResult extends Coverage {
  /** The suite id. */
  readonly id: string;
  /**
   * False when any standard is not met; else `unknown` when any is unknown; else true when every
   * standard is met or not applicable (and at least one is met).
   */
  readonly meets: Meets;
  /** The standards, in policy order. */
  readonly standards: readonly StandardResult[];
}

/**
 * The result of scoring with a target-state policy. Its coverage is over the whole policy,
 * suites the report had nothing for included (every test of those is missing).
 */
export interface TargetStateResult extends Coverage {
  /** Discriminates the result kinds. */
  readonly kind: 'target-state';
  /** The policy id. */
  readonly policy: string;
  /**
   * The decision for the domain, combining the present suites as a suite combines standards;
   * `unknown` when the report has no verdict for any suite.
   */
  readonly meets: Meets;
  /** The suites that had at least one verdict, in policy order. */
  readonly suites: readonly TargetSuiteResult[];
  /** Verdicts that took no part. */
  readonly unscored: readonly UnscoredVerdict[];
  /** Set when the report had no verdict for any suite, so nothing could be decided. */
  readonly error?: DecisionProblem;
}

/** Why a target-state policy could decide nothing. */
export interface DecisionProblem {
  /** `no-verdicts`: the report has no verdict for any test the policy names. */
  readonly code: 'no-verdicts';
  /** A one-line explanation. */
  readonly message: string;
}

/** Any scoring result; `kind` tells which. */
export type ScoreResult = PointsScoreResult | TargetStateResult;
