import type { DnsRecord } from '../dns/types.js';
import { commonAncestor, compareNames, displayName, isProperSubdomain, isSubdomain, labelCount, nameKey, wildcardOf } from './names.js';
import { type CutClassification, type DenialResult, missing } from './proof.js';
import { T, type TypeSet, typeSetOf } from './rrtypes.js';

/** An NSEC record reduced to what the proofs read (RFC 4034 §4). */
export interface NsecRecord {
  /** The owner, as a canonical name key. */
  readonly owner: string;
  /** The Next Domain Name, as a canonical name key. */
  readonly next: string;
  /** The types present at the owner, by number. */
  readonly types: TypeSet;
}

/** Reads an NSEC record; `undefined` for any other record. */
export function nsecFromRecord(record: DnsRecord): NsecRecord | undefined {
  if (record.data.type !== 'NSEC') return undefined;
  return { owner: nameKey(record.name), next: nameKey(record.data.nextDomain), types: typeSetOf(record.data.typeBitmap) };
}

function isDelegation(nsec: NsecRecord): boolean {
  return nsec.types.has(T.NS) && !nsec.types.has(T.SOA);
}

/**
 * Whether an NSEC proves that `name` does not exist: the name sorts strictly between the owner
 * and the next name (or after the owner on the last NSEC of the zone, whose next name wraps to
 * the apex). An NSEC at a delegation point or a DNAME above the name says nothing about names
 * below it, which belong to another zone or are redirected (RFC 6840 §4.1).
 */
export function nsecCovers(nsec: NsecRecord, name: string): boolean {
  if (isProperSubdomain(name, nsec.owner) && (isDelegation(nsec) || nsec.types.has(T.DNAME))) return false;
  const afterOwner = compareNames(nsec.owner, name) < 0;
  const beforeNext = compareNames(name, nsec.next) < 0;
  // The last NSEC of the zone wraps to the apex; the caller has checked that the name is in the zone.
  if (compareNames(nsec.owner, nsec.next) < 0) return afterOwner && beforeNext;
  return isSubdomain(name, nsec.next) && (afterOwner || beforeNext);
}

/**
 * The closest encloser that a covering NSEC implies (RFC 4592 §3.3.1 with RFC 4035 §5.4): the
 * longest ancestor of `name` that the owner or the next name shares.
 */
function nsecClosestEncloser(nsec: NsecRecord, name: string): string {
  const viaOwner = commonAncestor(name, nsec.owner);
  const viaNext = commonAncestor(name, nsec.next);
  return labelCount(viaOwner) >= labelCount(viaNext) ? viaOwner : viaNext;
}

/** Types whose absence a matching NSEC must show for a NODATA answer of `type`. */
function typeAbsent(nsec: NsecRecord, type: number): boolean {
  if (nsec.types.has(type)) return false;
  return type === T.CNAME || !nsec.types.has(T.CNAME);
}

/**
 * Proves that `name` does not exist (NXDOMAIN, RFC 4035 §5.4): an NSEC covers the name, and an
 * NSEC covers the wildcard at its closest encloser, so no wildcard could have answered either.
 */
export function proveNameErrorNsec(nsecs: readonly NsecRecord[], name: string, zone: string): DenialResult {
  const covering = nsecs.find((nsec) => nsecCovers(nsec, name));
  if (covering === undefined) return missing(`no NSEC covers ${displayName(name)}`);
  const encloser = nsecClosestEncloser(covering, name);
  if (!isSubdomain(encloser, zone)) return missing(`the NSEC for ${displayName(name)} is outside ${displayName(zone)}`);
  const wildcard = wildcardOf(encloser);
  if (wildcard === name) return { kind: 'proven' };
  if (nsecs.some((nsec) => nsec.owner === wildcard)) {
    return { kind: 'bogus', reason: 'dnssec-bogus', detail: `${displayName(wildcard)} exists, so ${displayName(name)} cannot be NXDOMAIN` };
  }
  if (!nsecs.some((nsec) => nsecCovers(nsec, wildcard))) return missing(`no NSEC denies the wildcard ${displayName(wildcard)}`);
  return { kind: 'proven' };
}

/**
 * Proves that `name` has no RRset of `type` (NODATA, RFC 4035 §3.1.3.1 and §5.4): a matching
 * NSEC without the type (and without CNAME), an NSEC showing that the name is an empty
 * non-terminal, or, for a name that only a wildcard answers, the denial of the name plus a
 * matching wildcard NSEC without the type (RFC 4035 §3.1.3.4).
 */
export function proveNoDataNsec(nsecs: readonly NsecRecord[], name: string, type: number, zone: string): DenialResult {
  const matching = nsecs.find((nsec) => nsec.owner === name);
  if (matching !== undefined) {
    if (!typeAbsent(matching, type)) {
      return { kind: 'bogus', reason: 'dnssec-bogus', detail: `the NSEC at ${displayName(name)} lists the type that was denied` };
    }
    if (type === T.DS && matching.types.has(T.SOA) && name !== '') {
      // A DS denial must come from the parent; the child apex NSEC cannot give it (RFC 4035 B.8).
      return { kind: 'bogus', reason: 'dnssec-bogus', detail: `the DS denial for ${displayName(name)} comes from the child zone` };
    }
    if (type !== T.DS && isDelegation(matching)) {
      return missing(`the NSEC at ${displayName(name)} is the parent side of a delegation`);
    }
    return { kind: 'proven' };
  }
  const covering = nsecs.find((nsec) => nsecCovers(nsec, name));
  if (covering === undefined) return missing(`no NSEC matches or covers ${displayName(name)}`);
  if (isProperSubdomain(covering.next, name)) return { kind: 'proven' };
  const encloser = nsecClosestEncloser(covering, name);
  if (!isSubdomain(encloser, zone)) return missing(`the NSEC for ${displayName(name)} is outside ${displayName(zone)}`);
  const wildcard = nsecs.find((nsec) => nsec.owner === wildcardOf(encloser));
  if (wildcard !== undefined && typeAbsent(wildcard, type)) return { kind: 'proven' };
  return missing(`no NSEC proves that ${displayName(name)} has no data of this type`);
}

/**
 * Proves that an answer synthesised from the wildcard below `wildcardParent` was correct to
 * synthesise: the queried name itself does not exist, and no name closer to it does either
 * (RFC 4035 §5.3.4).
 */
export function proveWildcardAnswerNsec(nsecs: readonly NsecRecord[], name: string, wildcardParent: string): DenialResult {
  const covering = nsecs.find((nsec) => nsecCovers(nsec, name) && nsecClosestEncloser(nsec, name) === wildcardParent);
  return covering === undefined ? missing(`no NSEC shows that ${displayName(name)} needed the wildcard`) : { kind: 'proven' };
}

/**
 * Reads what the parent's NSEC records say about a name probed for its DS RRset (RFC 4035
 * §5.2): a delegation without DS, no delegation at all, or no such name. `undefined` when no
 * NSEC speaks about the name.
 */
export function classifyCutNsec(nsecs: readonly NsecRecord[], name: string): CutClassification | undefined {
  const matching = nsecs.find((nsec) => nsec.owner === name);
  if (matching !== undefined) {
    if (matching.types.has(T.DS)) {
      return { kind: 'bogus', reason: 'dnssec-bogus', detail: `the NSEC at ${displayName(name)} lists a DS RRset that was not returned` };
    }
    if (matching.types.has(T.SOA)) {
      return { kind: 'bogus', reason: 'dnssec-bogus', detail: `the DS denial for ${displayName(name)} comes from the child zone` };
    }
    if (matching.types.has(T.NS))
      return { kind: 'insecure-delegation', detail: `NSEC proves ${displayName(name)} is delegated without DS` };
    return { kind: 'not-a-cut' };
  }
  const covering = nsecs.find((nsec) => nsecCovers(nsec, name));
  if (covering === undefined) return undefined;
  return isProperSubdomain(covering.next, name) ? { kind: 'not-a-cut' } : { kind: 'no-name' };
}
