import type { ScanReport } from '@pastoe/core';

/** Options for {@link toJson}. */
export interface JsonReportOptions {
  /** Leave out the evidence (a smaller file that can no longer be re-evaluated). Default false. */
  readonly omitEvidence?: boolean;
  /** Indentation; 0 for one line (JSON Lines). Default 2. */
  readonly indent?: number;
}

/**
 * Serialises a scan report as result-schema-v1 JSON: `schema` is `pastoe.report/1`, and the
 * report carries its provenance (pastoe release, rule set versions, resolver, DNSSEC trust
 * anchors, certificate roots) and the vantage check. The JSON Schema that describes it ships with
 * this package as `@pastoe/reporting/schema/report-v1.schema.json`.
 */
export function toJson(report: ScanReport, options: JsonReportOptions = {}): string {
  const value = options.omitEvidence === true ? { ...report, evidence: [] } : report;
  return JSON.stringify(value, null, options.indent ?? 2);
}
