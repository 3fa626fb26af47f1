import type { DnsRecord } from '../dns/types.js';
import { toHex } from '../util/bytes.js';
import { sha256, sha512 } from '../util/sha.js';
import type { ParsedCertificate } from '../x509/certificate.js';

/** One TLSA record (RFC 6698): certificate usage, selector, matching type, association data. */
export interface TlsaRecord {
  /** 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE. */
  readonly usage: number;
  /** 0 the full certificate, 1 the SubjectPublicKeyInfo. */
  readonly selector: number;
  /** 0 exact, 1 SHA-256, 2 SHA-512. */
  readonly matchingType: number;
  /** The association data, lowercase hex. */
  readonly certificateData: string;
}

/** The TLSA records in an answer (other types, e.g. CNAME or RRSIG, are skipped). */
export function tlsaRecords(records: readonly (DnsRecord | TlsaRecord)[]): TlsaRecord[] {
  const out: TlsaRecord[] = [];
  for (const record of records) {
    const data = 'data' in record ? (record.data.type === 'TLSA' ? record.data : undefined) : record;
    if (data === undefined) continue;
    out.push({
      usage: data.usage,
      selector: data.selector,
      matchingType: data.matchingType,
      certificateData: data.certificateData.toLowerCase(),
    });
  }
  return out;
}

/** The record in presentation form, as Internet.nl lists it: `3 1 1 <hex>`. */
export function tlsaText(record: TlsaRecord): string {
  return `${record.usage} ${record.selector} ${record.matchingType} ${record.certificateData}`;
}

/** True when pastoe can use the record's selector and matching type (RFC 6698 2.1.2-2.1.3). */
export function isSupportedTlsa(record: TlsaRecord): boolean {
  return (
    record.usage >= 0 &&
    record.usage <= 3 &&
    (record.selector === 0 || record.selector === 1) &&
    record.matchingType >= 0 &&
    record.matchingType <= 2
  );
}

/**
 * The association data a certificate gives for a selector and matching type, lowercase hex;
 * `undefined` for values RFC 6698 does not define.
 */
export function tlsaAssociation(certificate: ParsedCertificate, selector: number, matchingType: number): string | undefined {
  const selected = selector === 0 ? certificate.der : selector === 1 ? certificate.spki : undefined;
  if (selected === undefined) return undefined;
  switch (matchingType) {
    case 0:
      return toHex(selected);
    case 1:
      return toHex(sha256(selected));
    case 2:
      return toHex(sha512(selected));
    default:
      return undefined;
  }
}

/** True when the record's data matches the certificate. */
export function tlsaMatches(record: TlsaRecord, certificate: ParsedCertificate): boolean {
  return isSupportedTlsa(record) && tlsaAssociation(certificate, record.selector, record.matchingType) === record.certificateData;
}
