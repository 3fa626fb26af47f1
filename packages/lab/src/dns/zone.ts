import type { Rcode, RecordData, RecordType } from '@pastoe/core';
import { LabDnsError, isInBailiwick, normalizeName } from './names.js';
import { canonicalType } from './rrtypes.js';

/**
 * One record of a lab zone. The data uses pastoe's own `RecordData` (from `@pastoe/core`) shapes, so what the lab
 * serves and what pastoe decodes can be compared field by field. A record whose data has
 * `type: 'unknown'` carries raw RDATA (RFC 3597) for any record type.
 */
export interface ZoneRecord {
  /** The owner name, absolute, without a trailing dot; the root is `''`. */
  readonly name: string;
  /** The record type; must agree with `data.type` unless the data is `unknown`. */
  readonly type: RecordType;
  /** Time to live in seconds. */
  readonly ttl: number;
  /** The record data. Names inside it are absolute, without a trailing dot. */
  readonly data: RecordData;
}

/** How the lab server misbehaves for a whole zone, on purpose. */
export interface ZoneServingFaults {
  /**
   * Every query for a name in the zone gets SERVFAIL (`servfail`), REFUSED as from a lame server
   * (`refused`), or no answer at all (`timeout`).
   */
  readonly failure?: 'servfail' | 'refused' | 'timeout';
  /**
   * Response codes handed out in turn, one per query, cycling; `NOERROR` means "answer
   * normally". For example `['SERVFAIL', 'NOERROR']` makes every other query fail, to exercise
   * retries.
   */
  readonly rcodeScript?: readonly Rcode[];
  /** Leave NSEC and NSEC3 records out of every answer: denial of existence without proof. */
  readonly omitDenialProofs?: boolean;
  /** Hold every answer for this long before sending it: a slow but working server. */
  readonly delayMs?: number;
  /**
   * Questions that get no answer at all, as from a server that times out on some names or
   * types only: each entry names an owner (case-insensitive) and, optionally, the one type that
   * goes unanswered there. The rest of the zone answers normally.
   */
  readonly silent?: readonly { readonly name: string; readonly type?: RecordType }[];
}

/** A zone the lab serves: its origin, its records (signed or not) and any deliberate faults. */
export interface Zone {
  /** The zone apex, without a trailing dot; the root is `''`. */
  readonly origin: string;
  /** All records, including DNSKEY, RRSIG, NSEC and NSEC3 when the zone is signed. */
  readonly records: readonly ZoneRecord[];
  /** Deliberate serving faults. */
  readonly faults?: ZoneServingFaults;
}

const nameTypes = new Set(['NS', 'CNAME', 'PTR', 'DNAME']);

/**
 * Checks that a record is well-formed and normalises its owner name and type spelling. The
 * signer and the server call it so that a mistake in hand-written zone data is reported with the
 * record that caused it rather than as a corrupt packet later.
 */
export function normalizeRecord(record: ZoneRecord): ZoneRecord {
  const name = normalizeName(record.name);
  const type = canonicalType(record.type);
  const dataType = record.data.type;
  const agrees = dataType === 'unknown' || dataType === type || (nameTypes.has(type) && nameTypes.has(dataType) && dataType === type);
  if (!agrees) throw new LabDnsError(`record ${name} ${type} carries ${dataType} data`);
  if (!Number.isInteger(record.ttl) || record.ttl < 0 || record.ttl > 0x7fffffff) {
    throw new LabDnsError(`record ${name} ${type} has an invalid TTL ${record.ttl}`);
  }
  if (name === record.name && type === record.type) return record;
  return { ...record, name, type };
}

/** Checks and normalises a whole zone: every record must lie at or below the origin. */
export function normalizeZone(zone: Zone): Zone {
  const origin = normalizeName(zone.origin);
  const records = zone.records.map((r) => {
    const n = normalizeRecord(r);
    if (!isInBailiwick(n.name, origin)) throw new LabDnsError(`record ${n.name} ${n.type} lies outside zone "${origin}"`);
    return n;
  });
  return zone.faults === undefined ? { origin, records } : { origin, records, faults: zone.faults };
}
