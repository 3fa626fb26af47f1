/**
 * The lab PKI: a CA object that issues certificates for the lab's TLS servers, OCSP responses
 * for stapling, TLSA data for DANE, and a few fixed RSA keys that keep the lab fast.
 */
export { certificatesFromPem, createLabCa, createSelfSignedCertificate, issueCertificate } from './ca.js';
export type {
  CreateLabCaOptions,
  IssueCertificateOptions,
  LabCa,
  LabCertificate,
  LabCertificatePurpose,
  LabKeyType,
  LabSignatureAlgorithm,
  SelfSignedCertificateOptions,
} from './ca.js';
export { createOcspErrorResponse, createOcspResponse } from './ocsp.js';
export type { CreateOcspResponseOptions, LabOcspStatus } from './ocsp.js';
export { tlsaFor, tlsaText } from './tlsa.js';
export type { LabTlsaData, TlsaMatchingType, TlsaSelector, TlsaUsage } from './tlsa.js';
export { fixedLabKey } from './fixed-keys.js';
export type { FixedLabKey } from './fixed-keys.js';
