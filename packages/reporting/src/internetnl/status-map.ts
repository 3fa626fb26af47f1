import { internetnlVerdict, toInternetNlStatus } from '@pastoe/core/model';
import type { CategoryScore, TestScore } from '@pastoe/core/model';
import type { InternetNlCategoryResult, InternetNlTestResult } from './types.js';

/*
 * The one place where pastoe's scored tests and categories become Internet.nl's batch words
 * (spec §5, §7.2):
 *
 * | pastoe (re-clamped by the policy)       | batch `status` | batch `verdict`                          |
 * |-----------------------------------------|----------------|------------------------------------------|
 * | pass / fail / warning / info            | passed / failed / warning / info | the outcome code, or the catalogue's word for a pastoe-only code |
 * | not-tested, not-applicable              | not_tested     | the outcome code (`not-tested`, `na-no-tls-1-2`, ...) |
 * | error about the domain (RPKI validator) | error          | the catalogue's word (`not-tested`)      |
 * | no verdict in the report                | not_tested     | `not-tested` (Internet.nl's initial state) |
 * | pastoe could not judge (its own error)  | error          | `not-tested`                             |
 *
 * The last row is pastoe's: Internet.nl retries a subtest and then marks the whole domain
 * `error`; pastoe keeps the domain's other results and marks that test, and its category,
 * `error` (Internet.nl's "test error" icon), never `failed`.
 */

/** The verdict word Internet.nl gives a test it could not run. */
const notTestedVerdict = 'not-tested';

/**
 * A scored test as Internet.nl's batch API writes it. `notMeasured` says the report holds a
 * verdict for the test that pastoe could not judge (an `error` with a reason), which scoring
 * counts as missing.
 */
export function batchTestResult(test: TestScore, notMeasured: boolean): InternetNlTestResult {
  if (!test.present) return missingTestResult(notMeasured);
  return { status: toInternetNlStatus(test.status), verdict: internetnlVerdict(test.name, test.outcome) };
}

/** A test the report has no scored verdict for: not tested, or `error` when pastoe could not judge it. */
export function missingTestResult(notMeasured: boolean): InternetNlTestResult {
  return notMeasured ? { status: 'error', verdict: notTestedVerdict } : { status: 'not_tested', verdict: notTestedVerdict };
}

/** A category with a test pastoe could not judge. */
export const unmeasuredCategoryResult: InternetNlCategoryResult = Object.freeze({ verdict: 'error', status: 'error' });

/**
 * A scored category as Internet.nl's batch API writes it; `error` when a test in it could not be
 * judged by pastoe (Internet.nl's rule: any test error makes the category `error`).
 */
export function batchCategoryResult(category: CategoryScore, hasUnmeasuredTest: boolean): InternetNlCategoryResult {
  if (hasUnmeasuredTest) return unmeasuredCategoryResult;
  const status = toInternetNlStatus(category.status);
  // A CategoryStatus has no not-tested, so this never happens; the guard keeps the type exact.
  if (status === 'not_tested') return { verdict: 'info', status: 'info' };
  return { verdict: category.verdict, status };
}
