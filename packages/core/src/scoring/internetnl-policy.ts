import { deepFreeze } from './freeze.js';
import { internetnlCatalogue, type InternetNlCategory, type InternetNlSubtest } from './internetnl-catalogue.js';
import type { OutcomeRule, PointsCategoryPolicy, PointsPolicy, PointsSuitePolicy, PointsTestPolicy } from './policy.js';

function testPolicy(subtest: InternetNlSubtest): PointsTestPolicy {
  const outcomes: Record<string, OutcomeRule> = {};
  for (const [code, spec] of Object.entries(subtest.outcomes)) {
    const rule: { points?: number; overrideMandatory?: boolean } = {};
    if (spec.points !== undefined) rule.points = spec.points;
    if (spec.overrideMandatory !== undefined) rule.overrideMandatory = spec.overrideMandatory;
    if (Object.keys(rule).length > 0) outcomes[code] = rule;
  }
  // No `level`: the verdict's level already carries Internet.nl's was_tested() raise.
  return {
    name: subtest.name,
    defaultLevel: subtest.level,
    ...(subtest.scoreField === undefined ? {} : { scoreField: subtest.scoreField }),
    ...(subtest.countsTowardMax === undefined ? {} : { countsTowardMax: subtest.countsTowardMax }),
    fullPoints: subtest.fullPoints,
    ...(Object.keys(outcomes).length === 0 ? {} : { outcomes }),
    ...(subtest.overrideMandatory === undefined ? {} : { overrideMandatory: subtest.overrideMandatory }),
  };
}

function categoryPolicy(category: InternetNlCategory): PointsCategoryPolicy {
  return {
    id: category.id,
    aggregation: category.aggregation,
    ...(category.gate === undefined ? {} : { gate: category.gate }),
    tests: category.subtests.map(testPolicy),
  };
}

function suite(id: 'web' | 'mail'): PointsSuitePolicy {
  return { id, categories: internetnlCatalogue.filter((category) => category.suite === id).map(categoryPolicy) };
}

const description = "Internet.nl's scoring at cec0e01d: worst-status clamp, points per subtest, per-category percentage, suite mean.";

/**
 * Internet.nl's scoring, reproduced exactly: the website test (`web`) and the email test
 * (`mail`) as two suites, each with its own percentage. Built from {@link internetnlCatalogue}.
 */
export const internetnlPolicy: PointsPolicy = deepFreeze({
  kind: 'points',
  id: 'internetnl',
  description,
  missingTests: 'not-tested',
  suites: [suite('web'), suite('mail')],
});

/** {@link internetnlPolicy} with only the website test. */
export const internetnlWebPolicy: PointsPolicy = deepFreeze({
  kind: 'points',
  id: 'internetnl-web',
  description,
  missingTests: 'not-tested',
  suites: [suite('web')],
});

/** {@link internetnlPolicy} with only the email test. */
export const internetnlMailPolicy: PointsPolicy = deepFreeze({
  kind: 'points',
  id: 'internetnl-mail',
  description,
  missingTests: 'not-tested',
  suites: [suite('mail')],
});
