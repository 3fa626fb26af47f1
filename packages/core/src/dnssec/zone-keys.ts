import { ask, referralCut } from './ask.js';
import { type ValidationContext, ttlOf, verifyIn } from './context.js';
import { dsDigest, isSupportedAlgorithm, isSupportedDigestType } from './crypto.js';
import { dnskeyBits } from './key-size.js';
import { displayName } from './names.js';
import { equalBytes } from './rdata.js';
import type { BogusReason } from './reasons.js';
import { T } from './rrtypes.js';
import type { DnskeyAnchor, DsAnchor } from './trust-anchors.js';
import { findRRset, groupRRsets, type RRset, type ZoneKey, zoneKeyFlag, zoneKeyFromRecord } from './verify.js';
import { chainStep, type DnskeyInfo, type DsStatus, failedZone, maxReportedKeys, type ZoneState } from './zone-state.js';

/** What vouches for a zone's keys: the DS RRset from its parent, or a configured trust anchor. */
export interface KeyAnchor {
  /** DS records (from the parent, or anchors given as DS). */
  readonly ds: readonly DsAnchor[];
  /** Trust anchors given as DNSKEY records. */
  readonly dnskeys: readonly DnskeyAnchor[];
}

/** The anchor records pastoe can check, and what a chain step shows of all of them. */
interface UsableAnchor {
  readonly ds: readonly DsAnchor[];
  readonly dnskeys: readonly DnskeyAnchor[];
  readonly dsKeyTags: readonly number[];
  readonly dsDigestTypes: readonly number[];
  readonly algorithms: readonly number[];
}

const dsReasonRank: Readonly<Record<string, number>> = { 'ds-mismatch': 3, 'no-zone-key-bit': 2, 'dnskey-missing': 1 };

/** Cap on DS records and trust anchors examined per zone (KeyTrap: each costs a digest). */
const maxDsRecords = 16;

function unique(values: readonly number[]): number[] {
  return [...new Set(values)];
}

/** What a chain step reports of a zone's keys: tag, algorithm, flags and size, for at most {@link maxReportedKeys}. */
function reportedKeys(keys: readonly ZoneKey[]): DnskeyInfo[] {
  return keys.slice(0, maxReportedKeys).map((key) => {
    const bits = dnskeyBits(key.algorithm, key.rdata.subarray(4));
    return { keyTag: key.tag, algorithm: key.algorithm, flags: key.flags, ...(bits === undefined ? {} : { bits }) };
  });
}

/** The DS records and anchor keys with supported algorithms and digests, at most {@link maxDsRecords} of each. */
function usableAnchor(anchor: KeyAnchor): UsableAnchor {
  let ds = anchor.ds.filter((d) => isSupportedAlgorithm(d.algorithm) && isSupportedDigestType(d.digestType)).slice(0, maxDsRecords);
  // RFC 4509 §3: a SHA-1 DS must be ignored when a stronger digest is present (no downgrade).
  if (ds.some((d) => d.digestType !== 1)) ds = ds.filter((d) => d.digestType !== 1);
  return {
    ds,
    dnskeys: anchor.dnskeys.filter((k) => isSupportedAlgorithm(k.algorithm)).slice(0, maxDsRecords),
    dsKeyTags: unique([...anchor.ds.map((d) => d.keyTag), ...anchor.dnskeys.map((k) => k.keyTag)]),
    dsDigestTypes: unique(anchor.ds.map((d) => d.digestType)),
    algorithms: unique([...anchor.ds.map((d) => d.algorithm), ...anchor.dnskeys.map((k) => k.algorithm)]),
  };
}

/** The insecure state of a zone whose DS records all use algorithms or digests pastoe does not validate. */
function unsupportedAnchorState(zone: string, anchor: KeyAnchor, usable: UsableAnchor): ZoneState {
  const algorithmKnown =
    anchor.ds.some((d) => isSupportedAlgorithm(d.algorithm)) || anchor.dnskeys.some((k) => isSupportedAlgorithm(k.algorithm));
  const detail = algorithmKnown
    ? `the DS records of ${displayName(zone)} use only unsupported digest types (${usable.dsDigestTypes.join(', ')})`
    : `the DS records of ${displayName(zone)} use only unsupported algorithms (${usable.algorithms.join(', ')})`;
  return failedZone(
    zone,
    { status: 'insecure', reason: algorithmKnown ? 'unsupported-ds-digest' : 'unsupported-dnskey-algorithm', detail },
    {
      ds: 'unsupported',
      dnskey: 'not-checked',
      dsKeyTags: usable.dsKeyTags,
      dsDigestTypes: usable.dsDigestTypes,
      algorithms: usable.algorithms,
    },
  );
}

/** The zone's DNSKEY RRset (`undefined` when the answer has none), or the state when none could be fetched. */
async function fetchKeySet(
  ctx: ValidationContext,
  zone: string,
  ds: DsStatus,
  usable: UsableAnchor,
): Promise<{ readonly keySet: RRset | undefined } | { readonly state: ZoneState }> {
  const fields = {
    ds,
    dnskey: 'indeterminate',
    dsKeyTags: usable.dsKeyTags,
    dsDigestTypes: usable.dsDigestTypes,
    algorithms: usable.algorithms,
  } as const;
  const asked = await ask(ctx, zone, T.DNSKEY, 'DNSKEY fetch');
  if (!asked.ok) return { state: failedZone(zone, { status: 'indeterminate', reason: asked.reason, detail: asked.detail }, fields) };
  const keySet = findRRset(groupRRsets(asked.message.answers), zone, T.DNSKEY);
  if (keySet === undefined && referralCut(asked.message, zone) !== undefined) {
    const detail = `the DNSKEY query for ${displayName(zone)} got a referral: the server does not recurse`;
    return { state: failedZone(zone, { status: 'indeterminate', reason: 'unexpected-response', detail }, fields) };
  }
  return { keySet };
}

/**
 * The keys of the zone that a DS record's digest or an anchor key vouches for and that carry
 * the Zone Key flag; when there are none, the most telling reason why.
 */
function vouchedKeys(
  ctx: ValidationContext,
  zone: string,
  keys: readonly ZoneKey[],
  usable: UsableAnchor,
): { readonly trusted: readonly ZoneKey[]; readonly best: { readonly reason: BogusReason; readonly detail: string } } {
  const trusted: ZoneKey[] = [];
  let best: { reason: BogusReason; detail: string } = {
    reason: 'dnskey-missing',
    detail: `no DNSKEY of ${displayName(zone)} matches a DS record (key tags ${usable.dsKeyTags.join(', ')})`,
  };
  const note = (reason: BogusReason, detail: string): void => {
    if ((dsReasonRank[reason] ?? 0) > (dsReasonRank[best.reason] ?? 0)) best = { reason, detail };
  };
  const trust = (key: ZoneKey): void => {
    if ((key.flags & zoneKeyFlag) === 0)
      note('no-zone-key-bit', `DNSKEY ${key.tag} of ${displayName(zone)} matches the DS but lacks the Zone Key flag`);
    else if (!trusted.includes(key)) trusted.push(key);
  };
  for (const d of usable.ds) {
    const candidates = keys
      .filter((k) => k.tag === d.keyTag && k.algorithm === d.algorithm)
      .slice(0, ctx.settings.rrsetLimits.maxKeysPerSignature);
    for (const key of candidates) {
      const digest = dsDigest(zone, key.rdata, d.digestType);
      if (digest !== undefined && equalBytes(digest, d.digest)) trust(key);
      else note('ds-mismatch', `the digest of DNSKEY ${key.tag} of ${displayName(zone)} does not match its DS record`);
    }
  }
  for (const anchorKey of usable.dnskeys) {
    const key = keys.find((k) => equalBytes(k.rdata, anchorKey.rdata));
    if (key !== undefined) trust(key);
  }
  return { trusted, best };
}

/**
 * Establishes the keys of a zone from its DS RRset (or trust anchor): fetch the DNSKEY RRset,
 * find the keys the DS records (or anchors) point at, and verify the DNSKEY RRset with one of
 * them (RFC 4035 §5.2). A DS set with only unsupported algorithms or digests makes the zone
 * insecure (RFC 4035 §5.2, RFC 6840 §5.2), never secure. Every verdict but an indeterminate one
 * is cached: a secure one until `parentExpiry` at the latest.
 */
export async function establishKeys(
  ctx: ValidationContext,
  zone: string,
  anchor: KeyAnchor,
  source: 'trust-anchor' | 'secure',
  parentExpiry: number,
): Promise<ZoneState> {
  const usable = usableAnchor(anchor);
  if (usable.ds.length === 0 && usable.dnskeys.length === 0) {
    const state = unsupportedAnchorState(zone, anchor, usable);
    ctx.cache.setZone(zone, state, Math.min(parentExpiry, ctx.now + ctx.settings.maxCacheTtl));
    return state;
  }
  const fetched = await fetchKeySet(ctx, zone, source, usable);
  if ('state' in fetched) return fetched.state;
  const { keySet } = fetched;
  const bogus = (reason: BogusReason, detail: string, keys: readonly ZoneKey[] = []): ZoneState => {
    const state = failedZone(
      zone,
      { status: 'bogus', reason, detail },
      {
        ds: source,
        dnskey: 'bogus',
        dsKeyTags: usable.dsKeyTags,
        dsDigestTypes: usable.dsDigestTypes,
        keyTags: unique(keys.map((k) => k.tag)),
        algorithms: keys.length > 0 ? unique(keys.map((k) => k.algorithm)) : usable.algorithms,
        ...(keys.length > 0 ? { keys: reportedKeys(keys) } : {}),
      },
    );
    ctx.cache.setZone(zone, state, ctx.now + ctx.settings.bogusCacheTtl);
    return state;
  };
  if (keySet === undefined) return bogus('dnskey-missing', `${displayName(zone)} returned no DNSKEY RRset`);
  const keys = keySet.records.map(zoneKeyFromRecord).filter((k): k is ZoneKey => k !== undefined);
  const { trusted, best } = vouchedKeys(ctx, zone, keys, usable);
  if (trusted.length === 0) return bogus(best.reason, best.detail, keys);
  const verified = verifyIn(ctx, keySet, zone, trusted);
  if (!verified.ok) {
    if (verified.reason === 'work-limit-exceeded')
      return { status: 'indeterminate', zone, reason: 'work-limit-exceeded', detail: verified.detail };
    return bogus(verified.reason, verified.detail, keys);
  }
  const state: ZoneState = {
    status: 'secure',
    zone,
    keys,
    step: chainStep(zone, {
      status: 'secure',
      reason: 'validated',
      ds: source,
      dnskey: 'secure',
      dsKeyTags: usable.dsKeyTags,
      dsDigestTypes: usable.dsDigestTypes,
      keyTags: unique(keys.map((k) => k.tag)),
      algorithms: unique(keys.map((k) => k.algorithm)),
      keys: reportedKeys(keys),
    }),
  };
  ctx.cache.setZone(zone, state, Math.min(parentExpiry, verified.expiration, ctx.now + ttlOf(keySet, ctx.settings.maxCacheTtl)));
  return state;
}
