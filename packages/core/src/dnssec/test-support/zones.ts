/**
 * Test support, not part of the public API: signed zones held in memory and a {@link Resolver}
 * that answers from them the way a recursive resolver (or the lab's all-zones server) would,
 * with DNSSEC records, CNAME following, wildcard synthesis and NSEC/NSEC3 denials. The unit tests
 * of the chain walk build their scenarios with it; nothing here talks to the network.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type {
  DnsMessage,
  DnsQuestion,
  DnsRecord,
  DnsResult,
  Rcode,
  RecordData,
  RecordType,
  Resolver,
  ResolverStats,
} from '../../dns/types.js';
import { typeBitmapOf } from '../../dns/wire/type-bitmap.js';
import { signatureInput } from '../canonical.js';
import { dsDigest } from '../crypto.js';
import { keyTag } from '../keytag.js';
import {
  canonicalName,
  childToward,
  compareNames,
  isProperSubdomain,
  isSubdomain,
  labelCount,
  nameKey,
  parentName,
  wildcardOf,
} from '../names.js';
import { nsec3Hash } from '../nsec3.js';
import { compareBytes, concatBytes, encodeRdata, fromBase64, toBase32Hex, toBase64, toHex } from '../rdata.js';
import { T, typeName, typeNumber } from '../rrtypes.js';

/** A signing key made for a test. */
export interface TestKey {
  /** The DNSSEC algorithm the DNSKEY and RRSIGs claim. */
  readonly algorithm: number;
  /** The algorithm the private key really signs with. */
  readonly signingAlgorithm: number;
  /** The DNSKEY flags (257 for a KSK/CSK, 256 for a ZSK). */
  readonly flags: number;
  /** The private key. */
  readonly privateKey: KeyObject;
  /** The DNSKEY record data. */
  readonly dnskey: RecordData & { readonly type: 'DNSKEY' };
  /** The key tag. */
  readonly tag: number;
}

function jwkBytes(value: unknown): Uint8Array {
  return typeof value === 'string' ? Uint8Array.from(Buffer.from(value, 'base64url')) : new Uint8Array();
}

/** The DNSKEY Public Key field of a node public key (RFC 3110, RFC 6605, RFC 8080 layouts). */
function dnskeyPublicKey(algorithm: number, publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  if (algorithm === 8 || algorithm === 10 || algorithm === 5 || algorithm === 7) {
    const e = jwkBytes(jwk.e);
    const n = jwkBytes(jwk.n);
    const length = e.length <= 255 ? Uint8Array.of(e.length) : Uint8Array.of(0, e.length >> 8, e.length & 0xff);
    return concatBytes([length, e, n]);
  }
  if (algorithm === 13 || algorithm === 14) return concatBytes([jwkBytes(jwk.x), jwkBytes(jwk.y)]);
  return jwkBytes(jwk.x);
}

/** Generates a key of a DNSSEC algorithm (8, 10, 13, 14, 15 or 16). */
export function generateKey(algorithm: number, flags = 257): TestKey {
  const pair =
    algorithm === 8 || algorithm === 10
      ? generateKeyPairSync('rsa', { modulusLength: algorithm === 10 ? 2048 : 1024 })
      : algorithm === 13
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : algorithm === 14
          ? generateKeyPairSync('ec', { namedCurve: 'P-384' })
          : algorithm === 16
            ? generateKeyPairSync('ed448')
            : generateKeyPairSync('ed25519');
  return keyFromPair(algorithm, flags, pair.privateKey, pair.publicKey);
}

/** Wraps an existing key pair, optionally claiming another algorithm number (for unknown-algorithm tests). */
export function keyFromPair(
  algorithm: number,
  flags: number,
  privateKey: KeyObject,
  publicKey: KeyObject,
  claimedAlgorithm = algorithm,
): TestKey {
  const dnskey = {
    type: 'DNSKEY',
    flags,
    protocol: 3,
    algorithm: claimedAlgorithm,
    publicKey: toBase64(dnskeyPublicKey(algorithm, publicKey)),
  } as const;
  return { algorithm: claimedAlgorithm, signingAlgorithm: algorithm, flags, privateKey, dnskey, tag: keyTag(encodeRdata(dnskey)) };
}

/** Builds a record with its wire RDATA, as the DNS client would hand it over. */
export function rr(name: string, data: RecordData, ttl = 3600): DnsRecord {
  const type = data.type === 'unknown' ? 'TYPE65280' : data.type;
  return { name: nameKey(name), type, class: 'IN', ttl, data, wire: toHex(encodeRdata(data)) };
}

/** Signing times and overrides. */
export interface SignOptions {
  /** Inception, seconds since the epoch. */
  readonly inception: number;
  /** Expiration, seconds since the epoch. */
  readonly expiration: number;
  /** The Labels field; default: the owner's labels, not counting a leading `*`. */
  readonly labels?: number;
  /** The algorithm field; default the key's. */
  readonly algorithm?: number;
}

/** Signs an RRset with a key, giving the RRSIG record (RFC 4034 §3.1.8.1). */
export function signRRset(records: readonly DnsRecord[], key: TestKey, signer: string, options: SignOptions): DnsRecord {
  const first = records[0];
  if (first === undefined) throw new Error('empty RRset');
  const owner = nameKey(first.name);
  const labels = options.labels ?? labelCount(owner) - (owner === '*' || owner.startsWith('*.') ? 1 : 0);
  const unsigned: RecordData = {
    type: 'RRSIG',
    typeCovered: first.type,
    algorithm: options.algorithm ?? key.algorithm,
    labels,
    originalTtl: first.ttl,
    expiration: options.expiration,
    inception: options.inception,
    keyTag: key.tag,
    signerName: signer,
    signature: '',
  };
  const data = signatureInput(records, rr(owner, unsigned, first.ttl));
  if (data === undefined) throw new Error('cannot build the signature input');
  const alg = key.signingAlgorithm;
  const hash = alg === 8 ? 'sha256' : alg === 10 ? 'sha512' : alg === 13 ? 'sha256' : alg === 14 ? 'sha384' : null;
  const signature =
    alg === 13 || alg === 14
      ? sign(hash, data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
      : alg === 8 || alg === 10
        ? sign(hash, data, key.privateKey)
        : sign(null, data, key.privateKey);
  return rr(owner, { ...unsigned, signature: signature.toString('base64') }, first.ttl);
}

/** The DS record data of a key (RFC 4034 §5.1.4). */
export function dsFor(zone: string, key: TestKey, digestType = 2): RecordData & { readonly type: 'DS' } {
  const digest = dsDigest(zone, encodeRdata(key.dnskey), digestType) ?? new Uint8Array();
  return { type: 'DS', keyTag: key.tag, algorithm: key.algorithm, digestType, digest: toHex(digest) };
}

/** Zone-file text of DS trust anchors for keys, as `createValidator` takes them. */
export function anchorText(zone: string, keys: readonly TestKey[]): string {
  return keys
    .map((key) => {
      const ds = dsFor(zone, key);
      return `${zone === '' ? '.' : `${zone}.`} IN DS ${ds.keyTag} ${ds.algorithm} ${ds.digestType} ${ds.digest}`;
    })
    .join('\n');
}

/** How a test zone is built. */
export interface ZoneSpec {
  /** The apex. */
  readonly apex: string;
  /** The zone's own records (SOA and NS at the apex are added when absent). */
  readonly records?: readonly DnsRecord[];
  /** Signing keys; none makes the zone unsigned. */
  readonly keys?: readonly TestKey[];
  /** Denial of existence. Default `nsec`. */
  readonly denial?: 'nsec' | 'nsec3';
  /** NSEC3 parameters. */
  readonly nsec3?: { readonly iterations?: number; readonly salt?: string; readonly optOut?: boolean; readonly hashAlgorithm?: number };
  /** The DS records the parent publishes: default one SHA-256 DS per SEP key; `[]` for none. */
  readonly ds?: readonly RecordData[];
  /** Signature validity. Default: 2020-01-01 to 2040-01-01. */
  readonly inception?: number;
  readonly expiration?: number;
}

/** Default signature window, wide enough for tests that run "now". */
const defaultInception = Date.UTC(2020, 0, 1) / 1000;
const defaultExpiration = Date.UTC(2040, 0, 1) / 1000;

interface Zone {
  readonly spec: ZoneSpec;
  readonly apex: string;
  /** Records by owner, then by type number. */
  readonly names: Map<string, Map<number, DnsRecord[]>>;
  /** RRSIGs by owner, then by type covered. */
  readonly sigs: Map<string, Map<number, DnsRecord[]>>;
  /** NSEC or NSEC3 record by owner, with its RRSIGs. */
  readonly denial: Map<string, { record: DnsRecord; sigs: DnsRecord[] }>;
  /** NSEC3 owners with their hashes, sorted. */
  readonly nsec3: { hash: Uint8Array; owner: string }[];
  /** Names that exist only as ancestors of other names. */
  readonly ents: Set<string>;
  readonly delegations: Set<string>;
}

/** What a fault hook may do with a response before the validator sees it. */
export type Rewrite = (message: DnsMessage, question: { readonly name: string; readonly type: number }) => DnsMessage | DnsResult;

/**
 * An in-memory authoritative view of many zones that answers like a recursive resolver: it picks
 * the deepest zone for a name (the parent for a DS query at a cut), follows CNAMEs, synthesises
 * wildcards and adds the signed NSEC or NSEC3 proofs. `rewrite` injects faults.
 */
export class TestZones implements Resolver {
  /** The description the Resolver interface asks for. */
  readonly description = 'memory://test-zones';
  /** Every question asked, as `name/TYPE`. */
  readonly log: string[] = [];
  readonly #zones = new Map<string, Zone>();
  #rewrite: Rewrite | undefined;
  #queries = 0;

  /** @param specs - the zones, in any order */
  constructor(specs: readonly ZoneSpec[], rewrite?: Rewrite) {
    this.#rewrite = rewrite;
    const sorted = [...specs].sort((a, b) => labelCount(nameKey(b.apex)) - labelCount(nameKey(a.apex)));
    // Children first, so that their DS records exist when the parent is signed.
    const built = new Map<string, ZoneSpec>();
    for (const spec of sorted) built.set(nameKey(spec.apex), spec);
    for (const spec of sorted) {
      const apex = nameKey(spec.apex);
      const extra: DnsRecord[] = [];
      for (const [childApex, child] of built) {
        if (childApex === apex || !isProperSubdomain(childApex, apex)) continue;
        const between = [...built.keys()].some(
          (z) => z !== apex && z !== childApex && isProperSubdomain(childApex, z) && isProperSubdomain(z, apex),
        );
        if (between) continue;
        extra.push(rr(childApex, { type: 'NS', target: `ns.${childApex}` }));
        const sep = (child.keys ?? []).filter((k) => (k.flags & 1) === 1);
        const ds = child.ds ?? (sep.length > 0 ? sep : (child.keys ?? [])).map((k) => dsFor(childApex, k));
        for (const d of ds) extra.push(rr(childApex, d));
      }
      this.#zones.set(apex, buildZone({ ...spec, records: [...(spec.records ?? []), ...extra] }));
    }
  }

  /** Replaces the fault hook. */
  setRewrite(rewrite: Rewrite | undefined): void {
    this.#rewrite = rewrite;
  }

  /** Answers one question. */
  async query(question: DnsQuestion): Promise<DnsResult> {
    this.#queries += 1;
    const name = canonicalName(question.name) ?? '';
    const type = typeNumber(question.type) ?? 0;
    this.log.push(`${name || '.'}/${typeName(type)}`);
    let message = this.#answer(name, type, 0);
    if (this.#rewrite !== undefined) {
      const rewritten = this.#rewrite(message, { name, type });
      if ('ok' in rewritten) return rewritten;
      message = rewritten;
    }
    return { ok: true, message, server: this.description, elapsedMs: 0, cached: false };
  }

  /** Counters. */
  stats(): ResolverStats {
    return { queries: this.#queries, upstreamQueries: this.#queries, cacheHits: 0, coalesced: 0 };
  }

  #zoneFor(name: string, type: number): Zone | undefined {
    let best: Zone | undefined;
    for (const zone of this.#zones.values()) {
      if (!isSubdomain(name, zone.apex)) continue;
      if (type === T.DS && name === zone.apex && name !== '') continue;
      if (best === undefined || labelCount(zone.apex) > labelCount(best.apex)) best = zone;
    }
    return best;
  }

  #answer(name: string, type: number, depth: number): DnsMessage {
    const zone = this.#zoneFor(name, type);
    if (zone === undefined) return message(name, type, 'REFUSED', [], []);
    const answers: DnsRecord[] = [];
    const authority: DnsRecord[] = [];
    const rcode = this.#resolve(zone, name, type, answers, authority, depth);
    return message(name, type, rcode, answers, authority);
  }

  #resolve(zone: Zone, name: string, type: number, answers: DnsRecord[], authority: DnsRecord[], depth: number): Rcode {
    const records = zone.names.get(name);
    const exists = records !== undefined || zone.ents.has(name);
    const withSigs = (owner: string, t: number, set: readonly DnsRecord[]): DnsRecord[] => [
      ...set,
      ...(zone.sigs.get(owner)?.get(t) ?? []),
    ];
    const follow = (target: string): Rcode => {
      if (depth > 8) return 'NOERROR';
      const next = this.#answer(target, type, depth + 1);
      answers.push(...next.answers);
      authority.push(...next.authority);
      return next.rcode;
    };
    for (let above = parentName(name); isProperSubdomain(name, zone.apex) && isSubdomain(above, zone.apex); above = parentName(above)) {
      const dname = zone.names.get(above)?.get(T.DNAME);
      const first = dname?.[0];
      if (dname !== undefined && first?.data.type === 'DNAME') {
        // RFC 6672 §3: the DNAME with its signatures, then an unsigned synthesised CNAME.
        answers.push(...withSigs(above, T.DNAME, dname));
        const prefix = name.slice(0, name.length - above.length - 1);
        const target = nameKey(first.data.target) === '' ? prefix : `${prefix}.${nameKey(first.data.target)}`;
        answers.push(rr(name, { type: 'CNAME', target }, first.ttl));
        return follow(target);
      }
      if (above === zone.apex) break;
    }
    if (exists) {
      const set = records?.get(type);
      if (set !== undefined) {
        answers.push(...withSigs(name, type, set));
        return 'NOERROR';
      }
      const cname = records?.get(T.CNAME);
      if (cname !== undefined && type !== T.CNAME) {
        answers.push(...withSigs(name, T.CNAME, cname));
        const target = cname[0]?.data.type === 'CNAME' ? nameKey(cname[0].data.target) : '';
        return follow(target);
      }
      this.#soa(zone, authority);
      this.#denyData(zone, name, authority);
      return 'NOERROR';
    }
    const encloser = this.#closestEncloser(zone, name);
    const wildcard = wildcardOf(encloser);
    const wildRecords = zone.names.get(wildcard);
    if (wildRecords !== undefined) {
      const synthesize = (t: number): DnsRecord[] => [
        ...(wildRecords.get(t) ?? []).map((r) => ({ ...r, name })),
        ...(zone.sigs.get(wildcard)?.get(t) ?? []).map((r) => ({ ...r, name })),
      ];
      if (wildRecords.has(type)) {
        answers.push(...synthesize(type));
        this.#denyName(zone, name, encloser, authority, false);
        return 'NOERROR';
      }
      if (wildRecords.has(T.CNAME) && type !== T.CNAME) {
        answers.push(...synthesize(T.CNAME));
        this.#denyName(zone, name, encloser, authority, false);
        const first = wildRecords.get(T.CNAME)?.[0];
        return follow(first?.data.type === 'CNAME' ? nameKey(first.data.target) : '');
      }
      this.#soa(zone, authority);
      this.#denyName(zone, name, encloser, authority, false);
      this.#denyData(zone, wildcard, authority);
      return 'NOERROR';
    }
    this.#soa(zone, authority);
    this.#denyName(zone, name, encloser, authority, true);
    return 'NXDOMAIN';
  }

  #soa(zone: Zone, authority: DnsRecord[]): void {
    const soa = zone.names.get(zone.apex)?.get(T.SOA) ?? [];
    authority.push(...soa, ...(zone.sigs.get(zone.apex)?.get(T.SOA) ?? []));
  }

  #closestEncloser(zone: Zone, name: string): string {
    let candidate = name;
    while (candidate !== zone.apex && !zone.names.has(candidate) && !zone.ents.has(candidate)) candidate = parentName(candidate);
    return candidate;
  }

  #push(zone: Zone, owner: string, authority: DnsRecord[]): void {
    const entry = zone.denial.get(owner);
    if (entry === undefined) return;
    if (authority.includes(entry.record)) return;
    authority.push(entry.record, ...entry.sigs);
  }

  #nsec3Owner(zone: Zone, name: string, mode: 'match' | 'cover'): string | undefined {
    const params = zone.spec.nsec3 ?? {};
    const hash = nsec3Hash(name, Uint8Array.from(Buffer.from(params.salt ?? '', 'hex')), params.iterations ?? 0);
    const list = zone.nsec3;
    if (mode === 'match') return list.find((e) => compareBytes(e.hash, hash) === 0)?.owner;
    let owner = list[list.length - 1]?.owner;
    for (const entry of list) {
      if (compareBytes(entry.hash, hash) < 0) owner = entry.owner;
    }
    return owner;
  }

  #nsecBefore(zone: Zone, name: string): string | undefined {
    let owner: string | undefined;
    for (const candidate of zone.denial.keys()) {
      if (compareNames(candidate, name) < 0 && (owner === undefined || compareNames(candidate, owner) > 0)) owner = candidate;
    }
    return owner ?? [...zone.denial.keys()].sort(compareNames).at(-1);
  }

  /** NODATA proof for an existing name (or ENT, or the wildcard of a wildcard NODATA). */
  #denyData(zone: Zone, name: string, authority: DnsRecord[]): void {
    if (zone.spec.keys === undefined || zone.spec.keys.length === 0) return;
    if ((zone.spec.denial ?? 'nsec') === 'nsec3') {
      const owner = this.#nsec3Owner(zone, name, 'match');
      if (owner !== undefined) this.#push(zone, owner, authority);
      else this.#denyName(zone, name, parentName(name), authority, false);
      return;
    }
    if (zone.denial.has(name)) this.#push(zone, name, authority);
    else {
      const before = this.#nsecBefore(zone, name);
      if (before !== undefined) this.#push(zone, before, authority);
    }
  }

  /** Proof that `name` does not exist below `encloser`; with `wildcard`, that no wildcard applies. */
  #denyName(zone: Zone, name: string, encloser: string, authority: DnsRecord[], wildcard: boolean): void {
    if (zone.spec.keys === undefined || zone.spec.keys.length === 0) return;
    if ((zone.spec.denial ?? 'nsec') === 'nsec3') {
      const ce = this.#nsec3Owner(zone, encloser, 'match');
      if (ce !== undefined) this.#push(zone, ce, authority);
      const nextCloser = childToward(encloser, name);
      const cover = this.#nsec3Owner(zone, nextCloser, 'cover');
      if (cover !== undefined) this.#push(zone, cover, authority);
      if (wildcard) {
        const wc = this.#nsec3Owner(zone, wildcardOf(encloser), 'cover');
        if (wc !== undefined) this.#push(zone, wc, authority);
      }
      return;
    }
    const before = this.#nsecBefore(zone, name);
    if (before !== undefined) this.#push(zone, before, authority);
    if (wildcard) {
      const wc = this.#nsecBefore(zone, wildcardOf(encloser));
      if (wc !== undefined) this.#push(zone, wc, authority);
    }
  }
}

function message(name: string, type: number, rcode: Rcode, answers: DnsRecord[], authority: DnsRecord[]): DnsMessage {
  return {
    id: 1,
    rcode,
    flags: { aa: true, tc: false, rd: true, ra: true, ad: false, cd: true },
    question: [{ name, type: typeName(type), class: 'IN' }],
    answers,
    authority,
    additional: [],
    edns: { udpPayloadSize: 1232, dnssecOk: true, extendedErrors: [] },
  };
}

function buildZone(spec: ZoneSpec): Zone {
  const apex = nameKey(spec.apex);
  const names = new Map<string, Map<number, DnsRecord[]>>();
  const add = (record: DnsRecord): void => {
    const owner = nameKey(record.name);
    const type = typeNumber(record.type) ?? 0;
    const byType = names.get(owner) ?? new Map<number, DnsRecord[]>();
    const list = byType.get(type) ?? [];
    list.push(record);
    byType.set(type, list);
    names.set(owner, byType);
  };
  for (const record of spec.records ?? []) add(record);
  if (!names.get(apex)?.has(T.SOA)) {
    add(
      rr(apex, {
        type: 'SOA',
        mname: `ns.${apex}`,
        rname: `hostmaster.${apex}`,
        serial: 1,
        refresh: 3600,
        retry: 600,
        expire: 86400,
        minimum: 300,
      }),
    );
  }
  if (!names.get(apex)?.has(T.NS)) add(rr(apex, { type: 'NS', target: `ns.${apex}` }));
  const keys = spec.keys ?? [];
  for (const key of keys) add(rr(apex, key.dnskey));
  const delegations = new Set([...names.entries()].filter(([owner, types]) => owner !== apex && types.has(T.NS)).map(([owner]) => owner));
  const ents = new Set<string>();
  for (const owner of names.keys()) {
    for (let n = parentName(owner); isProperSubdomain(n, apex); n = parentName(n)) if (!names.has(n)) ents.add(n);
  }
  const zone: Zone = { spec, apex, names, sigs: new Map(), denial: new Map(), nsec3: [], ents, delegations };
  if (keys.length === 0) return zone;
  const times = { inception: spec.inception ?? defaultInception, expiration: spec.expiration ?? defaultExpiration };
  const ksks = keys.filter((k) => (k.flags & 1) === 1);
  const zsks = keys.filter((k) => (k.flags & 1) === 0);
  const signSet = (owner: string, type: number, set: readonly DnsRecord[]): void => {
    const signers = type === T.DNSKEY ? (ksks.length > 0 ? ksks : keys) : zsks.length > 0 ? zsks : keys;
    const byType = zone.sigs.get(owner) ?? new Map<number, DnsRecord[]>();
    byType.set(
      type,
      signers.map((key) => signRRset(set, key, apex, times)),
    );
    zone.sigs.set(owner, byType);
  };
  const below = (owner: string): boolean => [...delegations].some((d) => isProperSubdomain(owner, d));
  for (const [owner, byType] of names) {
    if (below(owner)) continue;
    for (const [type, set] of byType) {
      if (delegations.has(owner) && type !== T.DS) continue;
      signSet(owner, type, set);
    }
  }
  const typesAt = (owner: string): RecordType[] => {
    const present = [...(names.get(owner)?.keys() ?? [])];
    if (present.length === 0) return [];
    const signed = !delegations.has(owner) || present.includes(T.DS);
    return [...present, ...(signed ? [T.RRSIG] : [])].map(typeName);
  };
  const owners = [...names.keys()].filter((o) => !below(o)).sort(compareNames);
  if ((spec.denial ?? 'nsec') === 'nsec') {
    owners.forEach((owner, i) => {
      const next = owners[(i + 1) % owners.length] ?? apex;
      const types: RecordType[] = [...new Set<RecordType>([...typesAt(owner), 'RRSIG', 'NSEC'])];
      const record = rr(owner, { type: 'NSEC', nextDomain: next, typeBitmap: typeBitmapOf(types) }, 300);
      zone.denial.set(owner, {
        record,
        sigs: keys.filter((k) => zsks.length === 0 || (k.flags & 1) === 0).map((k) => signRRset([record], k, apex, times)),
      });
    });
    return zone;
  }
  const params = spec.nsec3 ?? {};
  const salt = Uint8Array.from(Buffer.from(params.salt ?? '', 'hex'));
  const iterations = params.iterations ?? 0;
  const optOut = params.optOut === true;
  const insecureDelegation = (owner: string): boolean => delegations.has(owner) && !names.get(owner)?.has(T.DS);
  const hashed = [...owners, ...[...ents].filter((e) => !below(e))]
    .filter((owner) => !(optOut && insecureDelegation(owner)))
    .filter(
      (owner) => !(optOut && ents.has(owner) && [...names.keys()].filter((o) => isProperSubdomain(o, owner)).every(insecureDelegation)),
    )
    .map((owner) => ({ owner, hash: nsec3Hash(owner, salt, iterations) }))
    .sort((a, b) => compareBytes(a.hash, b.hash));
  hashed.forEach((entry, i) => {
    const next = hashed[(i + 1) % hashed.length] ?? entry;
    const owner = `${toBase32Hex(entry.hash)}.${apex}`;
    const types: RecordType[] = [...typesAt(entry.owner), ...(entry.owner === apex ? (['NSEC3PARAM'] as const) : [])];
    const record = rr(
      owner,
      {
        type: 'NSEC3',
        hashAlgorithm: params.hashAlgorithm ?? 1,
        flags: optOut ? 1 : 0,
        iterations,
        salt: params.salt ?? '',
        nextHashedOwner: toBase32Hex(next.hash),
        typeBitmap: typeBitmapOf(types),
      },
      300,
    );
    zone.denial.set(owner, {
      record,
      sigs: keys.filter((k) => zsks.length === 0 || (k.flags & 1) === 0).map((k) => signRRset([record], k, apex, times)),
    });
    zone.nsec3.push({ hash: entry.hash, owner });
  });
  return zone;
}

/** Returns a copy of a message with records dropped or changed, for fault injection. */
export function editMessage(
  message: DnsMessage,
  edit: {
    readonly answers?: (r: DnsRecord) => DnsRecord | undefined;
    readonly authority?: (r: DnsRecord) => DnsRecord | undefined;
    readonly rcode?: Rcode;
  },
): DnsMessage {
  const apply = (list: readonly DnsRecord[], f?: (r: DnsRecord) => DnsRecord | undefined): DnsRecord[] =>
    f === undefined ? [...list] : list.map(f).filter((r): r is DnsRecord => r !== undefined);
  return {
    ...message,
    rcode: edit.rcode ?? message.rcode,
    answers: apply(message.answers, edit.answers),
    authority: apply(message.authority, edit.authority),
  };
}

/** Decodes a base64 signature, flips one bit, and re-encodes it: a signature that no longer verifies. */
export function corruptSignature(record: DnsRecord): DnsRecord {
  if (record.data.type !== 'RRSIG') return record;
  const bytes = fromBase64(record.data.signature) ?? new Uint8Array(1);
  const flipped = bytes.slice();
  flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
  return rr(record.name, { ...record.data, signature: toBase64(flipped) }, record.ttl);
}
