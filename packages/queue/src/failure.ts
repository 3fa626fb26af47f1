/** The codes a scan job fails with; the job's failed reason is `<code>: <message>`. */
export type ScanJobFailureCode = 'invalid-input' | 'internal';

/** The longest failure message kept. */
const maxMessage = 2_000;

/** A job's failed reason for a scan that could not be done. */
export function failedReason(code: ScanJobFailureCode, message: string): string {
  return `${code}: ${message.slice(0, maxMessage)}`;
}

/**
 * A failed job's reason as a store failure: the code a worker gave it, or `internal` for a reason
 * BullMQ wrote (a job that stalled too often, a worker error).
 */
export function parseFailedReason(reason: string): { readonly code: string; readonly message: string } {
  const match = /^(invalid-input|internal): ([\s\S]*)$/.exec(reason);
  if (match !== null) return { code: match[1] as string, message: (match[2] as string).slice(0, maxMessage) };
  return { code: 'internal', message: (reason || 'the job failed without a reason').slice(0, maxMessage) };
}
