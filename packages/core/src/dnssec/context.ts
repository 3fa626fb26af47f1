import type { Resolver } from '../dns/types.js';
import type { CriticalPath } from '../util/critical-path.js';
import type { Asked } from './ask.js';
import type { ZoneTrustAnchor } from './trust-anchors.js';
import { type RRset, type RRsetLimits, type RRsetVerification, verifyRRset, type WorkBudget, type ZoneKey } from './verify.js';
import type { ZoneCache } from './zone-cache.js';
import type { ChainStep } from './zone-state.js';

/** Settings of a validator that the chain walk reads. */
export interface ChainSettings {
  /** The parsed trust anchors. */
  readonly anchors: readonly ZoneTrustAnchor[];
  /** The NSEC3 iteration limit. */
  readonly maxNsec3Iterations: number;
  /** Label steps allowed from the trust anchor down to a zone. */
  readonly maxZoneDepth: number;
  /** Queries allowed per validation. */
  readonly maxQueries: number;
  /** Per-RRset bounds. */
  readonly rrsetLimits: RRsetLimits;
  /** Longest time a verified zone or cut is cached, in seconds. */
  readonly maxCacheTtl: number;
  /** How long a bogus zone is cached, in seconds (RFC 9520 asks for at least a second). */
  readonly bogusCacheTtl: number;
  /** The cache entry bound. */
  readonly maxCacheEntries: number;
}

/** Counters a validator keeps; the chain walk updates them as it goes. */
export interface ValidatorCounters {
  /** Validations started. */
  validations: number;
  /** Queries sent to the resolver. */
  queries: number;
  /** Zone and cut lookups answered from the cache. */
  cacheHits: number;
  /** Zone lookups that joined a concurrent validation's lookup. */
  coalesced: number;
  /** Zone and cut lookups that needed queries. */
  cacheMisses: number;
  /** Signature verifications done. */
  signatureChecks: number;
  /** The sequential queries of all validations, measured as they are sent and answered. */
  readonly queryRounds: CriticalPath;
}

/** Everything one validation carries: its clock, budget, signal and the zones it touched. */
export interface ValidationContext {
  /** Where queries go. */
  readonly resolver: Resolver;
  /** The validator's settings. */
  readonly settings: ChainSettings;
  /** The validator's cache, shared by its validations. */
  readonly cache: ZoneCache;
  /** The validator's counters. */
  readonly counters: ValidatorCounters;
  /** The validation time, in seconds since the epoch. */
  readonly now: number;
  /** What this validation may still spend. */
  readonly budget: WorkBudget;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** Aborted when the whole-validation time limit passes, to tell a timeout from an abort. */
  readonly deadline: AbortSignal | undefined;
  /** The time limit per query, if any. */
  readonly queryTimeoutMs: number | undefined;
  /** Queries this validation sent. */
  queries: number;
  /** The zones this validation touched, in the order met. */
  readonly steps: Map<string, ChainStep>;
  /**
   * Zone work in flight, shared by all validations of one validator, so that concurrent
   * validations below the same zones fetch and verify its keys once.
   */
  readonly inflight: Map<string, Promise<unknown>>;
  /** Queries this validation sent ahead of the chain walk, by name and type, until the walk takes their answers. */
  readonly askedAhead: Map<string, Promise<Asked>>;
  /**
   * Queries sent ahead and still unanswered, by name and type, shared by all validations of one
   * validator: concurrent validations below the same zones send each such query once.
   */
  readonly aheadInFlight: Map<string, Promise<Asked>>;
}

/**
 * Runs `work` once for concurrent callers with the same key. A caller that joins another
 * validation's work and gets back an indeterminate result (that validation was aborted or ran
 * out of budget) does the work again under its own signal and budget.
 */
export async function shared<R>(ctx: ValidationContext, key: string, work: () => Promise<R>, failed: (result: R) => boolean): Promise<R> {
  const running = ctx.inflight.get(key) as Promise<R> | undefined;
  if (running !== undefined) {
    ctx.counters.coalesced += 1;
    const result = await running;
    return failed(result) ? work() : result;
  }
  const promise = work();
  ctx.inflight.set(key, promise);
  try {
    return await promise;
  } finally {
    if (ctx.inflight.get(key) === promise) ctx.inflight.delete(key);
  }
}

/** The smallest TTL of an RRset, capped by the cache limit. */
export function ttlOf(set: RRset | undefined, max: number): number {
  if (set === undefined) return max;
  return Math.min(max, ...set.records.map((r) => r.ttl));
}

/** Verifies an RRset in the context's budget. */
export function verifyIn(ctx: ValidationContext, rrset: RRset, zone: string, keys: readonly ZoneKey[]): RRsetVerification {
  const before = ctx.budget.signaturesVerified;
  const outcome = verifyRRset({ rrset, zone, keys, now: ctx.now, budget: ctx.budget, limits: ctx.settings.rrsetLimits, memo: ctx.cache });
  ctx.counters.signatureChecks += ctx.budget.signaturesVerified - before;
  return outcome;
}
