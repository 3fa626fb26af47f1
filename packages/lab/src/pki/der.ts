/**
 * Just enough DER (ITU-T X.690) to write X.509 certificates. Node can sign and parse
 * certificates but not build them, and the lab would rather not pull in an ASN.1 library with a
 * global reflection polyfill for a few dozen lines of tag-length-value.
 */

/** A DER-encoded value. */
export type Der = Buffer;

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** A tag-length-value with the given tag byte. */
export function tlv(tag: number, content: Uint8Array): Der {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}

/** SEQUENCE. */
export function sequence(...items: Der[]): Der {
  return tlv(0x30, Buffer.concat(items));
}

/** SET (the caller orders the members; the lab only writes single-member sets). */
export function set(...items: Der[]): Der {
  return tlv(0x31, Buffer.concat(items));
}

/** INTEGER from unsigned big-endian bytes (a leading zero is added when the top bit is set). */
export function unsignedInteger(bytes: Uint8Array): Der {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = Buffer.from(bytes.subarray(start));
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

/** INTEGER from a small non-negative number. */
export function smallInteger(value: number): Der {
  const bytes: number[] = [];
  let n = value;
  do {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n > 0);
  return unsignedInteger(Buffer.from(bytes));
}

/** BOOLEAN. */
export function boolean(value: boolean): Der {
  return tlv(0x01, Buffer.from([value ? 0xff : 0]));
}

/** NULL. */
export function nullValue(): Der {
  return Buffer.from([0x05, 0x00]);
}

/** OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Der {
  const parts = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = parts;
  const out: number[] = [first * 40 + second];
  for (const part of rest) {
    const chunk: number[] = [part & 0x7f];
    for (let n = Math.floor(part / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** OCTET STRING. */
export function octetString(content: Uint8Array): Der {
  return tlv(0x04, content);
}

/** BIT STRING with no unused bits. */
export function bitString(content: Uint8Array): Der {
  return tlv(0x03, Buffer.concat([Buffer.from([0]), content]));
}

/** A named-bit BIT STRING (e.g. KeyUsage): bit 0 is the most significant bit, trailing zeros trimmed. */
export function namedBits(bits: readonly number[]): Der {
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] = (bytes[bit >> 3] as number) | (0x80 >> (bit & 7));
  const unused = 7 - (highest & 7);
  return tlv(0x03, Buffer.concat([Buffer.from([unused]), bytes]));
}

/** UTF8String. */
export function utf8String(text: string): Der {
  return tlv(0x0c, Buffer.from(text, 'utf8'));
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5). */
export function time(date: Date): Der {
  const iso = date.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) return tlv(0x17, Buffer.from(digits.slice(2), 'ascii'));
  return tlv(0x18, Buffer.from(digits, 'ascii'));
}

/** GeneralizedTime, always (OCSP requires it whatever the year, RFC 6960 §4.2.2.1). */
export function generalizedTime(date: Date): Der {
  const iso = date.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x18, Buffer.from(digits, 'ascii'));
}

/** ENUMERATED from a small non-negative number. */
export function enumerated(value: number): Der {
  const integer = smallInteger(value);
  integer[0] = 0x0a;
  return integer;
}

/** A context-specific tag: `[n]`, constructed (EXPLICIT or a constructed IMPLICIT) or primitive. */
export function contextTag(n: number, content: Uint8Array, constructed: boolean): Der {
  return tlv((constructed ? 0xa0 : 0x80) | n, content);
}

/** Wraps DER in PEM armour. */
export function toPem(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** One element read back from DER: its tag and where its content lies. */
export interface DerElement {
  /** The tag byte. */
  readonly tag: number;
  /** Offset of the first content byte. */
  readonly start: number;
  /** Offset just past the last content byte. */
  readonly end: number;
  /** The content bytes. */
  readonly content: Buffer;
}

/**
 * Reads the DER element at `offset` (single-byte tags, definite lengths: all the lab reads back
 * is its own or OpenSSL's output). Throws on a length that runs past the buffer.
 */
export function readDer(bytes: Uint8Array, offset = 0): DerElement {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = buffer[offset];
  const first = buffer[offset + 1];
  if (tag === undefined || first === undefined) throw new Error('DER element runs past the end');
  let length = first;
  let start = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (buffer[start + i] ?? 0);
    start += count;
  }
  const end = start + length;
  if (end > buffer.length) throw new Error('DER element runs past the end');
  return { tag, start, end, content: buffer.subarray(start, end) };
}

/** The elements inside a constructed DER value's content, in order. */
export function readDerChildren(content: Uint8Array): DerElement[] {
  const out: DerElement[] = [];
  let offset = 0;
  while (offset < content.length) {
    const element = readDer(content, offset);
    out.push(element);
    offset = element.end;
  }
  return out;
}

/** The DER bodies of every PEM block with the given label, in order. */
export function fromPem(pem: string, label = 'CERTIFICATE'): Buffer[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`, 'g');
  return [...pem.matchAll(pattern)].map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
}
