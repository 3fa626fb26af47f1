import type { KnownRecordType, Rcode, RecordType } from '../types.js';

/** IANA type numbers of the record types pastoe names (RFC 1035, 3596, 4034, 5155, 6672, 6698, 7344, 8659, 9460). */
export const recordTypeNumbers: Readonly<Record<KnownRecordType, number>> = {
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

const recordTypeNames: ReadonlyMap<number, KnownRecordType> = new Map(
  (Object.entries(recordTypeNumbers) as [KnownRecordType, number][]).map(([name, value]) => [value, name]),
);

/** The mnemonic of a type number, or `TYPE<n>` (RFC 3597 §5) for one pastoe does not name. */
export function recordTypeName(value: number): RecordType {
  return recordTypeNames.get(value) ?? `TYPE${value}`;
}

/**
 * The number of a record type given as a mnemonic (any case) or as `TYPE<n>`, or `undefined`
 * when the text is neither. Callers may pass strings from outside TypeScript, hence the check.
 */
export function recordTypeNumber(type: string): number | undefined {
  const upper = type.toUpperCase();
  const known = (recordTypeNumbers as Readonly<Record<string, number>>)[upper];
  if (known !== undefined) return known;
  const match = /^TYPE([0-9]{1,5})$/.exec(upper);
  if (match === null) return undefined;
  const value = Number(match[1]);
  return value <= 0xffff ? value : undefined;
}

/** The class mnemonic of a class number (RFC 1035, RFC 2136), or `CLASS<n>` (RFC 3597). */
export function className(value: number): string {
  switch (value) {
    case 1:
      return 'IN';
    case 3:
      return 'CH';
    case 4:
      return 'HS';
    case 254:
      return 'NONE';
    case 255:
      return 'ANY';
    default:
      return `CLASS${value}`;
  }
}

/** The class number of a mnemonic or `CLASS<n>`, or `undefined`. */
export function classNumber(name: string): number | undefined {
  const upper = name.toUpperCase();
  const known: Readonly<Record<string, number>> = { IN: 1, CH: 3, HS: 4, NONE: 254, ANY: 255 };
  const value = known[upper];
  if (value !== undefined) return value;
  const match = /^CLASS([0-9]{1,5})$/.exec(upper);
  if (match === null) return undefined;
  const number = Number(match[1]);
  return number <= 0xffff ? number : undefined;
}

const rcodeNames: Readonly<Record<number, Rcode>> = {
  0: 'NOERROR',
  1: 'FORMERR',
  2: 'SERVFAIL',
  3: 'NXDOMAIN',
  4: 'NOTIMP',
  5: 'REFUSED',
  6: 'YXDOMAIN',
  9: 'NOTAUTH',
  16: 'BADVERS',
};

/** The numbers of the mnemonics: every query encodes one. */
const rcodeNumbers: ReadonlyMap<string, number> = new Map(Object.entries(rcodeNames).map(([value, name]) => [name, Number(value)]));

/** The mnemonic of a (possibly extended, 12-bit) response code, or `RCODE<n>`. */
export function rcodeName(value: number): Rcode {
  return rcodeNames[value] ?? `RCODE${value}`;
}

/** The number of an rcode mnemonic or `RCODE<n>`, or `undefined`. */
export function rcodeNumber(rcode: string): number | undefined {
  const upper = rcode.toUpperCase();
  const known = rcodeNumbers.get(upper);
  if (known !== undefined) return known;
  const match = /^RCODE([0-9]{1,4})$/.exec(upper);
  if (match === null) return undefined;
  const value = Number(match[1]);
  return value <= 0xfff ? value : undefined;
}

/** EDNS option codes pastoe reads or writes. */
export const ednsOptionCodes = {
  /** RFC 7830 padding. */
  padding: 12,
  /** RFC 8914 Extended DNS Error. */
  extendedError: 15,
} as const;

/** The UDP payload size pastoe advertises: the DNS Flag Day 2020 value, which avoids IP fragmentation. */
export const defaultUdpPayloadSize = 1232;

/** The largest DNS message any transport accepts (the TCP length prefix is 16 bits). */
export const maxMessageBytes = 65535;
