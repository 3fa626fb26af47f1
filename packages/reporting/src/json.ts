import type { ScanReport } from '@pastoe/core';

/** Options for {@link toJson}. */
export interface JsonReportOptions {
  /** Leave out the evidence (a smaller file that can no longer be re-evaluated). Default false. */
  readonly omitEvidence?: boolean;
  /** Indentation; 0 for one line (JSON Lines). Default 2. */
  readonly indent?: number;
}

/** Serialises a scan report as result-schema-v1 JSON. */
export function toJson(report: ScanReport, options: JsonReportOptions = {}): string {
  const value = options.omitEvidence === true ? { ...report, evidence: [] } : report;
  return JSON.stringify(value, null, options.indent ?? 2);
}
