import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DnsRecord, RecordData } from '../dns/types.js';
import { dsDigest, isSupportedAlgorithm, isSupportedDigestType, publicKeyFromDnskey, signatureCheckId } from './crypto.js';
import { keyTag } from './keytag.js';
import { encodeRdata, fromBase64, toHex } from './rdata.js';
import { generateKey, keyFromPair, rr, signRRset } from './test-support/zones.js';
import {
  groupRRsets,
  type RRsetVerification,
  type SignatureMemo,
  verifyRRset,
  type WorkBudget,
  type ZoneKey,
  zoneKeyFromRecord,
} from './verify.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

function dnskey(flags: number, algorithm: number, publicKey: string): RecordData & { type: 'DNSKEY' } {
  return { type: 'DNSKEY', flags, protocol: 3, algorithm, publicKey };
}

function budget(): WorkBudget {
  return { signatureChecks: 100, nsec3Hashes: 100, records: 10_000, signaturesVerified: 0 };
}

const limits = { maxSignaturesPerRRset: 8, maxKeysPerSignature: 4 };

function keyOf(zone: string, data: RecordData): ZoneKey {
  const key = zoneKeyFromRecord(rr(zone, data));
  if (key === undefined) throw new Error('not a DNSKEY');
  return key;
}

/**
 * Signs an A record of a.example.test with `key` in the name of `signer`, valid from `inception`
 * to 2040, and verifies it in 2030 with that key as a key of example.test.
 */
function signAndVerify(key: ReturnType<typeof generateKey>, signer: string, inception: number): RRsetVerification {
  const records = [rr('a.example.test', { type: 'A', address: '192.0.2.1' })];
  const sig = signRRset(records, key, signer, { inception, expiration: utc(2040, 1, 1) });
  const [rrset] = groupRRsets([...records, sig]);
  if (rrset === undefined) throw new Error('no RRset');
  const keys = [keyOf('example.test', key.dnskey)];
  return verifyRRset({ rrset, zone: 'example.test', keys, now: utc(2030, 1, 1), budget: budget(), limits });
}

describe('key tags and DS digests from published keys', () => {
  // The IANA root KSKs; the digests are those of https://data.iana.org/root-anchors/root-anchors.xml.
  const ksk2017 =
    'AwEAAaz/tAm8yTn4Mfeh5eyI96WSVexTBAvkMgJzkKTOiW1vkIbzxeF3+/4RgWOq7HrxRixHlFlExOLAJr5emLvN7SWXgnLh4+B5xQlNVz8Og8kvArMtNROxVQuCaSnIDdD5LKyWbRd2n9WGe2R8PzgCmr3EgVLrjyBxWezF0jLHwVN8efS3rCj/EWgvIWgb9tarpVUDK/b58Da+sqqls3eNbuv7pr+eoZG+SrDK6nWeL3c6H5Apxz7LjVc1uTIdsIXxuOLYA4/ilBmSVIzuDWfdRUfhHdY6+cn8HFRm+2hM8AnXGXws9555KrUB5qihylGa8subX2Nn6UwNR1AkUTV74bU=';
  const ksk2024 =
    'AwEAAa96jeuknZlaeSrvyAJj6ZHv28hhOKkx3rLGXVaC6rXTsDc449/cidltpkyGwCJNnOAlFNKF2jBosZBU5eeHspaQWOmOElZsjICMQMC3aeHbGiShvZsx4wMYSjH8e7Vrhbu6irwCzVBApESjbUdpWWmEnhathWu1jo+siFUiRAAxm9qyJNg/wOZqqzL/dL/q8PkcRU5oUKEpUge71M3ej2/7CPqpdVwuMoTvoB+ZOT4YeGyxMvHmbrxlFzGOHOijtzN+u1TQNatX2XBuzZNQ1K+s2CXkPIZo7s6JgZyvaBevYtxPvYLw4z9mR7K2vaF18UYH9Z9GNUUeayffKC73PYc=';

  const cases: { what: string; owner: string; key: RecordData; tag: number; digestType: number; digest: string }[] = [
    {
      what: 'root KSK-2017',
      owner: '',
      key: dnskey(257, 8, ksk2017),
      tag: 20326,
      digestType: 2,
      digest: 'e06d44b80b8f1d39a95c0b0d7c65d08458e880409bbc683457104237c7f8ec8d',
    },
    {
      what: 'root KSK-2024',
      owner: '',
      key: dnskey(257, 8, ksk2024),
      tag: 38696,
      digestType: 2,
      digest: '683d2d0acb8c9b712a1948b27f741219298d0a450d612c483af444a4c0fb2b16',
    },
    {
      what: 'RFC 6605 §6.1 ECDSA P-256',
      owner: 'example.net',
      key: dnskey(257, 13, 'GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA=='),
      tag: 55648,
      digestType: 2,
      digest: 'b4c8c1fe2e7477127b27115656ad6256f424625bf5c1e2770ce6d6e37df61d17',
    },
    {
      what: 'RFC 6605 §6.2 ECDSA P-384 (SHA-384 digest)',
      owner: 'example.net',
      key: dnskey(
        257,
        14,
        'xKYaNhWdGOfJ+nPrL8/arkwf2EY3MDJ+SErKivBVSum1w/egsXvSADtNJhyem5RCOpgQ6K8X1DRSEkrbYQ+OB+v8/uX45NBwY8rp65F6Glur8I/mlVNgF6W/qTI37m40',
      ),
      tag: 10771,
      digestType: 4,
      digest: '72d7b62976ce06438e9c0bf319013cf801f09ecc84b8d7e9495f27e305c6a9b0563a9b5f4d288405c3008a946df983d6',
    },
    {
      what: 'RFC 8080 §6 Ed25519',
      owner: 'example.com',
      key: dnskey(257, 15, 'l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4='),
      tag: 3613,
      digestType: 2,
      digest: '3aa5ab37efce57f737fc1627013fee07bdf241bd10f3b1964ab55c78e79a304b',
    },
    {
      what: 'RFC 8080 §6 Ed448',
      owner: 'example.com',
      key: dnskey(257, 16, '3kgROaDjrh0H2iuixWBrc8g2EpBBLCdGzHmn+G2MpTPhpj/OiBVHHSfPodx1FYYUcJKm1MDpJtIA'),
      tag: 9713,
      digestType: 2,
      digest: '6ccf18d5bc5d7fc2fceb1d59d17321402f2aa8d368048db93dd811f5cb2b19c7',
    },
  ];

  for (const c of cases) {
    it(`computes the key tag and DS digest of the ${c.what}`, () => {
      const rdata = encodeRdata(c.key);
      expect(keyTag(rdata)).toBe(c.tag);
      expect(toHex(dsDigest(c.owner, rdata, c.digestType) ?? new Uint8Array())).toBe(c.digest);
    });
  }

  it('computes a SHA-1 DS digest and refuses GOST and unknown digests', () => {
    const rdata = encodeRdata(dnskey(257, 8, ksk2017));
    expect(dsDigest('', rdata, 1)?.length).toBe(20);
    expect(dsDigest('', rdata, 3)).toBeUndefined();
    expect(dsDigest('', rdata, 99)).toBeUndefined();
    expect(isSupportedDigestType(1) && isSupportedDigestType(2) && isSupportedDigestType(4)).toBe(true);
    expect(isSupportedDigestType(3)).toBe(false);
  });

  it('uses the modulus bits as the key tag of RSA/MD5 keys (RFC 4034 Appendix B.1)', () => {
    const rdata = Uint8Array.of(1, 0, 3, 1, 1, 3, 0xaa, 0xbb, 0x12, 0x34, 0x56);
    expect(keyTag(rdata)).toBe(0x1234);
  });

  it('supports exactly the algorithms of RFC 8624 that pastoe validates', () => {
    for (const alg of [8, 10, 13, 14, 15, 16]) expect(isSupportedAlgorithm(alg)).toBe(true);
    for (const alg of [1, 3, 5, 6, 7, 12, 23, 252, 253, 254, 99]) expect(isSupportedAlgorithm(alg)).toBe(false);
  });
});

describe('signature vectors from RFC 5702 and RFC 6605', () => {
  const vectors: { what: string; key: RecordData; a: string; rrsig: RecordData; now: number }[] = [
    {
      what: 'RFC 5702 §6.1 RSA/SHA-256',
      key: dnskey(256, 8, 'AwEAAcFcGsaxxdgiuuGmCkVImy4h99CqT7jwY3pexPGcnUFtR2Fh36BponcwtkZ4cAgtvd4Qs8PkxUdp6p/DlUmObdk='),
      a: '192.0.2.91',
      rrsig: {
        type: 'RRSIG',
        typeCovered: 'A',
        algorithm: 8,
        labels: 3,
        originalTtl: 3600,
        expiration: utc(2030, 1, 1),
        inception: utc(2000, 1, 1),
        keyTag: 9033,
        signerName: 'example.net',
        signature: 'kRCOH6u7l0QGy9qpC9l1sLncJcOKFLJ7GhiUOibu4teYp5VE9RncriShZNz85mwlMgNEacFYK/lPtPiVYP4bwg==',
      },
      now: utc(2020, 1, 1),
    },
    {
      what: 'RFC 5702 §6.2 RSA/SHA-512',
      key: dnskey(
        256,
        10,
        'AwEAAdHoNTOW+et86KuJOWRDp1pndvwb6Y83nSVXXyLA3DLroROUkN6X0O6pnWnjJQujX/AyhqFDxj13tOnD9u/1kTg7cV6rklMrZDtJCQ5PCl/D7QNPsgVsMu1J2Q8gpMpztNFLpPBz1bWXjDtaR7ZQBlZ3PFY12ZTSncorffcGmhOL',
      ),
      a: '192.0.2.91',
      rrsig: {
        type: 'RRSIG',
        typeCovered: 'A',
        algorithm: 10,
        labels: 3,
        originalTtl: 3600,
        expiration: utc(2030, 1, 1),
        inception: utc(2000, 1, 1),
        keyTag: 3740,
        signerName: 'example.net',
        signature:
          'tsb4wnjRUDnB1BUi+t6TMTXThjVnG+eCkWqjvvjhzQL1d0YRoOe0CbxrVDYd0xDtsuJRaeUw1ep94PzEWzr0iGYgZBWm/zpq+9fOuagYJRfDqfReKBzMweOLDiNa8iP5g9vMhpuv6OPlvpXwm9Sa9ZXIbNl1MBGk0fthPgxdDLw=',
      },
      now: utc(2020, 1, 1),
    },
    {
      what: 'RFC 6605 §6.1 ECDSA P-256/SHA-256',
      key: dnskey(257, 13, 'GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA=='),
      a: '192.0.2.1',
      rrsig: {
        type: 'RRSIG',
        typeCovered: 'A',
        algorithm: 13,
        labels: 3,
        originalTtl: 3600,
        expiration: utc(2010, 9, 9, 10, 4, 39),
        inception: utc(2010, 8, 12, 10, 4, 39),
        keyTag: 55648,
        signerName: 'example.net',
        signature: 'qx6wLYqmh+l9oCKTN6qIc+bw6ya+KJ8oMz0YP107epXAyGmt+3SNruPFKG7tZoLBLlUzGGus7ZwmwWep666VCw==',
      },
      now: utc(2010, 9, 1),
    },
    {
      what: 'RFC 6605 §6.2 ECDSA P-384/SHA-384',
      key: dnskey(
        257,
        14,
        'xKYaNhWdGOfJ+nPrL8/arkwf2EY3MDJ+SErKivBVSum1w/egsXvSADtNJhyem5RCOpgQ6K8X1DRSEkrbYQ+OB+v8/uX45NBwY8rp65F6Glur8I/mlVNgF6W/qTI37m40',
      ),
      a: '192.0.2.1',
      rrsig: {
        type: 'RRSIG',
        typeCovered: 'A',
        algorithm: 14,
        labels: 3,
        originalTtl: 3600,
        expiration: utc(2010, 9, 9, 10, 20, 25),
        inception: utc(2010, 8, 12, 10, 20, 25),
        keyTag: 10771,
        signerName: 'example.net',
        signature:
          '/L5hDKIvGDyI1fcARX3z65qrmPsVz73QD1Mr5CEqOiLP95hxQouuroGCeZOvzFaxsT8Glr74hbavRKayJNuydCuzWTSSPdz7wnqXL5bdcJzusdnI0RSMROxxwGipWcJm',
      },
      now: utc(2010, 9, 1),
    },
  ];

  for (const v of vectors) {
    const records: DnsRecord[] = [rr('www.example.net', { type: 'A', address: v.a }), rr('www.example.net', v.rrsig)];
    const [rrset] = groupRRsets(records);
    if (rrset === undefined) throw new Error('no RRset');
    const key = keyOf('example.net', v.key);

    it(`verifies the ${v.what} example`, () => {
      const outcome = verifyRRset({ rrset, zone: 'example.net', keys: [key], now: v.now, budget: budget(), limits });
      expect(outcome).toMatchObject({ ok: true });
    });

    it(`rejects the ${v.what} example with changed data`, () => {
      const [changed] = groupRRsets([rr('www.example.net', { type: 'A', address: '192.0.2.99' }), rr('www.example.net', v.rrsig)]);
      if (changed === undefined) throw new Error('no RRset');
      const outcome = verifyRRset({ rrset: changed, zone: 'example.net', keys: [key], now: v.now, budget: budget(), limits });
      expect(outcome).toMatchObject({ ok: false, reason: 'signature-invalid' });
    });

    it(`reports the ${v.what} signature as expired after its window`, () => {
      const outcome = verifyRRset({ rrset, zone: 'example.net', keys: [key], now: utc(2031, 1, 1), budget: budget(), limits });
      expect(outcome).toMatchObject({ ok: false, reason: 'signature-expired' });
    });
  }

  it('refuses a 512-bit key for RSA/SHA-512, whose minimum is 1024 bits (RFC 5702 §2.2)', () => {
    const key =
      fromBase64('AwEAAcFcGsaxxdgiuuGmCkVImy4h99CqT7jwY3pexPGcnUFtR2Fh36BponcwtkZ4cAgtvd4Qs8PkxUdp6p/DlUmObdk=') ?? new Uint8Array();
    expect(publicKeyFromDnskey(8, key)).toBeDefined();
    expect(publicKeyFromDnskey(10, key)).toBeUndefined();
  });

  it('rejects malformed key material instead of throwing', () => {
    expect(publicKeyFromDnskey(13, new Uint8Array(64))).toBeUndefined();
    expect(publicKeyFromDnskey(13, new Uint8Array(10))).toBeUndefined();
    expect(publicKeyFromDnskey(15, new Uint8Array(31))).toBeUndefined();
    expect(publicKeyFromDnskey(8, Uint8Array.of(0))).toBeUndefined();
    expect(publicKeyFromDnskey(5, new Uint8Array(100))).toBeUndefined();
  });
});

describe('RFC 8080 example keys', () => {
  const pairs = [
    {
      alg: 15,
      crv: 'Ed25519',
      priv: 'ODIyNjAzODQ2MjgwODAxMjI2NDUxOTAyMDQxNDIyNjI=',
      pub: 'l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=',
      tag: 3613,
    },
    {
      alg: 16,
      crv: 'Ed448',
      priv: 'xZ+5Cgm463xugtkY5B0Jx6erFTXp13rYegst0qRtNsOYnaVpMx0Z/c5EiA9x8wWbDDct/U3FhYWA',
      pub: '3kgROaDjrh0H2iuixWBrc8g2EpBBLCdGzHmn+G2MpTPhpj/OiBVHHSfPodx1FYYUcJKm1MDpJtIA',
      tag: 9713,
    },
  ] as const;

  for (const p of pairs) {
    it(`signs and verifies the example MX RRset with the ${p.crv} example key`, () => {
      const d = Buffer.from(p.priv, 'base64').toString('base64url');
      const x = Buffer.from(p.pub, 'base64').toString('base64url');
      const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: p.crv, d, x }, format: 'jwk' });
      const publicKey = createPublicKey(privateKey);
      // The published public key belongs to the published private key.
      expect(publicKey.export({ format: 'jwk' }).x).toBe(x);
      const key = keyFromPair(p.alg, 257, privateKey, publicKey);
      expect(key.tag).toBe(p.tag);
      const mx = rr('example.com', { type: 'MX', preference: 10, exchange: 'mail.example.com' });
      const sig = signRRset([mx], key, 'example.com', { inception: 1438207200, expiration: 1440021600 });
      const [rrset] = groupRRsets([mx, sig]);
      if (rrset === undefined) throw new Error('no RRset');
      const outcome = verifyRRset({
        rrset,
        zone: 'example.com',
        keys: [keyOf('example.com', key.dnskey)],
        now: 1439000000,
        budget: budget(),
        limits,
      });
      expect(outcome).toMatchObject({ ok: true });
    });
  }
});

describe('every supported algorithm with keys made by node:crypto', () => {
  for (const algorithm of [8, 10, 13, 14, 15, 16]) {
    it(`verifies and rejects with algorithm ${algorithm}`, () => {
      const key = generateKey(algorithm, 256);
      const zoneKey = keyOf('example.test', key.dnskey);
      const records = [
        rr('www.example.test', { type: 'TXT', strings: ['one'] }),
        rr('www.example.test', { type: 'TXT', strings: ['two'] }),
      ];
      const sig = signRRset(records, key, 'example.test', { inception: utc(2020, 1, 1), expiration: utc(2040, 1, 1) });
      const now = utc(2030, 1, 1);
      const [rrset] = groupRRsets([...records].reverse().concat(sig));
      if (rrset === undefined) throw new Error('no RRset');
      expect(verifyRRset({ rrset, zone: 'example.test', keys: [zoneKey], now, budget: budget(), limits })).toMatchObject({ ok: true });
      const [tampered] = groupRRsets([records[0] as DnsRecord, rr('www.example.test', { type: 'TXT', strings: ['three'] }), sig]);
      if (tampered === undefined) throw new Error('no RRset');
      expect(verifyRRset({ rrset: tampered, zone: 'example.test', keys: [zoneKey], now, budget: budget(), limits })).toMatchObject({
        ok: false,
        reason: 'signature-invalid',
      });
    });
  }

  it('counts signature checks against the budget and stops when it is spent (KeyTrap)', () => {
    const key = generateKey(13, 256);
    const other = generateKey(13, 256);
    const records = [rr('a.example.test', { type: 'A', address: '192.0.2.1' })];
    const sigs = Array.from({ length: 20 }, () =>
      signRRset(records, other, 'example.test', { inception: utc(2020, 1, 1), expiration: utc(2040, 1, 1) }),
    );
    // Twenty keys with the same tag as the signatures, none of them the signing key.
    const colliding: ZoneKey[] = Array.from({ length: 20 }, () => ({ ...keyOf('example.test', key.dnskey), tag: other.tag }));
    const [rrset] = groupRRsets([...records, ...sigs]);
    if (rrset === undefined) throw new Error('no RRset');
    const spent = budget();
    spent.signatureChecks = 10;
    const outcome = verifyRRset({ rrset, zone: 'example.test', keys: colliding, now: utc(2030, 1, 1), budget: spent, limits });
    expect(outcome.ok).toBe(false);
    // At most 8 signatures with 4 keys each were tried, and never more than the budget.
    expect(spent.signaturesVerified).toBeLessThanOrEqual(10);
    const fresh = budget();
    verifyRRset({ rrset, zone: 'example.test', keys: colliding, now: utc(2030, 1, 1), budget: fresh, limits });
    expect(fresh.signaturesVerified).toBe(32);
  });

  it('does not use a key without the Zone Key flag', () => {
    const key = generateKey(13, 0);
    const outcome = signAndVerify(key, 'example.test', utc(2020, 1, 1));
    expect(outcome).toMatchObject({ ok: false, reason: 'no-zone-key-bit' });
  });

  it('reports a signature that is not valid yet', () => {
    const key = generateKey(15, 256);
    const outcome = signAndVerify(key, 'example.test', utc(2035, 1, 1));
    expect(outcome).toMatchObject({ ok: false, reason: 'signature-not-yet-valid' });
  });

  it('ignores RRSIGs by another signer and says so', () => {
    const key = generateKey(13, 256);
    const outcome = signAndVerify(key, 'other.test', utc(2020, 1, 1));
    expect(outcome).toMatchObject({ ok: false, reason: 'rrsigs-missing' });
  });

  it('charges the records of an RRset once against the record budget, and stops when it is spent', () => {
    const key = generateKey(13, 256);
    const records = Array.from({ length: 50 }, (_, i) => rr('a.example.test', { type: 'A', address: `192.0.2.${i}` }));
    const times = { inception: utc(2020, 1, 1), expiration: utc(2040, 1, 1) };
    const other = generateKey(13, 256);
    // A bad signature first, so that two signatures are tried over the same canonical set.
    const [rrset] = groupRRsets([
      ...records,
      signRRset(records, other, 'example.test', times),
      signRRset(records, key, 'example.test', times),
    ]);
    if (rrset === undefined) throw new Error('no RRset');
    const keys = [
      keyOf('example.test', key.dnskey),
      { ...keyOf('example.test', other.dnskey), publicKey: keyOf('example.test', key.dnskey).publicKey },
    ];
    const enough = { ...budget(), records: 50 };
    expect(verifyRRset({ rrset, zone: 'example.test', keys, now: utc(2030, 1, 1), budget: enough, limits })).toMatchObject({ ok: true });
    expect(enough.records).toBe(0);
    const short = { ...budget(), records: 49 };
    const outcome = verifyRRset({ rrset, zone: 'example.test', keys, now: utc(2030, 1, 1), budget: short, limits });
    expect(outcome).toMatchObject({ ok: false, reason: 'work-limit-exceeded' });
    expect(short.signaturesVerified).toBe(0);
  });
});

describe('grouping records into RRsets', () => {
  it('keys sets by owner, class and type, in the order first seen', () => {
    const sets = groupRRsets([
      rr('A.Example', { type: 'A', address: '192.0.2.1' }),
      { ...rr('a.example', { type: 'A', address: '192.0.2.2' }), class: 'CH' },
      rr('a.example', { type: 'TXT', strings: ['x'] }),
      rr('a.example.', { type: 'A', address: '192.0.2.3' }),
    ]);
    expect(sets.map((set) => [set.name, set.type, set.records.length])).toEqual([
      ['a.example', 1, 2],
      ['a.example', 1, 1],
      ['a.example', 16, 1],
    ]);
  });

  it('drops repeated records, names in RDATA compared in canonical form, and repeated signatures', () => {
    const key = generateKey(13, 256);
    const ns = [rr('example', { type: 'NS', target: 'ns.example' }), rr('example', { type: 'NS', target: 'NS.Example' })];
    const sig = signRRset(ns.slice(0, 1), key, 'example', { inception: utc(2020, 1, 1), expiration: utc(2040, 1, 1) });
    const [set, ...rest] = groupRRsets([...ns, sig, ns[0] as DnsRecord, sig]);
    expect(rest).toEqual([]);
    expect(set?.records).toEqual([ns[0]]);
    expect(set?.signatures).toEqual([sig]);
  });

  it('folds a response-sized set given twice into one set of distinct records', () => {
    // The time this takes is bounded in the validator's loopback test (validator.large-answer.test.ts).
    const records = Array.from({ length: 5000 }, (_, i) => rr('big.example', { type: 'A', address: `10.0.${i >>> 8}.${i & 0xff}` }));
    const [set] = groupRRsets([...records, ...records]);
    expect(set?.records).toHaveLength(5000);
  });
});

describe('remembered signature checks', () => {
  /** A memo that keeps every outcome and tells which fingerprints were asked for. */
  function recordingMemo(): SignatureMemo & {
    readonly entries: Map<string, { valid: boolean; expiresAt: number }>;
    readonly asked: string[];
  } {
    const entries = new Map<string, { valid: boolean; expiresAt: number }>();
    const asked: string[] = [];
    return {
      entries,
      asked,
      checked: (id) => {
        asked.push(id);
        return entries.get(id)?.valid;
      },
      remember: (id, valid, expiresAt) => {
        entries.set(id, { valid, expiresAt });
      },
    };
  }

  const key = generateKey(13, 256);
  const zoneKey = keyOf('example.test', key.dnskey);
  const records = [rr('www.example.test', { type: 'A', address: '192.0.2.1' })];
  const sig = signRRset(records, key, 'example.test', { inception: utc(2020, 1, 1), expiration: utc(2040, 1, 1) });
  const [rrset] = groupRRsets([...records, sig]);
  const [tampered] = groupRRsets([rr('www.example.test', { type: 'A', address: '192.0.2.66' }), sig]);
  const now = utc(2030, 1, 1);

  it('remembers an outcome until the signature expires, and takes it from the memo the next time', () => {
    if (rrset === undefined || tampered === undefined) throw new Error('no RRset');
    const memo = recordingMemo();
    expect(verifyRRset({ rrset, zone: 'example.test', keys: [zoneKey], now, budget: budget(), limits, memo })).toMatchObject({ ok: true });
    expect([...memo.entries.values()]).toEqual([{ valid: true, expiresAt: utc(2040, 1, 1) }]);
    // The memo decides the second time: a remembered failure for the same check makes it fail,
    // which no signature check would do. The budget is charged the same either way.
    const [id] = memo.entries.keys();
    if (id === undefined) throw new Error('nothing remembered');
    memo.entries.set(id, { valid: false, expiresAt: utc(2040, 1, 1) });
    const charged = budget();
    expect(verifyRRset({ rrset, zone: 'example.test', keys: [zoneKey], now, budget: charged, limits, memo })).toMatchObject({
      ok: false,
      reason: 'signature-invalid',
    });
    expect([charged.signatureChecks, charged.signaturesVerified]).toEqual([99, 1]);
    // Other data is another check: it is not found in the memo, and the cryptography rejects it.
    expect(verifyRRset({ rrset: tampered, zone: 'example.test', keys: [zoneKey], now, budget: budget(), limits, memo })).toMatchObject({
      ok: false,
      reason: 'signature-invalid',
    });
    expect(memo.entries.size).toBe(2);
    expect(memo.asked.at(-1)).not.toBe(id);
  });

  it('checks the validity window before it looks in the memo', () => {
    if (rrset === undefined) throw new Error('no RRset');
    const memo = recordingMemo();
    verifyRRset({ rrset, zone: 'example.test', keys: [zoneKey], now, budget: budget(), limits, memo });
    const later = verifyRRset({ rrset, zone: 'example.test', keys: [zoneKey], now: utc(2041, 1, 1), budget: budget(), limits, memo });
    expect(later).toMatchObject({ ok: false, reason: 'signature-expired' });
    expect(memo.asked).toHaveLength(1);
  });

  it('fingerprints every part of a check, and where one part ends', () => {
    const rdata = Uint8Array.of(1, 1, 3, 13, 9, 9);
    const id = signatureCheckId(13, rdata, Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5));
    expect(signatureCheckId(13, rdata, Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5))).toBe(id);
    expect(signatureCheckId(15, rdata, Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5))).not.toBe(id);
    expect(signatureCheckId(13, Uint8Array.of(1, 1, 3, 13, 9, 8), Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5))).not.toBe(id);
    expect(signatureCheckId(13, rdata, Uint8Array.of(1, 2, 4), Uint8Array.of(4, 5))).not.toBe(id);
    // The signature 4 5 before the data 1 2 3, and the signature 4 before the data 5 1 2 3, are
    // the same bytes in a row: only the lengths tell the two checks apart.
    expect(signatureCheckId(13, rdata, Uint8Array.of(5, 1, 2, 3), Uint8Array.of(4))).not.toBe(id);
  });
});
