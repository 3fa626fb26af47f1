/**
 * The JSON VRP export of rpki-client and Routinator (`routinator vrps -f json`,
 * `rpki-client -j`): `{"roas": [{"prefix", "maxLength", "asn"}]}`, the AS as `"AS64500"` or a
 * number. Parsing is pure; reading a file is in `vrp-export-file.ts`.
 */
import { isValidVrp, parseAsn, type Vrp } from '../origin-validation.js';
import { createStaticVrpSource } from './static.js';
import type { VrpSource } from '../types.js';

/** Bounds for {@link parseVrpExport}. */
export interface VrpExportLimits {
  /** The most entries read. Default 2 000 000 (the global table has well under a million). */
  readonly maxEntries?: number;
}

/** The result of parsing an export: the VRPs, and how many entries were not usable VRPs (skipped, as a validator would). */
export interface ParsedVrpExport {
  /** The well-formed VRPs. */
  readonly vrps: readonly Vrp[];
  /** Entries skipped because they were not a well-formed VRP. */
  readonly skipped: number;
}

/**
 * Parses a JSON VRP export (text or an already parsed value). Malformed entries are skipped and
 * counted; a document without a `roas` list, or with more entries than allowed, throws a TypeError.
 */
export function parseVrpExport(input: string | unknown, limits: VrpExportLimits = {}): ParsedVrpExport {
  const document: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  const roas =
    typeof document === 'object' && document !== null && !Array.isArray(document) ? (document as { roas?: unknown }).roas : undefined;
  if (!Array.isArray(roas)) throw new TypeError('a VRP export needs a "roas" list');
  const maxEntries = limits.maxEntries ?? 2_000_000;
  if (roas.length > maxEntries) throw new TypeError(`the VRP export has ${roas.length} entries, more than ${maxEntries}`);
  const vrps: Vrp[] = [];
  let skipped = 0;
  for (const entry of roas) {
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const asn = parseAsn(record.asn);
    const maxLength = typeof record.maxLength === 'number' ? record.maxLength : Number(record.maxLength);
    const vrp = { prefix: typeof record.prefix === 'string' ? record.prefix : '', maxLength, asn: asn ?? -1 };
    if (asn !== undefined && isValidVrp(vrp)) vrps.push(vrp);
    else skipped += 1;
  }
  return { vrps, skipped };
}

/** A VRP source over a parsed export, described by where it came from. */
export function createVrpExportSource(input: string | unknown, description = 'VRP export', limits: VrpExportLimits = {}): VrpSource {
  return createStaticVrpSource(parseVrpExport(input, limits).vrps, description);
}
