/**
 * @packageDocumentation
 * pastoe reports. Today: JSON (result schema v1) with `toJson`. Planned: Internet.nl-compatible
 * JSON, Markdown, HTML, CSV and adoption statistics, in Dutch and English. Depends on the result
 * schema only, never on checks.
 */
export { toJson } from './json.js';
export type { JsonReportOptions } from './json.js';
