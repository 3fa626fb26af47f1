import { type ScanReport, type TargetSuiteResult, policies, score } from '@pastoe/core';
import { checkOrder, verdictsByCheck } from '../check-order.js';
import { meetsText } from '../meets.js';
import { type CsvValue, csvText } from './cell.js';

/** Options for {@link toCsv}. */
export interface CsvReportOptions {
  /**
   * What a check's cell holds: `status` (e.g. `fail`, the default) or `status-outcome`
   * (e.g. `fail/bad`, the status and the check's outcome code).
   */
  readonly checkCell?: 'status' | 'status-outcome';
  /**
   * The check columns, in order; default {@link checkOrder} of the reports. Given the columns of
   * a whole run, each report's table has the same header, so a run is written a row at a time.
   */
  readonly checks?: readonly string[];
}

/** The columns before the per-check ones, in order. */
const csvScoreColumns = ['domain', 'internetnl_web', 'internetnl_mail', 'streefbeeld', 'streefbeeld_web', 'streefbeeld_mail'] as const;

function suiteMeets(suites: readonly TargetSuiteResult[], id: string): CsvValue {
  const suite = suites.find((candidate) => candidate.id === id);
  return suite === undefined ? '' : meetsText(suite.meets);
}

function row(report: ScanReport, checks: readonly string[], cell: 'status' | 'status-outcome'): CsvValue[] {
  const points = score(report, policies.internetnl);
  const percentage = (id: string) => points.suites.find((suite) => suite.id === id)?.percentage;
  const target = score(report, policies.streefbeeld);
  const byCheck = verdictsByCheck(report);
  return [
    report.target.domain,
    percentage('web'),
    percentage('mail'),
    target.error === undefined ? meetsText(target.meets) : '',
    suiteMeets(target.suites, 'web'),
    suiteMeets(target.suites, 'mail'),
    ...checks.map((check) => {
      const verdict = byCheck.get(check);
      if (verdict === undefined) return '';
      return cell === 'status' ? verdict.status : `${verdict.status}/${verdict.outcome}`;
    }),
  ];
}

/**
 * Writes scan reports as an RFC 4180 CSV table (CRLF line ends, UTF-8, no byte order mark),
 * one row per report, in the order given.
 *
 * Columns: `domain`; `internetnl_web` and `internetnl_mail`, Internet.nl's percentages
 * (`policies.internetnl`, over what the report tested); `streefbeeld`, `streefbeeld_web` and
 * `streefbeeld_mail`, the Forum Standaardisatie target-state decisions (`yes`, `no`, `unknown`,
 * `not-applicable`); then one column per check id holding its status (or `status/outcome`, see
 * {@link CsvReportOptions}). A cell is empty when the report has no such suite or check.
 *
 * The check columns are the union over the reports, in the order of the first report that has
 * any, then the checks only later reports have, in their order: the same reports in the same
 * order give the same columns.
 *
 * Cells that start with `=`, `+`, `-`, `@`, a tab or CR are prefixed with a single quote, so
 * that a spreadsheet does not run a hostile domain or label as a formula.
 */
export function toCsv(reports: Iterable<ScanReport>, options: CsvReportOptions = {}): string {
  const list = [...reports];
  const checks = options.checks ?? checkOrder(list);
  const cell = options.checkCell ?? 'status';
  return csvText(
    [...csvScoreColumns, ...checks],
    list.map((report) => row(report, checks, cell)),
  );
}
