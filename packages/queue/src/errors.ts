/** Why a queue operation was refused; see {@link QueueError}. */
export type QueueErrorCode =
  /** The Redis URL is not `redis://HOST:PORT` (with an optional database number and password). */
  | 'invalid-url'
  /** An argument is not what the queue takes (a bad measurement id, domain or option). */
  | 'invalid-input'
  /** A finished job's report is larger than the collector accepts. */
  | 'too-large'
  /** A finished job's result is not a scan report of its domain. */
  | 'corrupt';

/** A queue operation that was refused, with a stable code and a one-line reason. */
export class QueueError extends Error {
  override readonly name = 'QueueError';
  /** What went wrong, for programs. */
  readonly code: QueueErrorCode;

  /** Makes an error; `cause` is the underlying error, if any. */
  constructor(code: QueueErrorCode, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
