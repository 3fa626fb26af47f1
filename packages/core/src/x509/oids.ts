/**
 * Object identifiers pastoe needs to classify certificates: signature algorithms (with the hash
 * they use), public-key algorithms, named curves and a few extensions. Frozen data.
 */

/** A hash function, by the names the NCSC tables use. `intrinsic`: EdDSA, whose hash is part of the scheme. */
export type HashName = 'md2' | 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'intrinsic' | 'unknown';

/** A certificate signature algorithm: its name and family. */
export interface SignatureAlgorithmOid {
  /** The conventional name, e.g. `sha256WithRSAEncryption`. */
  readonly name: string;
  /** The signature family. */
  readonly family: 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa' | 'dsa' | 'eddsa';
  /** The hash; for RSASSA-PSS it comes from the parameters instead. */
  readonly hash: HashName;
}

/** Certificate signature algorithms by OID (RFC 3279, 4055, 5758, 8410). */
export const signatureAlgorithmOids: Readonly<Record<string, SignatureAlgorithmOid>> = Object.freeze({
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', family: 'rsa-pkcs1', hash: 'md2' },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', family: 'rsa-pkcs1', hash: 'md5' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', family: 'rsa-pkcs1', hash: 'sha1' },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', family: 'rsa-pkcs1', hash: 'sha224' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', family: 'rsa-pkcs1', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', family: 'rsa-pkcs1', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', family: 'rsa-pkcs1', hash: 'sha512' },
  '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS', family: 'rsa-pss', hash: 'unknown' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', family: 'ecdsa', hash: 'sha1' },
  '1.2.840.10045.4.3.1': { name: 'ecdsa-with-SHA224', family: 'ecdsa', hash: 'sha224' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', family: 'ecdsa', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', family: 'ecdsa', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', family: 'ecdsa', hash: 'sha512' },
  '1.2.840.10040.4.3': { name: 'dsa-with-sha1', family: 'dsa', hash: 'sha1' },
  '2.16.840.1.101.3.4.3.1': { name: 'dsa-with-sha224', family: 'dsa', hash: 'sha224' },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa-with-sha256', family: 'dsa', hash: 'sha256' },
  '1.3.101.112': { name: 'Ed25519', family: 'eddsa', hash: 'intrinsic' },
  '1.3.101.113': { name: 'Ed448', family: 'eddsa', hash: 'intrinsic' },
});

/** Hash algorithm OIDs, as they appear in RSASSA-PSS parameters and OCSP CertIDs. */
export const hashOids: Readonly<Record<string, HashName>> = Object.freeze({
  '1.2.840.113549.2.2': 'md2',
  '1.2.840.113549.2.5': 'md5',
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
});

/** The certificate public-key types pastoe tells apart. */
export type PublicKeyType = 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | 'ed448' | 'dsa' | 'x25519' | 'x448' | 'unknown';

/** Public-key algorithm OIDs in SubjectPublicKeyInfo. */
export const publicKeyOids: Readonly<Record<string, PublicKeyType>> = Object.freeze({
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.10': 'rsa-pss',
  '1.2.840.10045.2.1': 'ec',
  '1.3.101.112': 'ed25519',
  '1.3.101.113': 'ed448',
  '1.3.101.110': 'x25519',
  '1.3.101.111': 'x448',
  '1.2.840.10040.4.1': 'dsa',
});

/** Named curves by OID, with the TLS / SEC 2 name pastoe reports and their size in bits. */
export const curveOids: Readonly<Record<string, { readonly name: string; readonly bits: number }>> = Object.freeze({
  '1.2.840.10045.3.1.1': { name: 'secp192r1', bits: 192 },
  '1.3.132.0.33': { name: 'secp224r1', bits: 224 },
  '1.2.840.10045.3.1.7': { name: 'secp256r1', bits: 256 },
  '1.3.132.0.34': { name: 'secp384r1', bits: 384 },
  '1.3.132.0.35': { name: 'secp521r1', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.7': { name: 'brainpoolP256r1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.11': { name: 'brainpoolP384r1', bits: 384 },
  '1.3.36.3.3.2.8.1.1.13': { name: 'brainpoolP512r1', bits: 512 },
  '1.3.132.0.1': { name: 'sect163k1', bits: 163 },
  '1.3.132.0.38': { name: 'sect571k1', bits: 571 },
  '1.3.132.0.39': { name: 'sect571r1', bits: 571 },
});

/** Extension and access-method OIDs. */
export const extensionOids = Object.freeze({
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  accessCaIssuers: '1.3.6.1.5.5.7.48.2',
  ekuOcspSigning: '1.3.6.1.5.5.7.3.9',
  ekuServerAuth: '1.3.6.1.5.5.7.3.1',
  mgf1: '1.2.840.113549.1.1.8',
});

/** Short names of the attribute types in distinguished names. */
export const attributeNames: Readonly<Record<string, string>> = Object.freeze({
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
});
