import type { Verdict } from '../model/verdict.js';
import type { Coverage, UnscoredVerdict } from './result.js';

/** Verdicts keyed by the policy test they matched, and those that matched none. */
export interface MatchedVerdicts {
  /** The verdict per policy test name. */
  readonly byTest: ReadonlyMap<string, Verdict>;
  /** Verdicts that took no part. */
  readonly unscored: readonly UnscoredVerdict[];
}

/**
 * Matches verdicts to policy test names: by Internet.nl name first, then by check id, so a user
 * policy may name pastoe-only checks (`mail-mta-sts`) next to Internet.nl tests. A verdict that
 * carries an `error` reason says pastoe could not judge (its network, resolver or clock failed,
 * or a check broke), so it measures nothing: it stays unscored and its test counts as missing,
 * which makes the score incomplete and a target-state answer `unknown` rather than a failure of
 * the domain. An Internet.nl outcome with status `error` about the domain (an unreachable server,
 * an RPKI validator error) carries no such reason and is scored as Internet.nl scores it.
 *
 * @internal
 */
export function matchVerdicts(verdicts: readonly Verdict[], testNames: ReadonlySet<string>): MatchedVerdicts {
  const byTest = new Map<string, Verdict>();
  const unscored: UnscoredVerdict[] = [];
  for (const verdict of verdicts) {
    const internetnl = verdict.internetnl?.name;
    const key =
      internetnl !== undefined && testNames.has(internetnl) ? internetnl : testNames.has(verdict.check) ? verdict.check : undefined;
    const notMeasured = verdict.status === 'error' && verdict.error !== undefined;
    if (key === undefined || byTest.has(key) || notMeasured) {
      unscored.push({
        check: verdict.check,
        ...(internetnl === undefined ? {} : { internetnl }),
        status: verdict.status,
        outcome: verdict.outcome,
        reason: key === undefined ? 'not-in-policy' : notMeasured ? 'not-measured' : 'duplicate',
      });
    } else {
      byTest.set(key, verdict);
    }
  }
  return { byTest, unscored };
}

/**
 * The coverage of test names by matched verdicts: the names without a verdict, in the given
 * order, each once.
 *
 * @internal
 */
export function coverageOf(names: Iterable<string>, byTest: ReadonlyMap<string, Verdict>): Coverage {
  const missing = [...new Set(names)].filter((name) => !byTest.has(name));
  return { complete: missing.length === 0, missing };
}
