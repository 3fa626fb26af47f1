import { createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeDs, computeKeyTag, dnskeyData, generateDnssecKey } from './keys.js';
import { encodeRdata } from './rdata.js';

/** The IANA root KSK-2017 as published (DNSKEY 257 3 8), with its DS 20326 8 2 E06D…EC8D. */
const rootKsk2017 = {
  type: 'DNSKEY' as const,
  flags: 257,
  protocol: 3,
  algorithm: 8,
  publicKey:
    'AwEAAaz/tAm8yTn4Mfeh5eyI96WSVexTBAvkMgJzkKTOiW1vkIbzxeF3+/4RgWOq7HrxRixHlFlExOLAJr5emLvN7SWXgnLh4+B5xQlNVz8Og8kv' +
    'ArMtNROxVQuCaSnIDdD5LKyWbRd2n9WGe2R8PzgCmr3EgVLrjyBxWezF0jLHwVN8efS3rCj/EWgvIWgb9tarpVUDK/b58Da+sqqls3eNbuv7pr+e' +
    'oZG+SrDK6nWeL3c6H5Apxz7LjVc1uTIdsIXxuOLYA4/ilBmSVIzuDWfdRUfhHdY6+cn8HFRm+2hM8AnXGXws9555KrUB5qihylGa8subX2Nn6UwN' +
    'R1AkUTV74bU=',
};

describe('key tags and DS digests', () => {
  it('computes the published key tag of the root KSK-2017', () => {
    expect(computeKeyTag(encodeRdata(rootKsk2017))).toBe(20326);
  });

  it('computes the published SHA-256 DS of the root KSK-2017', () => {
    const ds = computeDs('', rootKsk2017, 2);
    expect(ds).toEqual({
      type: 'DS',
      keyTag: 20326,
      algorithm: 8,
      digestType: 2,
      digest: 'e06d44b80b8f1d39a95c0b0d7c65d08458e880409bbc683457104237c7f8ec8d',
    });
  });

  it('makes SHA-1 and SHA-384 digests of the right length and refuses unknown digest types', () => {
    expect(computeDs('', rootKsk2017, 1).digest).toHaveLength(40);
    expect(computeDs('', rootKsk2017, 4).digest).toHaveLength(96);
    expect(() => computeDs('', rootKsk2017, 3)).toThrow(/digest type 3/);
  });

  it('treats the owner name case-insensitively', () => {
    const key = { ...rootKsk2017 };
    expect(computeDs('Example.TEST', key, 2)).toEqual(computeDs('example.test', key, 2));
  });
});

describe('generated keys', () => {
  const cases: [number, number | undefined][] = [
    [8, 1024],
    [13, undefined],
    [14, undefined],
    [15, undefined],
    [16, undefined],
  ];
  it.each(cases)('algorithm %i: DNSKEY format, key tag and a signature node verifies', async (algorithm, rsaBits) => {
    const key = await generateDnssecKey({ algorithm, role: 'ksk', ...(rsaBits === undefined ? {} : { rsaBits }) });
    expect(key.flags).toBe(257);
    expect(key.keyTag).toBe(computeKeyTag(encodeRdata(dnskeyData(key))));
    const raw = Buffer.from(key.publicKey, 'base64');
    let jwk: Record<string, string>;
    if (algorithm === 8) {
      // RFC 3110: exponent length 3, exponent 65537, then the modulus.
      expect(raw[0]).toBe(3);
      expect(raw.subarray(1, 4).toString('hex')).toBe('010001');
      expect(raw.length - 4).toBe(128);
      jwk = { kty: 'RSA', e: raw.subarray(1, 4).toString('base64url'), n: raw.subarray(4).toString('base64url') };
    } else if (algorithm === 13 || algorithm === 14) {
      const size = algorithm === 13 ? 32 : 48;
      expect(raw.length).toBe(2 * size);
      jwk = {
        kty: 'EC',
        crv: algorithm === 13 ? 'P-256' : 'P-384',
        x: raw.subarray(0, size).toString('base64url'),
        y: raw.subarray(size).toString('base64url'),
      };
    } else {
      expect(raw.length).toBe(algorithm === 15 ? 32 : 57);
      jwk = { kty: 'OKP', crv: algorithm === 15 ? 'Ed25519' : 'Ed448', x: raw.toString('base64url') };
    }
    // The public key rebuilt from the DNSKEY bytes alone must match the private key.
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    const privateKey = key.privateKey;
    if (privateKey === undefined) throw new Error('no private key');
    const message = Buffer.from('pastoe');
    const hash = algorithm === 15 || algorithm === 16 ? null : algorithm === 14 ? 'sha384' : 'sha256';
    const signature = sign(hash, message, privateKey);
    expect(verify(hash, message, publicKey, signature)).toBe(true);
  });

  it('makes a ZSK with flags 256 and a fake key for an algorithm node cannot sign with', async () => {
    expect((await generateDnssecKey({ algorithm: 13, role: 'zsk' })).flags).toBe(256);
    const fake = await generateDnssecKey({ algorithm: 253 });
    expect(fake.privateKey).toBeUndefined();
    expect(fake.algorithm).toBe(253);
    expect(Buffer.from(fake.publicKey, 'base64').length).toBeGreaterThan(0);
  });
});
