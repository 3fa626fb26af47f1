/**
 * TLS wire numbers the lab's servers need (RFC 5246, RFC 8446 and the IANA TLS registries): the
 * protocol versions, a table of cipher suites with their IANA and OpenSSL names, named groups,
 * signature schemes and alerts. The lab keeps its own copy so that it tests the scanner against
 * the registries rather than against the scanner's own tables.
 */

/** A protocol version, by the names pastoe's TLS evidence uses. */
export type LabTlsVersion = 'SSLv3' | 'TLSv1.0' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** The wire code of each version. */
export const tlsVersionCodes: Readonly<Record<LabTlsVersion, number>> = Object.freeze({
  SSLv3: 0x0300,
  'TLSv1.0': 0x0301,
  'TLSv1.1': 0x0302,
  'TLSv1.2': 0x0303,
  'TLSv1.3': 0x0304,
});

/** Every version the lab can speak or script, oldest first. */
export const labTlsVersions: readonly LabTlsVersion[] = Object.freeze(['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);

/** The version a wire code stands for, if the lab knows it. */
export function tlsVersionFromCode(code: number): LabTlsVersion | undefined {
  return labTlsVersions.find((version) => tlsVersionCodes[version] === code);
}

/** How a suite exchanges keys, which decides the messages a server sends after its ServerHello. */
export type SuiteKeyExchange = 'tls13' | 'ecdhe' | 'dhe' | 'rsa';

/** How a suite authenticates the server, which decides the certificate it needs. */
export type SuiteAuthentication = 'rsa' | 'ecdsa' | 'anon' | 'none';

/** One cipher suite. */
export interface CipherSuiteInfo {
  /** The IANA code. */
  readonly code: number;
  /** The IANA name (old draft ChaCha20 suites, which have none, end in `_OLD`). */
  readonly name: string;
  /** The OpenSSL name, when OpenSSL 3 implements the suite. */
  readonly openssl?: string;
  /** The key exchange. */
  readonly keyExchange: SuiteKeyExchange;
  /** The server authentication (`none` for TLS 1.3 suites, where the certificate is separate). */
  readonly authentication: SuiteAuthentication;
  /** True for suites only TLS 1.2 may negotiate (AEAD or SHA-2 MACs), as OpenSSL treats them. */
  readonly tls12Only: boolean;
}

const suiteRows: readonly (readonly [number, string, string?])[] = [
  [0x0001, 'TLS_RSA_WITH_NULL_MD5', 'NULL-MD5'],
  [0x0002, 'TLS_RSA_WITH_NULL_SHA', 'NULL-SHA'],
  [0x0003, 'TLS_RSA_EXPORT_WITH_RC4_40_MD5'],
  [0x0004, 'TLS_RSA_WITH_RC4_128_MD5'],
  [0x0005, 'TLS_RSA_WITH_RC4_128_SHA'],
  [0x0006, 'TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5'],
  [0x0007, 'TLS_RSA_WITH_IDEA_CBC_SHA'],
  [0x0008, 'TLS_RSA_EXPORT_WITH_DES40_CBC_SHA'],
  [0x0009, 'TLS_RSA_WITH_DES_CBC_SHA'],
  [0x000a, 'TLS_RSA_WITH_3DES_EDE_CBC_SHA'],
  [0x0014, 'TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA'],
  [0x0015, 'TLS_DHE_RSA_WITH_DES_CBC_SHA'],
  [0x0016, 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA'],
  [0x0018, 'TLS_DH_anon_WITH_RC4_128_MD5'],
  [0x001b, 'TLS_DH_anon_WITH_3DES_EDE_CBC_SHA'],
  [0x002f, 'TLS_RSA_WITH_AES_128_CBC_SHA', 'AES128-SHA'],
  [0x0033, 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 'DHE-RSA-AES128-SHA'],
  [0x0034, 'TLS_DH_anon_WITH_AES_128_CBC_SHA', 'ADH-AES128-SHA'],
  [0x0035, 'TLS_RSA_WITH_AES_256_CBC_SHA', 'AES256-SHA'],
  [0x0039, 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA', 'DHE-RSA-AES256-SHA'],
  [0x003a, 'TLS_DH_anon_WITH_AES_256_CBC_SHA', 'ADH-AES256-SHA'],
  [0x003b, 'TLS_RSA_WITH_NULL_SHA256', 'NULL-SHA256'],
  [0x003c, 'TLS_RSA_WITH_AES_128_CBC_SHA256', 'AES128-SHA256'],
  [0x003d, 'TLS_RSA_WITH_AES_256_CBC_SHA256', 'AES256-SHA256'],
  [0x0041, 'TLS_RSA_WITH_CAMELLIA_128_CBC_SHA', 'CAMELLIA128-SHA'],
  [0x0045, 'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA', 'DHE-RSA-CAMELLIA128-SHA'],
  [0x0046, 'TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA', 'ADH-CAMELLIA128-SHA'],
  [0x0067, 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256', 'DHE-RSA-AES128-SHA256'],
  [0x006b, 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256', 'DHE-RSA-AES256-SHA256'],
  [0x006c, 'TLS_DH_anon_WITH_AES_128_CBC_SHA256', 'ADH-AES128-SHA256'],
  [0x006d, 'TLS_DH_anon_WITH_AES_256_CBC_SHA256', 'ADH-AES256-SHA256'],
  [0x0084, 'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA', 'CAMELLIA256-SHA'],
  [0x0088, 'TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA', 'DHE-RSA-CAMELLIA256-SHA'],
  [0x0089, 'TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA', 'ADH-CAMELLIA256-SHA'],
  [0x0096, 'TLS_RSA_WITH_SEED_CBC_SHA'],
  [0x009c, 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'AES128-GCM-SHA256'],
  [0x009d, 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'AES256-GCM-SHA384'],
  [0x009e, 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', 'DHE-RSA-AES128-GCM-SHA256'],
  [0x009f, 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'DHE-RSA-AES256-GCM-SHA384'],
  [0x00a6, 'TLS_DH_anon_WITH_AES_128_GCM_SHA256', 'ADH-AES128-GCM-SHA256'],
  [0x00a7, 'TLS_DH_anon_WITH_AES_256_GCM_SHA384', 'ADH-AES256-GCM-SHA384'],
  [0x00ba, 'TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256', 'CAMELLIA128-SHA256'],
  [0x00be, 'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256', 'DHE-RSA-CAMELLIA128-SHA256'],
  [0x00bf, 'TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256', 'ADH-CAMELLIA128-SHA256'],
  [0x00c0, 'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256', 'CAMELLIA256-SHA256'],
  [0x00c4, 'TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256', 'DHE-RSA-CAMELLIA256-SHA256'],
  [0x00c5, 'TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256', 'ADH-CAMELLIA256-SHA256'],
  [0x1301, 'TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256'],
  [0x1302, 'TLS_AES_256_GCM_SHA384', 'TLS_AES_256_GCM_SHA384'],
  [0x1303, 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_CHACHA20_POLY1305_SHA256'],
  [0x1304, 'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_SHA256'],
  [0x1305, 'TLS_AES_128_CCM_8_SHA256', 'TLS_AES_128_CCM_8_SHA256'],
  [0xc006, 'TLS_ECDHE_ECDSA_WITH_NULL_SHA', 'ECDHE-ECDSA-NULL-SHA'],
  [0xc007, 'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA'],
  [0xc008, 'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA'],
  [0xc009, 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'ECDHE-ECDSA-AES128-SHA'],
  [0xc00a, 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'ECDHE-ECDSA-AES256-SHA'],
  [0xc010, 'TLS_ECDHE_RSA_WITH_NULL_SHA', 'ECDHE-RSA-NULL-SHA'],
  [0xc011, 'TLS_ECDHE_RSA_WITH_RC4_128_SHA'],
  [0xc012, 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA'],
  [0xc013, 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'ECDHE-RSA-AES128-SHA'],
  [0xc014, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'ECDHE-RSA-AES256-SHA'],
  [0xc015, 'TLS_ECDH_anon_WITH_NULL_SHA', 'AECDH-NULL-SHA'],
  [0xc018, 'TLS_ECDH_anon_WITH_AES_128_CBC_SHA', 'AECDH-AES128-SHA'],
  [0xc019, 'TLS_ECDH_anon_WITH_AES_256_CBC_SHA', 'AECDH-AES256-SHA'],
  [0xc023, 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'ECDHE-ECDSA-AES128-SHA256'],
  [0xc024, 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 'ECDHE-ECDSA-AES256-SHA384'],
  [0xc027, 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'ECDHE-RSA-AES128-SHA256'],
  [0xc028, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'ECDHE-RSA-AES256-SHA384'],
  [0xc02b, 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256'],
  [0xc02c, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'ECDHE-ECDSA-AES256-GCM-SHA384'],
  [0xc02f, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256'],
  [0xc030, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'ECDHE-RSA-AES256-GCM-SHA384'],
  [0xc044, 'TLS_DHE_RSA_WITH_ARIA_128_CBC_SHA256'],
  [0xc045, 'TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384'],
  [0xc048, 'TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256'],
  [0xc049, 'TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384'],
  [0xc04c, 'TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256'],
  [0xc04d, 'TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384'],
  [0xc050, 'TLS_RSA_WITH_ARIA_128_GCM_SHA256', 'ARIA128-GCM-SHA256'],
  [0xc051, 'TLS_RSA_WITH_ARIA_256_GCM_SHA384', 'ARIA256-GCM-SHA384'],
  [0xc052, 'TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256', 'DHE-RSA-ARIA128-GCM-SHA256'],
  [0xc053, 'TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384', 'DHE-RSA-ARIA256-GCM-SHA384'],
  [0xc05c, 'TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256', 'ECDHE-ECDSA-ARIA128-GCM-SHA256'],
  [0xc05d, 'TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384', 'ECDHE-ECDSA-ARIA256-GCM-SHA384'],
  [0xc060, 'TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256', 'ECDHE-ARIA128-GCM-SHA256'],
  [0xc061, 'TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384', 'ECDHE-ARIA256-GCM-SHA384'],
  [0xc072, 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256', 'ECDHE-ECDSA-CAMELLIA128-SHA256'],
  [0xc073, 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384', 'ECDHE-ECDSA-CAMELLIA256-SHA384'],
  [0xc076, 'TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256', 'ECDHE-RSA-CAMELLIA128-SHA256'],
  [0xc077, 'TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384', 'ECDHE-RSA-CAMELLIA256-SHA384'],
  [0xc07c, 'TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256'],
  [0xc07d, 'TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384'],
  [0xc086, 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256'],
  [0xc087, 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384'],
  [0xc08a, 'TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256'],
  [0xc08b, 'TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384'],
  [0xc09c, 'TLS_RSA_WITH_AES_128_CCM', 'AES128-CCM'],
  [0xc09d, 'TLS_RSA_WITH_AES_256_CCM', 'AES256-CCM'],
  [0xc09e, 'TLS_DHE_RSA_WITH_AES_128_CCM', 'DHE-RSA-AES128-CCM'],
  [0xc09f, 'TLS_DHE_RSA_WITH_AES_256_CCM', 'DHE-RSA-AES256-CCM'],
  [0xc0a0, 'TLS_RSA_WITH_AES_128_CCM_8', 'AES128-CCM8'],
  [0xc0a1, 'TLS_RSA_WITH_AES_256_CCM_8', 'AES256-CCM8'],
  [0xc0a2, 'TLS_DHE_RSA_WITH_AES_128_CCM_8', 'DHE-RSA-AES128-CCM8'],
  [0xc0a3, 'TLS_DHE_RSA_WITH_AES_256_CCM_8', 'DHE-RSA-AES256-CCM8'],
  [0xc0ac, 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM', 'ECDHE-ECDSA-AES128-CCM'],
  [0xc0ad, 'TLS_ECDHE_ECDSA_WITH_AES_256_CCM', 'ECDHE-ECDSA-AES256-CCM'],
  [0xc0ae, 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8', 'ECDHE-ECDSA-AES128-CCM8'],
  [0xc0af, 'TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8', 'ECDHE-ECDSA-AES256-CCM8'],
  [0xcc13, 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD'],
  [0xcc14, 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256_OLD'],
  [0xcc15, 'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD'],
  [0xcca8, 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'ECDHE-RSA-CHACHA20-POLY1305'],
  [0xcca9, 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'ECDHE-ECDSA-CHACHA20-POLY1305'],
  [0xccaa, 'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'DHE-RSA-CHACHA20-POLY1305'],
];

function describeSuite([code, name, openssl]: readonly [number, string, string?]): CipherSuiteInfo {
  const tls13 = /^TLS_(AES|CHACHA20)_/.test(name);
  const keyExchange: SuiteKeyExchange = tls13 ? 'tls13' : /^TLS_ECDHE?_/.test(name) ? 'ecdhe' : /^TLS_DHE?_/.test(name) ? 'dhe' : 'rsa';
  const authentication: SuiteAuthentication = tls13
    ? 'none'
    : /_anon_/.test(name)
      ? 'anon'
      : /^TLS_ECDHE_ECDSA_/.test(name)
        ? 'ecdsa'
        : 'rsa';
  const tls12Only = !tls13 && /(_GCM_|_CCM|CHACHA20|_SHA256$|_SHA384$|_SHA256_OLD$)/.test(name);
  return { code, name, ...(openssl === undefined ? {} : { openssl }), keyExchange, authentication, tls12Only };
}

/** The suites the lab knows, by IANA code. */
export const cipherSuites: ReadonlyMap<number, CipherSuiteInfo> = new Map(suiteRows.map((row) => [row[0], describeSuite(row)]));

/** The suite with this code; unknown codes count as RSA key exchange (no ServerKeyExchange) with RSA authentication. */
export function cipherSuite(code: number): CipherSuiteInfo {
  return (
    cipherSuites.get(code) ?? {
      code,
      name: `0x${code.toString(16).padStart(4, '0')}`,
      keyExchange: 'rsa',
      authentication: 'rsa',
      tls12Only: false,
    }
  );
}

/** The IANA code of a suite given by its IANA or OpenSSL name. */
export function suiteCode(name: string): number {
  for (const suite of cipherSuites.values()) if (suite.name === name || suite.openssl === name) return suite.code;
  throw new Error(`unknown cipher suite ${name}`);
}

/** Signalling suite values: a client that supports secure renegotiation, and one that fell back to a lower version. */
export const signallingSuites = Object.freeze({ emptyRenegotiationInfo: 0x00ff, fallback: 0x5600 });

/** A named group: its IANA code, name, and how the lab makes a key share for it. */
export interface NamedGroupInfo {
  /** The IANA code. */
  readonly code: number;
  /** The IANA name. */
  readonly name: string;
  /** The OpenSSL name node takes in `ecdhCurve`, for the groups node:tls servers can use. */
  readonly openssl?: string;
  /** How the lab makes a public key for it: an ECDH curve, an X25519/X448 key, an FFDHE prime size, or random bytes of a length. */
  readonly share:
    | { readonly kind: 'ecdh'; readonly curve: string }
    | { readonly kind: 'x'; readonly type: 'x25519' | 'x448' }
    | { readonly kind: 'ffdhe'; readonly bits: 2048 | 3072 | 4096 | 6144 | 8192 }
    | { readonly kind: 'opaque'; readonly length: number };
}

const ecdh = (curve: string): NamedGroupInfo['share'] => ({ kind: 'ecdh', curve });

/** The named groups the lab knows, by IANA code. */
export const namedGroups: ReadonlyMap<number, NamedGroupInfo> = new Map(
  (
    [
      { code: 19, name: 'secp192r1', openssl: 'prime192v1', share: ecdh('prime192v1') },
      { code: 21, name: 'secp224r1', openssl: 'secp224r1', share: ecdh('secp224r1') },
      { code: 22, name: 'secp256k1', openssl: 'secp256k1', share: ecdh('secp256k1') },
      { code: 23, name: 'secp256r1', openssl: 'P-256', share: ecdh('prime256v1') },
      { code: 24, name: 'secp384r1', openssl: 'P-384', share: ecdh('secp384r1') },
      { code: 25, name: 'secp521r1', openssl: 'P-521', share: ecdh('secp521r1') },
      { code: 26, name: 'brainpoolP256r1', openssl: 'brainpoolP256r1', share: ecdh('brainpoolP256r1') },
      { code: 27, name: 'brainpoolP384r1', openssl: 'brainpoolP384r1', share: ecdh('brainpoolP384r1') },
      { code: 28, name: 'brainpoolP512r1', openssl: 'brainpoolP512r1', share: ecdh('brainpoolP512r1') },
      { code: 29, name: 'x25519', openssl: 'X25519', share: { kind: 'x', type: 'x25519' } },
      { code: 30, name: 'x448', openssl: 'X448', share: { kind: 'x', type: 'x448' } },
      { code: 31, name: 'brainpoolP256r1tls13', share: ecdh('brainpoolP256r1') },
      { code: 32, name: 'brainpoolP384r1tls13', share: ecdh('brainpoolP384r1') },
      { code: 33, name: 'brainpoolP512r1tls13', share: ecdh('brainpoolP512r1') },
      { code: 256, name: 'ffdhe2048', openssl: 'ffdhe2048', share: { kind: 'ffdhe', bits: 2048 } },
      { code: 257, name: 'ffdhe3072', openssl: 'ffdhe3072', share: { kind: 'ffdhe', bits: 3072 } },
      { code: 258, name: 'ffdhe4096', openssl: 'ffdhe4096', share: { kind: 'ffdhe', bits: 4096 } },
      { code: 259, name: 'ffdhe6144', openssl: 'ffdhe6144', share: { kind: 'ffdhe', bits: 6144 } },
      { code: 260, name: 'ffdhe8192', openssl: 'ffdhe8192', share: { kind: 'ffdhe', bits: 8192 } },
      // ML-KEM hybrids: the server share is a KEM ciphertext the lab cannot make; random bytes of the right length stand in.
      { code: 0x11eb, name: 'SecP256r1MLKEM768', share: { kind: 'opaque', length: 65 + 1088 } },
      { code: 0x11ec, name: 'X25519MLKEM768', share: { kind: 'opaque', length: 1088 + 32 } },
      { code: 0x11ed, name: 'SecP384r1MLKEM1024', share: { kind: 'opaque', length: 97 + 1568 } },
    ] satisfies NamedGroupInfo[]
  ).map((group) => [group.code, group]),
);

/** The IANA code of a group given by its IANA or OpenSSL name. */
export function groupCode(name: string): number {
  for (const group of namedGroups.values()) if (group.name === name || group.openssl === name) return group.code;
  throw new Error(`unknown named group ${name}`);
}

/** Signature schemes (RFC 8446 §4.2.3; 0x0301/0x0303 are the TLS 1.2 SHA-224 pairs of RFC 5246). */
export const signatureSchemes = Object.freeze({
  rsa_pkcs1_md5: 0x0101,
  rsa_pkcs1_sha1: 0x0201,
  ecdsa_sha1: 0x0203,
  rsa_pkcs1_sha224: 0x0301,
  ecdsa_sha224: 0x0303,
  rsa_pkcs1_sha256: 0x0401,
  ecdsa_secp256r1_sha256: 0x0403,
  rsa_pkcs1_sha384: 0x0501,
  ecdsa_secp384r1_sha384: 0x0503,
  rsa_pkcs1_sha512: 0x0601,
  ecdsa_secp521r1_sha512: 0x0603,
  rsa_pss_rsae_sha256: 0x0804,
  rsa_pss_rsae_sha384: 0x0805,
  rsa_pss_rsae_sha512: 0x0806,
  ed25519: 0x0807,
  ed448: 0x0808,
});

/** Alert descriptions (RFC 8446 §6). */
export const alertDescriptions = Object.freeze({
  closeNotify: 0,
  unexpectedMessage: 10,
  badRecordMac: 20,
  recordOverflow: 22,
  handshakeFailure: 40,
  badCertificate: 42,
  illegalParameter: 47,
  decodeError: 50,
  protocolVersion: 70,
  insufficientSecurity: 71,
  internalError: 80,
  inappropriateFallback: 86,
  missingExtension: 109,
  unrecognizedName: 112,
  noApplicationProtocol: 120,
});

/** Extension codes the lab's scripted server reads or writes. */
export const extensionTypes = Object.freeze({
  serverName: 0x0000,
  statusRequest: 0x0005,
  supportedGroups: 0x000a,
  ecPointFormats: 0x000b,
  signatureAlgorithms: 0x000d,
  alpn: 0x0010,
  extendedMasterSecret: 0x0017,
  sessionTicket: 0x0023,
  supportedVersions: 0x002b,
  keyShare: 0x0033,
  renegotiationInfo: 0xff01,
});

/** Record content types. */
export const contentTypes = Object.freeze({ changeCipherSpec: 20, alert: 21, handshake: 22, applicationData: 23 });

/** Handshake message types. */
export const handshakeTypes = Object.freeze({
  clientHello: 1,
  serverHello: 2,
  newSessionTicket: 4,
  certificate: 11,
  serverKeyExchange: 12,
  serverHelloDone: 14,
  certificateStatus: 22,
});

/** The node:tls name of a version (`TLSv1`, not `TLSv1.0`); SSLv3 has none, node cannot speak it. */
export function nodeVersionName(version: LabTlsVersion): 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3' {
  if (version === 'SSLv3') throw new Error('node:tls cannot serve SSLv3; use the scripted TLS server');
  return version === 'TLSv1.0' ? 'TLSv1' : version;
}
