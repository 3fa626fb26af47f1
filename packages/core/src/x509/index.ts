/**
 * Certificate facts from DER (key type, size and curve; the outer signature algorithm with
 * RSASSA-PSS parameters; subjectAltName; AIA OCSP URL), host-name matching as Internet.nl does
 * it, chain links, and stapled OCSP response checks. Pure; node:crypto for signatures only.
 */
export { certificateBytes, certificateFacts, parseCertificate, tryParseCertificate } from './certificate.js';
export type { CertificateFacts, CertificatePublicKey, CertificateSignature, ParsedCertificate } from './certificate.js';
export { isIssuedBy, isSelfSigned, isWithinValidity, pathTo, verifiedPrefix } from './chain.js';
export { matchHostname } from './hostname.js';
export type { HostnameMatch } from './hostname.js';
export { checkOcspResponse } from './ocsp.js';
export type { OcspCheck } from './ocsp.js';
export { DerError } from './der.js';
export type { HashName, PublicKeyType } from './oids.js';
