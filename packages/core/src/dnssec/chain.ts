import type { DnsMessage, Resolver } from '../dns/types.js';
import { TtlCache } from '../util/ttl-cache.js';
import { isSupportedAlgorithm, isSupportedDigestType, dsDigest } from './crypto.js';
import { classifyCutNsec, type NsecRecord, nsecFromRecord } from './denial.js';
import { childToward, displayName, isProperSubdomain, isSubdomain, nameKey, queryName } from './names.js';
import { type Nsec3Record, Nsec3Prover, nsec3FromRecord } from './nsec3.js';
import type { CutClassification } from './proof.js';
import { equalBytes, fromHex, recordRdata } from './rdata.js';
import type { BogusReason, IndeterminateReason, InsecureReason, ValidationReason, ValidationStatus } from './reasons.js';
import { T, typeName } from './rrtypes.js';
import { type DnskeyAnchor, type DsAnchor, type ZoneTrustAnchor, closestTrustAnchor } from './trust-anchors.js';
import {
  findRRset,
  groupRRsets,
  type RRset,
  type RRsetLimits,
  type RRsetVerification,
  verifyRRset,
  type WorkBudget,
  type ZoneKey,
  zoneKeyFlag,
  zoneKeyFromRecord,
} from './verify.js';

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
}

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
}

type CutEntry = { readonly kind: 'not-a-cut' | 'no-name'; readonly expiresAt: number };

/**
 * The per-validator cache: verified zone states (keys, insecure delegations, bogus zones) and
 * names proven not to be zone cuts, in two {@link TtlCache}s on the validator's clock. Expiry
 * times are absolute, in seconds, because they come from signature expirations as well as TTLs.
 */
export class ZoneCache {
  readonly #zones: TtlCache<string, ZoneState>;
  readonly #cuts: TtlCache<string, CutEntry>;
  readonly #clock: () => number;

  /**
   * @param maxEntries - the bound on each of the two maps
   * @param clock - the validator's clock, in milliseconds
   */
  constructor(maxEntries: number, clock: () => number) {
    this.#clock = clock;
    this.#zones = new TtlCache({ maxEntries, now: clock });
    this.#cuts = new TtlCache({ maxEntries, now: clock });
  }

  #ttlMs(expiresAt: number): number {
    return expiresAt * 1000 - this.#clock();
  }

  /** The cached state of a zone apex, if fresh. */
  zone(name: string): ZoneState | undefined {
    return this.#zones.get(name);
  }

  /** Caches a zone state until `expiresAt` (seconds); indeterminate states are never cached. */
  setZone(name: string, state: ZoneState, expiresAt: number): void {
    if (state.status !== 'indeterminate') this.#zones.set(name, state, this.#ttlMs(expiresAt));
  }

  /** The cached classification of a name that is not a zone, if fresh. */
  cut(name: string): CutEntry | undefined {
    return this.#cuts.get(name);
  }

  /** Caches that a name is not a zone cut, or does not exist. */
  setCut(name: string, entry: CutEntry): void {
    this.#cuts.set(name, entry, this.#ttlMs(entry.expiresAt));
  }

  /** The number of cached zones (expired ones included until next touched). */
  get size(): number {
    return this.#zones.size;
  }

  /** Drops everything. */
  clear(): void {
    this.#zones.clear();
    this.#cuts.clear();
  }
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
}

/**
 * Runs `work` once for concurrent callers with the same key. A caller that joins another
 * validation's work and gets back an indeterminate result (that validation was aborted or ran
 * out of budget) does the work again under its own signal and budget.
 */
async function shared<R>(ctx: ValidationContext, key: string, work: () => Promise<R>, failed: (result: R) => boolean): Promise<R> {
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

const isIndeterminate = (state: ZoneState): boolean => state.status === 'indeterminate';

/** A response that can be validated, or why there is none. */
export type Asked = { readonly ok: true; readonly message: DnsMessage } | ({ readonly ok: false } & Indeterminate);

function abortedReason(ctx: ValidationContext): Indeterminate {
  return ctx.deadline?.aborted === true && ctx.signal?.aborted !== true
    ? { status: 'indeterminate', reason: 'timeout', detail: 'the validation ran out of time' }
    : { status: 'indeterminate', reason: 'aborted', detail: 'the validation was aborted' };
}

/**
 * Sends one query with DO and CD set, so that a validating upstream hands over bogus data too
 * and pastoe reaches its own verdict. Counts it against the budget. NOERROR and NXDOMAIN are
 * answers; every other outcome becomes an indeterminate reason.
 */
export async function ask(ctx: ValidationContext, name: string, type: number, purpose: string): Promise<Asked> {
  if (ctx.signal?.aborted === true || ctx.deadline?.aborted === true) return { ok: false, ...abortedReason(ctx) };
  if (ctx.queries >= ctx.settings.maxQueries) {
    return {
      ok: false,
      status: 'indeterminate',
      reason: 'work-limit-exceeded',
      detail: `more than ${ctx.settings.maxQueries} queries needed`,
    };
  }
  ctx.queries += 1;
  ctx.counters.queries += 1;
  const what = `${purpose} (${displayName(name)} ${typeName(type)})`;
  const signal =
    ctx.signal !== undefined && ctx.deadline !== undefined ? AbortSignal.any([ctx.signal, ctx.deadline]) : (ctx.signal ?? ctx.deadline);
  const options = {
    ...(signal === undefined ? {} : { signal }),
    ...(ctx.queryTimeoutMs === undefined ? {} : { timeoutMs: ctx.queryTimeoutMs }),
  };
  let result: Awaited<ReturnType<Resolver['query']>>;
  try {
    result = await ctx.resolver.query(
      { name: queryName(name), type: typeName(type), dnssecOk: true, checkingDisabled: true, recursionDesired: true },
      options,
    );
  } catch (error) {
    // The Resolver contract says query never rejects; a broken implementation must not break ours.
    return {
      ok: false,
      status: 'indeterminate',
      reason: 'network',
      detail: `${what}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!result.ok) {
    const code = result.error.code;
    if (code === 'aborted') return { ok: false, ...abortedReason(ctx) };
    const reason: IndeterminateReason =
      code === 'timeout'
        ? 'timeout'
        : code === 'malformed' || code === 'too-large' || code === 'id-mismatch'
          ? 'malformed'
          : code === 'invalid-name'
            ? 'invalid-name'
            : 'network';
    return { ok: false, status: 'indeterminate', reason, detail: `${what}: ${result.error.message}` };
  }
  const { rcode, answers, authority } = result.message;
  // The validation groups these sections into RRsets; a response full of records is work too.
  const records = answers.length + authority.length;
  if (records > ctx.budget.records) {
    return {
      ok: false,
      status: 'indeterminate',
      reason: 'work-limit-exceeded',
      detail: `${what}: the response holds ${records} records, more than the validation's record budget has left`,
    };
  }
  ctx.budget.records -= records;
  if (rcode === 'NOERROR' || rcode === 'NXDOMAIN') return { ok: true, message: result.message };
  return {
    ok: false,
    status: 'indeterminate',
    reason: rcode === 'SERVFAIL' ? 'servfail' : 'refused',
    detail: `${what} answered ${rcode}`,
  };
}

/** The smallest TTL of an RRset, capped by the cache limit. */
function ttlOf(set: RRset | undefined, max: number): number {
  if (set === undefined) return max;
  return Math.min(max, ...set.records.map((r) => r.ttl));
}

/** Verifies an RRset in the context's budget. */
export function verifyIn(ctx: ValidationContext, rrset: RRset, zone: string, keys: readonly ZoneKey[]): RRsetVerification {
  const before = ctx.budget.signaturesVerified;
  const outcome = verifyRRset({ rrset, zone, keys, now: ctx.now, budget: ctx.budget, limits: ctx.settings.rrsetLimits });
  ctx.counters.signatureChecks += ctx.budget.signaturesVerified - before;
  return outcome;
}

/** The verified NSEC and NSEC3 records of a zone found in a response section. */
export interface Proofs {
  readonly nsecs: readonly NsecRecord[];
  readonly nsec3: Nsec3Prover;
  /** The first proof RRset that did not verify, so a failed proof can report the real cause. */
  readonly failure?: { readonly reason: BogusReason; readonly detail: string };
  /** Whether the signature budget ran out. */
  readonly limit: boolean;
  /** Whether a proof RRset signed by another zone (below `zone`) was present. */
  readonly foreign: boolean;
  /** The smallest TTL among the verified proof records. */
  readonly ttl: number;
}

/** Cap on proof RRsets examined per response, against responses stuffed with NSEC records. */
const maxProofRRsets = 16;

/** Verifies the NSEC and NSEC3 RRsets of `zone` in a section with the zone's keys. */
export function collectProofs(ctx: ValidationContext, section: readonly RRset[], zone: string, keys: readonly ZoneKey[]): Proofs {
  const nsecs: NsecRecord[] = [];
  const nsec3s: Nsec3Record[] = [];
  let failure: { reason: BogusReason; detail: string } | undefined;
  let limit = false;
  let foreign = false;
  let ttl = ctx.settings.maxCacheTtl;
  const candidates = section.filter((set) => (set.type === T.NSEC || set.type === T.NSEC3) && isSubdomain(set.name, zone));
  for (const set of candidates.slice(0, maxProofRRsets)) {
    const signedHere = set.signatures.some((sig) => sig.data.type === 'RRSIG' && nameKey(sig.data.signerName) === zone);
    if (!signedHere && set.signatures.length > 0) foreign = true;
    const outcome = verifyIn(ctx, set, zone, keys);
    if (!outcome.ok) {
      if (outcome.reason === 'work-limit-exceeded') limit = true;
      else failure ??= { reason: outcome.reason, detail: outcome.detail };
      continue;
    }
    // A synthesised (wildcard-expanded) NSEC proves nothing about its owner.
    if (outcome.wildcardParent !== undefined) continue;
    ttl = Math.min(ttl, ttlOf(set, ctx.settings.maxCacheTtl));
    for (const record of set.records) {
      const nsec = nsecFromRecord(record);
      if (nsec !== undefined) nsecs.push(nsec);
      const nsec3 = nsec3FromRecord(record);
      if (nsec3 !== undefined) nsec3s.push(nsec3);
    }
  }
  return {
    nsecs,
    nsec3: new Nsec3Prover(nsec3s, zone, ctx.budget, ctx.settings.maxNsec3Iterations),
    ...(failure === undefined ? {} : { failure }),
    limit,
    foreign,
    ttl,
  };
}

/**
 * The zone cut a response refers to, when it is a referral for `name` (RFC 4035 §3.1.4: no
 * answer, no SOA, an NS RRset at or above the name) rather than an answer. A recursive
 * resolver never gives one; the lab's server does for zones it delegates but does not host.
 */
export function referralCut(message: DnsMessage, name: string): string | undefined {
  if (message.rcode !== 'NOERROR' || message.answers.length > 0) return undefined;
  if (message.authority.some((r) => r.data.type === 'SOA')) return undefined;
  const ns = message.authority.find((r) => r.data.type === 'NS' && isSubdomain(name, nameKey(r.name)));
  return ns === undefined ? undefined : nameKey(ns.name);
}

function step(zone: string, fields: Partial<ChainStep> & Pick<ChainStep, 'status' | 'reason' | 'ds' | 'dnskey'>): ChainStep {
  return { zone, dsKeyTags: [], dsDigestTypes: [], keyTags: [], algorithms: [], ...fields };
}

function record(ctx: ValidationContext, state: ZoneState): ZoneState {
  if (state.step !== undefined && !ctx.steps.has(state.step.zone)) ctx.steps.set(state.step.zone, state.step);
  return state;
}

function unique(values: readonly number[]): number[] {
  return [...new Set(values)];
}

const dsReasonRank: Readonly<Record<string, number>> = { 'ds-mismatch': 3, 'no-zone-key-bit': 2, 'dnskey-missing': 1 };

/** Cap on DS records and trust anchors examined per zone (KeyTrap: each costs a digest). */
const maxDsRecords = 16;

/**
 * Establishes the keys of a zone from its DS RRset (or trust anchor): fetch the DNSKEY RRset,
 * find the keys the DS records (or anchors) point at, and verify the DNSKEY RRset with one of
 * them (RFC 4035 §5.2). A DS set with only unsupported algorithms or digests makes the zone
 * insecure (RFC 4035 §5.2, RFC 6840 §5.2), never secure.
 */
async function establishKeys(
  ctx: ValidationContext,
  zone: string,
  anchor: { readonly ds: readonly DsAnchor[]; readonly dnskeys: readonly DnskeyAnchor[] },
  source: 'trust-anchor' | 'secure',
  parentExpiry: number,
): Promise<ZoneState> {
  const dsInfo = {
    dsKeyTags: unique([...anchor.ds.map((d) => d.keyTag), ...anchor.dnskeys.map((k) => k.keyTag)]),
    dsDigestTypes: unique(anchor.ds.map((d) => d.digestType)),
  };
  let ds = anchor.ds.filter((d) => isSupportedAlgorithm(d.algorithm) && isSupportedDigestType(d.digestType)).slice(0, maxDsRecords);
  // RFC 4509 §3: a SHA-1 DS must be ignored when a stronger digest is present (no downgrade).
  if (ds.some((d) => d.digestType !== 1)) ds = ds.filter((d) => d.digestType !== 1);
  const anchorKeys = anchor.dnskeys.filter((k) => isSupportedAlgorithm(k.algorithm)).slice(0, maxDsRecords);
  const anchorAlgorithms = unique([...anchor.ds.map((d) => d.algorithm), ...anchor.dnskeys.map((k) => k.algorithm)]);
  if (ds.length === 0 && anchorKeys.length === 0) {
    const algorithmKnown =
      anchor.ds.some((d) => isSupportedAlgorithm(d.algorithm)) || anchor.dnskeys.some((k) => isSupportedAlgorithm(k.algorithm));
    const reason: InsecureReason = algorithmKnown ? 'unsupported-ds-digest' : 'unsupported-dnskey-algorithm';
    const detail = algorithmKnown
      ? `the DS records of ${displayName(zone)} use only unsupported digest types (${dsInfo.dsDigestTypes.join(', ')})`
      : `the DS records of ${displayName(zone)} use only unsupported algorithms (${anchorAlgorithms.join(', ')})`;
    const state: ZoneState = {
      status: 'insecure',
      zone,
      reason,
      detail,
      step: step(zone, {
        status: 'insecure',
        reason,
        detail,
        ds: 'unsupported',
        dnskey: 'not-checked',
        ...dsInfo,
        algorithms: anchorAlgorithms,
      }),
    };
    ctx.cache.setZone(zone, state, Math.min(parentExpiry, ctx.now + ctx.settings.maxCacheTtl));
    return state;
  }
  const dsStatus: DsStatus = source;
  const asked = await ask(ctx, zone, T.DNSKEY, 'DNSKEY fetch');
  if (!asked.ok) {
    return {
      status: 'indeterminate',
      zone,
      reason: asked.reason,
      detail: asked.detail,
      step: step(zone, {
        status: 'indeterminate',
        reason: asked.reason,
        detail: asked.detail,
        ds: dsStatus,
        dnskey: 'indeterminate',
        ...dsInfo,
        algorithms: anchorAlgorithms,
      }),
    };
  }
  const keySet = findRRset(groupRRsets(asked.message.answers), zone, T.DNSKEY);
  if (keySet === undefined && referralCut(asked.message, zone) !== undefined) {
    const detail = `the DNSKEY query for ${displayName(zone)} got a referral: the server does not recurse`;
    return {
      status: 'indeterminate',
      zone,
      reason: 'unexpected-response',
      detail,
      step: step(zone, {
        status: 'indeterminate',
        reason: 'unexpected-response',
        detail,
        ds: dsStatus,
        dnskey: 'indeterminate',
        ...dsInfo,
        algorithms: anchorAlgorithms,
      }),
    };
  }
  const bogus = (reason: BogusReason, detail: string, keys: readonly ZoneKey[] = []): ZoneState => {
    const state: ZoneState = {
      status: 'bogus',
      zone,
      reason,
      detail,
      step: step(zone, {
        status: 'bogus',
        reason,
        detail,
        ds: dsStatus,
        dnskey: 'bogus',
        ...dsInfo,
        keyTags: unique(keys.map((k) => k.tag)),
        algorithms: keys.length > 0 ? unique(keys.map((k) => k.algorithm)) : anchorAlgorithms,
      }),
    };
    ctx.cache.setZone(zone, state, ctx.now + ctx.settings.bogusCacheTtl);
    return state;
  };
  if (keySet === undefined) return bogus('dnskey-missing', `${displayName(zone)} returned no DNSKEY RRset`);
  const keys = keySet.records.map(zoneKeyFromRecord).filter((k): k is ZoneKey => k !== undefined);
  const trusted: ZoneKey[] = [];
  let best: { reason: BogusReason; detail: string } = {
    reason: 'dnskey-missing',
    detail: `no DNSKEY of ${displayName(zone)} matches a DS record (key tags ${dsInfo.dsKeyTags.join(', ')})`,
  };
  const note = (reason: BogusReason, detail: string): void => {
    if ((dsReasonRank[reason] ?? 0) > (dsReasonRank[best.reason] ?? 0)) best = { reason, detail };
  };
  const trust = (key: ZoneKey): void => {
    if ((key.flags & zoneKeyFlag) === 0)
      note('no-zone-key-bit', `DNSKEY ${key.tag} of ${displayName(zone)} matches the DS but lacks the Zone Key flag`);
    else if (!trusted.includes(key)) trusted.push(key);
  };
  for (const d of ds) {
    const candidates = keys
      .filter((k) => k.tag === d.keyTag && k.algorithm === d.algorithm)
      .slice(0, ctx.settings.rrsetLimits.maxKeysPerSignature);
    for (const key of candidates) {
      const digest = dsDigest(zone, key.rdata, d.digestType);
      if (digest !== undefined && equalBytes(digest, d.digest)) trust(key);
      else note('ds-mismatch', `the digest of DNSKEY ${key.tag} of ${displayName(zone)} does not match its DS record`);
    }
  }
  for (const anchorKey of anchorKeys) {
    const key = keys.find((k) => equalBytes(k.rdata, anchorKey.rdata));
    if (key !== undefined) trust(key);
  }
  if (trusted.length === 0) return bogus(best.reason, best.detail, keys);
  const verified = verifyIn(ctx, keySet, zone, trusted);
  if (!verified.ok) {
    if (verified.reason === 'work-limit-exceeded') {
      return { status: 'indeterminate', zone, reason: 'work-limit-exceeded', detail: verified.detail };
    }
    return bogus(verified.reason, verified.detail, keys);
  }
  const expiresAt = Math.min(parentExpiry, verified.expiration, ctx.now + ttlOf(keySet, ctx.settings.maxCacheTtl));
  const state: ZoneState = {
    status: 'secure',
    zone,
    keys,
    step: step(zone, {
      status: 'secure',
      reason: 'validated',
      ds: dsStatus,
      dnskey: 'secure',
      ...dsInfo,
      keyTags: unique(keys.map((k) => k.tag)),
      algorithms: unique(keys.map((k) => k.algorithm)),
    }),
  };
  ctx.cache.setZone(zone, state, expiresAt);
  return state;
}

type Probe = { readonly kind: 'not-a-cut' | 'no-name'; readonly expiresAt: number } | { readonly kind: 'zone'; readonly state: ZoneState };

/**
 * Asks the parent for the DS RRset of `child` and reads the answer: a signed DS RRset (a secure
 * delegation, whose keys are then established), a proof that the DS RRset does not exist at a
 * delegation (insecure), or a proof that `child` is not a zone cut at all.
 */
async function probeChild(ctx: ValidationContext, parent: ZoneState & { status: 'secure' }, child: string): Promise<Probe> {
  const asked = await ask(ctx, child, T.DS, 'DS fetch');
  if (!asked.ok) {
    return {
      kind: 'zone',
      state: {
        status: 'indeterminate',
        zone: child,
        reason: asked.reason,
        detail: asked.detail,
        step: step(child, {
          status: 'indeterminate',
          reason: asked.reason,
          detail: asked.detail,
          ds: 'indeterminate',
          dnskey: 'not-checked',
        }),
      },
    };
  }
  const message = asked.message;
  const bogusZone = (reason: BogusReason, detail: string, ds: DsStatus = 'bogus'): Probe => {
    const state: ZoneState = {
      status: 'bogus',
      zone: child,
      reason,
      detail,
      step: step(child, { status: 'bogus', reason, detail, ds, dnskey: 'not-checked' }),
    };
    ctx.cache.setZone(child, state, ctx.now + ctx.settings.bogusCacheTtl);
    return { kind: 'zone', state };
  };
  const limitZone = (detail: string): Probe => ({
    kind: 'zone',
    state: { status: 'indeterminate', zone: child, reason: 'work-limit-exceeded', detail },
  });
  const answers = groupRRsets(message.answers);
  const dsSet = findRRset(answers, child, T.DS);
  if (dsSet !== undefined && message.rcode === 'NOERROR') {
    const verified = verifyIn(ctx, dsSet, parent.zone, parent.keys);
    if (!verified.ok) {
      return verified.reason === 'work-limit-exceeded'
        ? limitZone(verified.detail)
        : bogusZone(verified.reason, `DS RRset of ${displayName(child)}: ${verified.detail}`);
    }
    const ds: DsAnchor[] = [];
    for (const rec of dsSet.records) {
      if (rec.data.type !== 'DS') continue;
      const rdata = recordRdata(rec);
      const digest = rdata.length > 4 ? rdata.subarray(4) : fromHex(rec.data.digest);
      if (digest !== undefined)
        ds.push({ keyTag: rec.data.keyTag, algorithm: rec.data.algorithm, digestType: rec.data.digestType, digest });
    }
    const expiresAt = Math.min(verified.expiration, ctx.now + ttlOf(dsSet, ctx.settings.maxCacheTtl));
    return { kind: 'zone', state: await establishKeys(ctx, child, { ds, dnskeys: [] }, 'secure', expiresAt) };
  }
  const dname = answers.find((set) => set.type === T.DNAME && isProperSubdomain(child, set.name) && isSubdomain(set.name, parent.zone));
  if (dname !== undefined) {
    // Nothing may exist below a DNAME owner (RFC 6672 §2.4), so no zone starts at `child`.
    const verified = verifyIn(ctx, dname, parent.zone, parent.keys);
    if (!verified.ok) {
      return verified.reason === 'work-limit-exceeded'
        ? limitZone(verified.detail)
        : bogusZone(verified.reason, `DNAME at ${displayName(dname.name)}: ${verified.detail}`);
    }
    return { kind: 'no-name', expiresAt: ctx.now + ttlOf(dname, ctx.settings.maxCacheTtl) };
  }
  const cname = findRRset(answers, child, T.CNAME);
  if (cname !== undefined) {
    // A CNAME cannot sit at a zone cut (RFC 2181 §10.1), so a verified one proves there is none.
    const verified = verifyIn(ctx, cname, parent.zone, parent.keys);
    if (!verified.ok) {
      return verified.reason === 'work-limit-exceeded'
        ? limitZone(verified.detail)
        : bogusZone(verified.reason, `CNAME at ${displayName(child)}: ${verified.detail}`);
    }
    return { kind: 'not-a-cut', expiresAt: ctx.now + ttlOf(cname, ctx.settings.maxCacheTtl) };
  }
  const proofs = collectProofs(ctx, groupRRsets(message.authority), parent.zone, parent.keys);
  if (proofs.limit) return limitZone(`signature check budget spent on the DS denial for ${displayName(child)}`);
  let classification: CutClassification | undefined;
  if (proofs.nsecs.length > 0) classification = classifyCutNsec(proofs.nsecs, child);
  if (classification === undefined && proofs.nsec3.present) classification = proofs.nsec3.classifyCut(child);
  const expiresAt = ctx.now + proofs.ttl;
  if (classification === undefined) {
    if (proofs.failure !== undefined)
      return bogusZone(proofs.failure.reason, `DS denial for ${displayName(child)}: ${proofs.failure.detail}`);
    if (proofs.foreign)
      return bogusZone('dnssec-bogus', `the DS denial for ${displayName(child)} is not signed by the parent ${displayName(parent.zone)}`);
    return bogusZone('nsec-missing', `${displayName(parent.zone)} gave no signed proof about the DS RRset of ${displayName(child)}`);
  }
  switch (classification.kind) {
    case 'not-a-cut':
    case 'no-name':
      return { kind: classification.kind, expiresAt };
    case 'insecure-delegation':
    case 'opt-out':
    case 'insecure': {
      const reason: InsecureReason = classification.kind === 'insecure' ? classification.reason : 'insecure-delegation';
      const state: ZoneState = {
        status: 'insecure',
        zone: child,
        reason,
        detail: classification.detail,
        step: step(child, {
          status: 'insecure',
          reason,
          detail: classification.detail,
          ds: classification.kind === 'insecure' ? 'indeterminate' : 'absent',
          dnskey: 'not-checked',
        }),
      };
      ctx.cache.setZone(child, state, expiresAt);
      return { kind: 'zone', state };
    }
    case 'bogus':
      return bogusZone(classification.reason, classification.detail);
    case 'limit':
      return limitZone(classification.detail);
  }
}

async function anchorState(ctx: ValidationContext, anchor: ZoneTrustAnchor): Promise<ZoneState> {
  const cached = ctx.cache.zone(anchor.zone);
  if (cached !== undefined) {
    ctx.counters.cacheHits += 1;
    return record(ctx, cached);
  }
  ctx.counters.cacheMisses += 1;
  const state = await shared(
    ctx,
    `anchor/${anchor.zone}`,
    () => establishKeys(ctx, anchor.zone, anchor, 'trust-anchor', Number.POSITIVE_INFINITY),
    isIndeterminate,
  );
  return record(ctx, state);
}

/**
 * The state of the zone that holds `target`: walks from the closest trust anchor down, one label
 * at a time, asking each next name for its DS RRset, until it reaches `target`, an insecure
 * delegation, a failure, or a name that does not exist. For a secure result, `zone` is the
 * deepest zone at or above `target`. Every step is cached.
 */
export async function zoneFor(ctx: ValidationContext, target: string): Promise<ZoneState> {
  const anchor = closestTrustAnchor(ctx.settings.anchors, target);
  if (anchor === undefined) {
    return { status: 'insecure', zone: '', reason: 'no-trust-anchor', detail: `no trust anchor covers ${displayName(target)}` };
  }
  let state = await anchorState(ctx, anchor);
  let current = anchor.zone;
  let depth = 0;
  while (state.status === 'secure' && current !== target) {
    depth += 1;
    if (depth > ctx.settings.maxZoneDepth) {
      return {
        status: 'indeterminate',
        zone: current,
        reason: 'work-limit-exceeded',
        detail: `more than ${ctx.settings.maxZoneDepth} labels below the trust anchor`,
      };
    }
    const child = childToward(current, target);
    const cachedZone = ctx.cache.zone(child);
    if (cachedZone !== undefined) {
      ctx.counters.cacheHits += 1;
      state = record(ctx, cachedZone);
      current = child;
      continue;
    }
    const cachedCut = ctx.cache.cut(child);
    if (cachedCut !== undefined) {
      ctx.counters.cacheHits += 1;
      if (cachedCut.kind === 'no-name') break;
      current = child;
      continue;
    }
    ctx.counters.cacheMisses += 1;
    const parent = state;
    const probe = await shared(
      ctx,
      `probe/${child}`,
      () => probeChild(ctx, parent, child),
      (p) => p.kind === 'zone' && isIndeterminate(p.state),
    );
    if (probe.kind === 'zone') {
      state = record(ctx, probe.state);
      current = child;
      continue;
    }
    ctx.cache.setCut(child, { kind: probe.kind, expiresAt: probe.expiresAt });
    if (probe.kind === 'no-name') break;
    current = child;
  }
  return state;
}
