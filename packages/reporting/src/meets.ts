import type { Meets } from '@pastoe/core';

/** How a table writes a target-state decision: `yes`, `no`, `unknown` or `not-applicable`. */
export type MeetsText = 'yes' | 'no' | 'unknown' | 'not-applicable';

/** A target-state decision as table text. */
export function meetsText(meets: Meets): MeetsText {
  if (meets === true) return 'yes';
  if (meets === false) return 'no';
  return meets;
}
