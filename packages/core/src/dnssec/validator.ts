import type { DnsMessage, DnsRecord, Rcode, RecordType, Resolver } from '../dns/types.js';
import { type Asked, ask, referralCut } from './ask.js';
import { zoneFor } from './chain.js';
import { type ChainSettings, type ValidationContext, type ValidatorCounters, verifyIn } from './context.js';
import { proveNameErrorNsec, proveNoDataNsec, proveWildcardAnswerNsec } from './denial.js';
import { canonicalName, displayName, isProperSubdomain, isSubdomain, labelCount, nameFromLabels, nameKey, parseName } from './names.js';
import { defaultMaxNsec3Iterations } from './nsec3.js';
import type { DenialResult } from './proof.js';
import {
  type BogusReason,
  edeCodeForReason,
  type IndeterminateReason,
  reasonForEdeCode,
  type ValidationReason,
  type ValidationStatus,
} from './reasons.js';
import { T, typeName, typeNumber } from './rrtypes.js';
import { ianaRootTrustAnchors, parseTrustAnchors } from './trust-anchors.js';
import { collectProofs, type Proofs } from './verified-proofs.js';
import { findRRset, groupRRsets, type RRset } from './verify.js';
import { ZoneCache } from './zone-cache.js';
import type { ChainStep, ZoneState } from './zone-state.js';

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
    /** Entries kept for zones and for non-cut names, each. Default 10 000. */
    readonly maxEntries?: number;
    /** Longest lifetime of a cached zone, in seconds, below its TTLs. Default 3600. */
    readonly maxTtlSeconds?: number;
    /** Lifetime of a cached bogus zone, in seconds. Default 60. */
    readonly bogusTtlSeconds?: number;
  };
}

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
  /** Signature verifications done. */
  readonly signatureChecks: number;
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
}

type Verdict = {
  readonly status: ValidationStatus;
  readonly reason: ValidationReason;
  readonly detail?: string;
};

const secure: Verdict = { status: 'secure', reason: 'validated' };

function fromState(state: ZoneState): Verdict {
  return state.status === 'secure' ? secure : { status: state.status, reason: state.reason, detail: state.detail };
}

function bogus(reason: BogusReason, detail: string): Verdict {
  return { status: 'bogus', reason, detail };
}

function indeterminate(reason: IndeterminateReason, detail: string): Verdict {
  return { status: 'indeterminate', reason, detail };
}

function fromDenial(result: DenialResult, proofs: Proofs): Verdict {
  switch (result.kind) {
    case 'proven':
      return secure;
    case 'insecure':
      return { status: 'insecure', reason: result.reason, detail: result.detail };
    case 'limit':
      return indeterminate('work-limit-exceeded', result.detail);
    case 'bogus':
      // When a proof record failed its signature check, that failure is the real cause.
      return result.reason === 'nsec-missing' && proofs.failure !== undefined
        ? bogus(proofs.failure.reason, proofs.failure.detail)
        : bogus(result.reason, result.detail);
  }
}

const statusRank: Readonly<Record<ValidationStatus, number>> = { secure: 0, insecure: 1, indeterminate: 2, bogus: 3 };

/** One RRset of the answer, with the message it came in (its authority section holds proofs). */
interface Link {
  readonly rrset: RRset;
  readonly message: DnsMessage;
}

/** The deepest signer named by the RRSIGs of some RRsets that is at or above `name`. */
function signerFor(sets: readonly RRset[], name: string): string | undefined {
  let best: string | undefined;
  for (const set of sets) {
    for (const sig of set.signatures) {
      if (sig.data.type !== 'RRSIG') continue;
      const signer = nameKey(sig.data.signerName);
      if (isSubdomain(name, signer) && (best === undefined || labelCount(signer) > labelCount(best))) best = signer;
    }
  }
  return best;
}

/** `name` with its `owner` suffix replaced by `target` (DNAME substitution, RFC 6672 §2.2). */
function substitute(name: string, owner: string, target: string): string | undefined {
  const labels = parseName(name) ?? [];
  const prefix = labels.slice(0, labels.length - labelCount(owner));
  const rendered = target === '' ? nameFromLabels(prefix) : `${nameFromLabels(prefix)}.${target}`;
  return canonicalName(rendered);
}

async function validateLink(ctx: ValidationContext, link: Link): Promise<Verdict & { wildcard?: boolean }> {
  const { rrset, message } = link;
  const signer = signerFor([rrset], rrset.name);
  const what = `${displayName(rrset.name)} ${typeName(rrset.type)}`;
  if (signer === undefined) {
    const state = await zoneFor(ctx, rrset.name);
    if (state.status !== 'secure') return fromState(state);
    return bogus('rrsigs-missing', `${what} has no RRSIG although ${displayName(state.zone)} is signed`);
  }
  const state = await zoneFor(ctx, signer);
  if (state.status !== 'secure') return fromState(state);
  if (state.zone !== signer) return bogus('dnssec-bogus', `${what} is signed by ${displayName(signer)}, which is not a zone`);
  const verified = verifyIn(ctx, rrset, signer, state.keys);
  if (!verified.ok) {
    return verified.reason === 'work-limit-exceeded'
      ? indeterminate('work-limit-exceeded', verified.detail)
      : bogus(verified.reason, verified.detail);
  }
  if (verified.wildcardParent === undefined) return secure;
  const proofs = collectProofs(ctx, groupRRsets(message.authority), signer, state.keys);
  if (proofs.limit) return indeterminate('work-limit-exceeded', 'signature check budget spent on the wildcard proof');
  const result =
    proofs.nsecs.length > 0
      ? proveWildcardAnswerNsec(proofs.nsecs, rrset.name, verified.wildcardParent)
      : proofs.nsec3.present
        ? proofs.nsec3.proveWildcardAnswer(rrset.name, verified.wildcardParent)
        : ({ kind: 'bogus', reason: 'nsec-missing', detail: `no proof that ${what} needed the wildcard` } as const);
  return { ...fromDenial(result, proofs), wildcard: true };
}

async function validateDenial(ctx: ValidationContext, name: string, type: number, message: DnsMessage): Promise<Verdict> {
  const authority = groupRRsets(message.authority);
  const proofSets = authority.filter((set) => set.type === T.NSEC || set.type === T.NSEC3 || set.type === T.SOA);
  const signer = signerFor(proofSets, name);
  const state = await zoneFor(ctx, signer ?? name);
  if (state.status !== 'secure') return fromState(state);
  const kind = message.rcode === 'NXDOMAIN' ? 'NXDOMAIN' : 'NODATA';
  if (signer === undefined) return bogus('nsec-missing', `the ${kind} answer for ${displayName(name)} carries no signed denial`);
  if (state.zone !== signer)
    return bogus('dnssec-bogus', `the denial for ${displayName(name)} is signed by ${displayName(signer)}, which is not a zone`);
  const proofs = collectProofs(ctx, authority, state.zone, state.keys);
  if (proofs.limit) return indeterminate('work-limit-exceeded', 'signature check budget spent on the denial');
  if (proofs.nsecs.length === 0 && !proofs.nsec3.present) {
    return proofs.failure !== undefined
      ? bogus(proofs.failure.reason, proofs.failure.detail)
      : bogus('nsec-missing', `the ${kind} answer for ${displayName(name)} has no NSEC or NSEC3 records`);
  }
  let result: DenialResult;
  if (message.rcode === 'NXDOMAIN') {
    result = proofs.nsecs.length > 0 ? proveNameErrorNsec(proofs.nsecs, name, state.zone) : proofs.nsec3.proveNameError(name);
  } else {
    result = proofs.nsecs.length > 0 ? proveNoDataNsec(proofs.nsecs, name, type, state.zone) : proofs.nsec3.proveNoData(name, type);
  }
  return fromDenial(result, proofs);
}

/**
 * A referral carries no data to validate; what can be said is whether the zone it points to is
 * insecure (then the missing answer does not matter to DNSSEC) or not (then the answer is needed
 * and the server did not give it).
 */
async function validateReferral(ctx: ValidationContext, name: string, cut: string): Promise<Verdict> {
  const state = await zoneFor(ctx, name);
  if (state.status !== 'secure') return fromState(state);
  return indeterminate(
    'unexpected-response',
    `the server answered ${displayName(name)} with a referral to ${displayName(cut)} instead of recursing`,
  );
}

interface Walked {
  readonly links: readonly Link[];
  /** Records synthesised by DNAME that carry no signature of their own. */
  readonly synthesized: readonly DnsRecord[];
  readonly denial?: { readonly name: string; readonly message: DnsMessage };
  /** Set when the response for the end of the chain was a referral instead of an answer. */
  readonly referral?: { readonly name: string; readonly cut: string };
  readonly rcode: Rcode;
  readonly failure?: Verdict;
}

/**
 * Follows the answer from `qname` through CNAME and DNAME links to the RRset of `qtype` or to
 * the negative answer at the end of the chain, asking again where a response stops short
 * (an authoritative server answers one zone at a time).
 */
async function followAnswer(ctx: ValidationContext, qname: string, qtype: number, maxChain: number): Promise<Walked | Verdict> {
  const links: Link[] = [];
  const synthesized: DnsRecord[] = [];
  const visited = new Set<string>([qname]);
  let current = qname;
  let asked: Asked = await ask(ctx, qname, qtype, 'query');
  let askedFor = qname;
  let hops = 0;
  for (;;) {
    if (!asked.ok) return indeterminate(asked.reason, asked.detail);
    const message = asked.message;
    const sets = groupRRsets(message.answers);
    const follow = (target: string): Verdict | undefined => {
      hops += 1;
      if (hops > maxChain)
        return indeterminate('cname-chain-too-long', `more than ${maxChain} CNAME/DNAME links from ${displayName(qname)}`);
      if (visited.has(target)) return bogus('cname-loop', `the CNAME chain from ${displayName(qname)} returns to ${displayName(target)}`);
      visited.add(target);
      current = target;
      return undefined;
    };
    for (;;) {
      const final = findRRset(sets, current, qtype);
      if (final !== undefined) {
        links.push({ rrset: final, message });
        return { links, synthesized, rcode: message.rcode };
      }
      // A DNAME above the name wins over the CNAME at it: that CNAME is the unsigned one a
      // server synthesises from the DNAME (RFC 6672 §3.4), and only the DNAME can be validated.
      const dname = sets
        .filter((set) => set.type === T.DNAME && isProperSubdomain(current, set.name))
        .sort((a, b) => labelCount(b.name) - labelCount(a.name))[0];
      const dnameTarget = dname?.records[0]?.data;
      if (dname !== undefined && dnameTarget?.type === 'DNAME') {
        const target = substitute(current, dname.name, nameKey(dnameTarget.target));
        if (target === undefined)
          return indeterminate('unexpected-response', `the DNAME at ${displayName(dname.name)} makes a name too long`);
        links.push({ rrset: dname, message });
        const synthesizedCname = message.answers.find((r) => r.data.type === 'CNAME' && nameKey(r.name) === current);
        if (synthesizedCname !== undefined) {
          if (synthesizedCname.data.type === 'CNAME' && nameKey(synthesizedCname.data.target) !== target) {
            return bogus(
              'dnssec-bogus',
              `the CNAME at ${displayName(current)} does not follow from the DNAME at ${displayName(dname.name)}`,
            );
          }
          synthesized.push(synthesizedCname);
        }
        const stop = follow(target);
        if (stop !== undefined) return stop;
        continue;
      }
      if (qtype === T.CNAME) break;
      const cname = findRRset(sets, current, T.CNAME);
      if (cname !== undefined) {
        const targets = new Set(cname.records.map((r) => (r.data.type === 'CNAME' ? nameKey(r.data.target) : '')));
        const [target] = targets;
        if (targets.size !== 1 || target === undefined || target === '') {
          return bogus('dnssec-bogus', `the CNAME RRset at ${displayName(current)} does not hold exactly one target`);
        }
        links.push({ rrset: cname, message });
        const stop = follow(target);
        if (stop !== undefined) return stop;
        continue;
      }
      break;
    }
    // No data for `current` in this message. It is the negative answer for `current` when the
    // message was about it, or when a resolver followed the chain and the rcode or the SOA in
    // the authority section speaks about the end of the chain.
    const soa = message.authority.find((r) => r.data.type === 'SOA');
    const cut = referralCut(message, current);
    if (cut !== undefined) return { links, synthesized, referral: { name: current, cut }, rcode: message.rcode };
    const speaksAbout =
      askedFor === current || message.rcode === 'NXDOMAIN' || (soa !== undefined && isSubdomain(current, nameKey(soa.name)));
    if (speaksAbout) return { links, synthesized, denial: { name: current, message }, rcode: message.rcode };
    askedFor = current;
    asked = await ask(ctx, current, qtype, 'query');
  }
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
  const settings: ChainSettings = {
    anchors,
    maxNsec3Iterations: options.maxNsec3Iterations ?? defaultMaxNsec3Iterations,
    maxZoneDepth: limits.maxZoneDepth,
    maxQueries: limits.maxQueries,
    rrsetLimits: { maxSignaturesPerRRset: limits.maxSignaturesPerRRset, maxKeysPerSignature: limits.maxKeysPerSignature },
    maxCacheTtl: options.cache?.maxTtlSeconds ?? 3600,
    bogusCacheTtl: options.cache?.bogusTtlSeconds ?? 60,
    maxCacheEntries: options.cache?.maxEntries ?? 10_000,
  };
  const cache = new ZoneCache(settings.maxCacheEntries, () => clock().getTime());
  const counters: ValidatorCounters = { validations: 0, queries: 0, cacheHits: 0, coalesced: 0, cacheMisses: 0, signatureChecks: 0 };
  const inflight = new Map<string, Promise<unknown>>();

  const finish = (
    name: string,
    type: RecordType,
    verdict: Verdict,
    extra: { rcode?: Rcode | null; answer?: AnswerKind; wildcard?: boolean; records?: readonly DnsRecord[]; ctx?: ValidationContext },
  ): ValidationResult => {
    const ede = edeCodeForReason(verdict.reason);
    const usable = verdict.status === 'secure' || verdict.status === 'insecure';
    return {
      name,
      type,
      status: verdict.status,
      reason: verdict.reason,
      ...(ede === undefined ? {} : { ede }),
      ...(verdict.detail === undefined ? {} : { detail: verdict.detail }),
      rcode: extra.rcode ?? null,
      answer: extra.answer ?? 'none',
      wildcard: extra.wildcard ?? false,
      records: usable ? (extra.records ?? []) : [],
      chain: extra.ctx === undefined ? [] : [...extra.ctx.steps.values()],
      queries: extra.ctx?.queries ?? 0,
    };
  };

  const viaUpstream = async (name: string, type: RecordType, validateOptions: ValidateOptions): Promise<ValidationResult> => {
    const signals = [
      validateOptions.signal,
      validateOptions.timeoutMs === undefined ? undefined : AbortSignal.timeout(validateOptions.timeoutMs),
    ].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    const timeoutMs = validateOptions.queryTimeoutMs ?? options.queryTimeoutMs;
    counters.queries += 1;
    const result = await options.resolver.query(
      { name: name === '' ? '.' : name, type, dnssecOk: true, checkingDisabled: false, recursionDesired: true },
      { ...(signal === undefined ? {} : { signal }), ...(timeoutMs === undefined ? {} : { timeoutMs }) },
    );
    const base = { queries: 1 };
    if (!result.ok) {
      const reason: IndeterminateReason =
        result.error.code === 'timeout'
          ? 'timeout'
          : result.error.code === 'aborted'
            ? 'aborted'
            : result.error.code === 'malformed'
              ? 'malformed'
              : 'network';
      return { ...finish(name, type, indeterminate(reason, result.error.message), {}), ...base };
    }
    const message = result.message;
    const records = message.answers.filter((r) => r.data.type !== 'RRSIG');
    const answer: AnswerKind = message.rcode === 'NXDOMAIN' ? 'nxdomain' : records.length > 0 ? 'positive' : 'nodata';
    const extra = { rcode: message.rcode, answer, records };
    if (message.rcode === 'SERVFAIL') {
      const ede = message.edns?.extendedErrors.find((e) => reasonForEdeCode(e.code) !== undefined);
      const reason = ede === undefined ? undefined : reasonForEdeCode(ede.code);
      const verdict =
        ede !== undefined && reason !== undefined
          ? bogus(reason, `the resolver reported EDE ${ede.code}${ede.text === undefined ? '' : ` (${ede.text})`}`)
          : indeterminate('servfail', 'the resolver answered SERVFAIL');
      return { ...finish(name, type, verdict, { ...extra, answer: 'none' }), ...base };
    }
    if (message.rcode !== 'NOERROR' && message.rcode !== 'NXDOMAIN') {
      return {
        ...finish(name, type, indeterminate('refused', `the resolver answered ${message.rcode}`), { rcode: message.rcode }),
        ...base,
      };
    }
    const verdict: Verdict = message.flags.ad
      ? secure
      : { status: 'insecure', reason: 'upstream-not-authenticated', detail: 'the resolver did not set the AD bit' };
    return { ...finish(name, type, verdict, extra), ...base };
  };

  const run = async (name: string, type: RecordType, qtype: number, validateOptions: ValidateOptions): Promise<ValidationResult> => {
    const deadline = validateOptions.timeoutMs === undefined ? undefined : AbortSignal.timeout(validateOptions.timeoutMs);
    const ctx: ValidationContext = {
      resolver: options.resolver,
      settings,
      cache,
      counters,
      now: Math.floor(clock().getTime() / 1000),
      budget: {
        signatureChecks: limits.maxSignatureChecks,
        nsec3Hashes: limits.maxNsec3Hashes,
        records: limits.maxRecords,
        signaturesVerified: 0,
      },
      signal: validateOptions.signal,
      deadline,
      queryTimeoutMs: validateOptions.queryTimeoutMs ?? options.queryTimeoutMs,
      queries: 0,
      steps: new Map(),
      inflight,
    };
    const walked = await followAnswer(ctx, name, qtype, limits.maxCnameChain);
    if (!('links' in walked)) return finish(name, type, walked, { ctx });
    const records = [...walked.links.flatMap((link) => link.rrset.records), ...walked.synthesized];
    const answer: AnswerKind =
      walked.referral !== undefined
        ? 'none'
        : walked.denial === undefined
          ? 'positive'
          : walked.rcode === 'NXDOMAIN'
            ? 'nxdomain'
            : 'nodata';
    const extra = { rcode: walked.rcode, answer, records, ctx };
    let verdict: Verdict = secure;
    let wildcard = false;
    const checks: (() => Promise<Verdict & { wildcard?: boolean }>)[] = walked.links.map((link) => () => validateLink(ctx, link));
    const denial = walked.denial;
    if (denial !== undefined) checks.push(() => validateDenial(ctx, denial.name, qtype, denial.message));
    const referral = walked.referral;
    if (referral !== undefined) checks.push(() => validateReferral(ctx, referral.name, referral.cut));
    for (const check of checks) {
      const outcome = await check();
      if (outcome.wildcard === true) wildcard = true;
      if (statusRank[outcome.status] > statusRank[verdict.status]) verdict = outcome;
      // A bogus or unfinished link decides the result; there is no point in checking on.
      if (outcome.status === 'bogus' || outcome.status === 'indeterminate') break;
    }
    return finish(name, type, verdict, { ...extra, wildcard });
  };

  return {
    async validate(name, type, validateOptions = {}) {
      counters.validations += 1;
      const key = typeof name === 'string' ? canonicalName(name.trim()) : undefined;
      const qtype = typeof type === 'string' ? typeNumber(type) : undefined;
      const shownName = key ?? String(name);
      if (key === undefined || qtype === undefined || qtype === T.RRSIG || qtype === 41 || qtype === 255) {
        return finish(shownName, type, indeterminate('invalid-name', `cannot validate ${String(name)} ${String(type)}`), {});
      }
      const canonicalType = typeName(qtype);
      try {
        if (options.trustUpstreamAd === true) return await viaUpstream(key, canonicalType, validateOptions);
        return await run(key, canonicalType, qtype, validateOptions);
      } catch (error) {
        // validate promises never to reject; a bug here must still come back as a result.
        return finish(key, canonicalType, indeterminate('internal-error', error instanceof Error ? error.message : String(error)), {});
      }
    },
    stats() {
      return { ...counters, cachedZones: cache.size };
    },
    clearCache() {
      cache.clear();
    },
  };
}

/** A validation result is usable when its records may be trusted as far as DNSSEC goes. */
export function isUsable(result: ValidationResult): boolean {
  return result.status === 'secure' || result.status === 'insecure';
}
