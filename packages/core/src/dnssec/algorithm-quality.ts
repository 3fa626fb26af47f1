/**
 * DNSSEC algorithm and digest quality: whether a domain's zone signs with algorithms, DS digests
 * and RSA key sizes that current guidance still allows, judged from the validator's chain alone.
 *
 * The ratings follow RFC 8624 (now kept as IANA registry columns by RFC 9904, with the same
 * values), columns "DNSSEC signing" (§3.1) and "DNSSEC delegation" (§3.3), as updated by RFC 9905:
 * - DNSKEY algorithms: RSAMD5 (1), DSA (3), DSA-NSEC3-SHA1 (6) and ECC-GOST (12) must not sign;
 *   since RFC 9905 (2025) neither may RSASHA1 (5) or RSASHA1-NSEC3-SHA1 (7), which RFC 8624 had
 *   only discouraged, and validators must treat them as unsupported (pastoe's validator does);
 *   RSASHA512 (10) is not recommended; RSASHA256 (8), ECDSA P-256 (13) and P-384 (14), Ed25519
 *   (15) and Ed448 (16) are fine. Any other number (private algorithms, ECC-GOST12) is unrated.
 * - DS digest types: SHA-1 (1) and GOST R 34.11-94 (3) must not be used to create DS records,
 *   nor the CDS-only NULL (0); SHA-256 (2) and SHA-384 (4) are fine; others are unrated.
 * - RSA keys shorter than 2048 bits: a phase-out. RFC 8624 sets no size; NIST SP 800-57 Part 1
 *   Rev. 5 (§5.6.1.1, table 2) puts 1024-bit RSA at 80 bits of security, below the 112 bits it
 *   accepts, and 2048 bits is what signers default to today.
 */
import type { Finding, MessageParams } from '../model/finding.js';
import type { JsonObject } from '../model/json.js';
import type { VerdictStatus } from '../model/status.js';
import type { Subject } from '../model/subject.js';
import { algorithmName, digestTypeName } from './algorithm-names.js';
import { isRsaAlgorithm } from './key-size.js';
import { type DnssecJudgement, dnssecFacts, judgeDnssecOwnFailure } from './results.js';
import { dnssecState } from './state.js';
import type { ValidationResult } from './types.js';
import type { ChainStep } from './zone-state.js';

/** How current guidance rates an algorithm, a digest type or a key size for new signatures. */
export type AlgorithmRating =
  /** Fine to use. */
  | 'good'
  /** Still allowed, but to be replaced (not recommended, or an RSA key under 2048 bits). */
  | 'phase-out'
  /** Must not be used. */
  | 'bad'
  /** Not rated by RFC 8624 (a private or newer number). */
  | 'unknown';

const dnskeyAlgorithmRatings: Readonly<Record<number, AlgorithmRating>> = {
  1: 'bad',
  3: 'bad',
  5: 'bad',
  6: 'bad',
  7: 'bad',
  8: 'good',
  10: 'phase-out',
  12: 'bad',
  13: 'good',
  14: 'good',
  15: 'good',
  16: 'good',
};

const dsDigestRatings: Readonly<Record<number, AlgorithmRating>> = { 0: 'bad', 1: 'bad', 2: 'good', 3: 'bad', 4: 'good' };

/** The shortest RSA modulus, in bits, that is not a phase-out. */
export const minimumRsaBits = 2048;

/** How RFC 8624 §3.1 (updated by RFC 9905) rates a DNSKEY algorithm for signing a zone. */
export function rateDnskeyAlgorithm(algorithm: number): AlgorithmRating {
  return dnskeyAlgorithmRatings[algorithm] ?? 'unknown';
}

/** How RFC 8624 §3.3 rates a DS digest type for a delegation. */
export function rateDsDigestType(digestType: number): AlgorithmRating {
  return dsDigestRatings[digestType] ?? 'unknown';
}

/**
 * Where a zone of the chain stands to the domain: `own` is the deepest zone at or above the
 * domain (the one whose keys sign its records); `parent` the zones above it, except the root.
 */
export type ChainZoneScope = 'own' | 'parent';

const severity: Readonly<Record<AlgorithmRating, number>> = { good: 0, unknown: 1, 'phase-out': 2, bad: 3 };
const verdicts: Readonly<Record<AlgorithmRating, { readonly status: VerdictStatus; readonly outcome: string }>> = {
  good: { status: 'pass', outcome: 'good' },
  unknown: { status: 'info', outcome: 'other' },
  'phase-out': { status: 'warning', outcome: 'phase-out' },
  bad: { status: 'fail', outcome: 'bad' },
};

/** One weakness found in a zone, rated, with the finding that names it. */
interface Weakness {
  readonly rating: AlgorithmRating;
  readonly finding: Finding;
}

function displayZone(zone: string): string {
  return zone === '' ? '.' : zone;
}

function isAtOrAbove(zone: string, name: string): boolean {
  return zone === '' || name === zone || name.endsWith(`.${zone}`);
}

/** The weaknesses of one chain step: its algorithms, its RSA key sizes and its DS digest types. */
function weaknessesOf(checkId: string, step: ChainStep, scope: ChainZoneScope, subject: Subject | undefined): Weakness[] {
  const zone = displayZone(step.zone);
  const make = (rating: AlgorithmRating, what: string, params: MessageParams): Weakness => ({
    rating,
    finding: { id: `${checkId}.${what}`, params: { zone, scope, rating, ...params }, ...(subject === undefined ? {} : { subject }) },
  });
  const found: Weakness[] = [];
  for (const algorithm of step.algorithms) {
    const rating = rateDnskeyAlgorithm(algorithm);
    if (rating === 'good') continue;
    const keyTags = (step.keys ?? []).filter((key) => key.algorithm === algorithm).map((key) => key.keyTag);
    found.push(make(rating, 'algorithm', { algorithm, mnemonic: algorithmName(algorithm), keyTags: keyTags.join(', ') }));
  }
  for (const key of step.keys ?? []) {
    if (!isRsaAlgorithm(key.algorithm) || key.bits === undefined || key.bits >= minimumRsaBits) continue;
    const params = { keyTag: key.keyTag, algorithm: key.algorithm, mnemonic: algorithmName(key.algorithm), bits: key.bits };
    found.push(make('phase-out', 'short-rsa-key', { ...params, flags: key.flags, minimum: minimumRsaBits }));
  }
  // A trust anchor's digests are the user's configuration, not the domain's delegation.
  if (step.ds !== 'trust-anchor') {
    for (const digestType of step.dsDigestTypes) {
      const rating = rateDsDigestType(digestType);
      if (rating !== 'good') found.push(make(rating, 'ds-digest', { digestType, mnemonic: digestTypeName(digestType) }));
    }
  }
  return found;
}

function zoneFacts(step: ChainStep, scope: ChainZoneScope): JsonObject {
  return {
    zone: displayZone(step.zone),
    scope,
    algorithms: [...step.algorithms],
    dsDigestTypes: [...step.dsDigestTypes],
    keys: (step.keys ?? []).map((key) => ({ ...key })),
  };
}

/** The domain's own zone on the chain (the deepest one at or above it, not the root) and its parents below the root, deepest first. */
function zonesOf(result: ValidationResult): { readonly own: ChainStep | undefined; readonly parents: readonly ChainStep[] } {
  const above = result.chain
    .filter((step) => step.zone !== '' && isAtOrAbove(step.zone, result.name))
    .sort((a, b) => b.zone.length - a.zone.length);
  const [own, ...parents] = above;
  return { own, parents };
}

/**
 * Whether the validator established the own zone's algorithms for a result of this state: a
 * secure result's keys validated; an insecure result's zone is judged only when its DS records
 * name nothing but algorithms or digests pastoe refuses to validate (signed, and insecure because
 * of how). Any other insecure chain may end above the domain, whose parent says nothing of it.
 */
function judgeable(step: ChainStep, state: 'secure' | 'insecure'): boolean {
  if (state === 'insecure') return step.ds === 'unsupported';
  return step.status === 'secure' && step.dnskey === 'secure';
}

/**
 * DNSSEC algorithm and digest quality of a domain (RFC 8624, RFC 9905; see this module's notes
 * for the ratings): judged on the domain's own zone — the deepest zone of the validator's chain at
 * or above the domain — from its DNSKEY algorithms, its RSA key sizes and the digest types of the
 * DS records its parent publishes for it. The worst rating decides: `bad` fails, `phase-out` warns,
 * an unrated algorithm or digest informs (`other`), else `good`.
 *
 * Parent zones (up to, not including, the root) are examined and their weaknesses reported as
 * findings with scope `parent`, but they do not change the verdict: the domain's operator cannot
 * change a TLD's keys, and the root is everyone's trust anchor.
 *
 * A zone that is not signed, or signed without validating, is the DNSSEC checks' business:
 * `not-applicable` (`insecure`, `bogus`); a zone signed only with algorithms or digests pastoe
 * refuses to validate is still judged, because that is why it is insecure. A failed lookup about
 * the domain is `not-tested` (`dnserror`); pastoe's own failure is `error`; a secure result
 * without a chain (a validator that trusts an upstream AD bit) is `not-tested`.
 */
export function judgeDnssecAlgorithms(checkId: string, result: ValidationResult, subject?: Subject): DnssecJudgement {
  const failed = judgeDnssecOwnFailure(checkId, result, subject);
  if (failed !== undefined) return failed;
  const state = dnssecState(result);
  const base = dnssecFacts(result);
  const at = subject === undefined ? {} : { subject };
  const said = (status: VerdictStatus, outcome: string, what: string): DnssecJudgement => ({
    status,
    outcome,
    findings: [{ id: `${checkId}.${what}`, params: { name: result.name }, ...at }],
    facts: base,
  });
  if (state === 'dnserror') return said('not-tested', 'dnserror', 'dnserror');
  if (state === 'bogus') return said('not-applicable', 'bogus', 'bogus');
  const { own, parents } = zonesOf(result);
  if (own === undefined || !judgeable(own, state)) {
    if (state === 'secure') return said('not-tested', 'not-tested', 'no-chain');
    return said('not-applicable', 'insecure', 'insecure');
  }
  const ownWeaknesses = weaknessesOf(checkId, own, 'own', subject);
  const parentWeaknesses = parents
    .filter((step) => judgeable(step, 'secure'))
    .flatMap((step) => weaknessesOf(checkId, step, 'parent', subject));
  const worst = ownWeaknesses.reduce<AlgorithmRating>((acc, w) => (severity[w.rating] > severity[acc] ? w.rating : acc), 'good');
  const facts: JsonObject = {
    ...base,
    zones: [zoneFacts(own, 'own'), ...parents.map((step) => zoneFacts(step, 'parent'))],
  };
  const findings = [...ownWeaknesses, ...parentWeaknesses].map((w) => w.finding);
  const verdict = verdicts[worst];
  if (worst === 'good') findings.unshift({ id: `${checkId}.good`, params: { zone: displayZone(own.zone) }, ...at });
  return { ...verdict, findings, facts };
}
