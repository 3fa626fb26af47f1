/**
 * @packageDocumentation
 * pastoe reports: JSON (result schema v1) with `toJson`, Internet.nl's batch API v2 results JSON
 * with `toInternetNl`, a CSV table per domain with `toCsv`, and adoption statistics over a bulk
 * run with `summarize` and `summaryToCsv`. Planned: Markdown and HTML, in Dutch and English.
 * Depends on the result schema only, never on checks.
 */
export { toJson } from './json.js';
export type { JsonReportOptions } from './json.js';
export * from './internetnl/index.js';
export { toCsv } from './csv/to-csv.js';
export type { CsvReportOptions } from './csv/to-csv.js';
export { summarize } from './summary/summarize.js';
export type { SummarizeOptions } from './summary/summarize.js';
export type { GroupBy, SummarisableReport } from './summary/group.js';
export { summaryToCsv } from './summary/summary-csv.js';
export { summarySchema } from './summary/types.js';
export type {
  Adoption,
  AdoptionStats,
  AdoptionSummary,
  CheckAdoption,
  GroupAdoption,
  StandardAdoption,
  StreefbeeldAdoption,
} from './summary/types.js';
export * from './messages/index.js';
