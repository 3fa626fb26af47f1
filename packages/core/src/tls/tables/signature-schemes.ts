import type { HashName } from '../../x509/oids.js';
import { frozenMap } from './frozen.js';
import type { NcscLevel } from './levels.js';

/** The signature algorithm family of a TLS SignatureScheme. */
export type SchemeSignature = 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa' | 'dsa' | 'eddsa' | 'ml-dsa' | 'gost';

/** One TLS SignatureScheme (RFC 8446 4.2.3; TLS 1.2 SignatureAndHashAlgorithm pairs included). */
export interface SignatureSchemeInfo {
  /** The code (two bytes as a number, e.g. `0x0804`). */
  readonly code: number;
  /** The IANA name. */
  readonly name: string;
  /** The signature family. */
  readonly signature: SchemeSignature;
  /** The hash (`intrinsic` for EdDSA and ML-DSA). */
  readonly hash: HashName;
  /**
   * The NCSC 3.3.5 level of the hash for the key exchange (Internet.nl `kex_hash_func`):
   * SHA-256/384/512 good, SHA-224 phase-out, SHA-1 and MD5 insufficient.
   */
  readonly kexHashLevel: NcscLevel;
}

const levelOfHash = (hash: HashName): NcscLevel =>
  hash === 'sha224' ? 'phase-out' : hash === 'sha1' || hash === 'md5' || hash === 'unknown' ? 'insufficient' : 'good';

const scheme = (code: number, name: string, signature: SchemeSignature, hash: HashName): SignatureSchemeInfo =>
  Object.freeze({ code, name, signature, hash, kexHashLevel: levelOfHash(hash) });

/** Every signature scheme pastoe classifies, by code. Read-only. */
export const signatureSchemes: ReadonlyMap<number, SignatureSchemeInfo> = frozenMap(
  [
    scheme(0x0101, 'rsa_pkcs1_md5', 'rsa-pkcs1', 'md5'),
    scheme(0x0102, 'dsa_md5', 'dsa', 'md5'),
    scheme(0x0103, 'ecdsa_md5', 'ecdsa', 'md5'),
    scheme(0x0201, 'rsa_pkcs1_sha1', 'rsa-pkcs1', 'sha1'),
    scheme(0x0202, 'dsa_sha1', 'dsa', 'sha1'),
    scheme(0x0203, 'ecdsa_sha1', 'ecdsa', 'sha1'),
    scheme(0x0301, 'rsa_pkcs1_sha224', 'rsa-pkcs1', 'sha224'),
    scheme(0x0302, 'dsa_sha224', 'dsa', 'sha224'),
    scheme(0x0303, 'ecdsa_sha224', 'ecdsa', 'sha224'),
    scheme(0x0401, 'rsa_pkcs1_sha256', 'rsa-pkcs1', 'sha256'),
    scheme(0x0402, 'dsa_sha256', 'dsa', 'sha256'),
    scheme(0x0403, 'ecdsa_secp256r1_sha256', 'ecdsa', 'sha256'),
    scheme(0x0501, 'rsa_pkcs1_sha384', 'rsa-pkcs1', 'sha384'),
    scheme(0x0502, 'dsa_sha384', 'dsa', 'sha384'),
    scheme(0x0503, 'ecdsa_secp384r1_sha384', 'ecdsa', 'sha384'),
    scheme(0x0601, 'rsa_pkcs1_sha512', 'rsa-pkcs1', 'sha512'),
    scheme(0x0602, 'dsa_sha512', 'dsa', 'sha512'),
    scheme(0x0603, 'ecdsa_secp521r1_sha512', 'ecdsa', 'sha512'),
    scheme(0x0804, 'rsa_pss_rsae_sha256', 'rsa-pss', 'sha256'),
    scheme(0x0805, 'rsa_pss_rsae_sha384', 'rsa-pss', 'sha384'),
    scheme(0x0806, 'rsa_pss_rsae_sha512', 'rsa-pss', 'sha512'),
    scheme(0x0807, 'ed25519', 'eddsa', 'intrinsic'),
    scheme(0x0808, 'ed448', 'eddsa', 'intrinsic'),
    scheme(0x0809, 'rsa_pss_pss_sha256', 'rsa-pss', 'sha256'),
    scheme(0x080a, 'rsa_pss_pss_sha384', 'rsa-pss', 'sha384'),
    scheme(0x080b, 'rsa_pss_pss_sha512', 'rsa-pss', 'sha512'),
    scheme(0x081a, 'ecdsa_brainpoolP256r1tls13_sha256', 'ecdsa', 'sha256'),
    scheme(0x081b, 'ecdsa_brainpoolP384r1tls13_sha384', 'ecdsa', 'sha384'),
    scheme(0x081c, 'ecdsa_brainpoolP512r1tls13_sha512', 'ecdsa', 'sha512'),
    scheme(0x0904, 'mldsa44', 'ml-dsa', 'intrinsic'),
    scheme(0x0905, 'mldsa65', 'ml-dsa', 'intrinsic'),
    scheme(0x0906, 'mldsa87', 'ml-dsa', 'intrinsic'),
  ].map((info) => [info.code, info] as const),
);

/** A scheme's classification; unknown codes get hash `unknown` and level insufficient. */
export function signatureScheme(code: number): SignatureSchemeInfo {
  return signatureSchemes.get(code) ?? scheme(code, `scheme-0x${code.toString(16).padStart(4, '0')}`, 'rsa-pkcs1', 'unknown');
}
