import type { TlsVersion } from '../types.js';
import { frozenMap } from './frozen.js';
import type { NcscLevel } from './levels.js';

/** Key exchange of a cipher suite (`any`: TLS 1.3, where the suite does not fix it). */
export type SuiteKeyExchange =
  | 'RSA'
  | 'DHE'
  | 'ECDHE'
  | 'DH'
  | 'ECDH'
  | 'PSK'
  | 'DHE_PSK'
  | 'ECDHE_PSK'
  | 'RSA_PSK'
  | 'SRP'
  | 'GOST'
  | 'any';

/** Authentication of a cipher suite. */
export type SuiteAuthentication = 'RSA' | 'ECDSA' | 'DSS' | 'anon' | 'PSK' | 'SRP' | 'GOST' | 'any';

/** Message authentication: `AEAD` for GCM, CCM and POLY1305 suites, else the HMAC hash. */
export type SuiteMac = 'AEAD' | 'SHA1' | 'SHA256' | 'SHA384' | 'MD5' | 'GOST';

/** One cipher suite, classified. */
export interface CipherSuiteInfo {
  /** The IANA code (two bytes as a number, e.g. `0xc02f`). */
  readonly code: number;
  /** The IANA name. The three pre-standard CHACHA20 suites (0xCC13-15) have none; they carry `_OLD`. */
  readonly iana: string;
  /** The OpenSSL name, or `null` when no OpenSSL release implements the suite. */
  readonly openssl: string | null;
  /** Key exchange. */
  readonly keyExchange: SuiteKeyExchange;
  /** Authentication. */
  readonly authentication: SuiteAuthentication;
  /** Bulk encryption, e.g. `AES_128_GCM`, `CHACHA20_POLY1305`, `3DES_EDE_CBC`, `NULL`. */
  readonly encryption: string;
  /** Message authentication. */
  readonly mac: SuiteMac;
  /** The suite has a forward-secret key exchange. */
  readonly forwardSecret: boolean;
  /** An export-grade suite. */
  readonly export: boolean;
  /** The oldest version that can negotiate it (TLS 1.3 suites only work in TLS 1.3). */
  readonly minVersion: TlsVersion;
  /** The NCSC 2025-05 level, by IANA name as Internet.nl matches it; anything unlisted is insufficient. */
  readonly level: NcscLevel;
  /**
   * Whether Internet.nl can detect the suite at all: its candidates come from its two OpenSSL
   * builds, which lack CAMELLIA-GCM, ARIA-CBC, the old CHACHA20 drafts, GOST and SM4, and it does
   * not detect PSK and SRP suites. pastoe reports such suites, beside Internet.nl's verdict.
   */
  readonly internetnlSees: boolean;
  /**
   * Whether OpenSSL 3 (the library node bundles) still implements the suite, so that a node:tls or
   * OpenSSL 3 server can be configured with it: the TLS 1.3 suites, and every suite
   * `openssl ciphers 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'` lists. False for RC4, DES, 3DES, IDEA,
   * SEED, export-grade, static DH/ECDH, GOST and the old CHACHA20 drafts, which only older
   * releases had, and for suites no release has (`openssl` is `null`).
   */
  readonly opensslServes: boolean;
}

/** NCSC appendix B as Internet.nl v1.11 lists it (`CIPHERS_GOOD`). */
export const ncscGoodSuites: readonly string[] = Object.freeze(['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']);

/**
 * `CIPHERS_SUFFICIENT`. Internet.nl's newest list also names TLS_ECDHE_RSA_WITH_AES_128_CCM and
 * ..._256_CCM ("not in appendix B, but meets all requirements"); IANA has no such suites, so no
 * code maps to them and they are left out here.
 */
export const ncscSufficientSuites: readonly string[] = Object.freeze([
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_128_CCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CCM',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CCM',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
]);

/** `CIPHERS_PHASE_OUT` (35 suites, all TLS 1.2). */
export const ncscPhaseOutSuites: readonly string[] = Object.freeze([
  'TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384',
  'TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256',
  'TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256',
  'TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384',
  'TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_ARIA_128_CBC_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_AES_256_CCM',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_AES_128_CCM',
  'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256',
]);

/**
 * The TLS 1.3 suites Internet.nl enumerates: only CCM_8. The other 1.3 suites are good or
 * sufficient by definition, so it never probes for them (#2031, #2078).
 */
export const internetnlTls13ProbeSuites: readonly number[] = Object.freeze([0x1305]);

/*
 * [code, IANA name, OpenSSL name]. The OpenSSL names of suites OpenSSL 3.0 still has come from
 * `openssl ciphers -V -stdname 'ALL:COMPLEMENTOFALL'`; older ones (RC4, 3DES, EXPORT, SEED, IDEA,
 * static DH/ECDH, GOST, old CHACHA20) carry the names of the OpenSSL releases that had them.
 * Components (key exchange, encryption, MAC) are derived from the IANA name below.
 */
const rows: readonly (readonly [number, string, string | null])[] = [
  [0x0001, 'TLS_RSA_WITH_NULL_MD5', 'NULL-MD5'],
  [0x0002, 'TLS_RSA_WITH_NULL_SHA', 'NULL-SHA'],
  [0x0003, 'TLS_RSA_EXPORT_WITH_RC4_40_MD5', 'EXP-RC4-MD5'],
  [0x0004, 'TLS_RSA_WITH_RC4_128_MD5', 'RC4-MD5'],
  [0x0005, 'TLS_RSA_WITH_RC4_128_SHA', 'RC4-SHA'],
  [0x0006, 'TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5', 'EXP-RC2-CBC-MD5'],
  [0x0007, 'TLS_RSA_WITH_IDEA_CBC_SHA', 'IDEA-CBC-SHA'],
  [0x0008, 'TLS_RSA_EXPORT_WITH_DES40_CBC_SHA', 'EXP-DES-CBC-SHA'],
  [0x0009, 'TLS_RSA_WITH_DES_CBC_SHA', 'DES-CBC-SHA'],
  [0x000a, 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'DES-CBC3-SHA'],
  [0x0011, 'TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA', 'EXP-EDH-DSS-DES-CBC-SHA'],
  [0x0012, 'TLS_DHE_DSS_WITH_DES_CBC_SHA', 'EDH-DSS-DES-CBC-SHA'],
  [0x0013, 'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', 'EDH-DSS-DES-CBC3-SHA'],
  [0x0014, 'TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA', 'EXP-EDH-RSA-DES-CBC-SHA'],
  [0x0015, 'TLS_DHE_RSA_WITH_DES_CBC_SHA', 'EDH-RSA-DES-CBC-SHA'],
  [0x0016, 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA', 'EDH-RSA-DES-CBC3-SHA'],
  [0x0017, 'TLS_DH_anon_EXPORT_WITH_RC4_40_MD5', 'EXP-ADH-RC4-MD5'],
  [0x0018, 'TLS_DH_anon_WITH_RC4_128_MD5', 'ADH-RC4-MD5'],
  [0x001a, 'TLS_DH_anon_WITH_DES_CBC_SHA', 'ADH-DES-CBC-SHA'],
  [0x001b, 'TLS_DH_anon_WITH_3DES_EDE_CBC_SHA', 'ADH-DES-CBC3-SHA'],
  [0x002c, 'TLS_PSK_WITH_NULL_SHA', 'PSK-NULL-SHA'],
  [0x002d, 'TLS_DHE_PSK_WITH_NULL_SHA', 'DHE-PSK-NULL-SHA'],
  [0x002e, 'TLS_RSA_PSK_WITH_NULL_SHA', 'RSA-PSK-NULL-SHA'],
  [0x002f, 'TLS_RSA_WITH_AES_128_CBC_SHA', 'AES128-SHA'],
  [0x0030, 'TLS_DH_DSS_WITH_AES_128_CBC_SHA', 'DH-DSS-AES128-SHA'],
  [0x0031, 'TLS_DH_RSA_WITH_AES_128_CBC_SHA', 'DH-RSA-AES128-SHA'],
  [0x0032, 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA', 'DHE-DSS-AES128-SHA'],
  [0x0033, 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 'DHE-RSA-AES128-SHA'],
  [0x0034, 'TLS_DH_anon_WITH_AES_128_CBC_SHA', 'ADH-AES128-SHA'],
  [0x0035, 'TLS_RSA_WITH_AES_256_CBC_SHA', 'AES256-SHA'],
  [0x0036, 'TLS_DH_DSS_WITH_AES_256_CBC_SHA', 'DH-DSS-AES256-SHA'],
  [0x0037, 'TLS_DH_RSA_WITH_AES_256_CBC_SHA', 'DH-RSA-AES256-SHA'],
  [0x0038, 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA', 'DHE-DSS-AES256-SHA'],
  [0x0039, 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA', 'DHE-RSA-AES256-SHA'],
  [0x003a, 'TLS_DH_anon_WITH_AES_256_CBC_SHA', 'ADH-AES256-SHA'],
  [0x003b, 'TLS_RSA_WITH_NULL_SHA256', 'NULL-SHA256'],
  [0x003c, 'TLS_RSA_WITH_AES_128_CBC_SHA256', 'AES128-SHA256'],
  [0x003d, 'TLS_RSA_WITH_AES_256_CBC_SHA256', 'AES256-SHA256'],
  [0x003e, 'TLS_DH_DSS_WITH_AES_128_CBC_SHA256', 'DH-DSS-AES128-SHA256'],
  [0x003f, 'TLS_DH_RSA_WITH_AES_128_CBC_SHA256', 'DH-RSA-AES128-SHA256'],
  [0x0040, 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', 'DHE-DSS-AES128-SHA256'],
  [0x0041, 'TLS_RSA_WITH_CAMELLIA_128_CBC_SHA', 'CAMELLIA128-SHA'],
  [0x0044, 'TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA', 'DHE-DSS-CAMELLIA128-SHA'],
  [0x0045, 'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA', 'DHE-RSA-CAMELLIA128-SHA'],
  [0x0046, 'TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA', 'ADH-CAMELLIA128-SHA'],
  [0x0067, 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256', 'DHE-RSA-AES128-SHA256'],
  [0x0068, 'TLS_DH_DSS_WITH_AES_256_CBC_SHA256', 'DH-DSS-AES256-SHA256'],
  [0x0069, 'TLS_DH_RSA_WITH_AES_256_CBC_SHA256', 'DH-RSA-AES256-SHA256'],
  [0x006a, 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', 'DHE-DSS-AES256-SHA256'],
  [0x006b, 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256', 'DHE-RSA-AES256-SHA256'],
  [0x006c, 'TLS_DH_anon_WITH_AES_128_CBC_SHA256', 'ADH-AES128-SHA256'],
  [0x006d, 'TLS_DH_anon_WITH_AES_256_CBC_SHA256', 'ADH-AES256-SHA256'],
  [0x0080, 'TLS_GOSTR341094_WITH_28147_CNT_IMIT', 'GOST94-GOST89-GOST89'],
  [0x0081, 'TLS_GOSTR341001_WITH_28147_CNT_IMIT', 'GOST2001-GOST89-GOST89'],
  [0x0084, 'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA', 'CAMELLIA256-SHA'],
  [0x0087, 'TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA', 'DHE-DSS-CAMELLIA256-SHA'],
  [0x0088, 'TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA', 'DHE-RSA-CAMELLIA256-SHA'],
  [0x0089, 'TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA', 'ADH-CAMELLIA256-SHA'],
  [0x008a, 'TLS_PSK_WITH_RC4_128_SHA', 'PSK-RC4-SHA'],
  [0x008b, 'TLS_PSK_WITH_3DES_EDE_CBC_SHA', 'PSK-3DES-EDE-CBC-SHA'],
  [0x008c, 'TLS_PSK_WITH_AES_128_CBC_SHA', 'PSK-AES128-CBC-SHA'],
  [0x008d, 'TLS_PSK_WITH_AES_256_CBC_SHA', 'PSK-AES256-CBC-SHA'],
  [0x0090, 'TLS_DHE_PSK_WITH_AES_128_CBC_SHA', 'DHE-PSK-AES128-CBC-SHA'],
  [0x0091, 'TLS_DHE_PSK_WITH_AES_256_CBC_SHA', 'DHE-PSK-AES256-CBC-SHA'],
  [0x0094, 'TLS_RSA_PSK_WITH_AES_128_CBC_SHA', 'RSA-PSK-AES128-CBC-SHA'],
  [0x0095, 'TLS_RSA_PSK_WITH_AES_256_CBC_SHA', 'RSA-PSK-AES256-CBC-SHA'],
  [0x0096, 'TLS_RSA_WITH_SEED_CBC_SHA', 'SEED-SHA'],
  [0x0099, 'TLS_DHE_DSS_WITH_SEED_CBC_SHA', 'DHE-DSS-SEED-SHA'],
  [0x009a, 'TLS_DHE_RSA_WITH_SEED_CBC_SHA', 'DHE-RSA-SEED-SHA'],
  [0x009b, 'TLS_DH_anon_WITH_SEED_CBC_SHA', 'ADH-SEED-SHA'],
  [0x009c, 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'AES128-GCM-SHA256'],
  [0x009d, 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'AES256-GCM-SHA384'],
  [0x009e, 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', 'DHE-RSA-AES128-GCM-SHA256'],
  [0x009f, 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'DHE-RSA-AES256-GCM-SHA384'],
  [0x00a0, 'TLS_DH_RSA_WITH_AES_128_GCM_SHA256', 'DH-RSA-AES128-GCM-SHA256'],
  [0x00a1, 'TLS_DH_RSA_WITH_AES_256_GCM_SHA384', 'DH-RSA-AES256-GCM-SHA384'],
  [0x00a2, 'TLS_DHE_DSS_WITH_AES_128_GCM_SHA256', 'DHE-DSS-AES128-GCM-SHA256'],
  [0x00a3, 'TLS_DHE_DSS_WITH_AES_256_GCM_SHA384', 'DHE-DSS-AES256-GCM-SHA384'],
  [0x00a4, 'TLS_DH_DSS_WITH_AES_128_GCM_SHA256', 'DH-DSS-AES128-GCM-SHA256'],
  [0x00a5, 'TLS_DH_DSS_WITH_AES_256_GCM_SHA384', 'DH-DSS-AES256-GCM-SHA384'],
  [0x00a6, 'TLS_DH_anon_WITH_AES_128_GCM_SHA256', 'ADH-AES128-GCM-SHA256'],
  [0x00a7, 'TLS_DH_anon_WITH_AES_256_GCM_SHA384', 'ADH-AES256-GCM-SHA384'],
  [0x00a8, 'TLS_PSK_WITH_AES_128_GCM_SHA256', 'PSK-AES128-GCM-SHA256'],
  [0x00a9, 'TLS_PSK_WITH_AES_256_GCM_SHA384', 'PSK-AES256-GCM-SHA384'],
  [0x00aa, 'TLS_DHE_PSK_WITH_AES_128_GCM_SHA256', 'DHE-PSK-AES128-GCM-SHA256'],
  [0x00ab, 'TLS_DHE_PSK_WITH_AES_256_GCM_SHA384', 'DHE-PSK-AES256-GCM-SHA384'],
  [0x00ac, 'TLS_RSA_PSK_WITH_AES_128_GCM_SHA256', 'RSA-PSK-AES128-GCM-SHA256'],
  [0x00ad, 'TLS_RSA_PSK_WITH_AES_256_GCM_SHA384', 'RSA-PSK-AES256-GCM-SHA384'],
  [0x00ae, 'TLS_PSK_WITH_AES_128_CBC_SHA256', 'PSK-AES128-CBC-SHA256'],
  [0x00af, 'TLS_PSK_WITH_AES_256_CBC_SHA384', 'PSK-AES256-CBC-SHA384'],
  [0x00b0, 'TLS_PSK_WITH_NULL_SHA256', 'PSK-NULL-SHA256'],
  [0x00b1, 'TLS_PSK_WITH_NULL_SHA384', 'PSK-NULL-SHA384'],
  [0x00b2, 'TLS_DHE_PSK_WITH_AES_128_CBC_SHA256', 'DHE-PSK-AES128-CBC-SHA256'],
  [0x00b3, 'TLS_DHE_PSK_WITH_AES_256_CBC_SHA384', 'DHE-PSK-AES256-CBC-SHA384'],
  [0x00b4, 'TLS_DHE_PSK_WITH_NULL_SHA256', 'DHE-PSK-NULL-SHA256'],
  [0x00b5, 'TLS_DHE_PSK_WITH_NULL_SHA384', 'DHE-PSK-NULL-SHA384'],
  [0x00b6, 'TLS_RSA_PSK_WITH_AES_128_CBC_SHA256', 'RSA-PSK-AES128-CBC-SHA256'],
  [0x00b7, 'TLS_RSA_PSK_WITH_AES_256_CBC_SHA384', 'RSA-PSK-AES256-CBC-SHA384'],
  [0x00b8, 'TLS_RSA_PSK_WITH_NULL_SHA256', 'RSA-PSK-NULL-SHA256'],
  [0x00b9, 'TLS_RSA_PSK_WITH_NULL_SHA384', 'RSA-PSK-NULL-SHA384'],
  [0x00ba, 'TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256', 'CAMELLIA128-SHA256'],
  [0x00bd, 'TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256', 'DHE-DSS-CAMELLIA128-SHA256'],
  [0x00be, 'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256', 'DHE-RSA-CAMELLIA128-SHA256'],
  [0x00bf, 'TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256', 'ADH-CAMELLIA128-SHA256'],
  [0x00c0, 'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256', 'CAMELLIA256-SHA256'],
  [0x00c3, 'TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256', 'DHE-DSS-CAMELLIA256-SHA256'],
  [0x00c4, 'TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256', 'DHE-RSA-CAMELLIA256-SHA256'],
  [0x00c5, 'TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256', 'ADH-CAMELLIA256-SHA256'],
  [0x00c6, 'TLS_SM4_GCM_SM3', null],
  [0x00c7, 'TLS_SM4_CCM_SM3', null],
  [0x1301, 'TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256'],
  [0x1302, 'TLS_AES_256_GCM_SHA384', 'TLS_AES_256_GCM_SHA384'],
  [0x1303, 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_CHACHA20_POLY1305_SHA256'],
  [0x1304, 'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_SHA256'],
  [0x1305, 'TLS_AES_128_CCM_8_SHA256', 'TLS_AES_128_CCM_8_SHA256'],
  [0xc001, 'TLS_ECDH_ECDSA_WITH_NULL_SHA', 'ECDH-ECDSA-NULL-SHA'],
  [0xc002, 'TLS_ECDH_ECDSA_WITH_RC4_128_SHA', 'ECDH-ECDSA-RC4-SHA'],
  [0xc003, 'TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA', 'ECDH-ECDSA-DES-CBC3-SHA'],
  [0xc004, 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA', 'ECDH-ECDSA-AES128-SHA'],
  [0xc005, 'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA', 'ECDH-ECDSA-AES256-SHA'],
  [0xc006, 'TLS_ECDHE_ECDSA_WITH_NULL_SHA', 'ECDHE-ECDSA-NULL-SHA'],
  [0xc007, 'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', 'ECDHE-ECDSA-RC4-SHA'],
  [0xc008, 'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA', 'ECDHE-ECDSA-DES-CBC3-SHA'],
  [0xc009, 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'ECDHE-ECDSA-AES128-SHA'],
  [0xc00a, 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'ECDHE-ECDSA-AES256-SHA'],
  [0xc00b, 'TLS_ECDH_RSA_WITH_NULL_SHA', 'ECDH-RSA-NULL-SHA'],
  [0xc00c, 'TLS_ECDH_RSA_WITH_RC4_128_SHA', 'ECDH-RSA-RC4-SHA'],
  [0xc00d, 'TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA', 'ECDH-RSA-DES-CBC3-SHA'],
  [0xc00e, 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA', 'ECDH-RSA-AES128-SHA'],
  [0xc00f, 'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA', 'ECDH-RSA-AES256-SHA'],
  [0xc010, 'TLS_ECDHE_RSA_WITH_NULL_SHA', 'ECDHE-RSA-NULL-SHA'],
  [0xc011, 'TLS_ECDHE_RSA_WITH_RC4_128_SHA', 'ECDHE-RSA-RC4-SHA'],
  [0xc012, 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 'ECDHE-RSA-DES-CBC3-SHA'],
  [0xc013, 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'ECDHE-RSA-AES128-SHA'],
  [0xc014, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'ECDHE-RSA-AES256-SHA'],
  [0xc015, 'TLS_ECDH_anon_WITH_NULL_SHA', 'AECDH-NULL-SHA'],
  [0xc016, 'TLS_ECDH_anon_WITH_RC4_128_SHA', 'AECDH-RC4-SHA'],
  [0xc017, 'TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA', 'AECDH-DES-CBC3-SHA'],
  [0xc018, 'TLS_ECDH_anon_WITH_AES_128_CBC_SHA', 'AECDH-AES128-SHA'],
  [0xc019, 'TLS_ECDH_anon_WITH_AES_256_CBC_SHA', 'AECDH-AES256-SHA'],
  [0xc01d, 'TLS_SRP_SHA_WITH_AES_128_CBC_SHA', 'SRP-AES-128-CBC-SHA'],
  [0xc01e, 'TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA', 'SRP-RSA-AES-128-CBC-SHA'],
  [0xc01f, 'TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA', 'SRP-DSS-AES-128-CBC-SHA'],
  [0xc020, 'TLS_SRP_SHA_WITH_AES_256_CBC_SHA', 'SRP-AES-256-CBC-SHA'],
  [0xc021, 'TLS_SRP_SHA_RSA_WITH_AES_256_CBC_SHA', 'SRP-RSA-AES-256-CBC-SHA'],
  [0xc022, 'TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA', 'SRP-DSS-AES-256-CBC-SHA'],
  [0xc023, 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'ECDHE-ECDSA-AES128-SHA256'],
  [0xc024, 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 'ECDHE-ECDSA-AES256-SHA384'],
  [0xc025, 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256', 'ECDH-ECDSA-AES128-SHA256'],
  [0xc026, 'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384', 'ECDH-ECDSA-AES256-SHA384'],
  [0xc027, 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'ECDHE-RSA-AES128-SHA256'],
  [0xc028, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'ECDHE-RSA-AES256-SHA384'],
  [0xc029, 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256', 'ECDH-RSA-AES128-SHA256'],
  [0xc02a, 'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384', 'ECDH-RSA-AES256-SHA384'],
  [0xc02b, 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256'],
  [0xc02c, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'ECDHE-ECDSA-AES256-GCM-SHA384'],
  [0xc02d, 'TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256', 'ECDH-ECDSA-AES128-GCM-SHA256'],
  [0xc02e, 'TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384', 'ECDH-ECDSA-AES256-GCM-SHA384'],
  [0xc02f, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256'],
  [0xc030, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'ECDHE-RSA-AES256-GCM-SHA384'],
  [0xc031, 'TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256', 'ECDH-RSA-AES128-GCM-SHA256'],
  [0xc032, 'TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384', 'ECDH-RSA-AES256-GCM-SHA384'],
  [0xc035, 'TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA', 'ECDHE-PSK-AES128-CBC-SHA'],
  [0xc036, 'TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA', 'ECDHE-PSK-AES256-CBC-SHA'],
  [0xc037, 'TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256', 'ECDHE-PSK-AES128-CBC-SHA256'],
  [0xc038, 'TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384', 'ECDHE-PSK-AES256-CBC-SHA384'],
  [0xc039, 'TLS_ECDHE_PSK_WITH_NULL_SHA', 'ECDHE-PSK-NULL-SHA'],
  [0xc03a, 'TLS_ECDHE_PSK_WITH_NULL_SHA256', 'ECDHE-PSK-NULL-SHA256'],
  [0xc03b, 'TLS_ECDHE_PSK_WITH_NULL_SHA384', 'ECDHE-PSK-NULL-SHA384'],
  [0xc044, 'TLS_DHE_RSA_WITH_ARIA_128_CBC_SHA256', null],
  [0xc045, 'TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384', null],
  [0xc048, 'TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256', null],
  [0xc049, 'TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384', null],
  [0xc04c, 'TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256', null],
  [0xc04d, 'TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384', null],
  [0xc050, 'TLS_RSA_WITH_ARIA_128_GCM_SHA256', 'ARIA128-GCM-SHA256'],
  [0xc051, 'TLS_RSA_WITH_ARIA_256_GCM_SHA384', 'ARIA256-GCM-SHA384'],
  [0xc052, 'TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256', 'DHE-RSA-ARIA128-GCM-SHA256'],
  [0xc053, 'TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384', 'DHE-RSA-ARIA256-GCM-SHA384'],
  [0xc056, 'TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256', 'DHE-DSS-ARIA128-GCM-SHA256'],
  [0xc057, 'TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384', 'DHE-DSS-ARIA256-GCM-SHA384'],
  [0xc05c, 'TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256', 'ECDHE-ECDSA-ARIA128-GCM-SHA256'],
  [0xc05d, 'TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384', 'ECDHE-ECDSA-ARIA256-GCM-SHA384'],
  [0xc060, 'TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256', 'ECDHE-ARIA128-GCM-SHA256'],
  [0xc061, 'TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384', 'ECDHE-ARIA256-GCM-SHA384'],
  [0xc06a, 'TLS_PSK_WITH_ARIA_128_GCM_SHA256', 'PSK-ARIA128-GCM-SHA256'],
  [0xc06b, 'TLS_PSK_WITH_ARIA_256_GCM_SHA384', 'PSK-ARIA256-GCM-SHA384'],
  [0xc06c, 'TLS_DHE_PSK_WITH_ARIA_128_GCM_SHA256', 'DHE-PSK-ARIA128-GCM-SHA256'],
  [0xc06d, 'TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384', 'DHE-PSK-ARIA256-GCM-SHA384'],
  [0xc06e, 'TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256', 'RSA-PSK-ARIA128-GCM-SHA256'],
  [0xc06f, 'TLS_RSA_PSK_WITH_ARIA_256_GCM_SHA384', 'RSA-PSK-ARIA256-GCM-SHA384'],
  [0xc072, 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256', 'ECDHE-ECDSA-CAMELLIA128-SHA256'],
  [0xc073, 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384', 'ECDHE-ECDSA-CAMELLIA256-SHA384'],
  [0xc076, 'TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256', 'ECDHE-RSA-CAMELLIA128-SHA256'],
  [0xc077, 'TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384', 'ECDHE-RSA-CAMELLIA256-SHA384'],
  [0xc07a, 'TLS_RSA_WITH_CAMELLIA_128_GCM_SHA256', null],
  [0xc07b, 'TLS_RSA_WITH_CAMELLIA_256_GCM_SHA384', null],
  [0xc07c, 'TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256', null],
  [0xc07d, 'TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384', null],
  [0xc086, 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256', null],
  [0xc087, 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384', null],
  [0xc08a, 'TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256', null],
  [0xc08b, 'TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384', null],
  [0xc094, 'TLS_PSK_WITH_CAMELLIA_128_CBC_SHA256', 'PSK-CAMELLIA128-SHA256'],
  [0xc095, 'TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384', 'PSK-CAMELLIA256-SHA384'],
  [0xc096, 'TLS_DHE_PSK_WITH_CAMELLIA_128_CBC_SHA256', 'DHE-PSK-CAMELLIA128-SHA256'],
  [0xc097, 'TLS_DHE_PSK_WITH_CAMELLIA_256_CBC_SHA384', 'DHE-PSK-CAMELLIA256-SHA384'],
  [0xc098, 'TLS_RSA_PSK_WITH_CAMELLIA_128_CBC_SHA256', 'RSA-PSK-CAMELLIA128-SHA256'],
  [0xc099, 'TLS_RSA_PSK_WITH_CAMELLIA_256_CBC_SHA384', 'RSA-PSK-CAMELLIA256-SHA384'],
  [0xc09a, 'TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256', 'ECDHE-PSK-CAMELLIA128-SHA256'],
  [0xc09b, 'TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384', 'ECDHE-PSK-CAMELLIA256-SHA384'],
  [0xc09c, 'TLS_RSA_WITH_AES_128_CCM', 'AES128-CCM'],
  [0xc09d, 'TLS_RSA_WITH_AES_256_CCM', 'AES256-CCM'],
  [0xc09e, 'TLS_DHE_RSA_WITH_AES_128_CCM', 'DHE-RSA-AES128-CCM'],
  [0xc09f, 'TLS_DHE_RSA_WITH_AES_256_CCM', 'DHE-RSA-AES256-CCM'],
  [0xc0a0, 'TLS_RSA_WITH_AES_128_CCM_8', 'AES128-CCM8'],
  [0xc0a1, 'TLS_RSA_WITH_AES_256_CCM_8', 'AES256-CCM8'],
  [0xc0a2, 'TLS_DHE_RSA_WITH_AES_128_CCM_8', 'DHE-RSA-AES128-CCM8'],
  [0xc0a3, 'TLS_DHE_RSA_WITH_AES_256_CCM_8', 'DHE-RSA-AES256-CCM8'],
  [0xc0a4, 'TLS_PSK_WITH_AES_128_CCM', 'PSK-AES128-CCM'],
  [0xc0a5, 'TLS_PSK_WITH_AES_256_CCM', 'PSK-AES256-CCM'],
  [0xc0a6, 'TLS_DHE_PSK_WITH_AES_128_CCM', 'DHE-PSK-AES128-CCM'],
  [0xc0a7, 'TLS_DHE_PSK_WITH_AES_256_CCM', 'DHE-PSK-AES256-CCM'],
  [0xc0a8, 'TLS_PSK_WITH_AES_128_CCM_8', 'PSK-AES128-CCM8'],
  [0xc0a9, 'TLS_PSK_WITH_AES_256_CCM_8', 'PSK-AES256-CCM8'],
  [0xc0aa, 'TLS_PSK_DHE_WITH_AES_128_CCM_8', 'DHE-PSK-AES128-CCM8'],
  [0xc0ab, 'TLS_PSK_DHE_WITH_AES_256_CCM_8', 'DHE-PSK-AES256-CCM8'],
  [0xc0ac, 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM', 'ECDHE-ECDSA-AES128-CCM'],
  [0xc0ad, 'TLS_ECDHE_ECDSA_WITH_AES_256_CCM', 'ECDHE-ECDSA-AES256-CCM'],
  [0xc0ae, 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8', 'ECDHE-ECDSA-AES128-CCM8'],
  [0xc0af, 'TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8', 'ECDHE-ECDSA-AES256-CCM8'],
  [0xcc13, 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD', 'ECDHE-RSA-CHACHA20-POLY1305-OLD'],
  [0xcc14, 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256_OLD', 'ECDHE-ECDSA-CHACHA20-POLY1305-OLD'],
  [0xcc15, 'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD', 'DHE-RSA-CHACHA20-POLY1305-OLD'],
  [0xcca8, 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'ECDHE-RSA-CHACHA20-POLY1305'],
  [0xcca9, 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'ECDHE-ECDSA-CHACHA20-POLY1305'],
  [0xccaa, 'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'DHE-RSA-CHACHA20-POLY1305'],
  [0xccab, 'TLS_PSK_WITH_CHACHA20_POLY1305_SHA256', 'PSK-CHACHA20-POLY1305'],
  [0xccac, 'TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256', 'ECDHE-PSK-CHACHA20-POLY1305'],
  [0xccad, 'TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256', 'DHE-PSK-CHACHA20-POLY1305'],
  [0xccae, 'TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256', 'RSA-PSK-CHACHA20-POLY1305'],
  [0xd001, 'TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256', null],
  [0xd002, 'TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA384', null],
];

const goodSet = new Set(ncscGoodSuites);
const sufficientSet = new Set(ncscSufficientSuites);
const phaseOutSet = new Set(ncscPhaseOutSuites);

const kexPrefixes: Readonly<Record<string, readonly [SuiteKeyExchange, SuiteAuthentication]>> = {
  RSA: ['RSA', 'RSA'],
  DHE_RSA: ['DHE', 'RSA'],
  DHE_DSS: ['DHE', 'DSS'],
  DH_RSA: ['DH', 'RSA'],
  DH_DSS: ['DH', 'DSS'],
  DH_anon: ['DH', 'anon'],
  ECDHE_RSA: ['ECDHE', 'RSA'],
  ECDHE_ECDSA: ['ECDHE', 'ECDSA'],
  ECDH_RSA: ['ECDH', 'RSA'],
  ECDH_ECDSA: ['ECDH', 'ECDSA'],
  ECDH_anon: ['ECDH', 'anon'],
  PSK: ['PSK', 'PSK'],
  DHE_PSK: ['DHE_PSK', 'PSK'],
  PSK_DHE: ['DHE_PSK', 'PSK'],
  ECDHE_PSK: ['ECDHE_PSK', 'PSK'],
  RSA_PSK: ['RSA_PSK', 'RSA'],
  SRP_SHA: ['SRP', 'SRP'],
  SRP_SHA_RSA: ['SRP', 'RSA'],
  SRP_SHA_DSS: ['SRP', 'DSS'],
};

const forwardSecret = new Set<SuiteKeyExchange>(['DHE', 'ECDHE', 'DHE_PSK', 'ECDHE_PSK', 'any']);

/** Derives a suite's components from its IANA name. Exported for the table tests. */
function describeSuite(code: number, iana: string, openssl: string | null): CipherSuiteInfo {
  const level: NcscLevel = goodSet.has(iana)
    ? 'good'
    : sufficientSet.has(iana)
      ? 'sufficient'
      : phaseOutSet.has(iana)
        ? 'phase-out'
        : 'insufficient';
  const old = iana.endsWith('_OLD');
  const name = old ? iana.slice(0, -4) : iana;
  if (name.startsWith('TLS_GOSTR')) {
    return {
      code,
      iana,
      openssl,
      keyExchange: 'GOST',
      authentication: 'GOST',
      encryption: 'GOST28147_CNT',
      mac: 'GOST',
      forwardSecret: false,
      export: false,
      minVersion: 'TLSv1.0',
      level,
      internetnlSees: false,
      opensslServes: false,
    };
  }
  const withAt = name.indexOf('_WITH_');
  const tls13 = withAt < 0;
  let keyExchange: SuiteKeyExchange = 'any';
  let authentication: SuiteAuthentication = 'any';
  let exportGrade = false;
  let rest: string;
  if (tls13) {
    rest = name.slice('TLS_'.length);
  } else {
    let prefix = name.slice('TLS_'.length, withAt);
    if (prefix.endsWith('_EXPORT')) {
      exportGrade = true;
      prefix = prefix.slice(0, -'_EXPORT'.length);
    }
    const pair = kexPrefixes[prefix];
    if (pair === undefined) throw new Error(`unknown key exchange in ${iana}`);
    [keyExchange, authentication] = pair;
    rest = name.slice(withAt + '_WITH_'.length);
  }
  const tokens = rest.split('_');
  const last = tokens[tokens.length - 1] as string;
  const hashToken = ['SHA', 'SHA256', 'SHA384', 'MD5', 'SM3'].includes(last);
  const encryption = (hashToken ? tokens.slice(0, -1) : tokens).join('_');
  const aead = /GCM|CCM|POLY1305/.test(encryption);
  const mac: SuiteMac = aead || !hashToken ? 'AEAD' : last === 'SHA' ? 'SHA1' : (last as SuiteMac);
  const minVersion: TlsVersion = tls13 ? 'TLSv1.3' : aead || mac === 'SHA256' || mac === 'SHA384' ? 'TLSv1.2' : 'SSLv3';
  const internetnlSees = !(
    old ||
    /CAMELLIA_\d+_GCM|ARIA_\d+_CBC|SM4/.test(encryption) ||
    authentication === 'PSK' ||
    keyExchange === 'RSA_PSK' ||
    keyExchange === 'SRP'
  );
  const staticDh = (keyExchange === 'DH' || keyExchange === 'ECDH') && authentication !== 'anon';
  const removed = old || exportGrade || staticDh || /^(RC4|DES|3DES|IDEA|SEED)_/.test(encryption);
  const opensslServes = openssl !== null && (tls13 || !removed);
  return {
    code,
    iana,
    openssl,
    keyExchange,
    authentication,
    encryption,
    mac,
    forwardSecret: forwardSecret.has(keyExchange),
    export: exportGrade,
    minVersion,
    level,
    internetnlSees,
    opensslServes,
  };
}

/** Every cipher suite pastoe classifies, by IANA code. Frozen. */
export const cipherSuites: ReadonlyMap<number, CipherSuiteInfo> = frozenMap(
  rows.map(([code, iana, openssl]) => [code, Object.freeze(describeSuite(code, iana, openssl))] as const),
);

/** The classification of a suite; an unknown code is an insufficient suite Internet.nl would not see. */
export function cipherSuite(code: number): CipherSuiteInfo {
  const known = cipherSuites.get(code);
  if (known !== undefined) return known;
  const hex = `0x${code.toString(16).padStart(4, '0')}`;
  return Object.freeze({
    code,
    iana: `UNKNOWN_${hex}`,
    openssl: null,
    keyExchange: 'any',
    authentication: 'any',
    encryption: 'unknown',
    mac: 'AEAD',
    forwardSecret: false,
    export: false,
    minVersion: 'SSLv3',
    level: 'insufficient',
    internetnlSees: false,
    opensslServes: false,
  } satisfies CipherSuiteInfo);
}

/** The suite's display name: the IANA name, or the hex code for unknown suites. */
export function cipherSuiteName(code: number): string {
  return cipherSuite(code).iana;
}
