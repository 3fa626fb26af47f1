/**
 * The problem type the MTA-STS and TLS-RPT parsers share: a stable code, where it was found and
 * one English line, so a check turns it into a finding without re-reading the text.
 */

/** One thing wrong with an MTA-STS record, MTA-STS policy or TLS-RPT record. */
export interface PolicyTextProblem {
  /** What is wrong, as a stable code (`missing-id`, `invalid-mode`, ...). */
  readonly code: string;
  /** The field or key it concerns, as written. */
  readonly field?: string;
  /** The offending value, as written (cut to 100 characters). */
  readonly value?: string;
  /** The line of a policy file, from 1. */
  readonly line?: number;
  /** One line in English saying what is wrong. */
  readonly message: string;
}

/** A problem, its value cut so that a hostile record cannot blow up evidence or reports. */
export function problem(code: string, message: string, detail: Omit<PolicyTextProblem, 'code' | 'message'> = {}): PolicyTextProblem {
  const value = detail.value === undefined ? undefined : detail.value.slice(0, 100);
  return { code, ...detail, ...(value === undefined ? {} : { value }), message };
}
