/**
 * The type bitmap of NSEC and NSEC3 records (RFC 4034 §4.1.2, RFC 5155 §3.2.1), kept as the
 * octets it came in. A bitmap of 8,704 octets can name all 65,536 types; decoded eagerly into
 * mnemonics, a 64 KB answer of such records held tens of megabytes. Records carry the octets as
 * hex and these functions answer questions about them on demand.
 */
import type { RecordType } from '../types.js';
import { recordTypeName, recordTypeNumber } from './constants.js';
import { DnsWireError } from './errors.js';
import { type ByteReader, fromHex, toHex } from '../../util/bytes.js';

/** Why the octets are not a type bitmap, or `undefined` when they are one. */
function bitmapProblem(bytes: Uint8Array): string | undefined {
  let lastWindow = -1;
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length) return 'type bitmap window header cut short';
    const window = bytes[offset] ?? 0;
    const length = bytes[offset + 1] ?? 0;
    if (window <= lastWindow) return 'type bitmap windows out of order';
    if (length < 1 || length > 32) return `type bitmap window length ${length} outside 1..32`;
    if (offset + 2 + length > bytes.length) return 'type bitmap window cut short';
    lastWindow = window;
    offset += 2 + length;
  }
  return undefined;
}

/**
 * Reads the type bitmap that fills the rest of the reader's RDATA and returns its octets as
 * lowercase hex. Windows must come in increasing order, each 1 to 32 octets long; anything else
 * is malformed, because a validator proves non-existence from the bitmap.
 * @throws DnsWireError when the bitmap is malformed
 */
export function readTypeBitmap(reader: ByteReader): string {
  const bytes = reader.rest();
  const problem = bitmapProblem(bytes);
  if (problem !== undefined) throw new DnsWireError('malformed', problem);
  return toHex(bytes);
}

/**
 * The octets of a bitmap given as hex.
 * @throws DnsWireError when the text is not hex or not a well-formed bitmap
 */
export function typeBitmapOctets(bitmap: string): Uint8Array {
  const bytes = fromHex(bitmap);
  if (bytes === undefined) throw new DnsWireError('malformed', 'type bitmap is not hex');
  const problem = bitmapProblem(bytes);
  if (problem !== undefined) throw new DnsWireError('malformed', problem);
  return bytes;
}

/**
 * The type bitmap (lowercase hex, as NSEC and NSEC3 record data carry it) of a list of types,
 * given as mnemonics, `TYPE<n>` or numbers; duplicates are merged and the order does not matter.
 * @throws DnsWireError for a type that is neither a known mnemonic nor a number 0..65535
 */
export function typeBitmapOf(types: readonly (string | number)[]): string {
  const windows = new Map<number, Uint8Array>();
  for (const type of types) {
    const value = typeof type === 'number' ? type : recordTypeNumber(type);
    if (value === undefined || !Number.isInteger(value) || value < 0 || value > 0xffff) {
      throw new DnsWireError('unsupported', `unknown record type ${type} in type bitmap`);
    }
    const window = value >>> 8;
    const low = value & 0xff;
    const bitmap = windows.get(window) ?? new Uint8Array(32);
    bitmap[low >>> 3] = (bitmap[low >>> 3] ?? 0) | (0x80 >>> (low & 7));
    windows.set(window, bitmap);
  }
  let out = '';
  for (const window of [...windows.keys()].sort((a, b) => a - b)) {
    const bitmap = windows.get(window) ?? new Uint8Array(32);
    let length = 32;
    while (length > 0 && bitmap[length - 1] === 0) length--;
    out += toHex(Uint8Array.of(window, length)) + toHex(bitmap.subarray(0, length));
  }
  return out;
}

function octetsOf(bitmap: string | Uint8Array): Uint8Array | undefined {
  const bytes = typeof bitmap === 'string' ? fromHex(bitmap) : bitmap;
  return bytes === undefined || bitmapProblem(bytes) !== undefined ? undefined : bytes;
}

/**
 * The types a bitmap names, in increasing order of type number. Decoding allocates one string
 * per type, up to 65,536 of them: ask {@link bitmapHasType} where one type is the question.
 * A malformed bitmap names no types.
 * @param bitmap - hex (as in NSEC and NSEC3 record data) or the octets
 */
export function typesInBitmap(bitmap: string | Uint8Array): RecordType[] {
  const bytes = octetsOf(bitmap);
  const types: RecordType[] = [];
  if (bytes === undefined) return types;
  for (let offset = 0; offset < bytes.length; offset += 2 + (bytes[offset + 1] ?? 0)) {
    const window = bytes[offset] ?? 0;
    const length = bytes[offset + 1] ?? 0;
    for (let index = 0; index < length; index++) {
      const byte = bytes[offset + 2 + index] ?? 0;
      for (let bit = 0; bit < 8; bit++) {
        if (byte & (0x80 >>> bit)) types.push(recordTypeName(window * 256 + index * 8 + bit));
      }
    }
  }
  return types;
}

/**
 * Whether a bitmap names a type; `false` for a malformed bitmap or an unknown mnemonic.
 * @param bitmap - hex (as in NSEC and NSEC3 record data) or the octets
 * @param type - a mnemonic, `TYPE<n>` or a type number
 */
export function bitmapHasType(bitmap: string | Uint8Array, type: RecordType | number): boolean {
  const value = typeof type === 'number' ? type : recordTypeNumber(type);
  const bytes = octetsOf(bitmap);
  if (value === undefined || bytes === undefined) return false;
  const window = value >>> 8;
  const index = (value & 0xff) >>> 3;
  for (let offset = 0; offset < bytes.length; offset += 2 + (bytes[offset + 1] ?? 0)) {
    if (bytes[offset] !== window) continue;
    if (index >= (bytes[offset + 1] ?? 0)) return false;
    return ((bytes[offset + 2 + index] ?? 0) & (0x80 >>> (value & 7))) !== 0;
  }
  return false;
}
