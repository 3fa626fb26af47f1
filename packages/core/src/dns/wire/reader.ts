import { DnsWireError } from './errors.js';

/**
 * A cursor over a received message. Every read is bounds-checked against the message (or a
 * narrower limit, such as the end of one RDATA), because the bytes come from the network and may
 * be hostile.
 */
export class ByteReader {
  /** The whole message; name compression pointers are offsets into it. */
  readonly bytes: Uint8Array;
  #offset: number;
  #limit: number;

  /**
   * @param bytes - the whole message
   * @param offset - where to start reading
   */
  constructor(bytes: Uint8Array, offset = 0) {
    this.bytes = bytes;
    this.#offset = offset;
    this.#limit = bytes.length;
  }

  /** The current read position. */
  get offset(): number {
    return this.#offset;
  }

  /** The position reads may not pass (the message end or the end of the current RDATA). */
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

  /** Reads `length` octets as a view into the message (not a copy). */
  bytesOf(length: number, what = 'data'): Uint8Array {
    this.#need(length, what);
    const view = this.bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return view;
  }

  /** Moves the read position, e.g. past a compressed name that was followed elsewhere. */
  seek(offset: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.#limit) {
      throw new DnsWireError('malformed', `read position ${offset} outside the message`);
    }
    this.#offset = offset;
  }

  /** Reads everything up to the limit. */
  rest(): Uint8Array {
    return this.bytesOf(this.remaining);
  }

  #need(length: number, what: string): void {
    if (!Number.isInteger(length) || length < 0 || this.#offset + length > this.#limit) {
      throw new DnsWireError(
        'malformed',
        `truncated ${what} at offset ${this.#offset} (need ${length}, have ${Math.max(0, this.#limit - this.#offset)})`,
      );
    }
  }
}
