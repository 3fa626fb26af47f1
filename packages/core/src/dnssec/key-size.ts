/**
 * The size of a DNSKEY's public key, read from its bytes without building a key object, so that
 * reports can say how long a zone's RSA keys are even for algorithms pastoe does not validate.
 */

/** The exponent and modulus of an RSA public key in the DNSKEY format of RFC 3110 §2. */
export interface RsaKeyParts {
  /** The public exponent, as stored (leading zeros kept). */
  readonly exponent: Uint8Array;
  /** The modulus, as stored (leading zeros kept). */
  readonly modulus: Uint8Array;
}

/**
 * Splits an RSA public key field (RFC 3110 §2): a one-octet exponent length, or a zero octet and
 * a two-octet length for longer exponents, then the exponent, then the modulus. `undefined` when
 * the lengths do not fit the field.
 */
export function rsaKeyParts(key: Uint8Array): RsaKeyParts | undefined {
  let offset = 1;
  let exponentLength = key[0] ?? 0;
  if (exponentLength === 0) {
    exponentLength = ((key[1] ?? 0) << 8) | (key[2] ?? 0);
    offset = 3;
  }
  if (exponentLength === 0 || key.length <= offset + exponentLength) return undefined;
  return { exponent: key.subarray(offset, offset + exponentLength), modulus: key.subarray(offset + exponentLength) };
}

/** The number of significant bits of a big-endian unsigned integer. */
export function significantBits(bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  if (start === bytes.length) return 0;
  return (bytes.length - start) * 8 - (Math.clz32(bytes[start] ?? 0) - 24);
}

/** The RSA algorithms: RSAMD5, RSASHA1, RSASHA1-NSEC3-SHA1, RSASHA256, RSASHA512. */
const rsaAlgorithms: ReadonlySet<number> = new Set([1, 5, 7, 8, 10]);

/** Key sizes fixed by the algorithm: the curve's size for ECDSA, EdDSA and the GOST curves. */
const fixedKeyBits: Readonly<Record<number, number>> = { 12: 256, 13: 256, 14: 384, 15: 256, 16: 448, 23: 256 };

/** Whether the algorithm number is one of the RSA algorithms. */
export function isRsaAlgorithm(algorithm: number): boolean {
  return rsaAlgorithms.has(algorithm);
}

/**
 * The key size in bits of a DNSKEY's Public Key field: the modulus of an RSA key, the prime of a
 * DSA key (RFC 2536 §2: 512 + 64·T bits), the curve size of ECDSA, EdDSA and GOST keys.
 * `undefined` for an unknown algorithm or a malformed RSA or DSA key.
 */
export function dnskeyBits(algorithm: number, publicKey: Uint8Array): number | undefined {
  if (isRsaAlgorithm(algorithm)) {
    const parts = rsaKeyParts(publicKey);
    const bits = parts === undefined ? 0 : significantBits(parts.modulus);
    return bits === 0 ? undefined : bits;
  }
  if (algorithm === 3 || algorithm === 6) {
    const t = publicKey[0];
    return t === undefined || t > 8 ? undefined : 512 + 64 * t;
  }
  return fixedKeyBits[algorithm];
}
