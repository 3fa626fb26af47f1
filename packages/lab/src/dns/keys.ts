/**
 * DNSSEC keys for the lab signer: generation with node:crypto, the DNSKEY public-key formats
 * (RFC 3110 RSA, RFC 6605 ECDSA, RFC 8080 EdDSA), key tags (RFC 4034 App. B) and DS digests
 * (RFC 4034 §5.1.4, RFC 4509, RFC 6605).
 */
import { type KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { RecordData } from '@pastoe/core';
import { LabDnsError, nameToWire, normalizeName } from './names.js';
import { encodeRdata } from './rdata.js';

const generateKeyPairAsync = promisify(generateKeyPair);

/** What a key does in its zone: key-signing, zone-signing, or both (combined signing key). */
export type DnssecKeyRole = 'ksk' | 'zsk' | 'csk';

/**
 * DNSSEC algorithm numbers the lab can sign with: 5 RSASHA1, 7 RSASHA1-NSEC3-SHA1,
 * 8 RSASHA256, 10 RSASHA512, 13 ECDSAP256SHA256, 14 ECDSAP384SHA384, 15 ED25519, 16 ED448.
 */
export const signingAlgorithms: readonly number[] = [5, 7, 8, 10, 13, 14, 15, 16];

/** A DNSSEC key pair. */
export interface DnssecKey {
  /** The DNSSEC algorithm number. */
  readonly algorithm: number;
  /** The role, which decides the flags and what the key signs. */
  readonly role: DnssecKeyRole;
  /** The DNSKEY flags: 257 (zone key + SEP) for a KSK or CSK, 256 for a ZSK. */
  readonly flags: number;
  /** The DNSKEY public-key field, base64. */
  readonly publicKey: string;
  /** The key tag of the DNSKEY (RFC 4034 App. B). */
  readonly keyTag: number;
  /**
   * The private key. Absent for algorithms node cannot sign with (the lab's "unknown algorithm"
   * keys), whose signatures are random bytes of a plausible length.
   */
  readonly privateKey?: KeyObject;
}

/** Options for {@link generateDnssecKey}. */
export interface GenerateDnssecKeyOptions {
  /** The algorithm number. Numbers outside {@link signingAlgorithms} give a key of random bytes. */
  readonly algorithm: number;
  /** The role; default `csk`. */
  readonly role?: DnssecKeyRole;
  /** RSA modulus size in bits; default 2048 (1024 for the SHA-1 algorithms 5 and 7). */
  readonly rsaBits?: number;
}

function fromJwk(value: string | undefined, what: string): Buffer {
  if (value === undefined) throw new LabDnsError(`key export lacks ${what}`);
  return Buffer.from(value, 'base64url');
}

/** The DNSKEY public-key field for a node public key of the given algorithm. */
function dnskeyPublicKey(algorithm: number, publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  switch (algorithm) {
    case 5:
    case 7:
    case 8:
    case 10: {
      // RFC 3110 §2: exponent length (1 octet, or 0 then 2 octets), exponent, modulus.
      const e = fromJwk(jwk.e, 'e');
      const n = fromJwk(jwk.n, 'n');
      const length = e.length <= 255 ? Buffer.from([e.length]) : Buffer.from([0, e.length >> 8, e.length & 0xff]);
      return Buffer.concat([length, e, n]);
    }
    case 13:
    case 14:
      // RFC 6605 §4: x and y, each padded to the field size (JWK already pads them).
      return Buffer.concat([fromJwk(jwk.x, 'x'), fromJwk(jwk.y, 'y')]);
    case 15:
    case 16:
      return fromJwk(jwk.x, 'x');
    default:
      throw new LabDnsError(`algorithm ${algorithm} has no node key format`);
  }
}

/** The key tag of DNSKEY RDATA (RFC 4034 Appendix B, including the algorithm 1 special case). */
export function computeKeyTag(dnskeyRdata: Uint8Array): number {
  if (dnskeyRdata[3] === 1) {
    // RSA/MD5: the tag is the 16 bits before the last byte of the modulus.
    const n = dnskeyRdata.length;
    return ((dnskeyRdata[n - 3] ?? 0) << 8) | (dnskeyRdata[n - 2] ?? 0);
  }
  let ac = 0;
  for (let i = 0; i < dnskeyRdata.length; i++) {
    ac += i & 1 ? (dnskeyRdata[i] as number) : (dnskeyRdata[i] as number) << 8;
  }
  ac += (ac >>> 16) & 0xffff;
  return ac & 0xffff;
}

/** The DNSKEY record data of a key. */
export function dnskeyData(key: DnssecKey): Extract<RecordData, { type: 'DNSKEY' | 'CDNSKEY' }> {
  return { type: 'DNSKEY', flags: key.flags, protocol: 3, algorithm: key.algorithm, publicKey: key.publicKey };
}

function keyFromParts(algorithm: number, role: DnssecKeyRole, publicKey: Buffer, privateKey: KeyObject | undefined): DnssecKey {
  const flags = role === 'zsk' ? 256 : 257;
  const base64 = publicKey.toString('base64');
  const keyTag = computeKeyTag(encodeRdata({ type: 'DNSKEY', flags, protocol: 3, algorithm, publicKey: base64 }));
  return privateKey === undefined
    ? { algorithm, role, flags, publicKey: base64, keyTag }
    : { algorithm, role, flags, publicKey: base64, keyTag, privateKey };
}

/**
 * Generates a DNSSEC key pair. Asynchronous so that RSA key generation runs on the thread pool
 * and several zones' keys are made in parallel.
 */
export async function generateDnssecKey(options: GenerateDnssecKeyOptions): Promise<DnssecKey> {
  const { algorithm } = options;
  const role = options.role ?? 'csk';
  let pair: { publicKey: KeyObject; privateKey: KeyObject };
  switch (algorithm) {
    case 5:
    case 7:
    case 8:
    case 10: {
      const bits = options.rsaBits ?? (algorithm === 5 || algorithm === 7 ? 1024 : 2048);
      if (bits < 512 || bits > 4096) throw new LabDnsError(`RSA key size ${bits} is outside 512..4096`);
      pair = await generateKeyPairAsync('rsa', { modulusLength: bits, publicExponent: 65537 });
      break;
    }
    case 13:
      pair = await generateKeyPairAsync('ec', { namedCurve: 'P-256' });
      break;
    case 14:
      pair = await generateKeyPairAsync('ec', { namedCurve: 'P-384' });
      break;
    case 15:
      pair = await generateKeyPairAsync('ed25519');
      break;
    case 16:
      pair = await generateKeyPairAsync('ed448');
      break;
    default:
      if (!Number.isInteger(algorithm) || algorithm < 0 || algorithm > 255) throw new LabDnsError(`invalid algorithm ${algorithm}`);
      return keyFromParts(algorithm, role, randomBytes(64), undefined);
  }
  return keyFromParts(algorithm, role, dnskeyPublicKey(algorithm, pair.publicKey), pair.privateKey);
}

/**
 * Builds a DNSSEC key from an existing private key (PEM or a KeyObject), e.g. the lab root's fixed
 * key, so that a trust anchor can stay the same from run to run.
 */
export function dnssecKeyFromPrivateKey(options: { algorithm: number; role: DnssecKeyRole; privateKey: KeyObject | string }): DnssecKey {
  const privateKey = typeof options.privateKey === 'string' ? createPrivateKey(options.privateKey) : options.privateKey;
  return keyFromParts(options.algorithm, options.role, dnskeyPublicKey(options.algorithm, createPublicKey(privateKey)), privateKey);
}

const digestAlgorithms: Readonly<Record<number, string>> = { 1: 'sha1', 2: 'sha256', 4: 'sha384' };

/**
 * The DS record data for a DNSKEY at an owner name: digest over the canonical owner name and the
 * DNSKEY RDATA. Digest types 1 (SHA-1), 2 (SHA-256) and 4 (SHA-384).
 */
export function computeDs(
  owner: string,
  dnskey: Extract<RecordData, { type: 'DNSKEY' | 'CDNSKEY' }>,
  digestType: number,
): Extract<RecordData, { type: 'DS' | 'CDS' }> {
  const hash = digestAlgorithms[digestType];
  if (hash === undefined) throw new LabDnsError(`unsupported DS digest type ${digestType}`);
  const rdata = encodeRdata(dnskey);
  const digest = createHash(hash)
    .update(nameToWire(normalizeName(owner), true))
    .update(rdata)
    .digest('hex');
  return { type: 'DS', keyTag: computeKeyTag(rdata), algorithm: dnskey.algorithm, digestType, digest };
}

/** The hash node uses for an algorithm's signatures, or `null` for EdDSA (no separate hash). */
export function signatureHash(algorithm: number): string | null {
  switch (algorithm) {
    case 5:
    case 7:
      return 'sha1';
    case 8:
    case 13:
      return 'sha256';
    case 14:
      return 'sha384';
    case 10:
      return 'sha512';
    case 15:
    case 16:
      return null;
    default:
      throw new LabDnsError(`algorithm ${algorithm} cannot sign`);
  }
}

/** The signature length for the lab's fake algorithms: long enough to look like a real one. */
export const fakeSignatureLength = 64;
