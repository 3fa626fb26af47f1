/**
 * Certificate facts from DER (key type, size and curve; the outer signature algorithm with
 * RSASSA-PSS parameters; subjectAltName; AIA OCSP URL; fingerprints), host-name matching as
 * Internet.nl does it, chain paths and stapled OCSP response checks: pure, no Node module. The
 * signatures themselves are checked by `signatures.ts` (node:crypto), on the probe side only.
 */
export { certificateBytes, certificateFacts, parseCertificate, tryParseCertificate } from './certificate.js';
export type { CertificateFacts, CertificatePublicKey, CertificateSignature, ParsedCertificate } from './certificate.js';
export { isSelfSignedAt, isWithinValidity, pathTo, verifiedPrefix } from './chain.js';
export type { ChainSignatures } from './chain.js';
export { chainSignatures, isIssuedBy, isSelfSigned, ocspSigner } from './signatures.js';
export { matchHostname } from './hostname.js';
export type { HostnameMatch } from './hostname.js';
export { checkOcspResponse } from './ocsp.js';
export type { OcspCheck, OcspCheckInput, OcspSigner } from './ocsp.js';
export { DerError } from './der.js';
export type { HashName, PublicKeyType } from './oids.js';
