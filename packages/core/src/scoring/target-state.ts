import { clampStatus } from '../model/status.js';
import type { Verdict } from '../model/verdict.js';
import { matchVerdicts } from './match.js';
import type { OutcomeCondition, TargetStandardPolicy, TargetStatePolicy } from './policy.js';
import type { FailingTest, Meets, StandardResult, TargetStateResult, TargetSuiteResult } from './result.js';

/** False if anything fails; not applicable if everything is; otherwise true. */
function combine(decisions: readonly Meets[]): Meets {
  if (decisions.some((decision) => decision === false)) return false;
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
    return { ...base, meets: 'not-applicable', failing: [], skipped: standard.tests.map((test) => test.name) };
  }
  const failing: FailingTest[] = [];
  const skipped: string[] = [];
  let counted = 0;
  for (const test of standard.tests) {
    if (test.skipWhen?.some(holds) === true) {
      skipped.push(test.name);
      continue;
    }
    const verdict = byTest.get(test.name);
    if (verdict === undefined) {
      counted++;
      failing.push({ name: test.name, status: 'not-tested', reason: 'missing' });
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
    failing.push({ name: test.name, check: verdict.check, status, outcome: verdict.outcome, reason: 'status' });
  }
  return { ...base, meets: counted === 0 ? 'not-applicable' : failing.length === 0, failing, skipped };
}

/**
 * Decides a target-state policy over verdicts.
 *
 * @internal Use {@link score}.
 */
export function decideTargetState(verdicts: readonly Verdict[], policy: TargetStatePolicy): TargetStateResult {
  const namesOf = (standard: TargetStandardPolicy): string[] => [
    ...standard.tests.map((test) => test.name),
    ...standard.tests.flatMap((test) => (test.skipWhen ?? []).map((condition) => condition.test)),
    ...(standard.notApplicableWhen ?? []).map((condition) => condition.test),
  ];
  const names = new Set(policy.suites.flatMap((suite) => suite.standards.flatMap(namesOf)));
  const { byTest, unscored } = matchVerdicts(verdicts, names);

  const suites: TargetSuiteResult[] = [];
  for (const suite of policy.suites) {
    const present = suite.standards.some((standard) => namesOf(standard).some((name) => byTest.has(name)));
    if (!present) continue;
    const standards = suite.standards.map((standard) => decideStandard(standard, byTest));
    suites.push({ id: suite.id, meets: combine(standards.map((standard) => standard.meets)), standards });
  }
  if (suites.length === 0) {
    return {
      kind: 'target-state',
      policy: policy.id,
      meets: false,
      suites,
      unscored,
      error: { code: 'no-verdicts', message: 'The report has no verdict for any test of the policy.' },
    };
  }
  return { kind: 'target-state', policy: policy.id, meets: combine(suites.map((suite) => suite.meets)), suites, unscored };
}
