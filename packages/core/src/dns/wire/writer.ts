import { Buffer } from 'node:buffer';

/**
 * A growable byte buffer for building messages. It hands out plain `Uint8Array`s so that the
 * codec's callers never depend on Buffer's pooled, shared memory.
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

  /** Appends raw bytes. */
  bytes(data: Uint8Array): this {
    this.#reserve(data.length);
    this.#buffer.set(data, this.#length);
    this.#length += data.length;
    return this;
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

/**
 * Lowercase hex of the bytes. One flat string: built by concatenation it would be a rope of a
 * node per octet, which records keep (RDATA hex, type bitmaps) at some twenty times its length.
 */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Parses lowercase or uppercase hex; returns `undefined` for odd length or a non-hex digit. */
export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
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
