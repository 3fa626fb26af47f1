import type { RecordType } from '../dns/types.js';
import { classNumber as wireClassNumber, recordTypeName, recordTypeNumber } from '../dns/wire/constants.js';
import { bitmapHasType } from '../dns/wire/type-bitmap.js';
import { fromHex } from '../util/bytes.js';

/** Type numbers used in the validator's logic. */
export const T = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  DNAME: 39,
  DS: 43,
  RRSIG: 46,
  NSEC: 47,
  DNSKEY: 48,
  NSEC3: 50,
} as const;

/**
 * The number of a type given as a mnemonic (any case) or `TYPE<n>`, or `undefined`. Types the
 * DNS client does not name (the obsolete ones of RFC 4034 §6.2 among them) arrive as `TYPE<n>`.
 */
export function typeNumber(type: string): number | undefined {
  return recordTypeNumber(type);
}

/** The mnemonic of a type number as pastoe's {@link RecordType} spells it. */
export function typeName(value: number): RecordType {
  return recordTypeName(value);
}

/** The number of a class mnemonic or `CLASS<n>`; unknown text is taken as IN, the only class pastoe queries. */
export function classNumber(name: string): number {
  return wireClassNumber(name) ?? 1;
}

/** The types an NSEC or NSEC3 record names at its owner, as the denial proofs ask about them. */
export interface TypeSet {
  /** Whether the type with this number is present. */
  has(type: number): boolean;
}

/**
 * The types of a type bitmap (hex, as record data carries it), looked up in the octets rather
 * than expanded: a hostile bitmap names all 65,536 types. A malformed bitmap names none.
 */
export function typeSetOf(bitmap: string): TypeSet {
  const bytes = fromHex(bitmap) ?? new Uint8Array();
  return { has: (type) => bitmapHasType(bytes, type) };
}
