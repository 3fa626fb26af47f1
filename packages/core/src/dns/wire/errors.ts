import type { DnsError, DnsErrorCode } from '../types.js';

/**
 * Thrown inside the codec when bytes or input cannot be handled. It never leaves the public
 * codec functions: they catch it and return a {@link DnsError} instead, so hostile input turns
 * into a typed result rather than an exception.
 */
export class DnsWireError extends Error {
  /** The kind of failure, as the public API reports it. */
  readonly code: DnsErrorCode;

  /**
   * @param code - the kind of failure
   * @param message - a one-line reason
   */
  constructor(code: DnsErrorCode, message: string) {
    super(message);
    this.name = 'DnsWireError';
    this.code = code;
  }

  /** The failure as plain data. */
  toDnsError(): DnsError {
    return { code: this.code, message: this.message };
  }
}

/**
 * Converts anything caught inside the codec into a {@link DnsError}. Unexpected exceptions
 * (a bug or an engine limit) are reported as `fallback` so that a caller still gets a typed
 * answer.
 */
export function toDnsError(caught: unknown, fallback: DnsErrorCode = 'malformed'): DnsError {
  if (caught instanceof DnsWireError) return caught.toDnsError();
  const reason = caught instanceof Error ? caught.message : String(caught);
  return { code: fallback, message: `unexpected decoder failure: ${reason}` };
}

/** The error a `ByteReader` throws on DNS bytes that run out or point outside the message. */
export function malformedWire(message: string): DnsWireError {
  return new DnsWireError('malformed', message);
}
