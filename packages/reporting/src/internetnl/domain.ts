import { policies, score } from '@pastoe/core/model';
import type { PointsPolicy, ScorableReport } from '@pastoe/core/model';
import { customResults } from './custom.js';
import { batchCategoryResult, batchTestResult, missingTestResult, unmeasuredCategoryResult } from './status-map.js';
import type { InternetNlCategoryResult, InternetNlDomainResult, InternetNlKind, InternetNlTestResult } from './types.js';

/** The policy that reproduces Internet.nl's website or email test. */
function policyFor(kind: InternetNlKind): PointsPolicy {
  return kind === 'web' ? policies.internetnlWeb : policies.internetnlMail;
}

/**
 * One domain's batch entry: scored with Internet.nl's policy, categories and tests by batch name.
 * A category the report has nothing for (pastoe has no check for it, or the preset left it out)
 * is left out with its tests: pastoe cannot know what Internet.nl would say there; so is a custom
 * result pastoe cannot derive. The domain is
 * `error` when nothing of the test could be scored (Internet.nl's divide-by-zero case, or every
 * verdict an error of pastoe's own).
 */
export function batchDomainResult(report: ScorableReport, kind: InternetNlKind, reportUrl?: string): InternetNlDomainResult {
  const policy = policyFor(kind);
  const result = score(report, policy);
  const suite = result.suites.find((candidate) => candidate.id === kind);
  if (suite === undefined || suite.error !== undefined) return { status: 'error' };

  const notMeasured = new Set(
    result.unscored.filter((entry) => entry.reason === 'not-measured').map((entry) => entry.internetnl ?? entry.check),
  );
  const scoredCategories = new Map(suite.categories.map((category) => [category.id, category]));
  const categories: Record<string, InternetNlCategoryResult> = {};
  const tests: Record<string, InternetNlTestResult> = {};

  for (const categoryPolicy of policy.suites.find((candidate) => candidate.id === kind)?.categories ?? []) {
    const scored = scoredCategories.get(categoryPolicy.id);
    const unmeasured = categoryPolicy.tests.some((test) => notMeasured.has(test.name));
    if (scored === undefined) {
      if (!unmeasured) continue;
      categories[categoryPolicy.id] = unmeasuredCategoryResult;
      for (const test of categoryPolicy.tests) tests[test.name] = missingTestResult(notMeasured.has(test.name));
      continue;
    }
    categories[scored.id] = batchCategoryResult(scored, unmeasured);
    for (const test of scored.tests) tests[test.name] = batchTestResult(test, notMeasured.has(test.name));
  }

  const custom = customResults(report.verdicts, kind);
  return {
    status: 'ok',
    ...(reportUrl === undefined ? {} : { report: { url: reportUrl } }),
    scoring: { percentage: suite.percentage },
    results: { categories, tests, ...(custom === undefined ? {} : { custom }) },
  };
}
