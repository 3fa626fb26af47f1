/**
 * Verdict statuses, from worst to best. The order is Internet.nl's (`checks/scoring.py`):
 * error, fail, warning (notice), info, not tested, and pass; `not-applicable` sits just below pass
 * because it never lowers a summary.
 */
export const verdictStatuses = ['error', 'fail', 'warning', 'info', 'not-tested', 'not-applicable', 'pass'] as const;

/** The status of a verdict. */
export type VerdictStatus = (typeof verdictStatuses)[number];

/** How much a check matters: a failing required check fails, a recommended one warns, an optional one informs. */
export type CheckLevel = 'required' | 'recommended' | 'optional';

/** Every check level, strictest first. */
export const checkLevels: readonly CheckLevel[] = ['required', 'recommended', 'optional'];

const rank: Readonly<Record<VerdictStatus, number>> = Object.freeze(
  Object.fromEntries(verdictStatuses.map((status, index) => [status, index])) as Record<VerdictStatus, number>,
);

/** The worst status a failing check of this level may show (Internet.nl's `worst_status`). */
export function worstStatusForLevel(level: CheckLevel): 'fail' | 'warning' | 'info' {
  switch (level) {
    case 'required':
      return 'fail';
    case 'recommended':
      return 'warning';
    case 'optional':
      return 'info';
  }
}

/** Compares two statuses: negative when `a` is worse than `b`, positive when better, 0 when equal. */
export function compareStatus(a: VerdictStatus, b: VerdictStatus): number {
  return rank[a] - rank[b];
}

/** The worst of the given statuses; `pass` for none. */
export function worstStatus(statuses: Iterable<VerdictStatus>): VerdictStatus {
  let worst: VerdictStatus = 'pass';
  for (const status of statuses) if (rank[status] < rank[worst]) worst = status;
  return worst;
}

/**
 * Applies the worst-status rule: a `fail`, `warning` or `info` that is worse than what the level
 * allows becomes the level's worst status. Other statuses (error, not-tested, not-applicable, pass)
 * pass through, as do forced statuses (Internet.nl's `override=True`).
 */
export function clampStatus(status: VerdictStatus, level: CheckLevel, forced = false): VerdictStatus {
  if (forced) return status;
  if (status !== 'fail' && status !== 'warning' && status !== 'info') return status;
  const limit = worstStatusForLevel(level);
  return rank[status] < rank[limit] ? limit : status;
}

/** True when the value is a verdict status. */
export function isVerdictStatus(value: unknown): value is VerdictStatus {
  return typeof value === 'string' && value in rank;
}
