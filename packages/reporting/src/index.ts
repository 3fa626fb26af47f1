/**
 * @packageDocumentation
 * pastoe reports: JSON (result schema v1) with `toJson`, a CSV table per domain with `toCsv`, and
 * adoption statistics over a bulk run with `summarize` and `summaryToCsv`. Planned:
 * Internet.nl-compatible JSON, Markdown and HTML, in Dutch and English. Depends on the result
 * schema only, never on checks.
 */
export { toJson } from './json.js';
export type { JsonReportOptions } from './json.js';
export { toCsv } from './csv/to-csv.js';
export type { CsvReportOptions } from './csv/to-csv.js';
