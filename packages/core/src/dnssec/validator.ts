import type { DnsRecord, Rcode, RecordType, Resolver } from '../dns/types.js';
import { CriticalPath } from '../util/critical-path.js';
import type { AnswerKind, ValidateOptions, ValidationResult, Validator } from './types.js';
import { followAnswer, type Walked } from './answer-chain.js';
import type { Asked } from './ask.js';
import type { ChainSettings, ValidationContext, ValidatorCounters } from './context.js';
import { canonicalName } from './names.js';
import { defaultMaxNsec3Iterations } from './nsec3.js';
import { edeCodeForReason } from './reasons.js';
import { T, typeName, typeNumber } from './rrtypes.js';
import { describeTrustAnchors, ianaRootTrustAnchors, parseTrustAnchors, type ZoneTrustAnchor } from './trust-anchors.js';
import { askValidatingUpstream } from './upstream-ad.js';
import { validateWalked } from './validate-answer.js';
import { indeterminate, type Verdict } from './verdict.js';
import { ZoneCache } from './zone-cache.js';

export type { AnswerKind, ValidateOptions, ValidationResult, Validator, ValidatorStats } from './types.js';

/**
 * Bounds on the work one validation may do. They exist because DNSSEC data is attacker
 * controlled: colliding key tags and many signatures (KeyTrap, CVE-2023-50387), NSEC3 hashing
 * of long names (CVE-2023-50868) and long CNAME chains can each turn one query into minutes of
 * CPU. A validation that hits a bound ends `indeterminate` with reason `work-limit-exceeded`.
 */
export interface ValidatorLimits {
  /** Queries per validation. Default 64. */
  readonly maxQueries: number;
  /** CNAME and DNAME links followed. Default 12. */
  readonly maxCnameChain: number;
  /** Label steps from the trust anchor down to a zone. Default 32. */
  readonly maxZoneDepth: number;
  /** Signature verifications per validation. Default 64. */
  readonly maxSignatureChecks: number;
  /** RRSIGs tried per RRset. Default 8. */
  readonly maxSignaturesPerRRset: number;
  /** Keys tried per RRSIG or DS record when key tags collide. Default 4. */
  readonly maxKeysPerSignature: number;
  /** NSEC3 hash computations per validation. Default 64. */
  readonly maxNsec3Hashes: number;
  /**
   * Records examined per validation: each record of each response (grouped into RRsets) and
   * each record of an RRset put into canonical form for its signatures. Default 20 000, enough
   * to validate a full 64 KB answer (some 5,000 records at most) and the chain above it.
   */
  readonly maxRecords: number;
}

/** The default {@link ValidatorLimits}. */
export const defaultValidatorLimits: ValidatorLimits = {
  maxQueries: 64,
  maxCnameChain: 12,
  maxZoneDepth: 32,
  maxSignatureChecks: 64,
  maxSignaturesPerRRset: 8,
  maxKeysPerSignature: 4,
  maxNsec3Hashes: 64,
  maxRecords: 20_000,
};

/** Options of {@link createValidator}. */
export interface ValidatorOptions {
  /** Where queries go: a recursive resolver or the lab's server. Queries carry DO and CD. */
  readonly resolver: Resolver;
  /**
   * Trust anchors as zone-file text of DS or DNSKEY records (the format of Unbound's
   * `trust-anchor-file`). Default: the IANA root KSKs ({@link ianaRootTrustAnchors}).
   * Invalid text makes `createValidator` throw.
   */
  readonly trustAnchors?: string;
  /** The clock for signature validity windows and cache expiry. Default: the system clock. */
  readonly now?: () => Date;
  /**
   * Trust the AD bit of the resolver instead of validating: for users whose resolver validates
   * already. One query without CD; AD means secure, SERVFAIL with a DNSSEC Extended DNS Error
   * means bogus, any other answer insecure. Default false.
   */
  readonly trustUpstreamAd?: boolean;
  /**
   * NSEC3 records with more iterations make the answer insecure (RFC 9276 §3.2). Default 150,
   * the limit of Unbound and BIND.
   */
  readonly maxNsec3Iterations?: number;
  /** Time limit per query in milliseconds, passed to the resolver. Default: the resolver's own. */
  readonly queryTimeoutMs?: number;
  /** Work bounds; unspecified ones take {@link defaultValidatorLimits}. */
  readonly limits?: Partial<ValidatorLimits>;
  /** Cache bounds. */
  readonly cache?: {
    /**
     * Entries kept for zones and for non-cut names, each, the least recently used dropped first.
     * Default 4 000: a bulk run re-reads the shared zones (TLDs, hosters) on every domain and its
     * own domains' zones never again, so more only holds dead entries.
     */
    readonly maxEntries?: number;
    /** Longest lifetime of a cached zone, in seconds, below its TTLs. Default 3600. */
    readonly maxTtlSeconds?: number;
    /** Lifetime of a cached bogus zone, in seconds. Default 60. */
    readonly bogusTtlSeconds?: number;
  };
}

/** What a result reports besides its verdict; what is missing is reported empty. */
interface ResultDetails {
  readonly rcode?: Rcode | null | undefined;
  readonly answer?: AnswerKind | undefined;
  readonly wildcard?: boolean;
  readonly records?: readonly DnsRecord[] | undefined;
  readonly ctx?: ValidationContext;
}

/** The result of a validation; records are dropped unless the verdict lets them be used. */
function resultOf(name: string, type: RecordType, verdict: Verdict, details: ResultDetails): ValidationResult {
  const ede = edeCodeForReason(verdict.reason);
  const usable = verdict.status === 'secure' || verdict.status === 'insecure';
  return {
    name,
    type,
    status: verdict.status,
    reason: verdict.reason,
    ...(ede === undefined ? {} : { ede }),
    ...(verdict.detail === undefined ? {} : { detail: verdict.detail }),
    rcode: details.rcode ?? null,
    answer: details.answer ?? 'none',
    wildcard: details.wildcard ?? false,
    records: usable ? (details.records ?? []) : [],
    chain: details.ctx === undefined ? [] : [...details.ctx.steps.values()],
    queries: details.ctx?.queries ?? 0,
  };
}

/** The chain walk's settings from the validator's options. */
function chainSettings(options: ValidatorOptions, limits: ValidatorLimits, anchors: readonly ZoneTrustAnchor[]): ChainSettings {
  return {
    anchors,
    maxNsec3Iterations: options.maxNsec3Iterations ?? defaultMaxNsec3Iterations,
    maxZoneDepth: limits.maxZoneDepth,
    maxQueries: limits.maxQueries,
    rrsetLimits: { maxSignaturesPerRRset: limits.maxSignaturesPerRRset, maxKeysPerSignature: limits.maxKeysPerSignature },
    maxCacheTtl: options.cache?.maxTtlSeconds ?? 3600,
    bogusCacheTtl: options.cache?.bogusTtlSeconds ?? 60,
    maxCacheEntries: options.cache?.maxEntries ?? 4_000,
  };
}

/** What answer a walked chain ended in. */
function answerKindOf(walked: Walked): AnswerKind {
  if (walked.referral !== undefined) return 'none';
  if (walked.denial === undefined) return 'positive';
  return walked.rcode === 'NXDOMAIN' ? 'nxdomain' : 'nodata';
}

/** What one validator shares between its validations. */
interface ValidatorState {
  readonly resolver: Resolver;
  readonly settings: ChainSettings;
  readonly limits: ValidatorLimits;
  readonly cache: ZoneCache;
  readonly counters: ValidatorCounters;
  readonly inflight: Map<string, Promise<unknown>>;
  readonly aheadInFlight: Map<string, Promise<Asked>>;
  readonly clock: () => Date;
  readonly queryTimeoutMs: number | undefined;
}

/** A fresh context for one validation: its own budget, deadline and chain, the validator's cache. */
function newContext(validator: ValidatorState, options: ValidateOptions): ValidationContext {
  const { limits } = validator;
  return {
    resolver: validator.resolver,
    settings: validator.settings,
    cache: validator.cache,
    counters: validator.counters,
    now: Math.floor(validator.clock().getTime() / 1000),
    budget: {
      signatureChecks: limits.maxSignatureChecks,
      nsec3Hashes: limits.maxNsec3Hashes,
      records: limits.maxRecords,
      signaturesVerified: 0,
    },
    signal: options.signal,
    deadline: options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs),
    queryTimeoutMs: options.queryTimeoutMs ?? validator.queryTimeoutMs,
    queries: 0,
    steps: new Map(),
    inflight: validator.inflight,
    askedAhead: new Map(),
    aheadInFlight: validator.aheadInFlight,
  };
}

/** Validates from the trust anchors down: follows the answer chain, then validates each part of it. */
async function validateFromAnchors(
  validator: ValidatorState,
  name: string,
  type: RecordType,
  qtype: number,
  options: ValidateOptions,
): Promise<ValidationResult> {
  const ctx = newContext(validator, options);
  const walked = await followAnswer(ctx, name, qtype, validator.limits.maxCnameChain);
  if (!('links' in walked)) return resultOf(name, type, walked, { ctx });
  const records = [...walked.links.flatMap((link) => link.rrset.records), ...walked.synthesized];
  const { verdict, wildcard } = await validateWalked(ctx, walked, qtype);
  return resultOf(name, type, verdict, { rcode: walked.rcode, answer: answerKindOf(walked), records, ctx, wildcard });
}

/**
 * Creates a DNSSEC validator that checks answers itself, from the trust anchors down, instead
 * of trusting a resolver's AD bit (RFC 4033–4035, 5155, 6840). Zone keys, DS results and zone
 * cuts are cached per validator, so validating many names of one zone fetches its keys once.
 *
 * @throws TrustAnchorSyntaxError when `trustAnchors` is not valid zone-file text
 */
export function createValidator(options: ValidatorOptions): Validator {
  const anchors = parseTrustAnchors(options.trustAnchors ?? ianaRootTrustAnchors);
  const limits: ValidatorLimits = { ...defaultValidatorLimits, ...options.limits };
  const clock = options.now ?? (() => new Date());
  const settings = chainSettings(options, limits, anchors);
  const validator: ValidatorState = {
    resolver: options.resolver,
    settings,
    limits,
    cache: new ZoneCache(settings.maxCacheEntries, () => clock().getTime()),
    counters: {
      validations: 0,
      queries: 0,
      cacheHits: 0,
      coalesced: 0,
      cacheMisses: 0,
      signatureChecks: 0,
      queryRounds: new CriticalPath(),
    },
    inflight: new Map(),
    aheadInFlight: new Map(),
    clock,
    queryTimeoutMs: options.queryTimeoutMs,
  };
  const { cache, counters } = validator;

  const viaUpstream = async (name: string, type: RecordType, validateOptions: ValidateOptions): Promise<ValidationResult> => {
    counters.queries += 1;
    const timeoutMs = validateOptions.queryTimeoutMs ?? options.queryTimeoutMs;
    const upstream = await askValidatingUpstream(options.resolver, name, type, validateOptions, timeoutMs);
    return { ...resultOf(name, type, upstream.verdict, upstream), queries: 1 };
  };

  return {
    async validate(name, type, validateOptions = {}) {
      counters.validations += 1;
      const key = typeof name === 'string' ? canonicalName(name.trim()) : undefined;
      const qtype = typeof type === 'string' ? typeNumber(type) : undefined;
      const shownName = key ?? String(name);
      if (key === undefined || qtype === undefined || qtype === T.RRSIG || qtype === 41 || qtype === 255) {
        return resultOf(shownName, type, indeterminate('invalid-name', `cannot validate ${String(name)} ${String(type)}`), {});
      }
      const canonicalType = typeName(qtype);
      try {
        if (options.trustUpstreamAd === true) return await viaUpstream(key, canonicalType, validateOptions);
        return await validateFromAnchors(validator, key, canonicalType, qtype, validateOptions);
      } catch (error) {
        // validate promises never to reject; a bug here must still come back as a result.
        const detail = error instanceof Error ? error.message : String(error);
        return resultOf(key, canonicalType, indeterminate('internal-error', detail), {});
      }
    },
    stats() {
      const { queryRounds, ...counted } = counters;
      return { ...counted, signaturesRemembered: cache.remembered, sequentialQueries: queryRounds.length, cachedZones: cache.size };
    },
    clearCache() {
      cache.clear();
    },
    describe() {
      return { mode: options.trustUpstreamAd === true ? 'upstream-ad' : 'own', trustAnchors: describeTrustAnchors(anchors) };
    },
  };
}

/** A validation result is usable when its records may be trusted as far as DNSSEC goes. */
export function isUsable(result: ValidationResult): boolean {
  return result.status === 'secure' || result.status === 'insecure';
}
