/**
 * The lab PKI: a CA object that issues certificates for the lab's TLS servers.
 */
export { createLabCa, issueCertificate } from './ca.js';
export type { CreateLabCaOptions, IssueCertificateOptions, LabCa, LabCertificate, LabKeyType } from './ca.js';
