import type { Finding, StandardId } from './finding.js';
import type { JsonObject } from './json.js';
import type { CheckLevel, VerdictStatus } from './status.js';
import type { Subject } from './subject.js';

/** Where a check sits in Internet.nl's batch API: its test name and its category. */
export interface InternetNlRef {
  /** The batch API test name, e.g. `web_https_http_hsts`. */
  readonly name: string;
  /** The batch API category, e.g. `web_https`. */
  readonly category: string;
}

/**
 * The result for one server (address, MX host, name server) of a check that is judged per server.
 * Scoring aggregates these the way Internet.nl does: worst status, minimum points.
 */
export interface SubjectResult {
  /** The server. */
  readonly subject: Subject;
  /** Its status, before the level clamp. */
  readonly status: VerdictStatus;
  /** Its outcome code (see {@link CheckResult.outcome}). */
  readonly outcome: string;
  /** The fraction of full points it earns where the check measures partial credit (0..1). */
  readonly score?: number;
  /** What was found on this server. */
  readonly findings?: readonly Finding[];
  /** Facts for this server's row in a report table. */
  readonly facts?: JsonObject;
}

/** What a check's `evaluate` returns: its conclusion from the evidence, before the level clamp. */
export interface CheckResult {
  /** The status evaluation asks for; the runner clamps it to the check's level. */
  readonly status: VerdictStatus;
  /**
   * A stable machine-readable outcome code. Where Internet.nl has a verdict word for the case
   * (`good`, `bad`, `other`, `phase-out`, `na`, ...) the check uses it, so results map one to one.
   */
  readonly outcome: string;
  /** What was found, as message ids with parameters. */
  readonly findings?: readonly Finding[];
  /** Facts a report table shows (max-age, the record text, the accepted suites...). */
  readonly facts?: JsonObject;
  /** The level, when the evidence changes it (Internet.nl's "required once tested"). */
  readonly level?: CheckLevel;
  /** Bypass the level clamp (Internet.nl's `override=True`). */
  readonly forced?: boolean;
  /** The fraction of full points earned where the check measures partial credit (0..1). */
  readonly score?: number;
  /** Per-server results, for checks judged per server. */
  readonly subjects?: readonly SubjectResult[];
  /**
   * With status `error`: why pastoe could not judge (its own time limit, network or resolver
   * failed). Becomes the verdict's `error`, with source `check`.
   */
  readonly error?: CheckError;
}

/** Why a check could not judge its evidence. */
export interface CheckError {
  /** A stable code, e.g. the validator's reason `timeout` or `network`. */
  readonly code: string;
  /** A one-line reason. */
  readonly message: string;
}

/** Why a verdict is `error`. */
export interface VerdictError {
  /** Where the error arose: a probe's evidence, the check's own code, or the runner. */
  readonly source: 'probe' | 'check' | 'runner';
  /** A stable code: a probe error code, `vantage`, `check-threw`, `missing-evidence`, `aborted`... */
  readonly code: string;
  /** A one-line reason. */
  readonly message: string;
  /** The probe whose evidence failed, for probe errors. */
  readonly probe?: string;
  /** The subject whose evidence failed, for probe errors. */
  readonly subject?: Subject;
}

/** A check's verdict as it appears in a report. */
export interface Verdict {
  /** The check id, e.g. `web-hsts`. */
  readonly check: string;
  /** The status after the level clamp. */
  readonly status: VerdictStatus;
  /** The status evaluation asked for, before the clamp (a different policy may clamp differently). */
  readonly rawStatus: VerdictStatus;
  /** The outcome code. */
  readonly outcome: string;
  /** The level in force for this verdict. */
  readonly level: CheckLevel;
  /** True when the status bypassed the clamp. */
  readonly forced: boolean;
  /** The standard the check belongs to. */
  readonly standard: StandardId;
  /** The Internet.nl test this check reproduces, if any. */
  readonly internetnl?: InternetNlRef;
  /**
   * The message id of the headline: the failure title when the domain fell short (fail, warning,
   * info, or an error of the domain's own), the check's title otherwise (also when it was not
   * tested or pastoe could not judge: the status says so).
   */
  readonly title: string;
  /** What was found. */
  readonly findings: readonly Finding[];
  /** Report table facts. */
  readonly facts?: JsonObject;
  /** Fraction of full points earned, where measured. */
  readonly score?: number;
  /** Per-server results. */
  readonly subjects?: readonly SubjectResult[];
  /** Why the verdict is `error`. */
  readonly error?: VerdictError;
}
