import { type KeyObject, createPublicKey, verify } from 'node:crypto';
import { type RecordData, typesInBitmap } from '@pastoe/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DnssecKey, generateDnssecKey } from './keys.js';
import { nsec3Hash, signZone } from './signer.js';
import type { Zone, ZoneRecord } from './zone.js';
import { parseZoneFile } from './zonefile.js';

type Rrsig = Extract<RecordData, { type: 'RRSIG' }>;

// ---- an independent canonical-form builder (RFC 4034 §3.1.8.1, §6), written for the test ----

function wireName(name: string): Buffer {
  const labels = name === '' ? [] : name.toLowerCase().split('.');
  return Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'ascii')])), Buffer.from([0])]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

const typeCodes: Record<string, number> = { A: 1, NS: 2, SOA: 6, MX: 15, TXT: 16, DS: 43, NSEC: 47, DNSKEY: 48, NSEC3: 50 };

function canonicalRdata(data: RecordData): Buffer {
  switch (data.type) {
    case 'A':
      return Buffer.from(data.address.split('.').map(Number));
    case 'MX':
      return Buffer.concat([u16(data.preference), wireName(data.exchange)]);
    case 'TXT':
      return Buffer.concat(data.strings.map((s) => Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)])));
    default:
      throw new Error(`test builder does not do ${data.type}`);
  }
}

function signedData(rrsig: Rrsig, owner: string, rrset: readonly RecordData[], sort = true): Buffer {
  const head = Buffer.concat([
    u16(typeCodes[rrsig.typeCovered] as number),
    Buffer.from([rrsig.algorithm, rrsig.labels]),
    u32(rrsig.originalTtl),
    u32(rrsig.expiration),
    u32(rrsig.inception),
    u16(rrsig.keyTag),
    wireName(rrsig.signerName),
  ]);
  const rdatas = rrset.map(canonicalRdata);
  if (sort) rdatas.sort(Buffer.compare);
  const rrs = rdatas.map((rdata) =>
    Buffer.concat([wireName(owner), u16(typeCodes[rrsig.typeCovered] as number), u16(1), u32(rrsig.originalTtl), u16(rdata.length), rdata]),
  );
  return Buffer.concat([head, ...rrs]);
}

function publicKeyOf(key: DnssecKey): KeyObject {
  const raw = Buffer.from(key.publicKey, 'base64');
  switch (key.algorithm) {
    case 8: {
      const eLength = raw[0] as number;
      return createPublicKey({
        key: { kty: 'RSA', e: raw.subarray(1, 1 + eLength).toString('base64url'), n: raw.subarray(1 + eLength).toString('base64url') },
        format: 'jwk',
      });
    }
    case 13:
      return createPublicKey({
        key: { kty: 'EC', crv: 'P-256', x: raw.subarray(0, 32).toString('base64url'), y: raw.subarray(32).toString('base64url') },
        format: 'jwk',
      });
    case 15:
      return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    default:
      throw new Error(`test does not verify algorithm ${key.algorithm}`);
  }
}

function verifyRrsig(rrsig: Rrsig, owner: string, rrset: readonly RecordData[], key: DnssecKey, sort = true): boolean {
  const data = signedData(rrsig, owner, rrset, sort);
  const signature = Buffer.from(rrsig.signature, 'base64');
  const publicKey = publicKeyOf(key);
  if (key.algorithm === 15) return verify(null, data, publicKey, signature);
  if (key.algorithm === 13) return verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  return verify('sha256', data, publicKey, signature);
}

// ---- fixtures ----

const zoneText = `
$ORIGIN example.test.
$TTL 300
@        SOA   ns1 hostmaster 1 7200 3600 1209600 60
@        NS    ns1
ns1      A     192.0.2.53
@        A     192.0.2.2
@        A     192.0.2.1
@        A     192.0.2.10
MiXeD    A     192.0.2.3
mx       MX    10 MAIL.Example.TEST.
*        TXT   "wild"
sub      NS    ns.sub
ns.sub   A     192.0.2.9
secure   NS    ns.secure.example.net.
secure   DS    1234 13 2 ${'aa'.repeat(32)}
deep.ent.path A 192.0.2.4
`;

const zone: Zone = parseZoneFile(zoneText);
const now = new Date('2026-06-01T12:00:00Z');
const nowSeconds = Math.floor(now.getTime() / 1000);

function find(signed: Zone, name: string, type: string): ZoneRecord[] {
  return signed.records.filter((r) => r.name.toLowerCase() === name.toLowerCase() && r.type === type);
}

function sigsFor(signed: Zone, name: string, covered: string): Rrsig[] {
  return find(signed, name, 'RRSIG')
    .map((r) => r.data)
    .filter((d): d is Rrsig => d.type === 'RRSIG' && d.typeCovered === covered);
}

describe('signZone', () => {
  const keys: Record<string, DnssecKey> = {};
  beforeAll(async () => {
    keys.ecdsa = await generateDnssecKey({ algorithm: 13 });
    keys.rsa = await generateDnssecKey({ algorithm: 8, rsaBits: 1024 });
    keys.ed25519 = await generateDnssecKey({ algorithm: 15 });
    keys.ksk = await generateDnssecKey({ algorithm: 13, role: 'ksk' });
    keys.zsk = await generateDnssecKey({ algorithm: 13, role: 'zsk' });
  });

  it.each(['ecdsa', 'rsa', 'ed25519'])('%s: RRSIGs verify against canonical data rebuilt independently', (which) => {
    const key = keys[which] as DnssecKey;
    const signed = signZone(zone, { keys: [key], now });
    const apexA = find(signed, 'example.test', 'A').map((r) => r.data);
    const [sig] = sigsFor(signed, 'example.test', 'A');
    if (sig === undefined) throw new Error('no RRSIG');
    expect(sig).toMatchObject({ algorithm: key.algorithm, labels: 2, originalTtl: 300, keyTag: key.keyTag, signerName: 'example.test' });
    expect(verifyRrsig(sig, 'example.test', apexA, key)).toBe(true);
    // The RRs must be in canonical order: the order of the zone file does not verify.
    expect(verifyRrsig(sig, 'example.test', apexA, key, false)).toBe(false);
  });

  it('lowercases owner names and names inside MX RDATA for the signature', () => {
    const key = keys.ecdsa as DnssecKey;
    const signed = signZone(zone, { keys: [key], now });
    const [mixed] = sigsFor(signed, 'mixed.example.test', 'A');
    const [mx] = sigsFor(signed, 'mx.example.test', 'MX');
    if (mixed === undefined || mx === undefined) throw new Error('missing RRSIG');
    expect(
      verifyRrsig(
        mixed,
        'MiXeD.example.test',
        find(signed, 'mixed.example.test', 'A').map((r) => r.data),
        key,
      ),
    ).toBe(true);
    const mxData = find(signed, 'mx.example.test', 'MX').map((r) => r.data);
    expect(mxData[0]).toMatchObject({ exchange: 'MAIL.Example.TEST' });
    expect(verifyRrsig(mx, 'mx.example.test', mxData, key)).toBe(true);
  });

  it('signs a wildcard with the labels field excluding the asterisk', () => {
    const key = keys.ed25519 as DnssecKey;
    const signed = signZone(zone, { keys: [key], now });
    const [sig] = sigsFor(signed, '*.example.test', 'TXT');
    if (sig === undefined) throw new Error('no RRSIG');
    expect(sig.labels).toBe(2);
    expect(
      verifyRrsig(
        sig,
        '*.example.test',
        find(signed, '*.example.test', 'TXT').map((r) => r.data),
        key,
      ),
    ).toBe(true);
  });

  it('signs authoritative data only: not the NS at a cut, not glue; the DS at a cut yes', () => {
    const signed = signZone(zone, { keys: [keys.ecdsa as DnssecKey], now });
    expect(sigsFor(signed, 'example.test', 'NS')).toHaveLength(1);
    expect(sigsFor(signed, 'sub.example.test', 'NS')).toHaveLength(0);
    expect(sigsFor(signed, 'ns.sub.example.test', 'A')).toHaveLength(0);
    expect(sigsFor(signed, 'secure.example.test', 'DS')).toHaveLength(1);
    expect(sigsFor(signed, 'secure.example.test', 'NS')).toHaveLength(0);
  });

  it('lets the KSK sign the DNSKEY RRset and the ZSK everything else', () => {
    const ksk = keys.ksk as DnssecKey;
    const zsk = keys.zsk as DnssecKey;
    const signed = signZone(zone, { keys: [ksk, zsk], now });
    expect(find(signed, 'example.test', 'DNSKEY')).toHaveLength(2);
    expect(sigsFor(signed, 'example.test', 'DNSKEY').map((s) => s.keyTag)).toEqual([ksk.keyTag]);
    expect(sigsFor(signed, 'example.test', 'A').map((s) => s.keyTag)).toEqual([zsk.keyTag]);
  });

  it('uses the default validity window and drops old signatures when re-signing', () => {
    const key = keys.ecdsa as DnssecKey;
    const once = signZone(zone, { keys: [key], now });
    const [sig] = sigsFor(once, 'example.test', 'A');
    expect(sig?.inception).toBe(nowSeconds - 3600);
    expect(sig?.expiration).toBe(nowSeconds + 14 * 86400);
    const twice = signZone(once, { keys: [key], now });
    expect(twice.records.length).toBe(once.records.length);
    expect(sigsFor(twice, 'example.test', 'A')).toHaveLength(1);
  });

  it('builds an NSEC chain over authoritative names and delegations, in canonical order', () => {
    const signed = signZone(zone, { keys: [keys.ecdsa as DnssecKey], now });
    const chain = signed.records.filter((r) => r.type === 'NSEC');
    expect(chain.map((r) => r.name)).toEqual([
      'example.test',
      '*.example.test',
      'MiXeD.example.test',
      'mx.example.test',
      'ns1.example.test',
      'deep.ent.path.example.test',
      'secure.example.test',
      'sub.example.test',
    ]);
    const next = chain.map((r) => (r.data.type === 'NSEC' ? r.data.nextDomain : ''));
    expect(next).toEqual([...chain.slice(1).map((r) => r.name.toLowerCase()), 'example.test']);
    const types = (name: string): readonly string[] => {
      const record = chain.find((r) => r.name === name);
      return record?.data.type === 'NSEC' ? typesInBitmap(record.data.typeBitmap) : [];
    };
    expect(types('example.test')).toEqual(['A', 'NS', 'SOA', 'RRSIG', 'NSEC', 'DNSKEY']);
    expect(types('sub.example.test')).toEqual(['NS', 'RRSIG', 'NSEC']);
    expect(types('secure.example.test')).toEqual(['NS', 'DS', 'RRSIG', 'NSEC']);
    for (const record of chain) expect(record.ttl).toBe(60);
  });

  it('computes the NSEC3 hashes of RFC 5155 Appendix A', () => {
    expect(nsec3Hash('example', 'aabbccdd', 12)).toBe('0p9mhaveqvm6t7vbl5lop2u3t2rp3tom');
    expect(nsec3Hash('a.example', 'aabbccdd', 12)).toBe('35mthgpgcu1qg68fab165klnsnk3dpvl');
    expect(nsec3Hash('*.w.example', 'aabbccdd', 12)).toBe('r53bq7cc2uvmubfu5ocmm6pers9tk9en');
    expect(nsec3Hash('X.W.Example.', 'AABBCCDD', 12)).toBe('b4um86eghhds6nea196smvmlo4ors995');
  });

  it('builds an NSEC3 chain with empty non-terminals, and leaves unsigned delegations out with opt-out', () => {
    const key = keys.ecdsa as DnssecKey;
    const plain = signZone(zone, { keys: [key], now, denial: { kind: 'nsec3', iterations: 3, salt: 'beef' } });
    const owners = (signed: Zone): Map<string, RecordData> =>
      new Map(signed.records.filter((r) => r.type === 'NSEC3').map((r) => [r.name.split('.')[0] as string, r.data]));
    const chain = owners(plain);
    const hash = (name: string): string => nsec3Hash(name, 'beef', 3);
    const types = (name: string): readonly string[] => {
      const data = chain.get(hash(name));
      return data?.type === 'NSEC3' ? typesInBitmap(data.typeBitmap) : ['not an NSEC3'];
    };
    expect(chain.get(hash('ent.path.example.test'))).toMatchObject({ typeBitmap: '', flags: 0, iterations: 3, salt: 'beef' });
    expect(types('path.example.test')).toEqual([]);
    expect(types('sub.example.test')).toEqual(['NS']);
    expect(types('secure.example.test')).toEqual(['NS', 'DS', 'RRSIG']);
    expect(types('example.test')).toEqual(['A', 'NS', 'SOA', 'RRSIG', 'DNSKEY', 'NSEC3PARAM']);
    expect(chain.has(hash('ns.sub.example.test'))).toBe(false);
    expect(find(plain, 'example.test', 'NSEC3PARAM')[0]?.data).toEqual({
      type: 'NSEC3PARAM',
      hashAlgorithm: 1,
      flags: 0,
      iterations: 3,
      salt: 'beef',
    });
    // Each NSEC3 points at the next hash in order, the last back to the first.
    const sorted = [...chain.keys()].sort();
    sorted.forEach((h, i) => {
      const data = chain.get(h);
      expect(data?.type === 'NSEC3' ? data.nextHashedOwner : '').toBe(sorted[(i + 1) % sorted.length]);
    });

    const optOut = owners(signZone(zone, { keys: [key], now, denial: { kind: 'nsec3', optOut: true } }));
    expect(optOut.has(nsec3Hash('sub.example.test', '', 0))).toBe(false);
    expect(optOut.has(nsec3Hash('secure.example.test', '', 0))).toBe(true);
    for (const data of optOut.values()) expect(data).toMatchObject({ flags: 1 });
  });

  it('breaks signatures on purpose: expired, not yet valid, flipped byte, missing', () => {
    const key = keys.ecdsa as DnssecKey;
    const apexA = find(zone, 'example.test', 'A').map((r) => r.data);
    const expired = signZone(zone, { keys: [key], now, faults: [{ kind: 'expired' }] });
    for (const record of expired.records.filter((r) => r.type === 'RRSIG')) {
      expect(record.data.type === 'RRSIG' && record.data.expiration < nowSeconds).toBe(true);
    }
    const expiredSig = sigsFor(expired, 'example.test', 'A')[0] as Rrsig;
    expect(verifyRrsig(expiredSig, 'example.test', apexA, key)).toBe(true);

    const future = signZone(zone, { keys: [key], now, faults: [{ kind: 'not-yet-valid', type: 'A' }] });
    expect((sigsFor(future, 'example.test', 'A')[0] as Rrsig).inception).toBeGreaterThan(nowSeconds);
    expect((sigsFor(future, 'mx.example.test', 'MX')[0] as Rrsig).inception).toBeLessThan(nowSeconds);

    const bad = signZone(zone, { keys: [key], now, faults: [{ kind: 'bad-signature', name: 'EXAMPLE.test', type: 'A' }] });
    expect(verifyRrsig(sigsFor(bad, 'example.test', 'A')[0] as Rrsig, 'example.test', apexA, key)).toBe(false);
    const mxData = find(bad, 'mx.example.test', 'MX').map((r) => r.data);
    expect(verifyRrsig(sigsFor(bad, 'mx.example.test', 'MX')[0] as Rrsig, 'mx.example.test', mxData, key)).toBe(true);

    const missing = signZone(zone, { keys: [key], now, faults: [{ kind: 'missing-rrsig', name: 'example.test', type: 'A' }] });
    expect(sigsFor(missing, 'example.test', 'A')).toHaveLength(0);
    expect(sigsFor(missing, 'example.test', 'SOA')).toHaveLength(1);
  });

  it('refuses a zone without SOA and records outside the zone', () => {
    const key = keys.ecdsa as DnssecKey;
    expect(() => signZone({ origin: 'x.test', records: [] }, { keys: [key] })).toThrow(/SOA/);
    const stray: ZoneRecord = { name: 'elsewhere.test', type: 'A', ttl: 1, data: { type: 'A', address: '192.0.2.1' } };
    expect(() => signZone({ origin: 'x.test', records: [stray] }, { keys: [key] })).toThrow(/outside/);
  });
});
