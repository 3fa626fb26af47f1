/**
 * Pure evaluators for the Internet.nl TLS and certificate subtests: each takes the TLS evidence
 * of one endpoint and a context, and gives the status, outcome code, findings and facts a check
 * returns. Checks in the web and mail packages call these per server.
 */
export type { TlsEvaluationContext, TlsEvaluator, TlsJudgement } from './shared.js';
export { evaluateTlsVersion } from './version.js';
export { evaluateTlsCiphers, suiteScope } from './ciphers.js';
export type { ScopedSuite, SuiteScope } from './ciphers.js';
export { evaluateTlsCipherOrder } from './cipher-order.js';
export { evaluateTlsKeyExchange, internetnlMinDhBits } from './key-exchange.js';
export { evaluateTlsKexHash } from './kex-hash.js';
export { evaluateTlsCompression } from './compression.js';
export { evaluateTlsSecureRenegotiation } from './secure-renegotiation.js';
export { evaluateTlsClientRenegotiation, maxLimitedRenegotiations } from './client-renegotiation.js';
export { evaluateTlsExtendedMasterSecret } from './extended-master-secret.js';
export { evaluateTlsZeroRtt } from './zero-rtt.js';
export { evaluateTlsOcsp } from './ocsp.js';
export { evaluateTlsHybridPq } from './hybrid-pq.js';
export { evaluateCertTrust } from './cert-trust.js';
export { evaluateCertPubkey, keyLabel } from './cert-pubkey.js';
export { evaluateCertSignature } from './cert-signature.js';
export { evaluateCertHostmatch } from './cert-hostmatch.js';
export { selectChains } from './certificates.js';
export type { ChainSelection, ParsedChain } from './certificates.js';
