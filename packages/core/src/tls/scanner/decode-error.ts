/**
 * The error of TLS decoding. Reading never goes past the end of its buffer: a short or lying
 * length field becomes a {@link DecodeError}, which the parsers turn into a `malformed` outcome.
 */

/** A message did not parse: a length ran past the end, or a value was impossible. */
export class DecodeError extends Error {
  /** @param message - what was wrong */
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** The error a `ByteReader` throws on TLS bytes that run out or are left over. */
export function decodeError(message: string): DecodeError {
  return new DecodeError(message);
}
