/**
 * Byte helpers of the validator. Hex, base32hex and RDATA encoding come from the DNS client's
 * wire codec, so that both sides of pastoe agree on every octet.
 */
import type { DnsRecord, RecordData } from '../dns/types.js';
import { rdataToWire } from '../dns/wire/records.js';
import { fromHex } from '../util/bytes.js';

export { fromBase32Hex, toBase32Hex } from '../dns/wire/records.js';
export { concatBytes, fromHex, toHex } from '../util/bytes.js';

/** Decodes base64 (whitespace allowed); `undefined` when the text is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  return Uint8Array.from(Buffer.from(clean, 'base64'));
}

/** Base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Compares byte arrays as unsigned octet strings, a prefix sorting first (RFC 4034 §6.3). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

/** Whether two byte arrays are equal. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return compareBytes(a, b) === 0;
}

/**
 * Encodes decoded record data to RDATA with the DNS client's codec (names lowercased, no
 * compression). The validator prefers the received octets ({@link DnsRecord.wire}); this is the
 * fallback for records built without them. Data that cannot be encoded gives empty RDATA, whose
 * signature then fails to verify, rather than an exception in the middle of a validation.
 */
export function encodeRdata(data: RecordData): Uint8Array {
  try {
    return rdataToWire(data);
  } catch {
    return new Uint8Array();
  }
}

/**
 * The RDATA of a record as received: {@link DnsRecord.wire} when present (it keeps the case of
 * names and any bytes the decoder could not represent), else re-encoded from the decoded data.
 */
export function recordRdata(record: DnsRecord): Uint8Array {
  if (record.wire !== undefined) {
    const bytes = fromHex(record.wire);
    if (bytes !== undefined) return bytes;
  }
  return encodeRdata(record.data);
}
