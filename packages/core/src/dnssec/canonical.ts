import type { DnsRecord } from '../dns/types.js';
import { labelCount, lastLabels, nameToWire, wildcardOf } from './names.js';
import { compareBytes, concatBytes, recordRdata } from './rdata.js';
import { classNumber, typeNumber } from './rrtypes.js';

/**
 * Where the domain names sit in the RDATA of the types whose embedded names are lowercased in
 * canonical form: RFC 4034 §6.2 as corrected by RFC 6840 §5.1 (NSEC is not in the list, RRSIG
 * is; HINFO has no names). Each entry is a sequence of steps: skip a number of octets, skip a
 * character-string, or lowercase one name.
 */
type Step = { readonly skip: number } | 'name' | 'string';

const nameLayouts: ReadonlyMap<number, readonly Step[]> = new Map<number, readonly Step[]>([
  [2, ['name']], // NS
  [3, ['name']], // MD
  [4, ['name']], // MF
  [5, ['name']], // CNAME
  [6, ['name', 'name']], // SOA
  [7, ['name']], // MB
  [8, ['name']], // MG
  [9, ['name']], // MR
  [12, ['name']], // PTR
  [14, ['name', 'name']], // MINFO
  [15, [{ skip: 2 }, 'name']], // MX
  [17, ['name', 'name']], // RP
  [18, [{ skip: 2 }, 'name']], // AFSDB
  [21, [{ skip: 2 }, 'name']], // RT
  [24, [{ skip: 18 }, 'name']], // SIG
  [26, [{ skip: 2 }, 'name', 'name']], // PX
  [30, ['name']], // NXT
  [33, [{ skip: 6 }, 'name']], // SRV
  [35, [{ skip: 4 }, 'string', 'string', 'string', 'name']], // NAPTR
  [36, [{ skip: 2 }, 'name']], // KX
  [39, ['name']], // DNAME
  [46, [{ skip: 18 }, 'name']], // RRSIG
]);

/** Lowercases the uncompressed name at `offset` in place; returns the offset after it, or -1. */
function lowercaseNameAt(bytes: Uint8Array, offset: number): number {
  let at = offset;
  for (;;) {
    const length = bytes[at];
    if (length === undefined || length > 63) return -1;
    at += 1;
    if (length === 0) return at;
    if (at + length > bytes.length) return -1;
    for (let i = at; i < at + length; i++) {
      const byte = bytes[i] ?? 0;
      if (byte >= 0x41 && byte <= 0x5a) bytes[i] = byte + 0x20;
    }
    at += length;
  }
}

/** Whether the canonical form of the type's RDATA lowercases names in it, so differs from the octets received. */
export function hasCanonicalNames(type: number): boolean {
  return type === 38 || nameLayouts.has(type);
}

/**
 * The canonical form of RDATA (RFC 4034 §6.2 item 3): for the listed types the embedded names
 * lowercased, otherwise unchanged. A6 (38) is handled apart because its name is optional.
 */
export function canonicalRdata(type: number, rdata: Uint8Array): Uint8Array {
  if (type === 38) {
    const prefix = rdata[0] ?? 0;
    if (prefix === 0) return rdata;
    const out = rdata.slice();
    lowercaseNameAt(out, 1 + Math.ceil((128 - prefix) / 8));
    return out;
  }
  const layout = nameLayouts.get(type);
  if (layout === undefined) return rdata;
  const out = rdata.slice();
  let offset = 0;
  for (const step of layout) {
    if (step === 'name') {
      offset = lowercaseNameAt(out, offset);
      // A malformed name: leave the rest as received, so the signature check fails on its own.
      if (offset < 0) return out;
    } else if (step === 'string') {
      offset += 1 + (out[offset] ?? 0);
    } else {
      offset += step.skip;
    }
    if (offset > out.length) return out;
  }
  return out;
}

/**
 * The owner name a signature covers (RFC 4035 §5.3.2): the owner itself, or for an answer
 * synthesised from a wildcard, `*.` and the rightmost `labels` labels of the owner.
 */
export function signedOwner(owner: string, labels: number): string {
  const count = labelCount(owner);
  return labels < count ? wildcardOf(lastLabels(owner, labels)) : owner;
}

/** The RRSIG RDATA without the signature, the signer's name lowercased (RFC 4034 §3.1.8.1). */
function rrsigPrefix(rrsig: DnsRecord): Uint8Array | undefined {
  const rdata = recordRdata(rrsig);
  if (rdata.length < 19) return undefined;
  const out = rdata.slice();
  const end = lowercaseNameAt(out, 18);
  return end < 0 ? undefined : out.subarray(0, end);
}

/**
 * The canonical RDATA of each record of an RRset, sorted and with duplicates removed as RFC 4034
 * §6.3 requires.
 */
export function canonicalRdataSet(records: readonly DnsRecord[]): Uint8Array[] {
  const sorted = records.map((record) => canonicalRdata(typeNumber(record.type) ?? 0, recordRdata(record))).sort(compareBytes);
  return sorted.filter((rdata, i) => i === 0 || compareBytes(sorted[i - 1] ?? new Uint8Array(), rdata) !== 0);
}

/**
 * The data an RRSIG signs (RFC 4034 §3.1.8.1 and §6): the RRSIG RDATA without its signature,
 * then each RR of the set in canonical form and order, with the owner lowercased (rebuilt from
 * the Labels field for wildcard answers) and the TTL replaced by the Original TTL. Returns
 * `undefined` when the RRSIG RDATA is malformed or the set is empty.
 * @param canonical - the set's {@link canonicalRdataSet}, when the caller has it already
 */
export function signatureInput(
  rrset: readonly DnsRecord[],
  rrsig: DnsRecord,
  canonical: readonly Uint8Array[] = canonicalRdataSet(rrset),
): Uint8Array | undefined {
  const first = rrset[0];
  if (first === undefined || rrsig.data.type !== 'RRSIG') return undefined;
  const prefix = rrsigPrefix(rrsig);
  if (prefix === undefined) return undefined;
  const type = typeNumber(first.type) ?? 0;
  const owner = nameToWire(signedOwner(first.name, rrsig.data.labels));
  const klass = classNumber(first.class);
  const ttl = rrsig.data.originalTtl >>> 0;
  const header = Uint8Array.of(
    (type >>> 8) & 0xff,
    type & 0xff,
    (klass >>> 8) & 0xff,
    klass & 0xff,
    (ttl >>> 24) & 0xff,
    (ttl >>> 16) & 0xff,
    (ttl >>> 8) & 0xff,
    ttl & 0xff,
  );
  const parts: Uint8Array[] = [prefix];
  for (const rdata of canonical) {
    parts.push(owner, header, Uint8Array.of((rdata.length >>> 8) & 0xff, rdata.length & 0xff), rdata);
  }
  return concatBytes(parts);
}
