/**
 * The NCSC TLS guidelines (2025-05) as Internet.nl v1.11 applies them, as frozen data keyed by
 * IANA codes: versions, cipher suites, named groups, RFC 7919 primes, signature schemes and
 * certificate key and signature levels.
 */
export { isAcceptableLevel, ncscLevels, worstLevel } from './levels.js';
export type { NcscLevel } from './levels.js';
export { tlsVersionCodes, tlsVersionLevels } from './versions.js';
export {
  cipherSuite,
  cipherSuiteName,
  cipherSuites,
  internetnlTls13ProbeSuites,
  ncscGoodSuites,
  ncscPhaseOutSuites,
  ncscSufficientSuites,
} from './cipher-suites.js';
export type { CipherSuiteInfo, SuiteAuthentication, SuiteKeyExchange, SuiteMac } from './cipher-suites.js';
export { namedGroup, namedGroups } from './groups.js';
export type { GroupKind, NamedGroupInfo } from './groups.js';
export { ffdheGroupByCode, ffdheGroups, identifyFfdhePrime, normaliseHex } from './ffdhe.js';
export type { FfdheGroup } from './ffdhe.js';
export { signatureScheme, signatureSchemes } from './signature-schemes.js';
export type { SchemeSignature, SignatureSchemeInfo } from './signature-schemes.js';
export {
  certificateGoodCurves,
  certificateKeyLevel,
  certificatePhaseOutSignatureOids,
  certificateSignatureLevel,
  certificateSufficientSignatureOids,
} from './certificates.js';
export type { CertificateLevel } from './certificates.js';
