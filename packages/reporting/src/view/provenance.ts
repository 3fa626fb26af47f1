import type { JsonValue, ScanReport } from '@pastoe/core';
import type { Language } from '../messages/types.js';
import { ui, uiOr } from '../messages/ui.js';
import { factsText } from './facts.js';

/** One line of a report's provenance block: a label and its value. */
export interface ProvenanceLine {
  /** The localised label. */
  readonly label: string;
  /** The value as text. */
  readonly value: string;
}

/** The provenance keys a report may carry, in the order the block lists them. */
const provenanceKeys = ['policy', 'rulesets', 'resolver', 'trustAnchors', 'vantage'] as const;

/**
 * The provenance a report carries, if any. Read structurally, because `report.provenance`
 * (`{ policy?, rulesets?, resolver?, trustAnchors?, vantage? }`) is newer than some reports: a
 * report without it, or with fields this version does not know, still renders.
 */
function carriedProvenance(report: ScanReport): Readonly<Record<string, JsonValue>> | undefined {
  const value: unknown = (report as { readonly provenance?: unknown }).provenance;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, JsonValue>) : undefined;
}

function valueText(value: JsonValue): string {
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))).join(', ');
  return factsText(value as Record<string, JsonValue>);
}

/**
 * The provenance block of a report: the pastoe version that scanned, when it scanned, then
 * whatever provenance the report carries (policy, rulesets, resolver, trust anchors, vantage,
 * and any newer field by its own name). Without carried provenance the resolver of the vantage
 * check stands in. Times are the report's own, so a stored report renders the same every time.
 */
export function provenanceLines(report: ScanReport, language: Language): ProvenanceLine[] {
  const lines: ProvenanceLine[] = [
    { label: ui('provenance.version', language), value: report.tool.version },
    { label: ui('provenance.scanned', language), value: `${report.startedAt} – ${report.finishedAt}` },
  ];
  const carried = carriedProvenance(report);
  if (carried === undefined) {
    if (report.vantage?.resolver !== undefined) lines.push({ label: ui('provenance.resolver', language), value: report.vantage.resolver });
    return lines;
  }
  const known = new Set<string>(provenanceKeys);
  const keys = [...provenanceKeys.filter((key) => Object.hasOwn(carried, key)), ...Object.keys(carried).filter((key) => !known.has(key))];
  for (const key of keys) {
    const value = carried[key];
    if (value === undefined || value === null) continue;
    const text = valueText(value);
    if (text !== '') lines.push({ label: uiOr(`provenance.${key}`, language, key), value: text });
  }
  return lines;
}
