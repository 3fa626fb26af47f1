import type { DnssecProvenance } from '../model/provenance.js';
/**
 * The validator's interface and its result, as types: what the probe context and the pure DNSSEC
 * evaluators name without loading the validator itself.
 */
import type { DnsRecord, Rcode, RecordType } from '../dns/types.js';
import type { ValidationReason, ValidationStatus } from './reasons.js';
import type { ChainStep } from './zone-state.js';

/** Options of one validation. */
export interface ValidateOptions {
  /** Aborts the validation; the result is then `indeterminate` with reason `aborted`. */
  readonly signal?: AbortSignal;
  /** Time limit for the whole validation in milliseconds; past it the reason is `timeout`. */
  readonly timeoutMs?: number;
  /** Time limit per query in milliseconds, overriding the validator's. */
  readonly queryTimeoutMs?: number;
}

/** What kind of answer the validated response was. */
export type AnswerKind =
  /** Records of the asked type (possibly after a CNAME chain). */
  | 'positive'
  /** The name exists without records of the asked type. */
  | 'nodata'
  /** The name does not exist. */
  | 'nxdomain'
  /** No usable response. */
  | 'none';

/** The outcome of one validation. */
export interface ValidationResult {
  /** The name asked about, in canonical form (lowercase, no trailing dot). */
  readonly name: string;
  /** The type asked about. */
  readonly type: RecordType;
  /** The DNSSEC status. */
  readonly status: ValidationStatus;
  /** A stable code saying why (see {@link ValidationReason}). */
  readonly reason: ValidationReason;
  /** The RFC 8914 Extended DNS Error code that matches the reason, if any. */
  readonly ede?: number;
  /** A one-line explanation for people. */
  readonly detail?: string;
  /** The response code of the final response; `null` when there was none. */
  readonly rcode: Rcode | null;
  /** What kind of answer it was. */
  readonly answer: AnswerKind;
  /** Whether some RRset of the answer was synthesised from a wildcard. */
  readonly wildcard: boolean;
  /**
   * The answer RRset and the CNAME/DNAME records leading to it, without RRSIGs. Only filled for
   * `secure` and `insecure` results: bogus data must not be used.
   */
  readonly records: readonly DnsRecord[];
  /** The zones met from the trust anchor down, with their DS and DNSKEY status. */
  readonly chain: readonly ChainStep[];
  /** Queries this validation sent. */
  readonly queries: number;
}

/** Counters of a validator since it was created. */
export interface ValidatorStats {
  /** Validations run. */
  readonly validations: number;
  /** Queries sent to the resolver. */
  readonly queries: number;
  /** Zone and zone-cut lookups answered from the validator's cache. */
  readonly cacheHits: number;
  /** Zone and zone-cut lookups that needed queries. */
  readonly cacheMisses: number;
  /** Zone lookups that joined the same lookup of a concurrent validation. */
  readonly coalesced: number;
  /** Signature checks made, those answered from {@link ValidatorStats.signaturesRemembered} included. */
  readonly signatureChecks: number;
  /**
   * Signature checks answered from the validator's memory of earlier ones, without cryptography:
   * the same key, signature and signed data as a check made before, whose signature has not expired.
   */
  readonly signaturesRemembered: number;
  /**
   * The longest chain of queries each sent after the one before it was answered, over all
   * validations since creation: the sequential round trips a cold validation waits for (a query
   * the resolver answers from its cache counts as well).
   */
  readonly sequentialQueries: number;
  /** Zones held in the cache now. */
  readonly cachedZones: number;
}

/** A DNSSEC validator. */
export interface Validator {
  /**
   * Looks up `name` and `type` and validates the answer from the trust anchors down. Never
   * rejects: every failure is a result.
   */
  validate(name: string, type: RecordType, options?: ValidateOptions): Promise<ValidationResult>;
  /** Counters since creation. */
  stats(): ValidatorStats;
  /** Empties the cache of zone keys and delegations. */
  clearCache(): void;
  /** How it validates and from which trust anchors, for a report's provenance. Optional for custom validators. */
  describe?(): DnssecProvenance;
}
