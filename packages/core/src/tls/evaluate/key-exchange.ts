import type { Finding } from '../../model/finding.js';
import type { JsonValue } from '../../model/json.js';
import { cipherSuite, internetnlTls13ProbeSuites } from '../tables/cipher-suites.js';
import { ffdheGroupByCode, identifyFfdhePrime, normaliseHex } from '../tables/ffdhe.js';
import { namedGroup } from '../tables/groups.js';
import { isAcceptableLevel, type NcscLevel, worstLevel } from '../tables/levels.js';
import type { KeyExchangeObservation, TlsEvidence } from '../types.js';
import {
  finding,
  highestBelow13,
  hex4,
  judgement,
  levelVerdict,
  type TlsEvaluationContext,
  type TlsJudgement,
  unusable,
} from './shared.js';

/**
 * Below this size OpenSSL 1.1.1 at security level 1 (nassl's modern client) aborts the handshake
 * with "dh key too small"; sslyze then records the suite as accepted without a key, so
 * Internet.nl sees no DH parameters for it. An approximation: its legacy 1.0.2 client's limit is
 * 768 bits, and it is only used for suites the modern client lacks.
 */
export const internetnlMinDhBits = 1024;

/** One ephemeral key as both views classify it. */
interface KeyFinding {
  /** Internet.nl's label: `ECDH-secp224r1`, `DH-2048`. */
  readonly label: string;
  /** The size for `dh_param` / `ecdh_param`. */
  readonly kind: 'dh' | 'ec' | 'none';
  readonly bits: number;
  /** Internet.nl's level, `undefined` when its code makes no finding. */
  readonly internetnl?: NcscLevel;
  /** pastoe's level. */
  readonly pastoe: NcscLevel;
  /** Whether Internet.nl sees this key at all. */
  readonly seen: boolean;
  /** Why pastoe differs. */
  readonly note?: 'generator-not-2' | 'dh-below-internetnl-minimum';
}

function classify(observation: KeyExchangeObservation): KeyFinding | undefined {
  if (observation.dh !== undefined) {
    const prime = normaliseHex(observation.dh.primeHex);
    const generator = normaliseHex(observation.dh.generatorHex);
    const bits = observation.dh.bits;
    const ffdhe = identifyFfdhePrime(prime);
    const label = `DH-${bits}`;
    // Internet.nl only judges groups with generator 2: phase-out for ffdhe3072+, else bad.
    const level: NcscLevel = ffdhe?.level ?? 'insufficient';
    if (bits < internetnlMinDhBits) {
      return { label, kind: 'dh', bits, pastoe: 'insufficient', seen: false, note: 'dh-below-internetnl-minimum' };
    }
    if (generator !== '2') return { label, kind: 'dh', bits, pastoe: 'insufficient', seen: true, note: 'generator-not-2' };
    return { label, kind: 'dh', bits, internetnl: level, pastoe: level, seen: true };
  }
  if (observation.group === undefined) return undefined;
  const group = namedGroup(observation.group);
  switch (group.kind) {
    case 'ffdhe': {
      const ffdhe = ffdheGroupByCode(group.code);
      const level = ffdhe?.level ?? 'insufficient';
      return { label: `DH-${group.bits}`, kind: 'dh', bits: group.bits, internetnl: level, pastoe: level, seen: true };
    }
    case 'ec':
      return {
        label: `ECDH-${group.name}`,
        kind: 'ec',
        bits: group.bits,
        ...(group.level === 'good' ? {} : { internetnl: group.level }),
        pastoe: group.level,
        seen: true,
      };
    default:
      // X25519/X448 are their own key type (no "EC parameters"); hybrids are never negotiated by
      // Internet.nl's client. Neither produces a finding there.
      return { label: `ECDH-${group.name}`, kind: 'none', bits: group.bits, pastoe: group.level, seen: true };
  }
}

/**
 * Key-exchange parameters (Internet.nl `fs_params`, NCSC 3.3.2.1 table 3 / 3.3.3.1 table 7).
 *
 * Scope, as Internet.nl: the ephemeral keys of the handshakes that accepted each suite at the
 * highest version below 1.3, plus TLS 1.3 CCM_8 (the only 1.3 suite it enumerates); other TLS
 * 1.3 groups are never evaluated. Curves: the NIST P-256/384/521, the brainpool r1 curves,
 * X25519 and X448 good, secp224r1 phase-out, any other curve bad. DHE with generator 2: an RFC
 * 7919 ffdhe3072-8192 prime phase-out, any other prime (ffdhe2048 included) bad. No DH and no
 * OpenSSL-EC key at all (RSA key exchange, or X25519/X448 only) is `na` (pass).
 *
 * Deviations, reported as pastoe findings and in `facts.pastoe`: DHE with a generator other
 * than 2 (Internet.nl's code skips it) and DHE below {@link internetnlMinDhBits} bits (its
 * client aborts and records no key) are insufficient for pastoe; pastoe also judges the TLS 1.3
 * groups it saw and the groups it enumerated.
 */
export function evaluateTlsKeyExchange(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const version = highestBelow13(evidence);
  const inScope = evidence.keyExchanges.filter(
    (kx) =>
      (version !== undefined && kx.version === version) || (kx.version === 'TLSv1.3' && internetnlTls13ProbeSuites.includes(kx.suite)),
  );
  const findings: Finding[] = [];
  const keys: KeyFinding[] = [];
  const factsKeys: JsonValue[] = [];
  for (const kx of inScope) {
    const key = classify(kx);
    if (key === undefined) continue;
    keys.push(key);
    factsKeys.push({ suite: cipherSuite(kx.suite).iana, version: kx.version, key: key.label, level: key.pastoe });
  }
  const labels = new Set<string>();
  for (const key of keys) {
    if (labels.has(key.label)) continue;
    labels.add(key.label);
    if (key.seen && key.internetnl !== undefined && key.internetnl !== 'good' && key.internetnl !== 'sufficient') {
      findings.push(finding(context, `${key.internetnl}-parameters`, { parameters: key.label }));
    }
    if (key.note !== undefined) findings.push(finding(context, key.note, { parameters: key.label }, true));
  }
  // Internet.nl's `na`: neither a DH size nor an (OpenSSL) EC size was recorded.
  const seen = keys.filter((k) => k.seen);
  const dhBits = Math.max(0, ...seen.filter((k) => k.kind === 'dh').map((k) => k.bits));
  const ecBits = Math.max(0, ...seen.filter((k) => k.kind === 'ec').map((k) => k.bits));
  const internetnlLevel = worstLevel(seen.flatMap((k) => (k.internetnl === undefined ? [] : [k.internetnl])));
  const verdict = dhBits === 0 && ecBits === 0 ? { status: 'pass' as const, outcome: 'na' } : levelVerdict(internetnlLevel);

  // pastoe also judges every TLS 1.3 group it saw and every group it enumerated.
  const extra: NcscLevel[] = [];
  for (const kx of evidence.keyExchanges.filter((k) => k.version === 'TLSv1.3' && !inScope.includes(k))) {
    const key = classify(kx);
    if (key === undefined) continue;
    extra.push(key.pastoe);
    if (key.pastoe === 'insufficient' || key.pastoe === 'phase-out') {
      findings.push(finding(context, `${key.pastoe}-parameters`, { parameters: key.label, version: 'TLSv1.3' }, true));
    }
  }
  const enumerated: JsonValue[] = [];
  for (const enumeration of evidence.groups ?? []) {
    for (const code of enumeration.accepted) {
      const group = namedGroup(code);
      extra.push(group.level);
      enumerated.push({ version: enumeration.version, group: group.name, code: hex4(code), level: group.level });
      if (group.level === 'insufficient' || group.level === 'phase-out') {
        findings.push(finding(context, `accepts-${group.level}-group`, { group: group.name, version: enumeration.version }, true));
      }
    }
  }
  // pastoe's levels include Internet.nl's, so an acceptable pastoe level means Internet.nl passes too.
  const pastoeLevel = worstLevel([...keys.map((k) => k.pastoe), ...extra]);
  const pastoeVerdict = isAcceptableLevel(pastoeLevel) ? verdict : levelVerdict(pastoeLevel);
  return judgement(
    verdict,
    findings,
    {
      ...(version === undefined ? {} : { version }),
      dhParam: dhBits === 0 ? null : dhBits,
      ecdhParam: ecBits === 0 ? null : ecBits,
      keys: factsKeys,
      ...(enumerated.length === 0 ? {} : { groups: enumerated }),
    },
    pastoeVerdict,
  );
}
