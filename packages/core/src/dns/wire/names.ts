import { domainToASCII } from 'node:url';
import { DnsWireError } from './errors.js';
import type { ByteReader, ByteWriter } from '../../util/bytes.js';

/** The longest name on the wire, length octets and the root label included (RFC 1035 §3.1). */
const maxNameOctets = 255;
/** The longest label (RFC 1035 §2.3.4). */
const maxLabelOctets = 63;
/** The most labels a 255-octet name can hold. */
const maxLabels = 127;

/** A name as it travels: its labels, root excluded, with the case they had. */
export type NameLabels = readonly Uint8Array[];

const BACKSLASH = 0x5c;
const NON_ASCII = /[\u0080-\uffff]/;
const DOT = 0x2e;

/**
 * Parses a name given by a user or a caller into labels: an IDN is converted with punycode
 * (node:url `domainToASCII`, UTS #46), RFC 1035 escapes (`\.`, `\\`, `\DDD`) are honoured, a
 * trailing dot is optional, ASCII letters are lowercased, and `''` or `'.'` is the root.
 * @throws DnsWireError with code `invalid-name` when the text is not a usable name
 */
export function parseName(text: string): NameLabels {
  if (typeof text !== 'string') throw new DnsWireError('invalid-name', 'the name is not a string');
  let ascii = text;
  // Only names with non-ASCII characters go through UTS #46: for plain ASCII it would also
  // rewrite numeric labels as IPv4 ("0x7f.1" becomes "127.0.0.1"), which is not a DNS rule.
  if (NON_ASCII.test(text)) {
    ascii = domainToASCII(text);
    if (ascii === '' || NON_ASCII.test(ascii)) {
      throw new DnsWireError('invalid-name', `not a valid internationalised domain name: ${JSON.stringify(text)}`);
    }
  }
  if (ascii === '' || ascii === '.') return [];
  const labels: Uint8Array[] = [];
  let current: number[] = [];
  let wireLength = 1;
  const finishLabel = (): void => {
    if (current.length === 0) throw new DnsWireError('invalid-name', `empty label in ${JSON.stringify(text)}`);
    if (current.length > maxLabelOctets) {
      throw new DnsWireError('invalid-name', `label longer than ${maxLabelOctets} octets in ${JSON.stringify(text)}`);
    }
    wireLength += current.length + 1;
    if (wireLength > maxNameOctets) throw new DnsWireError('invalid-name', `name longer than ${maxNameOctets} octets`);
    labels.push(Uint8Array.from(current));
    current = [];
  };
  let endsWithSeparator = false;
  for (let i = 0; i < ascii.length; i++) {
    const code = ascii.charCodeAt(i);
    endsWithSeparator = false;
    if (code === BACKSLASH) {
      const digits = ascii.slice(i + 1, i + 4);
      if (/^[0-9]{3}$/.test(digits)) {
        const value = Number(digits);
        if (value > 255) throw new DnsWireError('invalid-name', `escape \\${digits} out of range`);
        current.push(value);
        i += 3;
      } else {
        const next = ascii.charCodeAt(i + 1);
        // RFC 1035 §5.1: a digit after the backslash starts \DDD, so a short one is broken, not a quoted digit.
        if (Number.isNaN(next) || next < 0x20 || next > 0x7e || (next >= 0x30 && next <= 0x39)) {
          throw new DnsWireError('invalid-name', `dangling or invalid escape in ${JSON.stringify(text)}`);
        }
        current.push(next);
        i += 1;
      }
    } else if (code === DOT) {
      finishLabel();
      endsWithSeparator = true;
    } else if (code < 0x21 || code > 0x7e) {
      throw new DnsWireError('invalid-name', `unescaped space or control character in ${JSON.stringify(text)}`);
    } else {
      current.push(code >= 0x41 && code <= 0x5a ? code + 0x20 : code);
    }
  }
  // A trailing dot leaves nothing pending; anything else is the last label.
  if (!endsWithSeparator) finishLabel();
  return labels;
}

/**
 * The presentation form pastoe uses everywhere: lowercase, no trailing dot, root as `''`.
 * Dots and backslashes inside a label are escaped and other octets outside printable ASCII are
 * written as `\DDD`, so that a binary label cannot masquerade as a different name.
 */
export function presentName(labels: NameLabels): string {
  const parts: string[] = [];
  for (const label of labels) {
    let part = '';
    for (const byte of label) {
      if (byte === DOT || byte === BACKSLASH) part += `\\${String.fromCharCode(byte)}`;
      else if (byte < 0x21 || byte > 0x7e) part += `\\${byte.toString().padStart(3, '0')}`;
      else part += String.fromCharCode(byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);
    }
    parts.push(part);
  }
  return parts.join('.');
}

/**
 * Normalises a name to pastoe's presentation form (lowercase, punycode, no trailing dot).
 * @throws DnsWireError with code `invalid-name`
 */
export function canonicalName(text: string): string {
  return presentName(parseName(text));
}

/** The uncompressed wire form of a name, with the case of its labels as given. */
export function nameToWire(labels: NameLabels): Uint8Array {
  let length = 1;
  for (const label of labels) length += label.length + 1;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const label of labels) {
    out[offset++] = label.length;
    out.set(label, offset);
    offset += label.length;
  }
  out[offset] = 0;
  return out;
}

/**
 * Offsets of names already written, so that later names can point at them (RFC 1035 §4.1.4).
 * Keys are the presentation form of each suffix; offsets are limited to the 14 bits a pointer holds.
 */
export type CompressionTable = Map<string, number>;

/**
 * Writes a name, compressed against `table` when one is given. Only suffixes that start below
 * offset 0x4000 are recorded, because a pointer cannot reach further.
 */
export function writeName(writer: ByteWriter, labels: NameLabels, table?: CompressionTable): void {
  for (let i = 0; i < labels.length; i++) {
    if (table !== undefined) {
      const key = presentName(labels.slice(i));
      const target = table.get(key);
      if (target !== undefined) {
        writer.u16(0xc000 | target);
        return;
      }
      if (writer.length < 0x4000) table.set(key, writer.length);
    }
    const label = labels[i] ?? new Uint8Array(0);
    writer.u8(label.length).bytes(label);
  }
  writer.u8(0);
}

/** A name read from a message: its labels (case as sent) and its expanded wire form. */
export interface ReadName {
  /** The labels, root excluded. */
  readonly labels: NameLabels;
  /** The uncompressed wire form, case as sent. */
  readonly wire: Uint8Array;
}

/**
 * Reads a possibly compressed name at the reader's position and moves the reader past it.
 * Hostile input is refused as `malformed`: a pointer must point strictly backwards and past the
 * header, labels reached through a pointer must end before that pointer, the reserved label
 * types (0x40, 0x80) are rejected, and the expanded name may not exceed 255 octets or 127
 * labels. Pointing backwards only makes loops impossible; the hop bound is a second guard.
 */
export function readName(reader: ByteReader): ReadName {
  const bytes = reader.bytes;
  let position = reader.offset;
  let limit = reader.limit;
  let resumeAt = -1;
  let hops = 0;
  let wireLength = 1;
  const labels: Uint8Array[] = [];
  for (;;) {
    if (position >= limit) throw new DnsWireError('malformed', `truncated name at offset ${position}`);
    const length = bytes[position] ?? 0;
    if (length === 0) {
      position += 1;
      break;
    }
    const kind = length & 0xc0;
    if (kind === 0xc0) {
      if (position + 1 >= limit) throw new DnsWireError('malformed', `truncated compression pointer at offset ${position}`);
      const target = ((length & 0x3f) << 8) | (bytes[position + 1] ?? 0);
      if (target >= position)
        throw new DnsWireError('malformed', `compression pointer at offset ${position} does not point backwards (to ${target})`);
      if (target < 12) throw new DnsWireError('malformed', `compression pointer at offset ${position} points into the header`);
      if (++hops > maxLabels) throw new DnsWireError('malformed', 'too many compression pointers in one name');
      if (resumeAt < 0) resumeAt = position + 2;
      limit = position;
      position = target;
      continue;
    }
    if (kind !== 0) throw new DnsWireError('malformed', `reserved label type 0x${kind.toString(16)} at offset ${position}`);
    if (position + 1 + length > limit) throw new DnsWireError('malformed', `truncated label at offset ${position}`);
    wireLength += length + 1;
    if (wireLength > maxNameOctets) throw new DnsWireError('malformed', `name longer than ${maxNameOctets} octets`);
    if (labels.length >= maxLabels) throw new DnsWireError('malformed', `name with more than ${maxLabels} labels`);
    labels.push(bytes.subarray(position + 1, position + 1 + length));
    position += 1 + length;
  }
  reader.seek(resumeAt >= 0 ? resumeAt : position);
  return { labels, wire: nameToWire(labels) };
}
