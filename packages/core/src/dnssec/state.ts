import type { IndeterminateReason } from './reasons.js';
import type { ValidationResult } from './types.js';

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

/**
 * The indeterminate reasons that are pastoe's own failure, not the domain's, so a verdict built on
 * them is `error` and never the `dnserror` Internet.nl scores:
 * - `timeout`: pastoe's own time limit ran out (its query, the validation or the probe). A domain
 *   whose servers never answer makes a recursive resolver answer SERVFAIL, which stays `dnserror`.
 * - `network`: pastoe could not reach its resolver (refused, unreachable, forbidden address).
 * - `aborted`: the scan was stopped.
 * - `malformed`: the resolver's response did not decode; pastoe cannot tell a broken resolver or
 *   decoder from a broken zone, so it claims nothing.
 * - `internal-error`: a bug in pastoe.
 * - `work-limit-exceeded`: pastoe stopped at its own bound on queries or signature checks (KeyTrap
 *   protection); it declines to judge instead of calling the domain broken.
 *
 * The others stay about the domain: `servfail` and `refused` (the domain's servers failed the
 * resolver, as Internet.nl scores it), `invalid-name` (a name taken from the domain's own data,
 * such as an MX target), `cname-chain-too-long` and `unexpected-response`.
 */
export const ownFailureReasons: readonly IndeterminateReason[] = Object.freeze([
  'timeout',
  'network',
  'aborted',
  'malformed',
  'internal-error',
  'work-limit-exceeded',
]);

/**
 * The reason, when a validation result is indeterminate because pastoe itself failed (see
 * {@link ownFailureReasons}); `undefined` when the result says something about the domain.
 */
export function dnssecOwnFailure(result: Pick<ValidationResult, 'status' | 'reason'>): IndeterminateReason | undefined {
  if (result.status !== 'indeterminate') return undefined;
  return ownFailureReasons.find((reason) => reason === result.reason);
}
