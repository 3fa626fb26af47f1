/**
 * The four levels of the NCSC TLS guidelines (2025-05). Internet.nl turns them into statuses per
 * subtest: `insufficient` fails, `phase-out` gives a notice (warning), `good` and `sufficient`
 * pass.
 */
export type NcscLevel = 'good' | 'sufficient' | 'phase-out' | 'insufficient';

/** Every level, best first. */
export const ncscLevels: readonly NcscLevel[] = Object.freeze(['good', 'sufficient', 'phase-out', 'insufficient']);

/** The worse of the levels (`good` for none). */
export function worstLevel(levels: Iterable<NcscLevel>): NcscLevel {
  let worst = 0;
  for (const level of levels) worst = Math.max(worst, ncscLevels.indexOf(level));
  return ncscLevels[worst] as NcscLevel;
}

/** True when the level passes without a notice. */
export function isAcceptableLevel(level: NcscLevel): boolean {
  return level === 'good' || level === 'sufficient';
}
