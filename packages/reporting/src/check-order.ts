import type { Verdict } from '@pastoe/core';

/** What ordering checks needs of a report: its verdicts. */
export interface ReportVerdicts {
  /** The verdicts, in the order the report has them. */
  readonly verdicts: readonly Verdict[];
}

/**
 * The check ids over a set of reports, each once, in a stable order: the order of the first
 * report that has any of them, then the ids only later reports have, in those reports' order.
 * The same reports in the same order always give the same columns.
 */
export function checkOrder(reports: Iterable<ReportVerdicts>): string[] {
  const seen = new Set<string>();
  for (const report of reports) for (const verdict of report.verdicts) seen.add(verdict.check);
  return [...seen];
}

/** A report's verdicts by check id; the first verdict wins if a check appears twice. */
export function verdictsByCheck(report: ReportVerdicts): Map<string, Verdict> {
  const byCheck = new Map<string, Verdict>();
  for (const verdict of report.verdicts) if (!byCheck.has(verdict.check)) byCheck.set(verdict.check, verdict);
  return byCheck;
}
