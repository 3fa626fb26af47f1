import type { ScanReport } from '@pastoe/core';

/** One verdict as a row of the `verdicts` table. */
export interface VerdictRow {
  /** The check id. */
  readonly check: string;
  /** Its Internet.nl test name, or null for checks Internet.nl lacks. */
  readonly subtest: string | null;
  /** The status after the level clamp. */
  readonly status: string;
  /** The outcome code. */
  readonly outcome: string;
  /** The fraction of full points, where the check measures partial credit; else null. */
  readonly points: number | null;
}

/** The rows of a report's verdicts, one per check. */
export function verdictRows(report: Pick<ScanReport, 'verdicts'>): VerdictRow[] {
  return report.verdicts.map((verdict) => ({
    check: verdict.check,
    subtest: verdict.internetnl?.name ?? null,
    status: verdict.status,
    outcome: verdict.outcome,
    points: typeof verdict.score === 'number' && Number.isFinite(verdict.score) ? verdict.score : null,
  }));
}
