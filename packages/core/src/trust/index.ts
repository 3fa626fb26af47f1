/** The trust store: Mozilla's roots and the user's CAs, for node:tls and for verifying saved chains. */
export { createTrustStore, mozillaTrustStore } from './store.js';
export type { TrustedCertificate, TrustStore, TrustStoreDescription, TrustStoreKind, TrustStoreOptions } from './store.js';
export type { ChainProblem, ChainVerification, VerifyChainOptions } from './verify.js';
