/**
 * The lab's DNSSEC signer (RFC 4034, RFC 4035, RFC 5155), node:crypto only. It signs every
 * authoritative RRset, builds the NSEC or NSEC3 chain, and can break things on purpose.
 */
import { createHash, randomBytes, sign } from 'node:crypto';
import { type RecordData, type RecordType, typeBitmapOf } from '@pastoe/core';
import { toBase32Hex } from './encoding.js';
import { fakeSignatureLength, dnskeyData, type DnssecKey, signatureHash } from './keys.js';
import { LabDnsError, childOf, compareNames, labelsOf, nameKey, nameToWire, normalizeName, parentOf, rrsigLabelCount } from './names.js';
import { encodeRdata, recordRdata } from './rdata.js';
import { typeNumber } from './rrtypes.js';
import { type Zone, type ZoneRecord, normalizeZone } from './zone.js';

/** How a signed zone proves that names and types do not exist. */
export type DenialOptions =
  | { readonly kind: 'nsec' }
  | {
      readonly kind: 'nsec3';
      /** Extra hash iterations; default 0 (RFC 9276). */
      readonly iterations?: number;
      /** Salt as hex; default none (RFC 9276). */
      readonly salt?: string;
      /** Set the opt-out flag and leave unsigned delegations out of the chain. */
      readonly optOut?: boolean;
    };

/**
 * A deliberate signing fault. Without `name` and `type` it hits every RRset of the zone (DNSKEY
 * included); with them, only the matching RRsets.
 */
export interface SigningFault {
  /**
   * `expired`: the validity window ended a day ago. `not-yet-valid`: it starts tomorrow.
   * `bad-signature`: one signature byte is flipped. `missing-rrsig`: no RRSIG at all.
   */
  readonly kind: 'expired' | 'not-yet-valid' | 'bad-signature' | 'missing-rrsig';
  /** Only RRsets at this owner name. */
  readonly name?: string;
  /** Only RRsets of this type. */
  readonly type?: RecordType;
}

/** Options for {@link signZone}. */
export interface SignZoneOptions {
  /** The keys: one CSK, or KSKs (sign the DNSKEY RRset) and ZSKs (sign everything else). */
  readonly keys: readonly DnssecKey[];
  /** NSEC (default) or NSEC3. */
  readonly denial?: DenialOptions;
  /** The current time, for the default validity window; default the real time. */
  readonly now?: Date;
  /** Start of the signature validity; default now − 1 hour. */
  readonly inception?: Date;
  /** End of the signature validity; default now + 14 days. */
  readonly expiration?: Date;
  /** Deliberate faults. */
  readonly faults?: readonly SigningFault[];
  /** TTL of the DNSKEY RRset; default 3600. */
  readonly dnskeyTtl?: number;
}

/** Options for {@link signRRset}. */
export interface SignRRsetOptions {
  /** The zone apex, which is the signer name. */
  readonly signer: string;
  /** Signature inception, seconds since the epoch. */
  readonly inception: number;
  /** Signature expiration, seconds since the epoch. */
  readonly expiration: number;
}

const hour = 3600;
const day = 86400;

/**
 * The data an RRSIG covers (RFC 4034 §3.1.8.1): the RRSIG RDATA without the signature, then each
 * RR in canonical form (lowercase owner, original TTL, canonical RDATA) in canonical order, with
 * duplicates removed.
 */
export function rrsigSignedData(rrsig: Extract<RecordData, { type: 'RRSIG' }>, records: readonly ZoneRecord[]): Buffer {
  const prefix = encodeRdata({ ...rrsig, signature: '' }, true);
  const rdatas = [...new Map(records.map((r) => recordRdata(r, true)).map((b) => [b.toString('hex'), b])).values()];
  rdatas.sort(Buffer.compare);
  const first = records[0];
  if (first === undefined) throw new LabDnsError('cannot sign an empty RRset');
  const owner = nameToWire(first.name, true);
  const parts: Buffer[] = [prefix];
  for (const rdata of rdatas) {
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(typeNumber(first.type), 0);
    fixed.writeUInt16BE(1, 2);
    fixed.writeUInt32BE(rrsig.originalTtl, 4);
    fixed.writeUInt16BE(rdata.length, 8);
    parts.push(owner, fixed, rdata);
  }
  return Buffer.concat(parts);
}

/** Signs one RRset with one key and returns the RRSIG record. */
export function signRRset(records: readonly ZoneRecord[], key: DnssecKey, options: SignRRsetOptions): ZoneRecord {
  const first = records[0];
  if (first === undefined) throw new LabDnsError('cannot sign an empty RRset');
  const ttl = Math.min(...records.map((r) => r.ttl));
  const unsigned: Extract<RecordData, { type: 'RRSIG' }> = {
    type: 'RRSIG',
    typeCovered: first.type,
    algorithm: key.algorithm,
    labels: rrsigLabelCount(first.name),
    originalTtl: ttl,
    expiration: options.expiration,
    inception: options.inception,
    keyTag: key.keyTag,
    signerName: normalizeName(options.signer),
    signature: '',
  };
  let signature: Buffer;
  if (key.privateKey === undefined) {
    signature = randomBytes(fakeSignatureLength);
  } else {
    const data = rrsigSignedData(unsigned, records);
    const hash = signatureHash(key.algorithm);
    signature =
      key.algorithm === 13 || key.algorithm === 14
        ? sign(hash, data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
        : sign(hash, data, key.privateKey);
  }
  return { name: first.name, type: 'RRSIG', ttl, data: { ...unsigned, signature: signature.toString('base64') } };
}

/**
 * The NSEC3 hash of a name (RFC 5155 §5): SHA-1 over the canonical wire name and the salt,
 * iterated, as lowercase base32hex.
 */
export function nsec3Hash(name: string, saltHex: string, iterations: number): string {
  const salt = Buffer.from(saltHex, 'hex');
  let digest = createHash('sha1')
    .update(nameToWire(normalizeName(name), true))
    .update(salt)
    .digest();
  for (let i = 0; i < iterations; i++) digest = createHash('sha1').update(digest).update(salt).digest();
  return toBase32Hex(digest);
}

interface Node {
  readonly name: string;
  readonly rrsets: Map<number, ZoneRecord[]>;
}

function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function faultMatches(fault: SigningFault, name: string, type: RecordType): boolean {
  if (fault.name !== undefined && nameKey(normalizeName(fault.name)) !== nameKey(name)) return false;
  if (fault.type !== undefined && typeNumber(fault.type) !== typeNumber(type)) return false;
  return true;
}

/**
 * Signs a zone and returns it with DNSKEY, RRSIG and NSEC or NSEC3 (+ NSEC3PARAM) records added.
 * Existing RRSIG, NSEC, NSEC3 and NSEC3PARAM records are dropped first, so a signed zone can be
 * signed again; DNSKEY records already present stay (a standby key, say).
 *
 * Signed: every RRset at or below the apex that is authoritative, i.e. not the NS RRset at a
 * delegation and not glue below one. The DNSKEY RRset is signed by the KSKs (or CSKs), the rest
 * by the ZSKs (or CSKs); a key set with only one kind signs everything with it.
 */
export function signZone(zone: Zone, options: SignZoneOptions): Zone {
  const normalized = normalizeZone(zone);
  const origin = normalized.origin;
  if (options.keys.length === 0) throw new LabDnsError(`no keys to sign ${origin || '.'} with`);
  const now = options.now ?? new Date();
  const baseInception = seconds(options.inception ?? new Date(now.getTime() - hour * 1000));
  const baseExpiration = seconds(options.expiration ?? new Date(now.getTime() + 14 * day * 1000));
  const nowSeconds = seconds(now);
  const faults = options.faults ?? [];

  const dropped = new Set(['RRSIG', 'NSEC', 'NSEC3', 'NSEC3PARAM']);
  const records: ZoneRecord[] = normalized.records.filter((r) => !dropped.has(r.type));
  const dnskeyTtl = options.dnskeyTtl ?? 3600;
  const existingKeys = new Set(
    records.filter((r) => r.type === 'DNSKEY' && nameKey(r.name) === nameKey(origin)).map((r) => recordRdata(r).toString('hex')),
  );
  for (const key of options.keys) {
    const data = dnskeyData(key);
    const hex = encodeRdata(data).toString('hex');
    if (!existingKeys.has(hex)) records.push({ name: origin, type: 'DNSKEY', ttl: dnskeyTtl, data });
    existingKeys.add(hex);
  }

  const nodes = new Map<string, Node>();
  for (const record of records) {
    const key = nameKey(record.name);
    let node = nodes.get(key);
    if (node === undefined) {
      node = { name: record.name, rrsets: new Map() };
      nodes.set(key, node);
    }
    const type = typeNumber(record.type);
    const set = node.rrsets.get(type) ?? [];
    set.push(record);
    node.rrsets.set(type, set);
  }
  // One TTL per RRset (RFC 2181 §5.2): the smallest, which is what a cache would keep anyway.
  for (const node of nodes.values()) {
    for (const [type, set] of node.rrsets) {
      const ttl = Math.min(...set.map((r) => r.ttl));
      node.rrsets.set(
        type,
        set.map((r) => (r.ttl === ttl ? r : { ...r, ttl })),
      );
    }
  }

  const apex = nodes.get(nameKey(origin));
  const soa = apex?.rrsets.get(typeNumber('SOA'))?.[0];
  if (apex === undefined || soa === undefined || soa.data.type !== 'SOA')
    throw new LabDnsError(`zone ${origin || '.'} has no SOA at its apex`);
  const negativeTtl = Math.min(soa.ttl, soa.data.minimum);

  const nsType = typeNumber('NS');
  const dsType = typeNumber('DS');
  const isCut = (node: Node): boolean => nameKey(node.name) !== nameKey(origin) && node.rrsets.has(nsType);
  const occluded = (name: string): boolean => {
    for (let n = parentOf(name); n !== undefined && nameKey(n) !== nameKey(origin); n = parentOf(n)) {
      const above = nodes.get(nameKey(n));
      if (above !== undefined && isCut(above)) return true;
    }
    return false;
  };
  const visible = [...nodes.values()].filter((n) => !occluded(n.name)).sort((a, b) => compareNames(a.name, b.name));

  const denial = options.denial ?? { kind: 'nsec' };
  const added: ZoneRecord[] = [];
  if (denial.kind === 'nsec') {
    visible.forEach((node, i) => {
      const next = visible[(i + 1) % visible.length] as Node;
      const types = isCut(node) ? [...node.rrsets.keys()].filter((t) => t === nsType || t === dsType) : [...node.rrsets.keys()];
      types.push(typeNumber('NSEC'), typeNumber('RRSIG'));
      added.push({
        name: node.name,
        type: 'NSEC',
        ttl: negativeTtl,
        data: { type: 'NSEC', nextDomain: nameKey(next.name), typeBitmap: typeBitmapOf(types) },
      });
    });
  } else {
    const iterations = denial.iterations ?? 0;
    const salt = (denial.salt ?? '').toLowerCase();
    if (!/^([0-9a-f]{2}){0,255}$/.test(salt)) throw new LabDnsError(`invalid NSEC3 salt "${denial.salt}"`);
    const optOut = denial.optOut ?? false;
    const included = new Map<string, { name: string; types: number[] }>();
    for (const node of visible) {
      let types: number[];
      if (isCut(node)) {
        const signedCut = node.rrsets.has(dsType);
        if (optOut && !signedCut) continue;
        types = signedCut ? [nsType, dsType, typeNumber('RRSIG')] : [nsType];
      } else {
        types = [...node.rrsets.keys(), typeNumber('RRSIG')];
        if (nameKey(node.name) === nameKey(origin)) types.push(typeNumber('NSEC3PARAM'));
      }
      included.set(nameKey(node.name), { name: node.name, types });
      // Empty non-terminals between this name and the apex need their own NSEC3 (RFC 5155 §7.1).
      for (let n = parentOf(node.name); n !== undefined && labelsOf(n).length > labelsOf(origin).length; n = parentOf(n)) {
        if (!included.has(nameKey(n)) && !nodes.has(nameKey(n))) included.set(nameKey(n), { name: n, types: [] });
      }
    }
    const hashed = [...included.values()]
      .map((entry) => ({ hash: nsec3Hash(entry.name, salt, iterations), types: entry.types }))
      .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    hashed.forEach((entry, i) => {
      const next = hashed[(i + 1) % hashed.length] as { hash: string };
      added.push({
        name: childOf(entry.hash, origin),
        type: 'NSEC3',
        ttl: negativeTtl,
        data: {
          type: 'NSEC3',
          hashAlgorithm: 1,
          flags: optOut ? 1 : 0,
          iterations,
          salt,
          nextHashedOwner: next.hash,
          typeBitmap: typeBitmapOf(entry.types),
        },
      });
    });
    added.push({ name: origin, type: 'NSEC3PARAM', ttl: 0, data: { type: 'NSEC3PARAM', hashAlgorithm: 1, flags: 0, iterations, salt } });
  }

  const toSign: ZoneRecord[][] = [];
  for (const node of visible) {
    for (const [type, set] of node.rrsets) {
      if (isCut(node) && type !== dsType) continue;
      toSign.push(set);
    }
  }
  const extraSets = new Map<string, ZoneRecord[]>();
  for (const record of added) {
    const key = `${nameKey(record.name)}/${record.type}`;
    extraSets.set(key, [...(extraSets.get(key) ?? []), record]);
  }
  toSign.push(...extraSets.values());

  const ksks = options.keys.filter((k) => k.role !== 'zsk');
  const zsks = options.keys.filter((k) => k.role !== 'ksk');
  const signatures: ZoneRecord[] = [];
  for (const set of toSign) {
    const first = set[0] as ZoneRecord;
    const isDnskey = first.type === 'DNSKEY' && nameKey(first.name) === nameKey(origin);
    const signers = isDnskey ? (ksks.length > 0 ? ksks : zsks) : zsks.length > 0 ? zsks : ksks;
    const hits = faults.filter((f) => faultMatches(f, first.name, first.type));
    if (hits.some((f) => f.kind === 'missing-rrsig')) continue;
    let inception = baseInception;
    let expiration = baseExpiration;
    if (hits.some((f) => f.kind === 'expired')) {
      inception = nowSeconds - 30 * day;
      expiration = nowSeconds - day;
    } else if (hits.some((f) => f.kind === 'not-yet-valid')) {
      inception = nowSeconds + day;
      expiration = nowSeconds + 30 * day;
    }
    for (const key of signers) {
      const rrsig = signRRset(set, key, { signer: origin, inception, expiration });
      if (hits.some((f) => f.kind === 'bad-signature') && rrsig.data.type === 'RRSIG') {
        const bytes = Buffer.from(rrsig.data.signature, 'base64');
        const at = bytes.length >> 1;
        bytes[at] = (bytes[at] as number) ^ 0xff;
        signatures.push({ ...rrsig, data: { ...rrsig.data, signature: bytes.toString('base64') } });
      } else {
        signatures.push(rrsig);
      }
    }
  }

  const all = [...[...nodes.values()].flatMap((n) => [...n.rrsets.values()].flat()), ...added, ...signatures];
  return normalized.faults === undefined ? { origin, records: all } : { origin, records: all, faults: normalized.faults };
}
