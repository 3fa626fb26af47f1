import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dnskeyBits, rsaKeyParts, significantBits } from './key-size.js';

/** An RSA public key field (RFC 3110 §2) for a fresh key of `bits`. */
function rsaField(bits: number): Uint8Array {
  const jwk = generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'jwk' });
  const e = Buffer.from(jwk.e ?? '', 'base64url');
  const n = Buffer.from(jwk.n ?? '', 'base64url');
  return Uint8Array.from([e.length, ...e, ...n]);
}

describe('dnskeyBits', () => {
  it.each([1024, 2048, 1023])('reads the modulus size of a %i-bit RSA key', (bits) => {
    for (const algorithm of [5, 8, 10]) expect(dnskeyBits(algorithm, rsaField(bits))).toBe(bits);
  });

  it('reads a long exponent behind a zero octet and a two-octet length', () => {
    const exponent = new Uint8Array(300).fill(1);
    const modulus = Uint8Array.from([0x00, 0x01, ...new Uint8Array(127)]);
    const field = Uint8Array.from([0, 1, 44, ...exponent, ...modulus]);
    expect(rsaKeyParts(field)?.exponent).toHaveLength(300);
    // Leading zero octets of the modulus do not count.
    expect(dnskeyBits(8, field)).toBe(1 + 127 * 8);
  });

  it('gives no size for malformed RSA keys', () => {
    expect(dnskeyBits(8, new Uint8Array())).toBeUndefined();
    expect(dnskeyBits(8, Uint8Array.of(3, 1, 0, 1))).toBeUndefined();
    expect(dnskeyBits(8, Uint8Array.of(0, 0, 0, 5))).toBeUndefined();
    expect(dnskeyBits(8, Uint8Array.of(1, 3, 0, 0))).toBeUndefined();
  });

  it('takes DSA sizes from T and curve sizes from the algorithm', () => {
    expect(dnskeyBits(3, Uint8Array.of(8))).toBe(1024);
    expect(dnskeyBits(6, Uint8Array.of(0))).toBe(512);
    expect(dnskeyBits(3, Uint8Array.of(9))).toBeUndefined();
    expect([13, 14, 15, 16].map((algorithm) => dnskeyBits(algorithm, new Uint8Array(64)))).toEqual([256, 384, 256, 448]);
    expect(dnskeyBits(253, new Uint8Array(64))).toBeUndefined();
  });

  it('counts significant bits', () => {
    expect(significantBits(Uint8Array.of(0, 0))).toBe(0);
    expect(significantBits(Uint8Array.of(0, 1))).toBe(1);
    expect(significantBits(Uint8Array.of(0x80, 0))).toBe(16);
  });
});
