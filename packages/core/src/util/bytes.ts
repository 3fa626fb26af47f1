/**
 * Big-endian byte reading and writing for the wire codecs (DNS messages, TLS handshakes). The
 * bytes come from the network and may be hostile, so every read is bounds-checked; the caller
 * chooses which error a failed read throws, so each codec keeps its own error type.
 */

/** Makes the error a failed read throws, from a one-line reason. */
export type ReadFailure = (message: string) => Error;

/**
 * A cursor over received bytes. Every read is bounds-checked against the buffer (or a narrower
 * limit, such as the end of one DNS RDATA) and throws what `fail` makes when it would pass it.
 */
export class ByteReader {
  /** The whole buffer; DNS name compression pointers are offsets into it. */
  readonly bytes: Uint8Array;
  readonly #fail: ReadFailure;
  #offset: number;
  #limit: number;

  /**
   * @param bytes - the whole buffer
   * @param fail - makes the error thrown when a read would pass the limit
   * @param offset - where to start reading
   */
  constructor(bytes: Uint8Array, fail: ReadFailure, offset = 0) {
    this.bytes = bytes;
    this.#fail = fail;
    this.#offset = offset;
    this.#limit = bytes.length;
  }

  /** The current read position. */
  get offset(): number {
    return this.#offset;
  }

  /** The position reads may not pass (the buffer end or the end of the current RDATA). */
  get limit(): number {
    return this.#limit;
  }

  /** Bytes left before the limit. */
  get remaining(): number {
    return this.#limit - this.#offset;
  }

  /**
   * Restricts reads to the next `length` bytes and returns the previous limit, so that a record
   * decoder cannot read past its RDATA.
   */
  narrow(length: number): number {
    this.#need(length, 'record data');
    const previous = this.#limit;
    this.#limit = this.#offset + length;
    return previous;
  }

  /** Restores a limit returned by {@link ByteReader.narrow}. */
  widen(previousLimit: number): void {
    this.#limit = previousLimit;
  }

  /** Reads one octet. */
  u8(what = 'octet'): number {
    this.#need(1, what);
    const value = this.bytes[this.#offset] ?? 0;
    this.#offset += 1;
    return value;
  }

  /** Reads a 16-bit big-endian integer. */
  u16(what = '16-bit field'): number {
    this.#need(2, what);
    const b = this.bytes;
    const o = this.#offset;
    this.#offset += 2;
    return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
  }

  /** Reads a 32-bit big-endian unsigned integer. */
  u32(what = '32-bit field'): number {
    this.#need(4, what);
    const b = this.bytes;
    const o = this.#offset;
    this.#offset += 4;
    // Multiplication instead of << 24 keeps the result unsigned.
    return (b[o] ?? 0) * 0x1000000 + (((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0));
  }

  /** Reads an unsigned big-endian integer of `size` bytes (TLS has 24-bit lengths). */
  uint(size: 1 | 2 | 3 | 4, what = `${8 * size}-bit field`): number {
    this.#need(size, what);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + (this.bytes[this.#offset + i] ?? 0);
    this.#offset += size;
    return value;
  }

  /** Reads `length` octets as a view into the buffer (not a copy). */
  bytesOf(length: number, what = 'data'): Uint8Array {
    this.#need(length, what);
    const view = this.bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return view;
  }

  /** Reads a vector: its length in `lengthSize` bytes, then that many bytes (a view). */
  vector(lengthSize: 1 | 2 | 3, what = 'vector'): Uint8Array {
    return this.bytesOf(this.uint(lengthSize, `${what} length`), what);
  }

  /** Moves the read position, e.g. past a compressed name that was followed elsewhere. */
  seek(offset: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.#limit) {
      throw this.#fail(`read position ${offset} outside the message`);
    }
    this.#offset = offset;
  }

  /** Reads everything up to the limit. */
  rest(): Uint8Array {
    return this.bytesOf(this.remaining);
  }

  /** Fails unless everything up to the limit was read. */
  end(what: string): void {
    if (this.remaining !== 0) throw this.#fail(`${this.remaining} bytes left over after ${what}`);
  }

  #need(length: number, what: string): void {
    if (!Number.isInteger(length) || length < 0 || this.#offset + length > this.#limit) {
      throw this.#fail(`truncated ${what} at offset ${this.#offset} (need ${length}, have ${Math.max(0, this.#limit - this.#offset)})`);
    }
  }
}

/**
 * A growable byte buffer for building messages. It hands out plain `Uint8Array`s so that the
 * codecs' callers never depend on Buffer's pooled, shared memory.
 */
export class ByteWriter {
  #buffer: Uint8Array;
  #length = 0;

  /** @param initialCapacity - first allocation; the buffer doubles as needed */
  constructor(initialCapacity = 512) {
    this.#buffer = new Uint8Array(Math.max(16, initialCapacity));
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  /** Appends one octet. */
  u8(value: number): this {
    this.#reserve(1);
    this.#buffer[this.#length++] = value & 0xff;
    return this;
  }

  /** Appends a 16-bit big-endian integer. */
  u16(value: number): this {
    this.#reserve(2);
    this.#buffer[this.#length++] = (value >>> 8) & 0xff;
    this.#buffer[this.#length++] = value & 0xff;
    return this;
  }

  /** Appends a 32-bit big-endian integer (taken modulo 2^32). */
  u32(value: number): this {
    const v = ((value % 0x100000000) + 0x100000000) % 0x100000000;
    this.#reserve(4);
    this.#buffer[this.#length++] = Math.floor(v / 0x1000000) & 0xff;
    this.#buffer[this.#length++] = (v >>> 16) & 0xff;
    this.#buffer[this.#length++] = (v >>> 8) & 0xff;
    this.#buffer[this.#length++] = v & 0xff;
    return this;
  }

  /** Appends an unsigned big-endian integer of `size` bytes (1 to 4). */
  uint(value: number, size: 1 | 2 | 3 | 4): this {
    this.#reserve(size);
    let rest = value;
    for (let i = size - 1; i >= 0; i--) {
      this.#buffer[this.#length + i] = rest & 0xff;
      rest = Math.floor(rest / 256);
    }
    this.#length += size;
    return this;
  }

  /** Appends raw bytes. */
  bytes(data: Uint8Array): this {
    this.#reserve(data.length);
    this.#buffer.set(data, this.#length);
    this.#length += data.length;
    return this;
  }

  /** Appends a vector: its length in `lengthSize` bytes, then the bytes. */
  vector(data: Uint8Array, lengthSize: 1 | 2 | 3): this {
    const max = 2 ** (8 * lengthSize) - 1;
    if (data.length > max) throw new RangeError(`vector of ${data.length} bytes does not fit a ${lengthSize}-byte length`);
    return this.uint(data.length, lengthSize).bytes(data);
  }

  /** Overwrites a 16-bit value already written, e.g. an RDLENGTH known only afterwards. */
  patchU16(offset: number, value: number): void {
    this.#buffer[offset] = (value >>> 8) & 0xff;
    this.#buffer[offset + 1] = value & 0xff;
  }

  /** A copy of the bytes written. */
  toBytes(): Uint8Array {
    return this.#buffer.slice(0, this.#length);
  }

  #reserve(extra: number): void {
    const needed = this.#length + extra;
    if (needed <= this.#buffer.length) return;
    let capacity = this.#buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.#buffer.subarray(0, this.#length));
    this.#buffer = next;
  }
}

/** Builds a byte string with a callback and returns it: `build((w) => w.uint(1, 2))`. */
export function build(write: (writer: ByteWriter) => void): Uint8Array {
  const writer = new ByteWriter(64);
  write(writer);
  return writer.toBytes();
}

/** A list of 16-bit codes as bytes (TLS cipher suites, groups, signature schemes). */
export function uint16List(codes: readonly number[]): Uint8Array {
  return build((w) => {
    for (const code of codes) w.u16(code);
  });
}

/** The two hex digits of every octet value, so that {@link toHex} is one lookup per byte. */
const hexPairs: readonly string[] = Array.from({ length: 256 }, (_, value) => value.toString(16).padStart(2, '0'));

/**
 * Lowercase hex of the bytes. One flat string: built by concatenation it would be a rope of a
 * node per octet, which records keep (RDATA hex, type bitmaps) at some twenty times its length;
 * `join` flattens it.
 */
export function toHex(bytes: Uint8Array): string {
  const pairs = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) pairs[i] = hexPairs[bytes[i] as number] as string;
  return pairs.join('');
}

/** Each ASCII character's hex digit value; -1 for characters that are not hex digits. */
const hexValues: Int8Array = (() => {
  const values = new Int8Array(128).fill(-1);
  for (const [index, char] of Array.from('0123456789abcdef').entries()) {
    values[char.charCodeAt(0)] = index;
    values[char.toUpperCase().charCodeAt(0)] = index;
  }
  return values;
})();

/** Parses lowercase or uppercase hex; returns `undefined` for odd length or a non-hex digit. */
export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0) return undefined;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    // One table lookup per digit: the validator turns every record's RDATA hex back into bytes.
    const high = hexValues[text.charCodeAt(i * 2)] ?? -1;
    const low = hexValues[text.charCodeAt(i * 2 + 1)] ?? -1;
    if (high < 0 || low < 0) return undefined;
    out[i] = (high << 4) | low;
  }
  return out;
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Each base64 character's 6-bit value; -1 for characters outside the alphabet. */
const base64Values: Int8Array = (() => {
  const values = new Int8Array(128).fill(-1);
  for (const [index, char] of Array.from(base64Alphabet).entries()) values[char.charCodeAt(0)] = index;
  return values;
})();

/** Base64 of the bytes (RFC 4648, with padding). */
export function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const triple = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out.push(
      base64Alphabet[(triple >> 18) & 63] as string,
      base64Alphabet[(triple >> 12) & 63] as string,
      rest > 1 ? (base64Alphabet[(triple >> 6) & 63] as string) : '=',
      rest > 2 ? (base64Alphabet[triple & 63] as string) : '=',
    );
  }
  return out.join('');
}

/**
 * Decodes base64 (RFC 4648; padding optional, white space ignored, as in PEM). Returns
 * `undefined` for a character outside the alphabet or a length no encoding produces.
 */
export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '').replace(/={1,2}$/, '');
  if (clean.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let offset = 0;
  for (let i = 0; i < clean.length; i++) {
    const value = base64Values[clean.charCodeAt(i)] ?? -1;
    if (value < 0) return undefined;
    bits = ((bits << 6) | value) & 0xffffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[offset++] = (bits >> count) & 0xff;
    }
  }
  return out;
}

/** The bytes as a string of the code points 0-255 (ISO 8859-1): how DER's IA5 and T61 strings and URIs are read. */
export function latin1(bytes: Uint8Array): string {
  const chars = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) chars[i] = String.fromCharCode(bytes[i] as number);
  return chars.join('');
}

/** True when both hold the same bytes. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Joins byte arrays into one. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
