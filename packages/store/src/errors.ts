/** Why a store operation was refused; see {@link StoreError}. */
export type StoreErrorCode =
  /** The file is not a SQLite database, or a SQLite database that is not a pastoe store. */
  | 'not-a-store'
  /** The file was written by a newer pastoe: its schema is newer than this code knows. */
  | 'newer-schema'
  /** A read-only store whose schema is older than this code's (open it writable once to migrate). */
  | 'older-schema'
  /** The file does not exist (read-only open). */
  | 'missing'
  /** A value is larger than the store accepts. */
  | 'too-large'
  /** An argument is not what the store takes (an empty domain list, a bad id). */
  | 'invalid-input'
  /** No measurement has that id. */
  | 'unknown-measurement'
  /** A stored row cannot be read back (hand-edited or damaged). */
  | 'corrupt'
  /** The store was closed. */
  | 'closed'
  /** SQLite refused the operation (disk full, file locked, I/O error). */
  | 'sqlite';

/** A store operation that was refused, with a stable code and a one-line reason naming the file. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  /** What went wrong, for programs. */
  readonly code: StoreErrorCode;

  /** Makes an error; `cause` is the underlying SQLite error, if any. */
  constructor(code: StoreErrorCode, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
