import type { ScanReport } from '@pastoe/core';

/** What a summary needs of a report: its target and verdicts. A full `ScanReport` fits. */
export type SummarisableReport = Pick<ScanReport, 'target' | 'verdicts'>;

/**
 * How reports are grouped: a function from a report to its group label, or a map from domain to
 * label (looked up by the normalised domain, then by the input as given). No label, or an empty
 * one, leaves the report ungrouped.
 */
export type GroupBy = ((report: SummarisableReport) => string | undefined) | ReadonlyMap<string, string>;

/** The group label of a report, or undefined when it has none. */
export function groupOf(report: SummarisableReport, groupBy: GroupBy | undefined): string | undefined {
  if (groupBy === undefined) return undefined;
  const label = typeof groupBy === 'function' ? groupBy(report) : (groupBy.get(report.target.domain) ?? groupBy.get(report.target.input));
  return label === undefined || label === '' ? undefined : label;
}
