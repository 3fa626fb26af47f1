import type { BogusReason, InsecureReason } from './reasons.js';

/**
 * The verdict of an authenticated-denial check, shared by the NSEC and NSEC3 provers so that the
 * validator can treat both the same way.
 */
export type DenialResult =
  /** The records prove what was asked. */
  | { readonly kind: 'proven' }
  /** The records show that the answer cannot be secure, without making it bogus (RFC 5155 §9.2, RFC 9276). */
  | { readonly kind: 'insecure'; readonly reason: InsecureReason; readonly detail: string }
  /** The proof is missing or contradicts the answer. */
  | { readonly kind: 'bogus'; readonly reason: BogusReason; readonly detail: string }
  /** The NSEC3 hashing budget ran out before a verdict. */
  | { readonly kind: 'limit'; readonly detail: string };

/**
 * What the parent zone's denial records say about a name the validator probed for a DS RRset
 * while walking down to a zone.
 */
export type CutClassification =
  /** The name is a delegation without DS: everything below it is insecure. */
  | { readonly kind: 'insecure-delegation'; readonly detail: string }
  /** An opt-out span covers the name, so an unsigned delegation may hide there (RFC 5155 §8.6). */
  | { readonly kind: 'opt-out'; readonly detail: string }
  /** The name exists in the parent zone and is not a zone cut (or is an empty non-terminal). */
  | { readonly kind: 'not-a-cut' }
  /** The name does not exist, so no zone can start at or below it. */
  | { readonly kind: 'no-name' }
  /** The denial is unusable or contradicts itself. */
  | { readonly kind: 'bogus'; readonly reason: BogusReason; readonly detail: string }
  /** A reason not to trust NSEC3 (unknown hash, too many iterations) or the hashing budget ran out. */
  | { readonly kind: 'insecure'; readonly reason: InsecureReason; readonly detail: string }
  | { readonly kind: 'limit'; readonly detail: string };

/** Shorthand for a missing or insufficient proof (EDE 12). */
export function missing(detail: string): DenialResult {
  return { kind: 'bogus', reason: 'nsec-missing', detail };
}
