/**
 * Byte building and bounds-checked reading for TLS messages. Reading never goes past the end of
 * its buffer: a short or lying length field becomes a {@link DecodeError}, which the parsers turn
 * into a `malformed` outcome.
 */

/** A message did not parse: a length ran past the end, or a value was impossible. */
export class DecodeError extends Error {
  /** @param message - what was wrong */
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Builds a byte string from parts, with TLS's big-endian integers and length-prefixed vectors. */
export class ByteWriter {
  readonly #parts: Uint8Array[] = [];
  #length = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  /** Appends raw bytes. */
  bytes(data: Uint8Array): this {
    this.#parts.push(data);
    this.#length += data.length;
    return this;
  }

  /** Appends an unsigned integer of `size` bytes (1 to 4). */
  uint(value: number, size: 1 | 2 | 3 | 4): this {
    const out = new Uint8Array(size);
    let rest = value;
    for (let i = size - 1; i >= 0; i--) {
      out[i] = rest & 0xff;
      rest = Math.floor(rest / 256);
    }
    return this.bytes(out);
  }

  /** Appends a vector: its length in `lengthSize` bytes, then the bytes. */
  vector(data: Uint8Array, lengthSize: 1 | 2 | 3): this {
    const max = 2 ** (8 * lengthSize) - 1;
    if (data.length > max) throw new RangeError(`vector of ${data.length} bytes does not fit a ${lengthSize}-byte length`);
    return this.uint(data.length, lengthSize).bytes(data);
  }

  /** The bytes written. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.#length);
    let offset = 0;
    for (const part of this.#parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}

/** Builds a byte string with a callback and returns it: `build((w) => w.uint(1, 2))`. */
export function build(write: (writer: ByteWriter) => void): Uint8Array {
  const writer = new ByteWriter();
  write(writer);
  return writer.finish();
}

/** A list of 16-bit codes as bytes (cipher suites, groups, signature schemes). */
export function uint16List(codes: readonly number[]): Uint8Array {
  return build((w) => {
    for (const code of codes) w.uint(code, 2);
  });
}

/** Reads big-endian integers and length-prefixed vectors from a buffer, never past its end. */
export class ByteReader {
  readonly #data: Uint8Array;
  #offset = 0;

  /** @param data - the bytes to read */
  constructor(data: Uint8Array) {
    this.#data = data;
  }

  /** Bytes left. */
  get remaining(): number {
    return this.#data.length - this.#offset;
  }

  /** Reads `count` bytes (a view, not a copy). */
  bytes(count: number): Uint8Array {
    if (count < 0 || count > this.remaining) {
      throw new DecodeError(`needed ${count} bytes, ${this.remaining} left`);
    }
    const out = this.#data.subarray(this.#offset, this.#offset + count);
    this.#offset += count;
    return out;
  }

  /** Reads an unsigned integer of `size` bytes. */
  uint(size: 1 | 2 | 3 | 4): number {
    const b = this.bytes(size);
    let value = 0;
    for (const byte of b) value = value * 256 + byte;
    return value;
  }

  /** Reads a vector with a `lengthSize`-byte length. */
  vector(lengthSize: 1 | 2 | 3): Uint8Array {
    return this.bytes(this.uint(lengthSize));
  }

  /** Everything left. */
  rest(): Uint8Array {
    return this.bytes(this.remaining);
  }

  /** Fails unless everything was read. */
  end(what: string): void {
    if (this.remaining !== 0) throw new DecodeError(`${this.remaining} bytes left over after ${what}`);
  }
}

/** Lowercase hex of bytes. */
export function toHex(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');
}

/** Base64 of bytes. */
export function toBase64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}
