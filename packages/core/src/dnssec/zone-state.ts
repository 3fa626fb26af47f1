import type { BogusReason, IndeterminateReason, InsecureReason, ValidationReason, ValidationStatus } from './reasons.js';
import type { ZoneKey } from './verify.js';

/** How a zone's DS RRset was established, as a report shows it. */
export type DsStatus =
  /** The zone is a configured trust anchor. */
  | 'trust-anchor'
  /** The parent's signed DS RRset was verified. */
  | 'secure'
  /** The parent proved that there is no DS RRset (an insecure delegation). */
  | 'absent'
  /** The DS RRset (or anchor) uses only algorithms or digest types pastoe does not validate. */
  | 'unsupported'
  /** The DS RRset or its denial did not validate. */
  | 'bogus'
  /** The DS RRset could not be fetched. */
  | 'indeterminate';

/** How a zone's DNSKEY RRset was established. */
export type DnskeyStatus = 'secure' | 'bogus' | 'indeterminate' | 'not-checked';

/** One DNSKEY of a zone as a report shows it: enough to judge its algorithm and strength. */
export interface DnskeyInfo {
  /** The key tag (RFC 4034 Appendix B). */
  readonly keyTag: number;
  /** The algorithm number. */
  readonly algorithm: number;
  /** The flags field: 257 for a key-signing key (SEP bit), 256 for a zone-signing key. */
  readonly flags: number;
  /**
   * The key size in bits: the modulus of an RSA key, the prime of a DSA key, the curve size of
   * ECDSA, EdDSA and GOST keys. Absent for an unknown algorithm or a malformed key.
   */
  readonly bits?: number;
}

/** One zone on the way from the trust anchor to the answer, for reports. */
export interface ChainStep {
  /** The zone apex (`''` is the root). */
  readonly zone: string;
  /** The status of the zone: `secure` when its keys are trusted. */
  readonly status: ValidationStatus;
  /** Why the zone has that status. */
  readonly reason: ValidationReason;
  /** A one-line explanation. */
  readonly detail?: string;
  /** How the DS RRset (or trust anchor) was established. */
  readonly ds: DsStatus;
  /** How the DNSKEY RRset was established. */
  readonly dnskey: DnskeyStatus;
  /** The key tags in the DS RRset or trust anchor. */
  readonly dsKeyTags: readonly number[];
  /** The digest types in the DS RRset or trust anchor. */
  readonly dsDigestTypes: readonly number[];
  /** The key tags of the DNSKEY RRset, when fetched. */
  readonly keyTags: readonly number[];
  /** The algorithms of the DNSKEY RRset, or of the DS RRset when the keys were not fetched. */
  readonly algorithms: readonly number[];
  /**
   * The DNSKEYs of the zone, when fetched: at most 32, in the order the zone
   * served them (`algorithms` still names every key's algorithm). Absent in evidence saved before
   * pastoe reported them.
   */
  readonly keys?: readonly DnskeyInfo[];
}

/** How many DNSKEYs a chain step reports at most (a DNSKEY RRset of a sane zone holds a handful). */
export const maxReportedKeys = 32;

/** What the validator knows about a zone. `zone` is the apex the state applies to. */
export type ZoneState =
  | { readonly status: 'secure'; readonly zone: string; readonly keys: readonly ZoneKey[]; readonly step: ChainStep }
  | {
      readonly status: 'insecure';
      readonly zone: string;
      readonly reason: InsecureReason;
      readonly detail: string;
      readonly step?: ChainStep;
    }
  | { readonly status: 'bogus'; readonly zone: string; readonly reason: BogusReason; readonly detail: string; readonly step?: ChainStep }
  | {
      readonly status: 'indeterminate';
      readonly zone: string;
      readonly reason: IndeterminateReason;
      readonly detail: string;
      readonly step?: ChainStep;
    };

/** A failure that ends a validation without a DNSSEC verdict. */
export interface Indeterminate {
  /** Always `indeterminate`. */
  readonly status: 'indeterminate';
  /** Why. */
  readonly reason: IndeterminateReason;
  /** A one-line explanation. */
  readonly detail: string;
}

/** Why a zone is not secure, before it is tied to the zone. */
export type ZoneFailure =
  | { readonly status: 'insecure'; readonly reason: InsecureReason; readonly detail: string }
  | { readonly status: 'bogus'; readonly reason: BogusReason; readonly detail: string }
  | Indeterminate;

/** What a chain step records besides its status, reason and detail. */
export type StepFields = Pick<ChainStep, 'ds' | 'dnskey'> &
  Partial<Pick<ChainStep, 'dsKeyTags' | 'dsDigestTypes' | 'keyTags' | 'algorithms' | 'keys'>>;

/** A chain step; the key and digest lists are empty unless `fields` fill them. */
export function chainStep(
  zone: string,
  fields: Pick<ChainStep, 'status' | 'reason'> & Partial<Pick<ChainStep, 'detail'>> & StepFields,
): ChainStep {
  return { zone, dsKeyTags: [], dsDigestTypes: [], keyTags: [], algorithms: [], ...fields };
}

/** The state of a zone that is not secure, with the chain step that reports it. */
export function failedZone(zone: string, failure: ZoneFailure, fields: StepFields): ZoneState {
  const step = chainStep(zone, { status: failure.status, reason: failure.reason, detail: failure.detail, ...fields });
  return { ...failure, zone, step };
}
