import { type ValidationContext, ttlOf, verifyIn } from './context.js';
import { type NsecRecord, nsecFromRecord } from './denial.js';
import { isSubdomain, nameKey } from './names.js';
import { type Nsec3Record, Nsec3Prover, nsec3FromRecord } from './nsec3.js';
import type { BogusReason } from './reasons.js';
import { T } from './rrtypes.js';
import type { RRset, ZoneKey } from './verify.js';

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
