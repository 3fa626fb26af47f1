import { createHash } from 'node:crypto';
import type { DnsRecord } from '../dns/types.js';
import { childToward, displayName, isSubdomain, nameKey, nameToWire, parentName, parseName, wildcardOf } from './names.js';
import { type CutClassification, type DenialResult, missing } from './proof.js';
import { compareBytes, concatBytes, equalBytes, fromBase32Hex, fromHex, toBase32Hex, toHex } from './rdata.js';
import { T, type TypeSet, typeSetOf } from './rrtypes.js';
import type { WorkBudget } from './verify.js';

/** The only NSEC3 hash algorithm defined (RFC 5155 §11): SHA-1. */
const nsec3Sha1 = 1;
/** The Opt-Out flag (RFC 5155 §3.1.2.1). */
const optOutFlag = 0x01;

/**
 * The default NSEC3 iteration limit. RFC 9276 §3.2 lets validators treat high counts as
 * insecure; 150 is the limit Unbound and BIND apply, so pastoe's verdicts agree with the
 * resolvers its users compare against. Zones following RFC 9276 use 0.
 */
export const defaultMaxNsec3Iterations = 150;

/** An NSEC3 record reduced to what the proofs read (RFC 5155 §3). */
export interface Nsec3Record {
  /** The owner, as a canonical name key. */
  readonly owner: string;
  /** The hash in the owner's first label. */
  readonly ownerHash: Uint8Array;
  /** The Next Hashed Owner Name. */
  readonly nextHash: Uint8Array;
  /** The hash algorithm. */
  readonly hashAlgorithm: number;
  /** The flags. */
  readonly flags: number;
  /** The iterations. */
  readonly iterations: number;
  /** The salt. */
  readonly salt: Uint8Array;
  /** The types present at the original owner, by number. */
  readonly types: TypeSet;
}

/** Reads an NSEC3 record; `undefined` for another record or an owner that is not a hash label. */
export function nsec3FromRecord(record: DnsRecord): Nsec3Record | undefined {
  if (record.data.type !== 'NSEC3') return undefined;
  const labels = parseName(record.name);
  const first = labels?.[0];
  if (first === undefined) return undefined;
  const ownerHash = fromBase32Hex(Buffer.from(first).toString('latin1'));
  const nextHash = fromBase32Hex(record.data.nextHashedOwner);
  const salt = fromHex(record.data.salt);
  if (ownerHash === undefined || nextHash === undefined || salt === undefined) return undefined;
  const types = typeSetOf(record.data.typeBitmap);
  return {
    owner: nameKey(record.name),
    ownerHash,
    nextHash,
    hashAlgorithm: record.data.hashAlgorithm,
    flags: record.data.flags,
    iterations: record.data.iterations,
    salt,
    types,
  };
}

/**
 * The NSEC3 hash of a name (RFC 5155 §5): SHA-1 over the canonical wire name and the salt,
 * repeated `iterations` more times over the previous digest and the salt.
 */
export function nsec3Hash(name: string, salt: Uint8Array, iterations: number): Uint8Array {
  let digest = createHash('sha1')
    .update(concatBytes([nameToWire(name), salt]))
    .digest();
  for (let i = 0; i < iterations; i++) {
    digest = createHash('sha1').update(digest).update(salt).digest();
  }
  return Uint8Array.from(digest);
}

/** The NSEC3 owner label of a name: its hash in base32hex. */
export function nsec3HashLabel(name: string, salt: Uint8Array, iterations: number): string {
  return toBase32Hex(nsec3Hash(name, salt, iterations));
}

class HashLimit extends Error {}

type Encloser =
  | { readonly kind: 'exists'; readonly match: Nsec3Record }
  | { readonly kind: 'proof'; readonly encloser: string; readonly nextCloser: string; readonly cover: Nsec3Record }
  | { readonly kind: 'bogus'; readonly result: DenialResult };

/**
 * The NSEC3 proofs of RFC 5155 §8 over the verified NSEC3 records of one zone. Hashes are
 * memoised and counted against the validation's budget, because a long name below a zone with
 * many iterations is the CVE-2023-50868 cost amplifier.
 */
export class Nsec3Prover {
  readonly #records: readonly Nsec3Record[];
  readonly #zone: string;
  readonly #budget: WorkBudget;
  readonly #hashes = new Map<string, Uint8Array>();
  /** Set when the records cannot be used at all; every proof then gives this verdict. */
  readonly #unusable: DenialResult | undefined;

  /**
   * @param records - the verified NSEC3 records of the zone, from the response
   * @param zone - the zone they belong to
   * @param budget - the validation's work budget
   * @param maxIterations - records with more iterations make the answer insecure (RFC 9276)
   */
  constructor(records: readonly Nsec3Record[], zone: string, budget: WorkBudget, maxIterations: number) {
    this.#zone = zone;
    this.#budget = budget;
    const inZone = records.filter((r) => parentName(r.owner) === zone);
    // RFC 5155 §8.1 and §8.2: unknown hash algorithms and flags are ignored.
    const known = inZone.filter(
      (r) => r.hashAlgorithm === nsec3Sha1 && (r.flags & ~optOutFlag) === 0 && r.ownerHash.length === r.nextHash.length,
    );
    const affordable = known.filter((r) => r.iterations <= maxIterations);
    this.#records = affordable;
    if (inZone.length > 0 && known.length === 0) {
      this.#unusable = {
        kind: 'insecure',
        reason: 'nsec3-unsupported-hash',
        detail: `the NSEC3 records of ${displayName(zone)} use an unknown hash algorithm`,
      };
    } else if (known.length > 0 && affordable.length === 0) {
      const iterations = Math.min(...known.map((r) => r.iterations));
      this.#unusable = {
        kind: 'insecure',
        reason: 'nsec3-iterations-too-high',
        detail: `the NSEC3 records of ${displayName(zone)} use ${iterations} iterations, above the limit of ${maxIterations}`,
      };
    } else {
      this.#unusable = undefined;
    }
  }

  /** Whether there are NSEC3 records to work with (usable or not). */
  get present(): boolean {
    return this.#records.length > 0 || this.#unusable !== undefined;
  }

  #hash(name: string, record: Nsec3Record): Uint8Array {
    const key = `${record.iterations}/${toHex(record.salt)}/${name}`;
    const cached = this.#hashes.get(key);
    if (cached !== undefined) return cached;
    if (this.#budget.nsec3Hashes <= 0) throw new HashLimit();
    this.#budget.nsec3Hashes -= 1;
    const hash = nsec3Hash(name, record.salt, record.iterations);
    this.#hashes.set(key, hash);
    return hash;
  }

  #matching(name: string): Nsec3Record | undefined {
    return this.#records.find((r) => equalBytes(this.#hash(name, r), r.ownerHash));
  }

  #covering(name: string): Nsec3Record | undefined {
    return this.#records.find((r) => {
      const hash = this.#hash(name, r);
      const afterOwner = compareBytes(r.ownerHash, hash) < 0;
      const beforeNext = compareBytes(hash, r.nextHash) < 0;
      // The last NSEC3 of the chain wraps to the first: it covers hashes above its owner and
      // hashes below the first owner alike.
      return compareBytes(r.ownerHash, r.nextHash) < 0 ? afterOwner && beforeNext : afterOwner || beforeNext;
    });
  }

  /** The closest (provable) encloser proof of RFC 5155 §8.3. */
  #closestEncloser(name: string): Encloser {
    let candidate = name;
    let nextCloser: string | undefined;
    for (;;) {
      const match = this.#matching(candidate);
      if (match !== undefined) {
        if (nextCloser === undefined) return { kind: 'exists', match };
        if ((match.types.has(T.NS) && !match.types.has(T.SOA)) || match.types.has(T.DNAME)) {
          return { kind: 'bogus', result: missing(`the closest encloser ${displayName(candidate)} is a delegation or DNAME`) };
        }
        const cover = this.#covering(nextCloser);
        if (cover === undefined)
          return { kind: 'bogus', result: missing(`no NSEC3 covers the next closer name ${displayName(nextCloser)}`) };
        return { kind: 'proof', encloser: candidate, nextCloser, cover };
      }
      if (candidate === this.#zone || !isSubdomain(candidate, this.#zone)) {
        return { kind: 'bogus', result: missing(`no NSEC3 proves a closest encloser for ${displayName(name)}`) };
      }
      nextCloser = candidate;
      candidate = parentName(candidate);
    }
  }

  #run<R>(body: () => R, limit: (detail: string) => R): R {
    try {
      return body();
    } catch (error) {
      if (error instanceof HashLimit) return limit(`NSEC3 hash budget spent in ${displayName(this.#zone)}`);
      throw error;
    }
  }

  /** Proves NXDOMAIN (RFC 5155 §8.4); an opt-out span over the next closer name makes it insecure. */
  proveNameError(name: string): DenialResult {
    if (this.#unusable !== undefined) return this.#unusable;
    return this.#run<DenialResult>(
      () => {
        const proof = this.#closestEncloser(name);
        if (proof.kind === 'bogus') return proof.result;
        if (proof.kind === 'exists')
          return { kind: 'bogus', reason: 'dnssec-bogus', detail: `an NSEC3 shows that ${displayName(name)} exists` };
        if (this.#covering(wildcardOf(proof.encloser)) === undefined) {
          return missing(`no NSEC3 denies the wildcard ${displayName(wildcardOf(proof.encloser))}`);
        }
        if ((proof.cover.flags & optOutFlag) !== 0) {
          return { kind: 'insecure', reason: 'nsec3-optout', detail: `an opt-out NSEC3 covers ${displayName(proof.nextCloser)}` };
        }
        return { kind: 'proven' };
      },
      (detail) => ({ kind: 'limit', detail }),
    );
  }

  /** Proves NODATA (RFC 5155 §8.5–§8.7), including DS denials and wildcard NODATA. */
  proveNoData(name: string, type: number): DenialResult {
    if (this.#unusable !== undefined) return this.#unusable;
    return this.#run<DenialResult>(
      () => {
        const match = this.#matching(name);
        if (match !== undefined) {
          if (match.types.has(type) || (type !== T.CNAME && match.types.has(T.CNAME))) {
            return { kind: 'bogus', reason: 'dnssec-bogus', detail: `the NSEC3 for ${displayName(name)} lists the type that was denied` };
          }
          if (type === T.DS && match.types.has(T.SOA) && name !== '') {
            return { kind: 'bogus', reason: 'dnssec-bogus', detail: `the DS denial for ${displayName(name)} comes from the child zone` };
          }
          if (type !== T.DS && match.types.has(T.NS) && !match.types.has(T.SOA)) {
            return missing(`the NSEC3 for ${displayName(name)} is the parent side of a delegation`);
          }
          return { kind: 'proven' };
        }
        const proof = this.#closestEncloser(name);
        if (proof.kind === 'bogus') return proof.result;
        if (proof.kind === 'exists') return { kind: 'proven' };
        const optOut = (proof.cover.flags & optOutFlag) !== 0;
        if (type === T.DS) {
          return optOut
            ? { kind: 'insecure', reason: 'nsec3-optout', detail: `an opt-out NSEC3 covers ${displayName(proof.nextCloser)}` }
            : missing(`no NSEC3 matches ${displayName(name)}`);
        }
        const wildcard = this.#matching(wildcardOf(proof.encloser));
        if (wildcard === undefined || wildcard.types.has(type) || (type !== T.CNAME && wildcard.types.has(T.CNAME))) {
          return missing(`no NSEC3 proves that ${displayName(name)} has no data of this type`);
        }
        return optOut
          ? { kind: 'insecure', reason: 'nsec3-optout', detail: `an opt-out NSEC3 covers ${displayName(proof.nextCloser)}` }
          : { kind: 'proven' };
      },
      (detail) => ({ kind: 'limit', detail }),
    );
  }

  /** Proves that a wildcard expansion below `wildcardParent` was due (RFC 5155 §8.8). */
  proveWildcardAnswer(name: string, wildcardParent: string): DenialResult {
    if (this.#unusable !== undefined) return this.#unusable;
    return this.#run<DenialResult>(
      () => {
        const nextCloser = childToward(wildcardParent, name);
        const cover = this.#covering(nextCloser);
        if (cover === undefined) return missing(`no NSEC3 covers the next closer name ${displayName(nextCloser)}`);
        if ((cover.flags & optOutFlag) !== 0) {
          return { kind: 'insecure', reason: 'nsec3-optout', detail: `an opt-out NSEC3 covers ${displayName(nextCloser)}` };
        }
        return { kind: 'proven' };
      },
      (detail) => ({ kind: 'limit', detail }),
    );
  }

  /** Reads what the records say about a name probed for its DS RRset; `undefined` when nothing. */
  classifyCut(name: string): CutClassification | undefined {
    if (this.#unusable !== undefined) {
      return this.#unusable.kind === 'insecure'
        ? { kind: 'insecure', reason: this.#unusable.reason, detail: this.#unusable.detail }
        : undefined;
    }
    return this.#run<CutClassification | undefined>(
      () => {
        const match = this.#matching(name);
        if (match !== undefined) {
          if (match.types.has(T.DS)) {
            return {
              kind: 'bogus',
              reason: 'dnssec-bogus',
              detail: `the NSEC3 for ${displayName(name)} lists a DS RRset that was not returned`,
            };
          }
          if (match.types.has(T.SOA)) {
            return { kind: 'bogus', reason: 'dnssec-bogus', detail: `the DS denial for ${displayName(name)} comes from the child zone` };
          }
          if (match.types.has(T.NS))
            return { kind: 'insecure-delegation', detail: `NSEC3 proves ${displayName(name)} is delegated without DS` };
          return { kind: 'not-a-cut' };
        }
        const proof = this.#closestEncloser(name);
        if (proof.kind === 'bogus') return undefined;
        if (proof.kind === 'exists') return { kind: 'not-a-cut' };
        if ((proof.cover.flags & optOutFlag) !== 0) {
          return { kind: 'opt-out', detail: `an opt-out NSEC3 covers ${displayName(proof.nextCloser)}` };
        }
        return { kind: 'no-name' };
      },
      (detail) => ({ kind: 'limit', detail }),
    );
  }
}
