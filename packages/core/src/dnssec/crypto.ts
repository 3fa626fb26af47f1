import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import { rsaKeyParts, significantBits } from './key-size.js';
import { nameToWire } from './names.js';
import { concatBytes } from './rdata.js';

export { algorithmName } from './algorithm-names.js';

/**
 * DNSSEC algorithm numbers (IANA "DNS Security Algorithm Numbers") pastoe validates. RFC 8624
 * §3.1 lists these as MUST or RECOMMENDED for validation. RSA/SHA-1 (5, 7) is left out on
 * purpose: RFC 8624 already marked it NOT RECOMMENDED for signing, SHA-1 signatures are
 * forgeable with chosen prefixes, and several operating systems' crypto policies refuse them;
 * RFC 9905 (2025) now tells operators of validating resolvers to treat them as unsupported. A
 * zone signed only with them is reported insecure, never secure.
 */
export const supportedAlgorithms: ReadonlySet<number> = new Set([8, 10, 13, 14, 15, 16]);

/**
 * DS digest types pastoe validates: SHA-256 (2) and SHA-384 (4), and SHA-1 (1), which RFC 8624
 * §3.3 still requires for validation. GOST (3) and unknown types are unsupported.
 */
export const supportedDigestTypes: ReadonlySet<number> = new Set([1, 2, 4]);

/** Whether pastoe can verify signatures of this DNSSEC algorithm. */
export function isSupportedAlgorithm(algorithm: number): boolean {
  return supportedAlgorithms.has(algorithm);
}

/** Whether pastoe can check DS digests of this type. */
export function isSupportedDigestType(digestType: number): boolean {
  return supportedDigestTypes.has(digestType);
}

function digestAlgorithm(digestType: number): 'sha1' | 'sha256' | 'sha384' | undefined {
  switch (digestType) {
    case 1:
      return 'sha1';
    case 2:
      return 'sha256';
    case 4:
      return 'sha384';
    default:
      return undefined;
  }
}

/**
 * The DS digest of a DNSKEY (RFC 4034 §5.1.4): the digest of the owner name in canonical wire
 * form followed by the DNSKEY RDATA. `undefined` for an unsupported digest type.
 */
export function dsDigest(owner: string, dnskeyRdata: Uint8Array, digestType: number): Uint8Array | undefined {
  const algorithm = digestAlgorithm(digestType);
  if (algorithm === undefined) return undefined;
  return Uint8Array.from(
    createHash(algorithm)
      .update(concatBytes([nameToWire(owner), dnskeyRdata]))
      .digest(),
  );
}

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

function stripLeadingZeros(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytes.subarray(start);
}

/** RSA modulus bounds per algorithm (RFC 5702 §2: 512–4096 bits for SHA-256, 1024–4096 for SHA-512). */
function rsaBounds(algorithm: number): readonly [number, number] {
  return algorithm === 10 ? [1024, 4096] : [512, 4096];
}

function rsaKey(algorithm: number, key: Uint8Array): KeyObject | undefined {
  const parts = rsaKeyParts(key);
  if (parts === undefined) return undefined;
  const exponent = stripLeadingZeros(parts.exponent);
  const modulus = stripLeadingZeros(parts.modulus);
  const bits = significantBits(modulus);
  const [min, max] = rsaBounds(algorithm);
  if (bits < min || bits > max) return undefined;
  return createPublicKey({ key: { kty: 'RSA', n: base64Url(modulus), e: base64Url(exponent) }, format: 'jwk' });
}

function ecKey(curve: 'P-256' | 'P-384', size: number, key: Uint8Array): KeyObject | undefined {
  // RFC 6605 §4: the point as x || y, without the 0x04 prefix of SEC1.
  if (key.length !== size * 2) return undefined;
  return createPublicKey({
    key: { kty: 'EC', crv: curve, x: base64Url(key.subarray(0, size)), y: base64Url(key.subarray(size)) },
    format: 'jwk',
  });
}

function edKey(curve: 'Ed25519' | 'Ed448', size: number, key: Uint8Array): KeyObject | undefined {
  // RFC 8080 §3: the raw public key of RFC 8032.
  if (key.length !== size) return undefined;
  return createPublicKey({ key: { kty: 'OKP', crv: curve, x: base64Url(key) }, format: 'jwk' });
}

/**
 * Builds a public key from the Public Key field of a DNSKEY. Returns `undefined` for an
 * unsupported algorithm or key material that is malformed or outside the allowed sizes.
 */
export function publicKeyFromDnskey(algorithm: number, key: Uint8Array): KeyObject | undefined {
  try {
    switch (algorithm) {
      case 8:
      case 10:
        return rsaKey(algorithm, key);
      case 13:
        return ecKey('P-256', 32, key);
      case 14:
        return ecKey('P-384', 48, key);
      case 15:
        return edKey('Ed25519', 32, key);
      case 16:
        return edKey('Ed448', 57, key);
      default:
        return undefined;
    }
  } catch {
    // The bytes did not form a valid key (for example a point not on the curve).
    return undefined;
  }
}

/**
 * A fingerprint of one signature check: SHA-256 over the algorithm, the DNSKEY RDATA, the
 * signature and the signed data, each length-prefixed so that no two checks share an input. Two
 * checks with the same fingerprint have the same outcome, so the outcome can be remembered.
 */
export function signatureCheckId(algorithm: number, dnskeyRdata: Uint8Array, data: Uint8Array, signature: Uint8Array): string {
  const lengths = new Uint8Array(9);
  const view = new DataView(lengths.buffer);
  lengths[0] = algorithm & 0xff;
  view.setUint16(1, dnskeyRdata.length);
  view.setUint16(3, signature.length);
  view.setUint32(5, data.length);
  return createHash('sha256').update(lengths).update(dnskeyRdata).update(signature).update(data).digest('base64');
}

/**
 * Verifies a DNSSEC signature over `data` (RFC 5702 for RSA, RFC 6605 for ECDSA with the raw
 * r || s form, RFC 8080 for EdDSA). A malformed signature is a failed verification.
 */
export function verifySignature(algorithm: number, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    switch (algorithm) {
      case 8:
        return verify('sha256', data, key, signature);
      case 10:
        return verify('sha512', data, key, signature);
      case 13:
        return signature.length === 64 && verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
      case 14:
        return signature.length === 96 && verify('sha384', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
      case 15:
      case 16:
        return verify(null, data, key, signature);
      default:
        return false;
    }
  } catch {
    return false;
  }
}
