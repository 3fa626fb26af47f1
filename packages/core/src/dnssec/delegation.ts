import type { DnsMessage } from '../dns/types.js';
import { ask } from './ask.js';
import { type ValidationContext, ttlOf, verifyIn } from './context.js';
import { classifyCutNsec } from './denial.js';
import { displayName, isProperSubdomain, isSubdomain } from './names.js';
import type { CutClassification } from './proof.js';
import { fromHex, recordRdata } from './rdata.js';
import type { BogusReason, InsecureReason } from './reasons.js';
import { T } from './rrtypes.js';
import type { DsAnchor } from './trust-anchors.js';
import { collectProofs } from './verified-proofs.js';
import { findRRset, groupRRsets, type RRset } from './verify.js';
import { establishKeys } from './zone-keys.js';
import { failedZone, type ZoneState } from './zone-state.js';

/** What probing a name below a secure zone found: a zone with its state, or no zone cut until `expiresAt`. */
export type Probe =
  | { readonly kind: 'not-a-cut' | 'no-name'; readonly expiresAt: number }
  | { readonly kind: 'zone'; readonly state: ZoneState };

/** A secure zone, whose keys verify what it says about its children. */
type SecureZone = ZoneState & { status: 'secure' };

/** A bogus zone at `child`, cached for the bogus lifetime. */
function bogusChild(ctx: ValidationContext, child: string, reason: BogusReason, detail: string): Probe {
  const state = failedZone(child, { status: 'bogus', reason, detail }, { ds: 'bogus', dnskey: 'not-checked' });
  ctx.cache.setZone(child, state, ctx.now + ctx.settings.bogusCacheTtl);
  return { kind: 'zone', state };
}

/** An indeterminate zone at `child` because the work budget ran out. */
function budgetSpent(child: string, detail: string): Probe {
  return { kind: 'zone', state: { status: 'indeterminate', zone: child, reason: 'work-limit-exceeded', detail } };
}

/** Verifies an RRset with the parent's keys: when its signature expires, or the probe's outcome when it does not verify. */
function verifyWithParent(
  ctx: ValidationContext,
  parent: SecureZone,
  child: string,
  rrset: RRset,
  what: string,
): { readonly expiration: number } | { readonly failed: Probe } {
  const verified = verifyIn(ctx, rrset, parent.zone, parent.keys);
  if (verified.ok) return { expiration: verified.expiration };
  return {
    failed:
      verified.reason === 'work-limit-exceeded'
        ? budgetSpent(child, verified.detail)
        : bogusChild(ctx, child, verified.reason, `${what}: ${verified.detail}`),
  };
}

/** The DS records of a DS RRset, with their digests as received. */
function dsAnchorsOf(dsSet: RRset): DsAnchor[] {
  const ds: DsAnchor[] = [];
  for (const rec of dsSet.records) {
    if (rec.data.type !== 'DS') continue;
    const rdata = recordRdata(rec);
    const digest = rdata.length > 4 ? rdata.subarray(4) : fromHex(rec.data.digest);
    if (digest !== undefined) ds.push({ keyTag: rec.data.keyTag, algorithm: rec.data.algorithm, digestType: rec.data.digestType, digest });
  }
  return ds;
}

/** A signed DS RRset: once it verifies, the child's keys are established from it. */
async function secureDelegation(ctx: ValidationContext, parent: SecureZone, child: string, dsSet: RRset): Promise<Probe> {
  const verified = verifyWithParent(ctx, parent, child, dsSet, `DS RRset of ${displayName(child)}`);
  if ('failed' in verified) return verified.failed;
  const expiresAt = Math.min(verified.expiration, ctx.now + ttlOf(dsSet, ctx.settings.maxCacheTtl));
  return { kind: 'zone', state: await establishKeys(ctx, child, { ds: dsAnchorsOf(dsSet), dnskeys: [] }, 'secure', expiresAt) };
}

/** What a classification of the parent's denial means for `child`. */
function probeFromCut(ctx: ValidationContext, child: string, classification: CutClassification, expiresAt: number): Probe {
  switch (classification.kind) {
    case 'not-a-cut':
    case 'no-name':
      return { kind: classification.kind, expiresAt };
    case 'insecure-delegation':
    case 'opt-out':
    case 'insecure': {
      const reason: InsecureReason = classification.kind === 'insecure' ? classification.reason : 'insecure-delegation';
      const state = failedZone(
        child,
        { status: 'insecure', reason, detail: classification.detail },
        { ds: classification.kind === 'insecure' ? 'indeterminate' : 'absent', dnskey: 'not-checked' },
      );
      ctx.cache.setZone(child, state, expiresAt);
      return { kind: 'zone', state };
    }
    case 'bogus':
      return bogusChild(ctx, child, classification.reason, classification.detail);
    case 'limit':
      return budgetSpent(child, classification.detail);
  }
}

/** Reads the parent's signed denial of a DS RRset at `child`: an insecure delegation, or no zone cut at all. */
function probeFromDenial(ctx: ValidationContext, parent: SecureZone, child: string, message: DnsMessage): Probe {
  const proofs = collectProofs(ctx, groupRRsets(message.authority), parent.zone, parent.keys);
  if (proofs.limit) return budgetSpent(child, `signature check budget spent on the DS denial for ${displayName(child)}`);
  let classification: CutClassification | undefined;
  if (proofs.nsecs.length > 0) classification = classifyCutNsec(proofs.nsecs, child);
  if (classification === undefined && proofs.nsec3.present) classification = proofs.nsec3.classifyCut(child);
  if (classification !== undefined) return probeFromCut(ctx, child, classification, ctx.now + proofs.ttl);
  if (proofs.failure !== undefined)
    return bogusChild(ctx, child, proofs.failure.reason, `DS denial for ${displayName(child)}: ${proofs.failure.detail}`);
  if (proofs.foreign)
    return bogusChild(
      ctx,
      child,
      'dnssec-bogus',
      `the DS denial for ${displayName(child)} is not signed by the parent ${displayName(parent.zone)}`,
    );
  return bogusChild(
    ctx,
    child,
    'nsec-missing',
    `${displayName(parent.zone)} gave no signed proof about the DS RRset of ${displayName(child)}`,
  );
}

/**
 * Asks the parent for the DS RRset of `child` and reads the answer: a signed DS RRset (a secure
 * delegation, whose keys are then established), a proof that the DS RRset does not exist at a
 * delegation (insecure), or a proof that `child` is not a zone cut at all.
 */
export async function probeChild(ctx: ValidationContext, parent: SecureZone, child: string): Promise<Probe> {
  const asked = await ask(ctx, child, T.DS, 'DS fetch');
  if (!asked.ok) {
    const failure = { status: 'indeterminate', reason: asked.reason, detail: asked.detail } as const;
    return { kind: 'zone', state: failedZone(child, failure, { ds: 'indeterminate', dnskey: 'not-checked' }) };
  }
  const { message } = asked;
  const answers = groupRRsets(message.answers);
  const dsSet = findRRset(answers, child, T.DS);
  if (dsSet !== undefined && message.rcode === 'NOERROR') return secureDelegation(ctx, parent, child, dsSet);
  const dname = answers.find((set) => set.type === T.DNAME && isProperSubdomain(child, set.name) && isSubdomain(set.name, parent.zone));
  if (dname !== undefined) {
    // Nothing may exist below a DNAME owner (RFC 6672 §2.4), so no zone starts at `child`.
    const verified = verifyWithParent(ctx, parent, child, dname, `DNAME at ${displayName(dname.name)}`);
    return 'failed' in verified ? verified.failed : { kind: 'no-name', expiresAt: ctx.now + ttlOf(dname, ctx.settings.maxCacheTtl) };
  }
  const cname = findRRset(answers, child, T.CNAME);
  if (cname !== undefined) {
    // A CNAME cannot sit at a zone cut (RFC 2181 §10.1), so a verified one proves there is none.
    const verified = verifyWithParent(ctx, parent, child, cname, `CNAME at ${displayName(child)}`);
    return 'failed' in verified ? verified.failed : { kind: 'not-a-cut', expiresAt: ctx.now + ttlOf(cname, ctx.settings.maxCacheTtl) };
  }
  return probeFromDenial(ctx, parent, child, message);
}
