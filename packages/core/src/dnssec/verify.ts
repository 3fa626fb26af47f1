import type { KeyObject } from 'node:crypto';
import type { DnsRecord } from '../dns/types.js';
import { canonicalRdata, canonicalRdataSet, hasCanonicalNames, signatureInput } from './canonical.js';
import { isSupportedAlgorithm, publicKeyFromDnskey, signatureCheckId, verifySignature } from './crypto.js';
import { keyTag } from './keytag.js';
import { isSubdomain, isWildcard, labelCount, lastLabels, nameKey } from './names.js';
import { fromBase64, recordRdata, toHex } from './rdata.js';
import type { BogusReason } from './reasons.js';
import { typeNumber } from './rrtypes.js';

/** An RRset as found in a response: records of one owner and type, with the RRSIGs covering it. */
export interface RRset {
  /** The owner, as a canonical name key. */
  readonly name: string;
  /** The type number. */
  readonly type: number;
  /** The records (never RRSIGs). */
  readonly records: readonly DnsRecord[];
  /** The RRSIG records at the same owner whose Type Covered is this type. */
  readonly signatures: readonly DnsRecord[];
}

interface RRsetBuilder {
  readonly name: string;
  readonly type: number;
  readonly records: DnsRecord[];
  readonly signatures: DnsRecord[];
  /** Hex of the canonical RDATA of the records taken, to drop repeats. */
  readonly seenRecords: Set<string>;
  /** Hex of the RDATA of the signatures taken, to drop repeats. */
  readonly seenSignatures: Set<string>;
}

function rrsetKey(name: string, klass: string, type: number): string {
  return `${type}/${klass.toUpperCase()}/${name}`;
}

/**
 * Hex of a record's canonical RDATA, to tell repeats apart: the received octets' hex as the
 * decoder gave it when the type has no names to lowercase, which spares a round trip through
 * bytes for nearly every record.
 */
function rdataKey(type: number, record: DnsRecord): string {
  if (record.wire !== undefined && !hasCanonicalNames(type)) return record.wire.toLowerCase();
  return toHex(canonicalRdata(type, recordRdata(record)));
}

/**
 * Groups records into RRsets (owner, class and type) and attaches the RRSIGs that cover each.
 * RRSIGs that cover no RRset present are dropped; the order of first appearance is kept. Linear
 * in the number of records: one response holds up to some 5,000 of them.
 */
export function groupRRsets(records: readonly DnsRecord[]): RRset[] {
  const sets = new Map<string, RRsetBuilder>();
  const signatures: DnsRecord[] = [];
  // Parsing a name is the dearest step per record, and the records of a set share their owner.
  const names = new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = names.get(text);
    if (key === undefined) {
      key = nameKey(text);
      names.set(text, key);
    }
    return key;
  };
  for (const record of records) {
    if (record.data.type === 'RRSIG') {
      signatures.push(record);
      continue;
    }
    const type = typeNumber(record.type);
    if (type === undefined) continue;
    const name = keyOf(record.name);
    const key = rrsetKey(name, record.class, type);
    let set = sets.get(key);
    if (set === undefined) {
      set = { name, type, records: [], signatures: [], seenRecords: new Set(), seenSignatures: new Set() };
      sets.set(key, set);
    }
    // Duplicate records are one record (RFC 2181 §5, in canonical form RFC 4034 §6.3); a
    // resolver that followed a CNAME loop repeats them.
    const rdata = rdataKey(type, record);
    if (set.seenRecords.has(rdata)) continue;
    set.seenRecords.add(rdata);
    set.records.push(record);
  }
  for (const signature of signatures) {
    if (signature.data.type !== 'RRSIG') continue;
    const covered = typeNumber(signature.data.typeCovered);
    if (covered === undefined) continue;
    const set = sets.get(rrsetKey(keyOf(signature.name), signature.class, covered));
    if (set === undefined) continue;
    // As received, not canonical: two signatures whose signer differs in case stay two.
    const rdata = signature.wire?.toLowerCase() ?? toHex(recordRdata(signature));
    if (set.seenSignatures.has(rdata)) continue;
    set.seenSignatures.add(rdata);
    set.signatures.push(signature);
  }
  return [...sets.values()].map(({ name, type, records: members, signatures: covering }) => ({
    name,
    type,
    records: members,
    signatures: covering,
  }));
}

/** Finds the RRset of a type at a name. */
export function findRRset(sets: readonly RRset[], name: string, type: number): RRset | undefined {
  return sets.find((set) => set.type === type && set.name === name);
}

/** A DNSKEY of a zone, with what verification needs precomputed. */
export interface ZoneKey {
  /** The key tag (RFC 4034 Appendix B). */
  readonly tag: number;
  /** The algorithm number. */
  readonly algorithm: number;
  /** The flags field. */
  readonly flags: number;
  /** The protocol field; anything but 3 makes the key unusable (RFC 4034 §2.1.2). */
  readonly protocol: number;
  /** The DNSKEY RDATA. */
  readonly rdata: Uint8Array;
  /**
   * The public key, or `undefined` when the algorithm is unsupported or the key malformed;
   * imported on first use.
   */
  readonly publicKey: KeyObject | undefined;
}

/** The Zone Key flag (RFC 4034 §2.1.1). */
export const zoneKeyFlag = 0x0100;

/** Builds a {@link ZoneKey} from a DNSKEY record; `undefined` for a record that is not a DNSKEY. */
export function zoneKeyFromRecord(record: DnsRecord): ZoneKey | undefined {
  if (record.data.type !== 'DNSKEY') return undefined;
  const rdata = recordRdata(record);
  if (rdata.length < 4) return undefined;
  const flags = ((rdata[0] ?? 0) << 8) | (rdata[1] ?? 0);
  const protocol = rdata[2] ?? 0;
  const algorithm = rdata[3] ?? 0;
  // Importing a key costs more than a signature check (an EC point is checked against its
  // curve), so it waits until a signature names the key; a zone's standby keys are never imported.
  let imported: { readonly key: KeyObject | undefined } | undefined;
  return {
    tag: keyTag(rdata),
    algorithm,
    flags,
    protocol,
    rdata,
    get publicKey(): KeyObject | undefined {
      imported ??= { key: isSupportedAlgorithm(algorithm) ? publicKeyFromDnskey(algorithm, rdata.subarray(4)) : undefined };
      return imported.key;
    },
  };
}

/** Per-validation work counters that bound the cost of hostile data (KeyTrap, CVE-2023-50387). */
export interface WorkBudget {
  /** Signature verifications still allowed. */
  signatureChecks: number;
  /** NSEC3 hash computations still allowed (CVE-2023-50868). */
  nsec3Hashes: number;
  /**
   * Records that may still be examined: each record of a response (grouped into RRsets) and each
   * record of an RRset put into canonical form for its signatures.
   */
  records: number;
  /** Verifications done, for statistics. */
  signaturesVerified: number;
}

/** Bounds for one RRset. */
export interface RRsetLimits {
  /** RRSIGs tried per RRset. */
  readonly maxSignaturesPerRRset: number;
  /** Keys tried per RRSIG (key tags collide). */
  readonly maxKeysPerSignature: number;
}

/** The result of verifying one RRset. */
export type RRsetVerification =
  | {
      readonly ok: true;
      /** The RRSIG that verified. */
      readonly signature: DnsRecord;
      /**
       * For an answer synthesised from a wildcard: the name the wildcard sits below (the closest
       * encloser), which the caller must back with a proof that the owner itself does not exist.
       */
      readonly wildcardParent?: string;
      /** When the verifying signature expires, in seconds since the epoch. */
      readonly expiration: number;
    }
  | { readonly ok: false; readonly reason: BogusReason | 'work-limit-exceeded'; readonly detail: string };

const reasonRank: Readonly<Record<string, number>> = {
  'signature-invalid': 6,
  'signature-expired': 5,
  'signature-not-yet-valid': 4,
  'no-zone-key-bit': 3,
  'dnskey-missing': 2,
  'rrsigs-missing': 1,
};

/**
 * Signature checks already done, by {@link signatureCheckId}, so that validating the same data
 * again (a warm validation, another check of the same name) costs no cryptography. Kept by the
 * validator, bounded, each outcome until its signature expires.
 */
export interface SignatureMemo {
  /** The outcome of the check with this fingerprint, if remembered. */
  checked(id: string): boolean | undefined;
  /** Remembers an outcome until `expiresAt`, in seconds since the epoch. */
  remember(id: string, valid: boolean, expiresAt: number): void;
}

/** Checks one signature, or takes the outcome from the memo when the same check was done before. */
function checkSignature(
  memo: SignatureMemo | undefined,
  key: { readonly rdata: Uint8Array; readonly publicKey: KeyObject },
  algorithm: number,
  signed: { readonly data: Uint8Array; readonly signature: Uint8Array; readonly expiration: number },
): boolean {
  const { data, signature, expiration } = signed;
  if (memo === undefined) return verifySignature(algorithm, key.publicKey, data, signature);
  const id = signatureCheckId(algorithm, key.rdata, data, signature);
  const known = memo.checked(id);
  if (known !== undefined) return known;
  const valid = verifySignature(algorithm, key.publicKey, data, signature);
  memo.remember(id, valid, expiration);
  return valid;
}

/**
 * Verifies an RRset with the keys of the zone that signed it (RFC 4035 §5.3). Only RRSIGs whose
 * signer is `zone`, whose Type Covered and Labels fit the RRset, and whose algorithm is supported
 * are considered; each is checked for its validity window against `now` (seconds) before any
 * cryptography is done. Stops at the first signature that verifies. With a `memo`, a check done
 * before is not done again; it still counts against the budget, so that a verdict never depends
 * on what the memo holds.
 */
export function verifyRRset(options: {
  readonly rrset: RRset;
  readonly zone: string;
  readonly keys: readonly ZoneKey[];
  readonly now: number;
  readonly budget: WorkBudget;
  readonly limits: RRsetLimits;
  readonly memo?: SignatureMemo;
}): RRsetVerification {
  const { rrset, zone, keys, now, budget, limits, memo } = options;
  const ownerLabels = labelCount(rrset.name) - (isWildcard(rrset.name) ? 1 : 0);
  const candidates = rrset.signatures.filter((sig) => {
    if (sig.data.type !== 'RRSIG') return false;
    return nameKey(sig.data.signerName) === zone && sig.data.labels <= ownerLabels && isSubdomain(rrset.name, zone);
  });
  const label = `${rrset.name || '.'}/${rrset.type}`;
  if (candidates.length === 0) {
    return { ok: false, reason: 'rrsigs-missing', detail: `no RRSIG by ${zone || '.'} over ${label}` };
  }
  const usable = candidates.filter((sig) => sig.data.type === 'RRSIG' && isSupportedAlgorithm(sig.data.algorithm));
  if (usable.length === 0) {
    return { ok: false, reason: 'rrsigs-missing', detail: `only RRSIGs with unsupported algorithms over ${label}` };
  }
  let best: { reason: BogusReason; detail: string } = { reason: 'rrsigs-missing', detail: `no usable RRSIG over ${label}` };
  // The canonical RDATA of the set, built once for all its signatures.
  let canonical: Uint8Array[] | undefined;
  const note = (reason: BogusReason, detail: string): void => {
    if ((reasonRank[reason] ?? 0) > (reasonRank[best.reason] ?? 0)) best = { reason, detail };
  };
  for (const sig of usable.slice(0, limits.maxSignaturesPerRRset)) {
    if (sig.data.type !== 'RRSIG') continue;
    const { algorithm, keyTag: tag, inception, expiration } = sig.data;
    if (now > expiration) {
      note('signature-expired', `RRSIG ${tag} over ${label} expired at ${new Date(expiration * 1000).toISOString()}`);
      continue;
    }
    if (now < inception) {
      note('signature-not-yet-valid', `RRSIG ${tag} over ${label} is valid from ${new Date(inception * 1000).toISOString()}`);
      continue;
    }
    const matching = keys.filter((key) => key.tag === tag && key.algorithm === algorithm && key.protocol === 3);
    if (matching.length === 0) {
      note('dnskey-missing', `no DNSKEY with tag ${tag} and algorithm ${algorithm} for RRSIG over ${label}`);
      continue;
    }
    const withZoneBit = matching.filter((key) => (key.flags & zoneKeyFlag) !== 0);
    if (withZoneBit.length === 0) {
      note('no-zone-key-bit', `DNSKEY ${tag} lacks the Zone Key flag`);
      continue;
    }
    if (canonical === undefined) {
      if (budget.records < rrset.records.length) {
        return {
          ok: false,
          reason: 'work-limit-exceeded',
          detail: `${label} holds ${rrset.records.length} records, more than the validation's record budget has left`,
        };
      }
      budget.records -= rrset.records.length;
      canonical = canonicalRdataSet(rrset.records);
    }
    const signature = fromBase64(sig.data.signature);
    const data = signatureInput(rrset.records, sig, canonical);
    if (signature === undefined || data === undefined) {
      note('signature-invalid', `malformed RRSIG ${tag} over ${label}`);
      continue;
    }
    for (const key of withZoneBit.slice(0, limits.maxKeysPerSignature)) {
      const publicKey = key.publicKey;
      if (publicKey === undefined) {
        note('signature-invalid', `DNSKEY ${tag} is malformed or of unsupported size`);
        continue;
      }
      if (budget.signatureChecks <= 0) {
        return { ok: false, reason: 'work-limit-exceeded', detail: `signature check budget spent at ${label}` };
      }
      budget.signatureChecks -= 1;
      budget.signaturesVerified += 1;
      if (checkSignature(memo, { rdata: key.rdata, publicKey }, algorithm, { data, signature, expiration })) {
        const labels = sig.data.labels;
        const wildcardParent = labels < ownerLabels ? lastLabels(rrset.name, labels) : undefined;
        return wildcardParent === undefined
          ? { ok: true, signature: sig, expiration }
          : { ok: true, signature: sig, wildcardParent, expiration };
      }
      note('signature-invalid', `RRSIG ${tag} over ${label} does not verify`);
    }
  }
  return { ok: false, ...best };
}
