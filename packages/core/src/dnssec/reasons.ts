/**
 * The outcome vocabulary of the DNSSEC validator: four statuses and a stable reason code for
 * each result. Reports and checks key their messages on these codes, so a code, once published,
 * keeps its meaning. Where RFC 8914 defines an Extended DNS Error for the same condition, the
 * code maps to it, so that pastoe's own verdicts line up with what a validating resolver says.
 */

/**
 * The DNSSEC status of an answer (RFC 4033 §5 and RFC 4035 §4.3, plus `indeterminate` for
 * answers pastoe could not obtain or could not finish validating).
 */
export type ValidationStatus = 'secure' | 'insecure' | 'bogus' | 'indeterminate';

/** Every status, in the order reports list them. */
export const validationStatuses: readonly ValidationStatus[] = ['secure', 'insecure', 'bogus', 'indeterminate'];

/** Reasons for a `secure` result. */
export type SecureReason = 'validated';

/** Reasons for an `insecure` result. */
export type InsecureReason =
  /** No configured trust anchor covers the name. */
  | 'no-trust-anchor'
  /** The parent proved that the delegation has no DS RRset (or an opt-out span may hide one). */
  | 'insecure-delegation'
  /** Every DS (or trust anchor) names a DNSKEY algorithm pastoe does not validate (RFC 8624). */
  | 'unsupported-dnskey-algorithm'
  /** Every DS (or trust anchor) uses a digest type pastoe does not validate (RFC 8624). */
  | 'unsupported-ds-digest'
  /** The NSEC3 records use more iterations than the configured limit (RFC 9276 §3.2). */
  | 'nsec3-iterations-too-high'
  /** The NSEC3 records use a hash algorithm other than SHA-1 (RFC 5155 §8.1). */
  | 'nsec3-unsupported-hash'
  /** The denial rests on an opt-out NSEC3 span, which cannot exclude unsigned delegations. */
  | 'nsec3-optout'
  /** Upstream-trust mode: the validating resolver did not set the AD bit. */
  | 'upstream-not-authenticated';

/** Reasons for a `bogus` result. */
export type BogusReason =
  /** EDE 7: every usable signature has expired. */
  | 'signature-expired'
  /** EDE 8: no usable signature is valid yet. */
  | 'signature-not-yet-valid'
  /** EDE 9: no DNSKEY matches the DS RRset or the key tag of the signatures. */
  | 'dnskey-missing'
  /** EDE 10: an RRset of a secure zone carries no usable RRSIG. */
  | 'rrsigs-missing'
  /** EDE 11: the only matching key does not have the Zone Key bit set. */
  | 'no-zone-key-bit'
  /** EDE 12: a negative answer of a secure zone lacks the NSEC or NSEC3 proof. */
  | 'nsec-missing'
  /** EDE 6: a DNSKEY has the key tag and algorithm of a DS but not its digest. */
  | 'ds-mismatch'
  /** EDE 6: the signatures are present and in time but do not verify. */
  | 'signature-invalid'
  /** EDE 6: any other inconsistency that makes the answer untrustworthy. */
  | 'dnssec-bogus'
  /** EDE 1 (upstream-trust mode only): the validating resolver reported an unsupported algorithm. */
  | 'upstream-bogus'
  /** The CNAME chain returns to a name it already visited, so it has no answer at all. */
  | 'cname-loop';

/** Reasons for an `indeterminate` result: the answer was not obtained or the work was cut off. */
export type IndeterminateReason =
  /** A query timed out. */
  | 'timeout'
  /** The caller's signal aborted the validation. */
  | 'aborted'
  /** A query failed at the network level (refused connection, unreachable, forbidden address). */
  | 'network'
  /** A response could not be decoded. */
  | 'malformed'
  /** A query answered SERVFAIL (for the answer itself or for a DS or DNSKEY fetch). */
  | 'servfail'
  /** A query answered REFUSED or another rcode that carries no data. */
  | 'refused'
  /** The name or type given to `validate` is not valid. */
  | 'invalid-name'
  /** The CNAME/DNAME chain is longer than the configured limit. */
  | 'cname-chain-too-long'
  /** A bound on queries, zone depth, signature checks or NSEC3 hashing was reached (KeyTrap). */
  | 'work-limit-exceeded'
  /** A response did not fit the question (for example no answer and no negative response). */
  | 'unexpected-response'
  /** A bug in pastoe; the detail says where. */
  | 'internal-error';

/** A stable reason code for a validation result. */
export type ValidationReason = SecureReason | InsecureReason | BogusReason | IndeterminateReason;

const edeByReason: Readonly<Partial<Record<ValidationReason, number>>> = {
  'unsupported-dnskey-algorithm': 1,
  'unsupported-ds-digest': 2,
  'dnssec-bogus': 6,
  'ds-mismatch': 6,
  'signature-invalid': 6,
  'upstream-bogus': 6,
  'signature-expired': 7,
  'signature-not-yet-valid': 8,
  'dnskey-missing': 9,
  'rrsigs-missing': 10,
  'no-zone-key-bit': 11,
  'nsec-missing': 12,
  'nsec3-iterations-too-high': 27,
};

/**
 * The RFC 8914 Extended DNS Error INFO-CODE that corresponds to a reason, or `undefined` when
 * RFC 8914 has none (for example `insecure-delegation`, which is not an error).
 */
export function edeCodeForReason(reason: ValidationReason): number | undefined {
  return edeByReason[reason];
}

/**
 * The reason pastoe reports for an Extended DNS Error seen from a validating resolver
 * (upstream-trust mode), or `undefined` when the code is not about DNSSEC.
 */
export function reasonForEdeCode(code: number): BogusReason | undefined {
  switch (code) {
    case 1:
    case 2:
      return 'upstream-bogus';
    case 6:
      return 'dnssec-bogus';
    case 7:
      return 'signature-expired';
    case 8:
      return 'signature-not-yet-valid';
    case 9:
      return 'dnskey-missing';
    case 10:
      return 'rrsigs-missing';
    case 11:
      return 'no-zone-key-bit';
    case 12:
      return 'nsec-missing';
    case 27:
      return 'dnssec-bogus';
    default:
      return undefined;
  }
}
