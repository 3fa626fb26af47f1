/**
 * Wire numbers of TLS (RFC 5246, RFC 8446 and the IANA TLS registries) and the candidate lists
 * the scanner offers. Facts from the RFCs and registries; the lists are the scanner's choice.
 */
import type { TlsVersion } from '../types.js';

/** Record content types. */
export const ContentType = Object.freeze({
  changeCipherSpec: 20,
  alert: 21,
  handshake: 22,
  applicationData: 23,
} as const);

/** Handshake message types. */
export const HandshakeType = Object.freeze({
  helloRequest: 0,
  clientHello: 1,
  serverHello: 2,
  newSessionTicket: 4,
  encryptedExtensions: 8,
  certificate: 11,
  serverKeyExchange: 12,
  certificateRequest: 13,
  serverHelloDone: 14,
  certificateStatus: 22,
  endOfEarlyData: 5,
  finished: 20,
  certificateVerify: 15,
} as const);

/** Extension codes the scanner sends or reads. */
export const ExtensionType = Object.freeze({
  serverName: 0x0000,
  statusRequest: 0x0005,
  supportedGroups: 0x000a,
  ecPointFormats: 0x000b,
  signatureAlgorithms: 0x000d,
  padding: 0x0015,
  extendedMasterSecret: 0x0017,
  sessionTicket: 0x0023,
  alpn: 0x0010,
  preSharedKey: 0x0029,
  earlyData: 0x002a,
  supportedVersions: 0x002b,
  pskKeyExchangeModes: 0x002d,
  keyShare: 0x0033,
  renegotiationInfo: 0xff01,
} as const);

/** The wire code of each version (SSLv2 has its own format and no such code in a TLS record). */
export const versionCode: Readonly<Record<Exclude<TlsVersion, 'SSLv2'>, number>> = Object.freeze({
  SSLv3: 0x0300,
  'TLSv1.0': 0x0301,
  'TLSv1.1': 0x0302,
  'TLSv1.2': 0x0303,
  'TLSv1.3': 0x0304,
});

/** The version a wire code stands for, if any. */
export function versionFromCode(code: number): TlsVersion | undefined {
  switch (code) {
    case 0x0002:
      return 'SSLv2';
    case 0x0300:
      return 'SSLv3';
    case 0x0301:
      return 'TLSv1.0';
    case 0x0302:
      return 'TLSv1.1';
    case 0x0303:
      return 'TLSv1.2';
    case 0x0304:
      return 'TLSv1.3';
    default:
      return undefined;
  }
}

/** Alert descriptions (RFC 8446 §6 and older ones) by number, for messages and details. */
export const alertNames: Readonly<Record<number, string>> = Object.freeze({
  0: 'close_notify',
  10: 'unexpected_message',
  20: 'bad_record_mac',
  21: 'decryption_failed',
  22: 'record_overflow',
  30: 'decompression_failure',
  40: 'handshake_failure',
  41: 'no_certificate',
  42: 'bad_certificate',
  43: 'unsupported_certificate',
  44: 'certificate_revoked',
  45: 'certificate_expired',
  46: 'certificate_unknown',
  47: 'illegal_parameter',
  48: 'unknown_ca',
  49: 'access_denied',
  50: 'decode_error',
  51: 'decrypt_error',
  60: 'export_restriction',
  70: 'protocol_version',
  71: 'insufficient_security',
  80: 'internal_error',
  86: 'inappropriate_fallback',
  90: 'user_canceled',
  100: 'no_renegotiation',
  109: 'missing_extension',
  110: 'unsupported_extension',
  112: 'unrecognized_name',
  113: 'bad_certificate_status_response',
  115: 'unknown_psk_identity',
  116: 'certificate_required',
  120: 'no_application_protocol',
});

/** The alert that says the version is not spoken (as opposed to "nothing in this offer suits me"). */
export const ALERT_PROTOCOL_VERSION = 70;

/** A short name for an alert number. */
export function alertName(description: number): string {
  return alertNames[description] ?? `alert ${description}`;
}

/** SHA-256("HelloRetryRequest"): the ServerHello.random that marks a HelloRetryRequest (RFC 8446 §4.1.3). */
const HELLO_RETRY_RANDOM_HEX = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';

/** A fresh copy of the HelloRetryRequest random (a copy: byte arrays cannot be frozen). */
export function helloRetryRandom(): Uint8Array {
  return new Uint8Array(Buffer.from(HELLO_RETRY_RANDOM_HEX, 'hex'));
}

/** Whether a ServerHello.random marks a HelloRetryRequest. */
export function isHelloRetryRandom(random: Uint8Array): boolean {
  return Buffer.from(random.buffer, random.byteOffset, random.byteLength).toString('hex') === HELLO_RETRY_RANDOM_HEX;
}

/** TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746): signals secure renegotiation without the extension. */
export const RENEGOTIATION_SCSV = 0x00ff;

/** Named groups (IANA "TLS Supported Groups"). */
export const Group = Object.freeze({
  secp256r1: 23,
  secp384r1: 24,
  secp521r1: 25,
  x25519: 29,
  x448: 30,
  ffdhe2048: 256,
  ffdhe3072: 257,
  ffdhe4096: 258,
  ffdhe6144: 259,
  ffdhe8192: 260,
  secp256r1MlKem768: 0x11eb,
  x25519MlKem768: 0x11ec,
  secp384r1MlKem1024: 0x11ed,
} as const);

/**
 * The groups a normal hello offers: OpenSSL 1.1.1's default list, which is what Internet.nl's
 * client offers. The server's pick from this list is what Internet.nl evaluates, so the scanner
 * offers the same to see the same pick. Legacy curves come after, so a server that follows the
 * client's order never picks them, but one that imposes its own order can (and that is a finding).
 */
export const defaultGroups: readonly number[] = Object.freeze([
  Group.x25519,
  Group.secp256r1,
  Group.x448,
  Group.secp521r1,
  Group.secp384r1,
  // brainpoolP256r1, P384r1, P512r1, secp256k1, secp224r1, secp192r1
  26,
  27,
  28,
  22,
  21,
  19,
]);

/** Every named group worth asking about when groups are enumerated. */
export const candidateGroups: readonly number[] = Object.freeze([
  // sect163k1 .. secp521r1 (RFC 4492), brainpool (RFC 7027), x25519/x448 (RFC 8422)
  ...Array.from({ length: 30 }, (_, i) => i + 1),
  // brainpool for TLS 1.3 (RFC 8734)
  31,
  32,
  33,
  // GOST (RFC 9189)
  34,
  35,
  36,
  37,
  38,
  39,
  40,
  // SM2 (RFC 8998)
  41,
  // finite-field groups (RFC 7919)
  256,
  257,
  258,
  259,
  260,
  // ML-KEM and hybrids (draft-ietf-tls-mlkem, draft-ietf-tls-ecdhe-mlkem)
  0x0200,
  0x0201,
  0x0202,
  Group.secp256r1MlKem768,
  Group.x25519MlKem768,
  Group.secp384r1MlKem1024,
  // X25519Kyber768Draft00 (deployed before ML-KEM was final)
  0x6399,
]);

/** Elliptic-curve groups: the only ones a TLS ≤ 1.2 ECDHE key exchange can use. */
export function isEllipticGroup(group: number): boolean {
  return (group >= 1 && group <= 30) || group === 31 || group === 32 || group === 33;
}

/** Signature schemes (IANA "TLS SignatureScheme"), both TLS 1.3 names and TLS 1.2 hash/signature pairs. */
const SignatureScheme = Object.freeze({
  rsaPkcs1Sha1: 0x0201,
  dsaSha1: 0x0202,
  ecdsaSha1: 0x0203,
  rsaPkcs1Sha224: 0x0301,
  dsaSha224: 0x0302,
  ecdsaSha224: 0x0303,
} as const);

/**
 * The signature schemes a normal hello offers: every SHA-2 and EdDSA scheme, then SHA-224 and
 * SHA-1 last, like OpenSSL clients do, so that a server which would only sign with SHA-1 still
 * completes and the weak hash is seen.
 */
export const defaultSignatureSchemes: readonly number[] = Object.freeze([
  0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x081a, 0x081b, 0x081c, 0x0809, 0x080a, 0x080b, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601,
  0x0402, 0x0502, 0x0602, 0x0303, 0x0301, 0x0302, 0x0203, 0x0201, 0x0202,
]);

/** Only SHA-1 signature schemes (ECDSA, RSA, DSA), for the key-exchange hash test. */
export const sha1SignatureSchemes: readonly number[] = Object.freeze([
  SignatureScheme.ecdsaSha1,
  SignatureScheme.rsaPkcs1Sha1,
  SignatureScheme.dsaSha1,
]);

/** Only SHA-224 signature schemes (ECDSA, RSA, DSA), for the key-exchange hash test. */
export const sha224SignatureSchemes: readonly number[] = Object.freeze([
  SignatureScheme.ecdsaSha224,
  SignatureScheme.rsaPkcs1Sha224,
  SignatureScheme.dsaSha224,
]);

/** The hash of a signature scheme, when it names one. */
export function signatureSchemeHash(scheme: number): 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | undefined {
  const high = scheme >> 8;
  const low = scheme & 0xff;
  // TLS 1.2 pairs: hash in the high byte, signature (1 RSA, 2 DSA, 3 ECDSA) in the low byte.
  if (low >= 1 && low <= 3) {
    if (high === 1) return 'md5';
    if (high === 2) return 'sha1';
    if (high === 3) return 'sha224';
    if (high === 4) return 'sha256';
    if (high === 5) return 'sha384';
    if (high === 6) return 'sha512';
  }
  // RSA-PSS and the brainpool TLS 1.3 ECDSA schemes.
  if (scheme === 0x0804 || scheme === 0x0809 || scheme === 0x081a) return 'sha256';
  if (scheme === 0x0805 || scheme === 0x080a || scheme === 0x081b) return 'sha384';
  if (scheme === 0x0806 || scheme === 0x080b || scheme === 0x081c) return 'sha512';
  return undefined;
}

/** The TLS 1.3 cipher suites (RFC 8446, RFC 8998 SM4). Offered only in TLS 1.3 hellos. */
export const tls13Suites: readonly number[] = Object.freeze([0x1302, 0x1303, 0x1301, 0x1304, 0x1305, 0x00c6, 0x00c7]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Suites put at the front of the candidate list, so that the first hello of every version
 * (which also decides whether the version is spoken) carries everything commonly deployed, and a
 * typical server's whole configuration falls in the first chunk of 64: ECDHE/DHE with AES-GCM,
 * CHACHA20, CCM, CBC; static RSA; CAMELLIA and ARIA; 3DES; RC4 (63 codes).
 */
const commonSuites: readonly number[] = [
  // ECDHE AEAD
  0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc02b, 0xc02f, 0xc0ad, 0xc0ac,
  // DHE AEAD
  0x009f, 0x009e, 0xccaa, 0xc09f, 0xc09e, 0xc0a3, 0xc0a2,
  // ECDHE and DHE CBC with SHA-2
  0xc024, 0xc028, 0xc023, 0xc027, 0x006b, 0x0067,
  // ECDHE and DHE CBC with SHA-1
  0xc00a, 0xc014, 0xc009, 0xc013, 0x0039, 0x0033,
  // static RSA
  0x009d, 0x009c, 0xc09d, 0xc09c, 0x003d, 0x003c, 0x0035, 0x002f,
  // CAMELLIA-CBC and ARIA-GCM with ECDHE, DHE, RSA
  0xc073, 0xc072, 0xc077, 0xc076, 0x00c4, 0x00be, 0x00c0, 0x00ba, 0x0088, 0x0045, 0x0084, 0x0041, 0xc05d, 0xc05c, 0xc061, 0xc060, 0xc053,
  0xc052, 0xc051, 0xc050,
  // 3DES and RC4
  0xc012, 0xc008, 0x0016, 0x000a, 0xc011, 0xc007, 0x0005, 0x0004,
];

/**
 * Every TLS 1.2 cipher suite code worth offering: the IANA registry's assigned codes (RFC 5246
 * and the many RFCs adding suites), the old CHACHA20 draft codes, the GOST suites and the
 * pre-standard EXPORT1024 and FIPS codes some old servers still answer to. The common suites
 * come first (see above); the rest follow in code order. Unknown codes cost nothing: a server
 * ignores suites it does not know.
 */
export const legacySuiteCandidates: readonly number[] = (() => {
  const all = [
    ...range(0x0001, 0x0046),
    ...range(0x0060, 0x0066),
    ...range(0x0067, 0x006d),
    ...range(0x0080, 0x0083),
    ...range(0x0084, 0x00c5),
    ...range(0xc001, 0xc0b5),
    ...range(0xc100, 0xc106),
    ...range(0xcc13, 0xcc15),
    ...range(0xcca8, 0xccae),
    0xd001,
    0xd002,
    0xd003,
    0xd005,
    0xfefe,
    0xfeff,
    0xffe0,
    0xffe1,
  ];
  const front = new Set(commonSuites);
  return Object.freeze([...commonSuites, ...all.filter((code) => !front.has(code))]);
})();

/**
 * The suites a TLS 1.0/1.1 or SSLv3 server can negotiate: those defined before TLS 1.2 (no
 * SHA-256/384 MAC, no AEAD): SSLv3's own (RC4, DES, 3DES, IDEA, EXPORT, anonymous), AES and
 * CAMELLIA with SHA-1, SEED, PSK and SRP with SHA-1, the ECC suites with SHA-1, the GOST, EXPORT1024
 * and FIPS codes. Offering TLS 1.2-only suites at older versions would only cost hellos.
 */
const preTls12SuiteCandidates: readonly number[] = (() => {
  const all = [
    // Without the Fortezza (0x001C-0x001D) and Kerberos (0x001E-0x002B) codes: no TLS library
    // has served them for a decade, and leaving them out keeps the list to two hellos of 64.
    ...range(0x0001, 0x001b),
    ...range(0x002c, 0x003a),
    ...range(0x0041, 0x0046),
    ...range(0x0060, 0x0066),
    ...range(0x0080, 0x009b),
    ...range(0xc001, 0xc022),
    ...range(0xc033, 0xc036),
    0xc039,
    0xfefe,
    0xfeff,
    0xffe0,
    0xffe1,
  ];
  const allowed = new Set(all);
  // The common SHA-1 suites first, then SSLv3's EXPORT and DES suites, so that an old server's
  // whole configuration is in the first hello.
  const front = [
    ...commonSuites.filter((code) => allowed.has(code)),
    0x0003,
    0x0006,
    0x0008,
    0x0009,
    0x000b,
    0x000c,
    0x000d,
    0x000e,
    0x000f,
    0x0010,
    0x0011,
    0x0012,
    0x0013,
    0x0014,
    0x0015,
    0x0017,
    0x0018,
    0x0019,
    0x001a,
    0x001b,
    0x0007,
    0x0001,
    0x0002,
    0x0096,
    0x0099,
    0x009a,
  ];
  const first = new Set(front);
  return Object.freeze([...front, ...all.filter((code) => !first.has(code))]);
})();

/** The candidate suites for a version. */
export function suiteCandidates(version: Exclude<TlsVersion, 'SSLv2'>): readonly number[] {
  if (version === 'TLSv1.3') return tls13Suites;
  if (version === 'TLSv1.2') return legacySuiteCandidates;
  return preTls12SuiteCandidates;
}

/** The SSLv2 cipher kinds (3-byte codes, RFC 6101 appendix E / the SSL 2.0 draft). */
export const sslv2CipherKinds: readonly number[] = Object.freeze([0x010080, 0x020080, 0x030080, 0x040080, 0x050080, 0x060040, 0x0700c0]);
