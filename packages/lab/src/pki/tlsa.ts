/**
 * TLSA record data (RFC 6698) computed from the lab's certificates, so that the DANE records the
 * lab publishes always match (or, on purpose, fail to match) what its servers present.
 */
import { createHash } from 'node:crypto';
import type { LabCertificate } from './ca.js';

/** TLSA certificate usage: PKIX-TA, PKIX-EE, DANE-TA, DANE-EE. */
export type TlsaUsage = 0 | 1 | 2 | 3;
/** TLSA selector: the full certificate (0) or its subjectPublicKeyInfo (1). */
export type TlsaSelector = 0 | 1;
/** TLSA matching type: exact (0), SHA-256 (1) or SHA-512 (2). */
export type TlsaMatchingType = 0 | 1 | 2;

/** The data of one TLSA record, in the shape pastoe's DNS types use. */
export interface LabTlsaData {
  readonly type: 'TLSA';
  readonly usage: TlsaUsage;
  readonly selector: TlsaSelector;
  readonly matchingType: TlsaMatchingType;
  /** Lowercase hex. */
  readonly certificateData: string;
}

/** The TLSA data for a certificate with the given parameters (default DANE-EE, SPKI, SHA-256: `3 1 1`). */
export function tlsaFor(
  certificate: LabCertificate,
  usage: TlsaUsage = 3,
  selector: TlsaSelector = 1,
  matchingType: TlsaMatchingType = 1,
): LabTlsaData {
  const selected = selector === 0 ? certificate.der : certificate.spkiDer;
  const data =
    matchingType === 0
      ? selected
      : createHash(matchingType === 1 ? 'sha256' : 'sha512')
          .update(selected)
          .digest();
  return { type: 'TLSA', usage, selector, matchingType, certificateData: Buffer.from(data).toString('hex') };
}

/** TLSA data in zone-file presentation form: `3 1 1 ab12…`. */
export function tlsaText(data: LabTlsaData): string {
  return `${data.usage} ${data.selector} ${data.matchingType} ${data.certificateData}`;
}
