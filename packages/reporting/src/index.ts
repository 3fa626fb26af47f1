/**
 * @packageDocumentation
 * pastoe reports: JSON (result schema v1) with `toJson`, and Internet.nl's batch API v2 results
 * JSON with `toInternetNl`. Planned: Markdown, HTML, CSV and adoption statistics, in Dutch and
 * English. Depends on the result schema only, never on checks.
 */
export { toJson } from './json.js';
export type { JsonReportOptions } from './json.js';
export * from './internetnl/index.js';
