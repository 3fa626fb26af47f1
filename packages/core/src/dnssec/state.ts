import type { ValidationResult } from './validator.js';

/**
 * The four DNSSEC states the Internet.nl tests tell apart (`checks/tasks/dnssec.py`):
 * `secure` (validated), `insecure` (unsigned, or an unsigned CNAME target), `bogus` (signed but
 * failing validation), `dnserror` (the name does not exist, or the lookup failed).
 */
export type DnssecState = 'secure' | 'insecure' | 'bogus' | 'dnserror';

/** Sorts a validation result into one of the four DNSSEC states. */
export function dnssecState(result: Pick<ValidationResult, 'status' | 'answer'>): DnssecState {
  if (result.status === 'bogus') return 'bogus';
  if (result.status === 'indeterminate' || result.answer === 'nxdomain' || result.answer === 'none') return 'dnserror';
  return result.status === 'secure' ? 'secure' : 'insecure';
}
