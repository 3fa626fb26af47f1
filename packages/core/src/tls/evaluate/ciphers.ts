import type { Finding } from '../../model/finding.js';
import type { JsonValue } from '../../model/json.js';
import { type CipherSuiteInfo, cipherSuite, internetnlTls13ProbeSuites } from '../tables/cipher-suites.js';
import { worstLevel } from '../tables/levels.js';
import type { TlsEvidence, TlsVersion } from '../types.js';
import {
  finding,
  highestBelow13,
  hex4,
  judgement,
  levelVerdict,
  notTested,
  type TlsEvaluationContext,
  type TlsJudgement,
  unusable,
} from './shared.js';

/** One accepted suite in scope, with the version it was accepted at. */
export interface ScopedSuite {
  /** The suite. */
  readonly suite: CipherSuiteInfo;
  /** The version. */
  readonly version: TlsVersion;
}

/** The suites Internet.nl and pastoe judge. */
export interface SuiteScope {
  /** The highest version below 1.3, if any. */
  readonly version?: TlsVersion;
  /**
   * What Internet.nl would judge: the suites accepted at the highest version below 1.3 that its
   * OpenSSL builds can offer, plus TLS 1.3 CCM_8 (the only 1.3 suite it probes).
   */
  readonly internetnl: readonly ScopedSuite[];
  /** What pastoe judges: every suite accepted at that version and every TLS 1.3 suite. */
  readonly pastoe: readonly ScopedSuite[];
  /** Versions whose enumeration stopped early. */
  readonly incomplete: readonly TlsVersion[];
  /** False when neither version in scope was enumerated at all. */
  readonly enumerated: boolean;
}

/** Works out Internet.nl's and pastoe's suite scope from the evidence. */
export function suiteScope(evidence: TlsEvidence): SuiteScope {
  const version = highestBelow13(evidence);
  const tls13 = evidence.versions.some((v) => v.version === 'TLSv1.3' && v.supported === true);
  const below = version === undefined ? undefined : evidence.suites.find((e) => e.version === version);
  const top = tls13 ? evidence.suites.find((e) => e.version === 'TLSv1.3') : undefined;
  const internetnl: ScopedSuite[] = [];
  const pastoe: ScopedSuite[] = [];
  const seen = new Set<string>();
  const add = (list: ScopedSuite[], code: number, v: TlsVersion) => list.push({ suite: cipherSuite(code), version: v });
  for (const code of below?.accepted ?? []) {
    if (seen.has(`${version}:${code}`) || version === undefined) continue;
    seen.add(`${version}:${code}`);
    add(pastoe, code, version);
    if (cipherSuite(code).internetnlSees) add(internetnl, code, version);
  }
  for (const code of top?.accepted ?? []) {
    if (seen.has(`1.3:${code}`)) continue;
    seen.add(`1.3:${code}`);
    add(pastoe, code, 'TLSv1.3');
    if (internetnlTls13ProbeSuites.includes(code)) add(internetnl, code, 'TLSv1.3');
  }
  const incomplete = [below, top].filter((e) => e !== undefined && !e.complete).map((e) => e?.version as TlsVersion);
  const enumerated = below !== undefined || top !== undefined || (version === undefined && !tls13);
  return { ...(version === undefined ? {} : { version }), internetnl, pastoe, incomplete, enumerated };
}

function suiteFact(entry: ScopedSuite): JsonValue {
  const { suite, version } = entry;
  return { code: hex4(suite.code), name: suite.iana, openssl: suite.openssl, version, level: suite.level };
}

/**
 * Cipher suites (Internet.nl `tls_ciphers`, NCSC 3.3.2-3.3.5 and appendix B): any insufficient
 * suite fails (`bad`), else any phase-out suite gives `phase-out`, else `good`.
 *
 * Scope, as Internet.nl: only the suites of the highest version below 1.3 (lower versions
 * already fail the version test) and, for TLS 1.3, only CCM_8 (the other four 1.3 suites are
 * good or sufficient by definition). Suites below that version appear in the facts only.
 *
 * Deviation: pastoe's raw ClientHello can offer suites Internet.nl's OpenSSL builds cannot
 * (CAMELLIA-GCM, ARIA-CBC, the old CHACHA20 drafts, PSK/SRP, GOST). They do not change the
 * Internet.nl outcome; they are reported as pastoe findings and in `facts.pastoe`.
 */
export function evaluateTlsCiphers(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const scope = suiteScope(evidence);
  if (!scope.enumerated) return notTested(context, 'suites-not-enumerated');
  const findings: Finding[] = [];
  for (const { suite, version } of scope.internetnl) {
    if (suite.level === 'insufficient' || suite.level === 'phase-out') {
      findings.push(finding(context, `${suite.level}-suite`, { suite: suite.iana, code: hex4(suite.code), version }));
    }
  }
  for (const { suite, version } of scope.pastoe) {
    if (scope.internetnl.some((s) => s.suite.code === suite.code && s.version === version)) continue;
    if (suite.level === 'insufficient' || suite.level === 'phase-out') {
      findings.push(
        finding(
          context,
          `${suite.level}-suite`,
          { suite: suite.iana, code: hex4(suite.code), version, internetnlSees: suite.internetnlSees },
          true,
        ),
      );
    }
  }
  for (const version of scope.incomplete) findings.push(finding(context, 'enumeration-incomplete', { version }, true));
  const lower = evidence.suites.filter((e) => e.version !== scope.version && e.version !== 'TLSv1.3');
  return judgement(
    levelVerdict(worstLevel(scope.internetnl.map((s) => s.suite.level))),
    findings,
    {
      ...(scope.version === undefined ? {} : { version: scope.version }),
      suites: scope.pastoe.map(suiteFact),
      ...(lower.length === 0
        ? {}
        : { otherVersions: lower.map((e) => ({ version: e.version, suites: e.accepted.map((c) => cipherSuite(c).iana) })) }),
    },
    levelVerdict(worstLevel(scope.pastoe.map((s) => s.suite.level))),
  );
}
