import type { ScanReport } from '@pastoe/core';

/**
 * What a summary needs of a report: its target and verdicts, and for the supplier view its
 * evidence. A full `ScanReport` fits.
 */
export type SummarisableReport = Pick<ScanReport, 'target' | 'verdicts'> & Partial<Pick<ScanReport, 'evidence'>>;

/**
 * How reports are grouped: a function from a report to its group label, or a map from domain to
 * label (looked up by the normalised domain, then by the input as given). No label, or an empty
 * one, leaves the report ungrouped. `R` is the type of the reports summarised, so the function
 * may read whatever they carry.
 */
export type GroupBy<R extends SummarisableReport = SummarisableReport> = ((report: R) => string | undefined) | ReadonlyMap<string, string>;

/** The group label of a report, or undefined when it has none. */
export function groupOf<R extends SummarisableReport>(report: R, groupBy: GroupBy<R> | undefined): string | undefined {
  if (groupBy === undefined) return undefined;
  const label = typeof groupBy === 'function' ? groupBy(report) : (groupBy.get(report.target.domain) ?? groupBy.get(report.target.input));
  return label === undefined || label === '' ? undefined : label;
}
