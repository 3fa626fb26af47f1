import type { StandardId } from '../model/finding.js';
import type { CheckLevel } from '../model/status.js';

/*
 * Policies are plain, JSON-serialisable data. No functions live inside a policy, so a user can
 * store one, diff it, send it to a worker, or derive a stricter one by spreading and editing.
 * Two kinds exist, told apart by `kind`:
 *
 * - `points`: Internet.nl's model. Tests give points, categories give a percentage, a suite
 *   (the website test, the email test) gives the mean of its scored categories.
 * - `target-state`: a yes/no decision per standard, as the Forum Standaardisatie "streefbeeld"
 *   measurement makes it.
 */

/** What a points policy does with one outcome code of a test. */
export interface OutcomeRule {
  /**
   * The points the outcome earns. When absent, an outcome earns the test's full points if the
   * check asked for `pass`, and 0 otherwise.
   */
  readonly points?: number;
  /**
   * Internet.nl's per-result `override_mandatory` (for example HTTPS redirect `no-https`).
   * Wins over the test's own {@link PointsTestPolicy.overrideMandatory}.
   */
  readonly overrideMandatory?: boolean;
}

/**
 * One test in a points policy. Verdicts are matched to it by `verdict.internetnl.name`, or by
 * `verdict.check` when the policy has no test of that Internet.nl name.
 */
export interface PointsTestPolicy {
  /** The Internet.nl batch test name (e.g. `web_https_http_hsts`) or a pastoe check id. */
  readonly name: string;
  /**
   * The level assumed when the report has no verdict for this test (Internet.nl's initial
   * worst status). Only used when the policy's `missingTests` is `not-tested`.
   */
  readonly defaultLevel: CheckLevel;
  /**
   * The level to score with, overriding the verdict's own level. Absent in `policies.internetnl`
   * on purpose: checks raise a level where Internet.nl's `was_tested()` does, and the policy must
   * not undo that.
   */
  readonly level?: CheckLevel;
  /**
   * Internet.nl's `model_score_field`. Only tests with a score field can enter the category
   * maximum. Tests that name the same field share one value (the lowest of their points), and a
   * field named by two scored tests counts twice, as mail DANE does.
   */
  readonly scoreField?: string;
  /**
   * False when the test fills its score field (for the servers it judged) without adding to the
   * category maximum, like the MX DNSSEC record's `score` that only feeds the minimum.
   * Default true.
   */
  readonly countsTowardMax?: boolean;
  /** Internet.nl's `full_score`: what the test adds to the maximum when it is scored. */
  readonly fullPoints: number;
  /** Rules per outcome code: partial points and `override_mandatory` values. */
  readonly outcomes?: Readonly<Record<string, OutcomeRule>>;
  /** Internet.nl's `override_mandatory` for every result of this test (RPKI: false). */
  readonly overrideMandatory?: boolean;
}

/** The "gate" test of a category: the one Internet.nl uses for the TLS special case and text verdicts. */
export interface CategoryGate {
  /** The gate test's name (`web_https_http_available`, `mail_starttls_tls_available`). */
  readonly test: string;
  /**
   * When true, and at most one test of the category was tested, the category status is the
   * gate's status (not tested becomes `info`): Internet.nl's TLS special case.
   */
  readonly statusWhenAlone: boolean;
  /** Category text verdicts by gate outcome, e.g. `other` → `unreachable`, `null-mx` → `null-mx`. */
  readonly textVerdicts: Readonly<Record<string, string>>;
}

/** One category of a points policy (Internet.nl's probe: `web_https`, `mail_auth`...). */
export interface PointsCategoryPolicy {
  /** The category id, e.g. `web_https`. */
  readonly id: string;
  /**
   * How the raw score is formed. `sum`: one record, the sum of the scored fields. `min-per-server`:
   * the sum per server (from the verdicts' per-server results), then the minimum over servers.
   */
  readonly aggregation: 'sum' | 'min-per-server';
  /** The category's gate test, if any. */
  readonly gate?: CategoryGate;
  /** The tests, in Internet.nl's declared order (the order decides `override_mandatory`). */
  readonly tests: readonly PointsTestPolicy[];
}

/** One suite of a points policy (Internet.nl's website test or email test), scored on its own. */
export interface PointsSuitePolicy {
  /** The suite id, e.g. `web` or `mail`. */
  readonly id: string;
  /** The categories, in report order. */
  readonly categories: readonly PointsCategoryPolicy[];
}

/** A policy that scores with points, categories and percentages, the way Internet.nl does. */
export interface PointsPolicy {
  /** Discriminates the policy kinds. */
  readonly kind: 'points';
  /** A stable id, e.g. `internetnl`. */
  readonly id: string;
  /** One line on what the policy reproduces. */
  readonly description: string;
  /**
   * What to do with a test of a category that has other verdicts but none for this test.
   * `not-tested` treats it as Internet.nl's initial state (not tested, at `defaultLevel`: a
   * required one counts as a failure and scores 0). `ignore` leaves it out entirely.
   */
  readonly missingTests: 'not-tested' | 'ignore';
  /** The suites. */
  readonly suites: readonly PointsSuitePolicy[];
}

/** A condition on another verdict's outcome. */
export interface OutcomeCondition {
  /** The test (Internet.nl name or pastoe check id) whose verdict is looked at. */
  readonly test: string;
  /** The outcome codes that make the condition true. */
  readonly outcomes: readonly string[];
}

/** One test a target-state standard requires. */
export interface TargetTestPolicy {
  /** The Internet.nl batch test name or a pastoe check id. */
  readonly name: string;
  /** Outcomes that meet the standard whatever the status (DMARC `external`: the policy itself is fine). */
  readonly acceptOutcomes?: readonly string[];
  /** The test does not count when any of these holds (no MX: the MX tests do not apply). */
  readonly skipWhen?: readonly OutcomeCondition[];
  /**
   * The test counts only when its effective level is required or its status was forced (mail
   * certificate host name: only when a DANE-TA record makes it matter).
   */
  readonly onlyWhenRequired?: boolean;
}

/** One standard of a target-state policy. */
export interface TargetStandardPolicy {
  /** A stable id, e.g. `web-hsts`. */
  readonly id: string;
  /** The comply-or-explain standard it belongs to. */
  readonly standard: StandardId;
  /** One line on what is required. */
  readonly description: string;
  /** Where the requirement comes from. */
  readonly sources: readonly string[];
  /** The tests that must all have status `pass`. */
  readonly tests: readonly TargetTestPolicy[];
  /** The whole standard is not applicable when any of these holds (no mail servers). */
  readonly notApplicableWhen?: readonly OutcomeCondition[];
}

/** One suite (web or mail) of a target-state policy. */
export interface TargetSuitePolicy {
  /** The suite id, e.g. `web`. */
  readonly id: string;
  /** The standards, in report order. */
  readonly standards: readonly TargetStandardPolicy[];
}

/** A policy that decides yes/no per standard, like the Forum Standaardisatie streefbeeld measurement. */
export interface TargetStatePolicy {
  /** Discriminates the policy kinds. */
  readonly kind: 'target-state';
  /** A stable id, e.g. `streefbeeld`. */
  readonly id: string;
  /** One line on what the policy decides. */
  readonly description: string;
  /** The suites. */
  readonly suites: readonly TargetSuitePolicy[];
}

/** Any scoring policy. */
export type ScoringPolicy = PointsPolicy | TargetStatePolicy;
