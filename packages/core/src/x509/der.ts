/**
 * A small, strict DER (ITU-T X.690) reader: just enough to walk X.509 certificates, OCSP
 * responses and DH parameters. Node 20 parses certificates but does not expose the outer
 * signature algorithm, the RSASSA-PSS parameters or the raw extensions, and the ASN.1 libraries
 * on npm either fail on ECDSA/EdDSA keys or need a global reflection polyfill. Certificates come
 * from the network, so every length is checked against its container and nothing is trusted.
 * Plain `Uint8Array`s and no Node module: checks read certificates with it in a browser too.
 */
import { latin1, toHex } from '../util/bytes.js';

/** Why a DER value could not be read. */
export class DerError extends Error {
  /** Creates the error with a one-line reason. */
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

/** The class of a DER tag. */
export type DerClass = 'universal' | 'application' | 'context' | 'private';

/** One tag-length-value read from DER. */
export interface DerNode {
  /** The tag class. */
  readonly cls: DerClass;
  /** Whether the value holds further TLVs. */
  readonly constructed: boolean;
  /** The tag number within its class. */
  readonly tag: number;
  /** The value bytes (a view, not a copy). */
  readonly content: Uint8Array;
  /** The whole TLV, header included (a view). */
  readonly raw: Uint8Array;
}

/** Universal tag numbers pastoe reads. */
export const DerTag = Object.freeze({
  boolean: 1,
  integer: 2,
  bitString: 3,
  octetString: 4,
  null: 5,
  oid: 6,
  enumerated: 10,
  utf8String: 12,
  sequence: 16,
  set: 17,
  printableString: 19,
  t61String: 20,
  ia5String: 22,
  utcTime: 23,
  generalizedTime: 24,
  universalString: 28,
  bmpString: 30,
});

const classes: readonly DerClass[] = ['universal', 'application', 'context', 'private'];

/** Bound on nesting and sizes: a certificate needs neither more than 4-byte lengths nor deep trees. */
const maxLengthBytes = 4;

/**
 * Reads the TLV that starts at `offset`. Throws {@link DerError} on anything malformed:
 * truncation, indefinite or non-minimal lengths, over-long tag numbers.
 */
export function readDer(bytes: Uint8Array, offset = 0): DerNode {
  let pos = offset;
  const first = byteAt(bytes, pos++);
  const cls = classes[first >> 6] as DerClass;
  const constructed = (first & 0x20) !== 0;
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    // High tag numbers: base-128, at most 3 bytes (no certificate field needs more).
    tag = 0;
    for (let count = 0; ; count++) {
      if (count >= 3) throw new DerError('tag number too long');
      const b = byteAt(bytes, pos++);
      tag = tag * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  const lengthByte = byteAt(bytes, pos++);
  let length: number;
  if (lengthByte < 0x80) {
    length = lengthByte;
  } else {
    const count = lengthByte & 0x7f;
    if (count === 0) throw new DerError('indefinite length is not DER');
    if (count > maxLengthBytes) throw new DerError('length too long');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + byteAt(bytes, pos++);
    if (length < 0x80 || (count > 1 && length < 2 ** (8 * (count - 1)))) throw new DerError('non-minimal length');
  }
  const end = pos + length;
  if (end > bytes.length) throw new DerError('value runs past the end of its container');
  return { cls, constructed, tag, content: bytes.subarray(pos, end), raw: bytes.subarray(offset, end) };
}

function byteAt(bytes: Uint8Array, pos: number): number {
  const value = bytes[pos];
  if (value === undefined) throw new DerError('truncated');
  return value;
}

/** Reads a whole buffer as exactly one TLV (no trailing bytes). */
export function readDerExact(bytes: Uint8Array): DerNode {
  const node = readDer(bytes, 0);
  if (node.raw.length !== bytes.length) throw new DerError('trailing bytes after the value');
  return node;
}

/** The TLVs inside a constructed value, in order. */
export function derChildren(node: DerNode): DerNode[] {
  if (!node.constructed) throw new DerError('not a constructed value');
  const out: DerNode[] = [];
  let pos = 0;
  while (pos < node.content.length) {
    const child = readDer(node.content, pos);
    out.push(child);
    pos += child.raw.length;
  }
  return out;
}

/** True when the node is the universal type with that tag number. */
export function isUniversal(node: DerNode | undefined, tag: number): node is DerNode & { readonly cls: 'universal' } {
  return node !== undefined && node.cls === 'universal' && node.tag === tag;
}

/** True when the node is the context-specific tag `[n]`. */
export function isContext(node: DerNode | undefined, tag: number): node is DerNode & { readonly cls: 'context' } {
  return node !== undefined && node.cls === 'context' && node.tag === tag;
}

/** Requires a universal type, for structure the reader cannot do without. */
export function expectUniversal(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!isUniversal(node, tag)) throw new DerError(`expected ${what}`);
  return node;
}

/** The children of a SEQUENCE, requiring that it is one. */
export function sequenceItems(node: DerNode | undefined, what: string): DerNode[] {
  return derChildren(expectUniversal(node, DerTag.sequence, `${what} (SEQUENCE)`));
}

/** Decodes an OBJECT IDENTIFIER's content to dotted form. */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0) throw new DerError('empty OID');
  const arcs: string[] = [];
  let value = 0n;
  let first = true;
  for (let i = 0; i < content.length; i++) {
    const b = content[i] as number;
    if (value === 0n && b === 0x80) throw new DerError('non-minimal OID arc');
    value = (value << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      if (first) {
        // The first subidentifier packs two arcs: 40 * X + Y, X in 0..2.
        const x = value < 40n ? 0n : value < 80n ? 1n : 2n;
        arcs.push(x.toString(), (value - 40n * x).toString());
        first = false;
      } else {
        arcs.push(value.toString());
      }
      value = 0n;
    } else if (i === content.length - 1) {
      throw new DerError('truncated OID arc');
    }
  }
  return arcs.join('.');
}

/** Reads an OID node. */
export function readOid(node: DerNode | undefined, what = 'OID'): string {
  return decodeOid(expectUniversal(node, DerTag.oid, what).content);
}

/** The unsigned magnitude of an INTEGER as lowercase hex without leading zeros (`'0'` for zero). */
export function integerHex(node: DerNode): string {
  return toHex(node.content).replace(/^0+/, '') || '0';
}

/** The number of significant bits of an unsigned INTEGER (an RSA modulus, a DH prime). */
export function integerBits(node: DerNode): number {
  const bytes = node.content;
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i] as number));
}

/** A small non-negative INTEGER or ENUMERATED as a number (throws above 2^48). */
export function smallInteger(node: DerNode): number {
  if (node.content.length === 0 || node.content.length > 6) throw new DerError('integer out of range');
  if ((node.content[0] as number) & 0x80) throw new DerError('negative integer');
  let value = 0;
  for (const b of node.content) value = value * 256 + b;
  return value;
}

/** The bytes of a BIT STRING without its unused-bits octet (which must be 0 for keys and signatures). */
export function bitStringBytes(node: DerNode): Uint8Array {
  expectUniversal(node, DerTag.bitString, 'BIT STRING');
  if (node.content.length === 0) throw new DerError('empty BIT STRING');
  return node.content.subarray(1);
}

/** Decodes a UTCTime or GeneralizedTime (the forms RFC 5280 allows: UTC, seconds, `Z`). */
export function decodeTime(node: DerNode): Date {
  const text = latin1(node.content);
  let match: RegExpExecArray | null;
  if (isUniversal(node, DerTag.utcTime)) {
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (match === null) throw new DerError('bad UTCTime');
    const yy = Number(match[1]);
    // RFC 5280 4.1.2.5.1: two-digit years 50-99 are 19xx, 00-49 are 20xx.
    return utcDate(yy >= 50 ? 1900 + yy : 2000 + yy, match);
  }
  if (isUniversal(node, DerTag.generalizedTime)) {
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
    if (match === null) throw new DerError('bad GeneralizedTime');
    return utcDate(Number(match[1]), match);
  }
  throw new DerError('expected a time');
}

function utcDate(year: number, match: RegExpExecArray): Date {
  const [month, day, hour, minute, second] = [2, 3, 4, 5, 6].map((i) => Number(match[i]));
  return new Date(Date.UTC(year, (month as number) - 1, day, hour, minute, second));
}

const utf8 = new TextDecoder('utf-8');

/** Decodes the directory string types a certificate name may use. */
export function decodeString(node: DerNode): string {
  const content = node.content;
  switch (node.cls === 'universal' ? node.tag : -1) {
    case DerTag.utf8String:
      return utf8.decode(content);
    case DerTag.printableString:
    case DerTag.ia5String:
      // 7-bit types: a high bit is not theirs, so it is dropped rather than read as Latin-1.
      return latin1(content.map((b) => b & 0x7f));
    case DerTag.t61String:
      return latin1(content);
    case DerTag.bmpString: {
      if (content.length % 2 !== 0) throw new DerError('odd BMPString');
      const units: string[] = [];
      for (let i = 0; i < content.length; i += 2)
        units.push(String.fromCharCode(((content[i] as number) << 8) | (content[i + 1] as number)));
      return units.join('');
    }
    case DerTag.universalString: {
      if (content.length % 4 !== 0) throw new DerError('bad UniversalString');
      const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
      const chars: string[] = [];
      for (let i = 0; i < content.length; i += 4) {
        const codePoint = view.getUint32(i);
        if (codePoint > 0x10ffff) throw new DerError('UniversalString character out of range');
        chars.push(String.fromCodePoint(codePoint));
      }
      return chars.join('');
    }
    default:
      throw new DerError('not a string type');
  }
}

/** Encodes a dotted OID to DER content bytes (for comparisons and tests). */
export function encodeOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  if (arcs.length < 2) throw new DerError('an OID has at least two arcs');
  const values = [(arcs[0] as bigint) * 40n + (arcs[1] as bigint), ...arcs.slice(2)];
  const out: number[] = [];
  for (const value of values) {
    const chunk: number[] = [];
    let v = value;
    do {
      chunk.unshift(Number(v & 0x7fn));
      v >>= 7n;
    } while (v > 0n);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] = (chunk[i] as number) | 0x80;
    out.push(...chunk);
  }
  return Uint8Array.from(out);
}
