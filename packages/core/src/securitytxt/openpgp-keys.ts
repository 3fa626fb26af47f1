/**
 * OpenPGP v4 public keys as node:crypto keys and back: the curve OIDs, fingerprints and key ids,
 * and JWK conversion. Used by the security.txt signature verifier and signer (I/O-free, but
 * node:crypto, so outside `@pastoe/core/model`).
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { OpenPgpPublicKey } from './openpgp-packets.js';

/** The curves pastoe reads, by their OID's DER contents in hex: JWK curve name and coordinate size. */
const openPgpCurves: Readonly<Record<string, { readonly name: 'P-256' | 'P-384' | 'P-521' | 'Ed25519'; readonly size: number }>> = {
  '2a8648ce3d030107': { name: 'P-256', size: 32 },
  '2b81040022': { name: 'P-384', size: 48 },
  '2b81040023': { name: 'P-521', size: 66 },
  '2b06010401da470f01': { name: 'Ed25519', size: 32 },
};

/** The OID bytes of a curve name. */
export function curveOid(name: string): Uint8Array {
  const entry = Object.entries(openPgpCurves).find(([, curve]) => curve.name === name);
  if (entry === undefined) throw new RangeError(`no OpenPGP OID for curve ${name}`);
  return Buffer.from(entry[0], 'hex');
}

/** The v4 fingerprint (RFC 4880 §12.2): SHA-1 over 0x99, the two-octet length and the key packet body; lowercase hex. */
export function v4Fingerprint(body: Uint8Array): string {
  return createHash('sha1')
    .update(Uint8Array.of(0x99, body.length >> 8, body.length & 0xff))
    .update(body)
    .digest('hex');
}

function stripZeros(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytes.subarray(start);
}

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** Left-pads big-endian bytes to `size` (an MPI drops leading zeros). */
export function padTo(bytes: Uint8Array, size: number): Uint8Array {
  if (bytes.length >= size) return bytes;
  const out = new Uint8Array(size);
  out.set(bytes, size - bytes.length);
  return out;
}

/** A v4 OpenPGP public key as a node:crypto key; `undefined` for an algorithm or curve pastoe does not verify with. */
export function toKeyObject(key: OpenPgpPublicKey): { readonly key: KeyObject; readonly size: number } | undefined {
  try {
    if (key.rsa !== undefined) {
      const n = stripZeros(key.rsa.n);
      return {
        key: createPublicKey({ key: { kty: 'RSA', n: b64url(n), e: b64url(stripZeros(key.rsa.e)) }, format: 'jwk' }),
        size: n.length,
      };
    }
    if (key.ed25519 !== undefined) {
      return { key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(key.ed25519) }, format: 'jwk' }), size: 32 };
    }
    if (key.ec !== undefined) {
      const curve = openPgpCurves[Buffer.from(key.ec.oid).toString('hex')];
      if (curve === undefined) return undefined;
      const { point } = key.ec;
      if (curve.name === 'Ed25519') {
        if (key.algorithm !== 22 || point.length !== 33 || point[0] !== 0x40) return undefined;
        return { key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(point.subarray(1)) }, format: 'jwk' }), size: 32 };
      }
      if (key.algorithm !== 19 || point.length !== 1 + 2 * curve.size || point[0] !== 0x04) return undefined;
      const x = b64url(point.subarray(1, 1 + curve.size));
      const y = b64url(point.subarray(1 + curve.size));
      return { key: createPublicKey({ key: { kty: 'EC', crv: curve.name, x, y }, format: 'jwk' }), size: curve.size };
    }
  } catch {
    // A point off the curve or a malformed modulus: not a key to verify with.
  }
  return undefined;
}
