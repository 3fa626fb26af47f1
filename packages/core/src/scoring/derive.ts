import { deepFreeze } from './freeze.js';
import type { OutcomeRule, PointsPolicy, PointsTestPolicy } from './policy.js';

/** Changes to one test of a points policy. `outcomes` merges into the base rules, code by code. */
export interface PointsTestChange {
  /** The level to score with, whatever the verdict says (e.g. raise a recommended test to required). */
  readonly level?: PointsTestPolicy['level'];
  /** The full points. */
  readonly fullPoints?: number;
  /** The score field (give one to a test that had none, so it can be scored). */
  readonly scoreField?: string;
  /** Whether the test adds to the category maximum. */
  readonly countsTowardMax?: boolean;
  /** Outcome rules to add or replace. */
  readonly outcomes?: Readonly<Record<string, OutcomeRule>>;
  /** The test's `override_mandatory`. */
  readonly overrideMandatory?: boolean;
}

/** Changes to a points policy. */
export interface PointsPolicyChanges {
  /** The derived policy's id; give one, so results say which policy scored them. */
  readonly id: string;
  /** Its description; defaults to the base's. */
  readonly description?: string;
  /** How to treat tests without a verdict; defaults to the base's. */
  readonly missingTests?: PointsPolicy['missingTests'];
  /** Changes per test name. */
  readonly tests?: Readonly<Record<string, PointsTestChange>>;
}

/**
 * Derives a points policy from another, e.g. to raise a recommended test to required:
 * `derivePointsPolicy(policies.internetnl, { id: 'strict', tests: { web_https_tls_caa: { level: 'required' } } })`.
 * The base is left untouched; the result is deeply frozen. Throws a `TypeError` for a test name
 * the base does not have, so a typo cannot silently change nothing.
 */
export function derivePointsPolicy(base: PointsPolicy, changes: PointsPolicyChanges): PointsPolicy {
  const testChanges = changes.tests ?? {};
  const known = new Set(base.suites.flatMap((suite) => suite.categories.flatMap((c) => c.tests.map((t) => t.name))));
  const unknown = Object.keys(testChanges).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new TypeError(`derivePointsPolicy: no such test in ${base.id}: ${unknown.join(', ')}`);

  const derive = (test: PointsTestPolicy): PointsTestPolicy => {
    const change = testChanges[test.name];
    if (change === undefined) return test;
    const { outcomes, ...rest } = change;
    return {
      ...test,
      ...rest,
      ...(outcomes === undefined ? {} : { outcomes: { ...test.outcomes, ...outcomes } }),
    };
  };
  return deepFreeze({
    kind: 'points',
    id: changes.id,
    description: changes.description ?? base.description,
    missingTests: changes.missingTests ?? base.missingTests,
    suites: base.suites.map((suite) => ({
      ...suite,
      categories: suite.categories.map((category) => ({ ...category, tests: category.tests.map(derive) })),
    })),
  });
}
