/**
 * Writes cleartext-signed security.txt files (RFC 4880 §7) and the matching armored public keys,
 * with node:crypto keys: RSA, ECDSA (P-256, P-384, P-521) and Ed25519 (as the legacy EdDSA
 * algorithm 22 that OpenPGP v4 keys use). For test labs and for site owners who want a signed
 * file without a full OpenPGP toolchain; the keys carry no user id or self-signature.
 */
import { constants, createHash, type KeyObject, sign as cryptoSign } from 'node:crypto';
import { armor } from './openpgp-armor.js';
import { curveOid, v4Fingerprint } from './openpgp-keys.js';
import { signedData } from './verify.js';

/** A signing key: the node:crypto key pair and the creation time the OpenPGP key packet carries. */
export interface OpenPgpSigningKey {
  /** The private key (RSA, EC P-256/P-384/P-521 or Ed25519). */
  readonly privateKey: KeyObject;
  /** Its public key. */
  readonly publicKey: KeyObject;
  /** The key's creation time (part of its fingerprint). */
  readonly created: Date;
}

/** The hash a signature uses. */
export type OpenPgpHash = 'sha256' | 'sha384' | 'sha512';

const hashIds: Readonly<Record<OpenPgpHash, number>> = { sha256: 8, sha384: 9, sha512: 10 };

/** A multiprecision integer (RFC 4880 §3.2) from big-endian bytes. */
function mpi(bytes: Uint8Array): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const value = bytes.subarray(start);
  const bits = value.length === 0 ? 0 : (value.length - 1) * 8 + (value[0] ?? 0).toString(2).length;
  return Buffer.concat([Uint8Array.of(bits >> 8, bits & 0xff), value]);
}

const u32 = (value: number): Uint8Array => Uint8Array.of((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);

/** A new-format packet. */
function packet(tag: number, body: Uint8Array): Buffer {
  const length = body.length;
  const header =
    length < 192
      ? Uint8Array.of(0xc0 | tag, length)
      : length < 8384
        ? Uint8Array.of(0xc0 | tag, ((length - 192) >> 8) + 192, (length - 192) & 0xff)
        : Uint8Array.of(0xc0 | tag, 0xff, ...u32(length));
  return Buffer.concat([header, body]);
}

/** The public-key algorithm id and algorithm-specific fields of a node:crypto public key. */
function keyMaterial(publicKey: KeyObject): { readonly algorithm: number; readonly fields: Buffer } {
  const jwk = publicKey.export({ format: 'jwk' });
  const bytes = (value: string | undefined): Buffer => Buffer.from(value ?? '', 'base64url');
  if (jwk.kty === 'RSA') return { algorithm: 1, fields: Buffer.concat([mpi(bytes(jwk.n)), mpi(bytes(jwk.e))]) };
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    const oid = curveOid('Ed25519');
    return {
      algorithm: 22,
      fields: Buffer.concat([Uint8Array.of(oid.length), oid, mpi(Buffer.concat([Uint8Array.of(0x40), bytes(jwk.x)]))]),
    };
  }
  if (jwk.kty === 'EC' && jwk.crv !== undefined) {
    const oid = curveOid(jwk.crv);
    return {
      algorithm: 19,
      fields: Buffer.concat([Uint8Array.of(oid.length), oid, mpi(Buffer.concat([Uint8Array.of(0x04), bytes(jwk.x), bytes(jwk.y)]))]),
    };
  }
  throw new RangeError(`OpenPGP signing supports RSA, EC and Ed25519 keys, not ${String(jwk.kty)} ${String(jwk.crv ?? '')}`);
}

/** The v4 public-key packet body of a signing key. */
function publicKeyBody(key: OpenPgpSigningKey): Buffer {
  const { algorithm, fields } = keyMaterial(key.publicKey);
  return Buffer.concat([Uint8Array.of(4), u32(Math.floor(key.created.getTime() / 1000)), Uint8Array.of(algorithm), fields]);
}

/** The key's v4 fingerprint, lowercase hex. */
export function openPgpFingerprint(key: OpenPgpSigningKey): string {
  return v4Fingerprint(publicKeyBody(key));
}

/** The key as an armored `PGP PUBLIC KEY BLOCK` (one public-key packet). */
export function armoredOpenPgpPublicKey(key: OpenPgpSigningKey): string {
  return armor('PUBLIC KEY BLOCK', packet(6, publicKeyBody(key)));
}

/** Options of {@link clearsignSecurityTxt}. */
export interface ClearsignOptions {
  /** The signature's creation time. */
  readonly signedAt: Date;
  /** The hash; default `sha256`. */
  readonly hash?: OpenPgpHash;
}

/**
 * Signs a text in the OpenPGP cleartext signature framework with a v4 canonical-text signature
 * (type 0x01): lines dash-escaped, trailing whitespace dropped, CRLF line ends hashed.
 *
 * @param text - the security.txt content; a final line break is not part of the signed text
 * @param key - the signing key
 * @param options - the signature time and hash
 * @returns the signed file, ending with a line break
 */
export function clearsignSecurityTxt(text: string, key: OpenPgpSigningKey, options: ClearsignOptions): string {
  const hash = options.hash ?? 'sha256';
  const lines = text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t]+$/, ''));
  const { algorithm } = keyMaterial(key.publicKey);
  const fingerprint = Buffer.from(openPgpFingerprint(key), 'hex');
  const subpacket = (type: number, body: Uint8Array): Buffer => Buffer.concat([Uint8Array.of(body.length + 1, type), body]);
  const hashed = Buffer.concat([
    subpacket(33, Buffer.concat([Uint8Array.of(4), fingerprint])),
    subpacket(2, u32(Math.floor(options.signedAt.getTime() / 1000))),
  ]);
  const unhashed = subpacket(16, fingerprint.subarray(12));
  const hashedPart = Buffer.concat([Uint8Array.of(4, 0x01, algorithm, hashIds[hash], hashed.length >> 8, hashed.length & 0xff), hashed]);
  const data = signedData(Buffer.from(lines.join('\r\n'), 'utf8'), { hashedPart });
  const digest = createHash(hash).update(data).digest();
  let values: Buffer;
  if (algorithm === 1) {
    values = mpi(cryptoSign(hash, data, { key: key.privateKey, padding: constants.RSA_PKCS1_PADDING }));
  } else if (algorithm === 19) {
    const raw = cryptoSign(hash, data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
    values = Buffer.concat([mpi(raw.subarray(0, raw.length / 2)), mpi(raw.subarray(raw.length / 2))]);
  } else {
    const raw = cryptoSign(null, digest, key.privateKey);
    values = Buffer.concat([mpi(raw.subarray(0, 32)), mpi(raw.subarray(32))]);
  }
  const body = Buffer.concat([
    hashedPart,
    Uint8Array.of(unhashed.length >> 8, unhashed.length & 0xff),
    unhashed,
    digest.subarray(0, 2),
    values,
  ]);
  const escaped = lines.map((line) => (line.startsWith('-') ? `- ${line}` : line));
  return [
    '-----BEGIN PGP SIGNED MESSAGE-----',
    `Hash: ${hash.toUpperCase()}`,
    '',
    ...escaped,
    armor('SIGNATURE', packet(2, body)).trimEnd(),
    '',
  ].join('\n');
}
