import type { Meets } from '@pastoe/core';
import type { Adoption } from './types.js';

/** Counts of target-state decisions; `absent` is derived from the number of domains. */
export interface MeetsTally {
  yes: number;
  no: number;
  unknown: number;
  notApplicable: number;
}

/** An empty tally. */
export function emptyTally(): MeetsTally {
  return { yes: 0, no: 0, unknown: 0, notApplicable: 0 };
}

/** Counts one decision. */
export function countMeets(tally: MeetsTally, meets: Meets): void {
  if (meets === true) tally.yes++;
  else if (meets === false) tally.no++;
  else if (meets === 'unknown') tally.unknown++;
  else tally.notApplicable++;
}

/** The share that meets: `yes / (yes + no)`, null when nothing was decided. */
export function share(yes: number, no: number): number | null {
  return yes + no === 0 ? null : yes / (yes + no);
}

/** A tally as an {@link Adoption} over `domains` domains; the ones not counted are absent. */
export function adoptionOf(tally: MeetsTally, domains: number): Adoption {
  const counted = tally.yes + tally.no + tally.unknown + tally.notApplicable;
  return {
    yes: tally.yes,
    no: tally.no,
    undecided: tally.unknown,
    notApplicable: tally.notApplicable,
    absent: domains - counted,
    share: share(tally.yes, tally.no),
  };
}
