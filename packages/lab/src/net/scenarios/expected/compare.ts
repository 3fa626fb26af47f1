import type { ExpectedSubtests, ExpectedVerdict } from './types.js';

/** What the comparison reads of a verdict: the shape of core's `Verdict`, without depending on it. */
export interface ComparedVerdict {
  /** The check id. */
  readonly check: string;
  /** Its Internet.nl test, when it has one. */
  readonly internetnl?: { readonly name: string };
  /** The verdict's status. */
  readonly status: string;
  /** The verdict's outcome code. */
  readonly outcome: string;
}

/** One subtest whose verdict is not the one the scenario is built to give. */
export interface VerdictMismatch {
  /** The Internet.nl test name, or the check id for pastoe's own checks. */
  readonly subtest: string;
  /** `status/outcome` as scanned; absent when the report has no verdict for the subtest. */
  readonly actual?: string;
  /** `status/outcome` as the scenario data says. */
  readonly expected: ExpectedVerdict;
}

/**
 * Compares a scan's verdicts with a scenario's expectations (`expectedWebVerdicts`,
 * `expectedMailVerdicts`): every expected subtest whose verdict differs or is missing, in the
 * expectations' order. Subtests without an expectation are not compared.
 */
export function verdictMismatches(verdicts: readonly ComparedVerdict[], expected: ExpectedSubtests): VerdictMismatch[] {
  const actual = new Map<string, string>();
  for (const verdict of verdicts) actual.set(verdict.internetnl?.name ?? verdict.check, `${verdict.status}/${verdict.outcome}`);
  return Object.entries(expected).flatMap(([subtest, want]) => {
    const got = actual.get(subtest);
    if (got === want) return [];
    return [got === undefined ? { subtest, expected: want } : { subtest, actual: got, expected: want }];
  });
}

/** A mismatch as one line for test output: `<domain> <subtest>: got <actual>, expected <expected>`. */
export function describeMismatch(domain: string, mismatch: VerdictMismatch): string {
  return mismatch.actual === undefined
    ? `${domain} ${mismatch.subtest}: no verdict`
    : `${domain} ${mismatch.subtest}: got ${mismatch.actual}, expected ${mismatch.expected}`;
}
