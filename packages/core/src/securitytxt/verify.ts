/**
 * Verifies the OpenPGP cleartext signature of a security.txt file (RFC 4880 §5.2.4, §7) against a
 * public key the user gives: v4 signatures over canonical text with SHA-256/384/512, by RSA,
 * ECDSA (P-256, P-384, P-521) or EdDSA Ed25519 (legacy algorithm 22 and RFC 9580's 27) keys. It
 * does no I/O but uses node:crypto, so it lives outside `@pastoe/core/model`; the probe records its
 * result as evidence. Key expiry, revocation and usage flags are not judged.
 */
import { createHash, verify as cryptoVerify, constants } from 'node:crypto';
import { dearmor, decodeBase64 } from './openpgp-armor.js';
import { toKeyObject, padTo, v4Fingerprint } from './openpgp-keys.js';
import { OpenPgpFormatError, type OpenPgpSignature, packetTags, readPackets, readPublicKey, readSignature } from './openpgp-packets.js';
import type { SecurityTxt } from './parse.js';
import type { SecurityTxtSignatureVerification } from './verification.js';

const hashNames: Readonly<Record<number, string>> = { 8: 'sha256', 9: 'sha384', 10: 'sha512' };

/** The bytes a v4 signature's hash covers for a document: the data, the hashed part and the v4 trailer. */
export function signedData(document: Uint8Array, signature: Pick<OpenPgpSignature, 'hashedPart'>): Uint8Array {
  const length = signature.hashedPart.length;
  const trailer = Uint8Array.of(0x04, 0xff, (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
  return Buffer.concat([document, signature.hashedPart, trailer]);
}

function verifyWith(signature: OpenPgpSignature, data: Uint8Array, digest: Uint8Array, candidate: ReturnType<typeof toKeyObject>): boolean {
  if (candidate === undefined) return false;
  const { key, size } = candidate;
  const hash = hashNames[signature.hashAlgorithm] ?? 'sha256';
  const [first = new Uint8Array(), second = new Uint8Array()] = signature.values;
  try {
    switch (signature.publicKeyAlgorithm) {
      case 1:
      case 3:
        return cryptoVerify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, padTo(first, size));
      case 19:
        return cryptoVerify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, Buffer.concat([padTo(first, size), padTo(second, size)]));
      case 22:
        // EdDSA signs the hash value itself (RFC 4880bis / RFC 9580 §5.2.3.3).
        return cryptoVerify(null, digest, key, Buffer.concat([padTo(first, 32), padTo(second, 32)]));
      case 27:
        return cryptoVerify(null, digest, key, first);
      default:
        return false;
    }
  } catch {
    return false;
  }
}

/**
 * Verifies a parsed security.txt's cleartext signature with an armored OpenPGP public key block
 * (primary key and subkeys are tried, the issuer's first).
 *
 * @param parsed - the result of `parseSecurityTxt`
 * @param armoredPublicKey - `-----BEGIN PGP PUBLIC KEY BLOCK-----` …
 * @returns the outcome, never throws for bad input
 */
export function verifySecurityTxtSignature(parsed: SecurityTxt, armoredPublicKey: string): SecurityTxtSignatureVerification {
  const packetsBase64 = parsed.signature?.packetsBase64;
  if (parsed.signature === undefined || packetsBase64 === undefined) {
    return { status: 'no-signature', message: parsed.signed ? 'the signature block did not decode' : 'the file is not signed' };
  }
  let signature: OpenPgpSignature;
  try {
    const packet = readPackets(decodeBase64(packetsBase64) ?? new Uint8Array()).find((p) => p.tag === packetTags.signature);
    const reading = packet === undefined ? undefined : readSignature(packet.body);
    if (reading === undefined) return { status: 'no-signature', message: 'the signature block holds no signature packet' };
    if (reading.kind !== 'v4') return { status: 'unsupported', message: `signature version ${reading.version} is not verified` };
    signature = reading.signature;
  } catch (error) {
    if (error instanceof OpenPgpFormatError) return { status: 'no-signature', message: error.message };
    throw error;
  }
  const issuer = signature.issuerFingerprint ?? signature.issuerKeyId;
  const hash = hashNames[signature.hashAlgorithm];
  const about = {
    ...(issuer === undefined ? {} : { issuer }),
    ...(hash === undefined ? {} : { hash }),
    ...(signature.created === undefined ? {} : { signedAt: new Date(signature.created * 1000).toISOString() }),
  };
  if (signature.type !== 0x00 && signature.type !== 0x01) {
    return { status: 'unsupported', message: `signature type 0x${signature.type.toString(16)} is not a document signature`, ...about };
  }
  if (hash === undefined) return { status: 'unsupported', message: `hash algorithm ${signature.hashAlgorithm} is not verified`, ...about };

  const keyBlock = dearmor(armoredPublicKey, 'PUBLIC KEY BLOCK');
  if (!keyBlock.ok) return { status: 'bad-key', message: `the public key block did not decode (${keyBlock.problem})`, ...about };
  let keys: { readonly fingerprint: string; readonly key: NonNullable<ReturnType<typeof readPublicKey>> }[];
  try {
    keys = readPackets(keyBlock.block.data)
      .filter((packet) => packet.tag === packetTags.publicKey || packet.tag === packetTags.publicSubkey)
      .flatMap((packet) => {
        const key = readPublicKey(packet.body);
        return key === undefined ? [] : [{ fingerprint: v4Fingerprint(packet.body), key }];
      });
  } catch (error) {
    if (error instanceof OpenPgpFormatError) return { status: 'bad-key', message: `the public key block: ${error.message}`, ...about };
    throw error;
  }
  if (keys.length === 0) return { status: 'bad-key', message: 'the block holds no version 4 public key', ...about };
  const isIssuer = (fingerprint: string): boolean => issuer === undefined || fingerprint.endsWith(issuer);
  const candidates = keys.filter(({ fingerprint }) => isIssuer(fingerprint));
  if (candidates.length === 0) return { status: 'unknown-key', message: `no key in the block is the issuer ${issuer ?? ''}`, ...about };

  const data = signedData(new TextEncoder().encode(parsed.signature.signedText), signature);
  const digest = createHash(hash).update(data).digest();
  const prefixMatches = digest[0] === signature.hashPrefix[0] && digest[1] === signature.hashPrefix[1];
  let tried: string | undefined;
  for (const { fingerprint, key } of candidates) {
    if (key.algorithm !== signature.publicKeyAlgorithm && !(key.algorithm === 3 && signature.publicKeyAlgorithm === 1)) continue;
    const object = toKeyObject(key);
    if (object === undefined) continue;
    tried = fingerprint;
    if (prefixMatches && verifyWith(signature, data, digest, object)) {
      return { status: 'valid', message: 'the signature verifies with the given key', keyFingerprint: fingerprint, ...about };
    }
  }
  if (tried !== undefined) {
    return { status: 'invalid', message: 'the signature does not verify with the given key', keyFingerprint: tried, ...about };
  }
  return { status: 'unsupported', message: `no key in the block can verify algorithm ${signature.publicKeyAlgorithm}`, ...about };
}
