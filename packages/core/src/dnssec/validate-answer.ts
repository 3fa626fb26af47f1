import type { DnsMessage } from '../dns/types.js';
import type { Link, Walked } from './answer-chain.js';
import { zoneFor } from './chain.js';
import { type ValidationContext, verifyIn } from './context.js';
import { proveNameErrorNsec, proveNoDataNsec, proveWildcardAnswerNsec } from './denial.js';
import { displayName, isSubdomain, labelCount, nameKey } from './names.js';
import type { DenialResult } from './proof.js';
import type { ValidationStatus } from './reasons.js';
import { T, typeName } from './rrtypes.js';
import { bogus, fromDenial, fromState, indeterminate, secure, type Verdict } from './verdict.js';
import { collectProofs } from './verified-proofs.js';
import { groupRRsets, type RRset } from './verify.js';

const statusRank: Readonly<Record<ValidationStatus, number>> = { secure: 0, insecure: 1, indeterminate: 2, bogus: 3 };

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

/** Validates one RRset of the chain with its signer's keys, and the proof a wildcard answer needs. */
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

/** Validates the NXDOMAIN or NODATA answer for `name` with the NSEC or NSEC3 records of its zone. */
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

/**
 * Validates each part of a walked answer in order (its links, then its denial or referral); the
 * worst verdict wins, and a bogus or indeterminate part ends the validation.
 */
export async function validateWalked(
  ctx: ValidationContext,
  walked: Walked,
  qtype: number,
): Promise<{ readonly verdict: Verdict; readonly wildcard: boolean }> {
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
  return { verdict, wildcard };
}
