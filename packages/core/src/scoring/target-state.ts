import { clampStatus } from '../model/status.js';
import type { Verdict } from '../model/verdict.js';
import { matchVerdicts } from './match.js';
import type { OutcomeCondition, TargetStandardPolicy, TargetStatePolicy } from './policy.js';
import type { FailingTest, Meets, StandardResult, TargetStateResult, TargetSuiteResult } from './result.js';

/** False if anything fails; else unknown if anything is; not applicable if everything is; otherwise true. */
function combine(decisions: readonly Meets[]): Meets {
  if (decisions.some((decision) => decision === false)) return false;
  if (decisions.some((decision) => decision === 'unknown')) return 'unknown';
  if (decisions.every((decision) => decision === 'not-applicable')) return 'not-applicable';
  return true;
}

function decideStandard(standard: TargetStandardPolicy, byTest: ReadonlyMap<string, Verdict>): StandardResult {
  const holds = (condition: OutcomeCondition): boolean => {
    const verdict = byTest.get(condition.test);
    return verdict !== undefined && condition.outcomes.includes(verdict.outcome);
  };
  const base = { id: standard.id, standard: standard.standard };
  if (standard.notApplicableWhen?.some(holds) === true) {
    return { ...base, meets: 'not-applicable', failing: [], skipped: standard.tests.map((test) => test.name), complete: true, missing: [] };
  }
  const failing: FailingTest[] = [];
  const skipped: string[] = [];
  const missing: string[] = [];
  let counted = 0;
  for (const test of standard.tests) {
    if (test.skipWhen?.some(holds) === true) {
      skipped.push(test.name);
      continue;
    }
    const verdict = byTest.get(test.name);
    if (verdict === undefined) {
      missing.push(test.name);
      continue;
    }
    const status = clampStatus(verdict.rawStatus, verdict.level, verdict.forced);
    if (status === 'not-applicable' || (test.onlyWhenRequired === true && verdict.level !== 'required' && !verdict.forced)) {
      skipped.push(test.name);
      continue;
    }
    counted++;
    // Only `pass` meets: the measurement counts a warning or info as not passing (spec §8.3).
    if (status === 'pass' || test.acceptOutcomes?.includes(verdict.outcome) === true) continue;
    failing.push({ name: test.name, check: verdict.check, status, outcome: verdict.outcome });
  }
  // A failure that was measured decides; an untested test only makes the answer unknown.
  let meets: Meets;
  if (failing.length > 0) meets = false;
  else if (missing.length > 0) meets = 'unknown';
  else meets = counted === 0 ? 'not-applicable' : true;
  return { ...base, meets, failing, skipped, complete: missing.length === 0, missing };
}

/** Every test name a standard looks at, its conditions' included. */
function namesOf(standard: TargetStandardPolicy): string[] {
  return [
    ...standard.tests.map((test) => test.name),
    ...standard.tests.flatMap((test) => (test.skipWhen ?? []).map((condition) => condition.test)),
    ...(standard.notApplicableWhen ?? []).map((condition) => condition.test),
  ];
}

/**
 * Decides a target-state policy over verdicts.
 *
 * @internal Use {@link score}.
 */
export function decideTargetState(verdicts: readonly Verdict[], policy: TargetStatePolicy): TargetStateResult {
  const names = new Set(policy.suites.flatMap((suite) => suite.standards.flatMap(namesOf)));
  const { byTest, unscored } = matchVerdicts(verdicts, names);

  const suites: TargetSuiteResult[] = [];
  const missing: string[] = [];
  for (const suite of policy.suites) {
    const present = suite.standards.some((standard) => namesOf(standard).some((name) => byTest.has(name)));
    if (!present) {
      // A suite the report has nothing for decides nothing, but every test of it is missing.
      missing.push(...suite.standards.flatMap((standard) => standard.tests.map((test) => test.name)));
      continue;
    }
    const standards = suite.standards.map((standard) => decideStandard(standard, byTest));
    const suiteMissing = [...new Set(standards.flatMap((standard) => standard.missing))];
    missing.push(...suiteMissing);
    suites.push({
      id: suite.id,
      meets: combine(standards.map((standard) => standard.meets)),
      standards,
      complete: suiteMissing.length === 0,
      missing: suiteMissing,
    });
  }
  const coverage = { complete: missing.length === 0, missing: [...new Set(missing)] };
  if (suites.length === 0) {
    return {
      kind: 'target-state',
      policy: policy.id,
      meets: 'unknown',
      suites,
      unscored,
      ...coverage,
      error: { code: 'no-verdicts', message: 'The report has no verdict for any test of the policy.' },
    };
  }
  return { kind: 'target-state', policy: policy.id, meets: combine(suites.map((suite) => suite.meets)), suites, unscored, ...coverage };
}
