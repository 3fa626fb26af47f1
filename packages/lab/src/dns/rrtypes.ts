import type { KnownRecordType, RecordType } from '@pastoe/core';
import { LabDnsError } from './names.js';

const numbers: Readonly<Record<KnownRecordType, number>> = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  DNAME: 39,
  OPT: 41,
  DS: 43,
  RRSIG: 46,
  NSEC: 47,
  DNSKEY: 48,
  NSEC3: 50,
  NSEC3PARAM: 51,
  TLSA: 52,
  CDS: 59,
  CDNSKEY: 60,
  SVCB: 64,
  HTTPS: 65,
  CAA: 257,
  ANY: 255,
};

const names = new Map<number, KnownRecordType>(
  (Object.entries(numbers) as [KnownRecordType, number][]).map(([name, value]) => [value, name]),
);

/** The numeric value of a record type (`TYPE<n>` gives n). Throws on a name it does not know. */
export function typeNumber(type: RecordType | string): number {
  const upper = type.toUpperCase();
  const known = (numbers as Record<string, number | undefined>)[upper];
  if (known !== undefined) return known;
  const generic = /^(?:TYPE|UNKNOWN_)(\d{1,5})$/.exec(upper);
  if (generic?.[1] !== undefined) {
    const value = Number(generic[1]);
    if (value <= 0xffff) return value;
  }
  throw new LabDnsError(`unknown record type "${type}"`);
}

/** The record type for a number: its mnemonic when pastoe knows one, else `TYPE<n>`. */
export function typeName(value: number): RecordType {
  return names.get(value) ?? `TYPE${value}`;
}

/** True when the text names a record type (a mnemonic or `TYPE<n>`). */
export function isRecordType(text: string): boolean {
  try {
    typeNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** Normalises a type spelling (`type65` → `HTTPS`, `a` → `A`). */
export function canonicalType(text: string): RecordType {
  return typeName(typeNumber(text));
}
