import type { Finding, MessageParams } from '../../model/finding.js';
import type { JsonObject, JsonValue } from '../../model/json.js';
import type { VerdictStatus } from '../../model/status.js';
import type { Subject } from '../../model/subject.js';
import type { NcscLevel } from '../tables/levels.js';
import type { TlsEvidence, TlsVersion } from '../types.js';
import { tlsVersions } from '../types.js';

/** What an evaluator needs besides the evidence. */
export interface TlsEvaluationContext {
  /** The check id: finding message ids are `<checkId>.<finding>`. */
  readonly checkId: string;
  /** Website (HTTPS) or mail (SMTP STARTTLS): a few rules differ (0-RTT, host match). */
  readonly service: 'web' | 'mail';
  /** The evaluation time, for certificate validity and OCSP freshness. */
  readonly now: Date;
  /** Mail: a DANE-TA (usage 2) TLSA record exists for the server, which makes a host mismatch a forced fail. */
  readonly hasDaneTa?: boolean;
  /** The subject to attach to findings (the server). */
  readonly subject?: Subject;
  /**
   * SHA-1 fingerprints (uppercase hex) of root certificates to skip in the key and signature
   * checks, as Internet.nl's root list does. Default: skip certificates after the leaf that are
   * self-signed.
   */
  readonly rootFingerprints?: ReadonlySet<string>;
}

/**
 * An evaluator's conclusion, shaped like the CheckResult fields it fills: the status to ask for
 * (the runner clamps it to the check's level), the Internet.nl outcome code, findings and facts.
 * Where pastoe deliberately differs from Internet.nl, `outcome` and `status` stay Internet.nl's,
 * the extra findings carry the parameter `scope: 'pastoe'`, and `facts.pastoe` holds pastoe's own
 * `{ status, outcome }`.
 */
export interface TlsJudgement {
  /** The status to ask for. */
  readonly status: VerdictStatus;
  /** The outcome code from the Internet.nl catalogue. */
  readonly outcome: string;
  /** What was found. */
  readonly findings: readonly Finding[];
  /** Report facts. */
  readonly facts: JsonObject;
  /** Internet.nl's `override=True` (mail host match with DANE-TA). */
  readonly forced?: boolean;
}

/** A pure TLS evaluator, such as `evaluateTlsVersion`: one endpoint's TLS evidence to a judgement. The web and mail checks apply them per address. */
export type TlsEvaluator = (evidence: TlsEvidence, context: TlsEvaluationContext) => TlsJudgement;

/** Builds a finding for the context's check and subject. `pastoe`: a finding Internet.nl does not make. */
export function finding(context: TlsEvaluationContext, name: string, params: MessageParams = {}, pastoe = false): Finding {
  const all: MessageParams = pastoe ? { ...params, scope: 'pastoe' } : params;
  return {
    id: `${context.checkId}.${name}`,
    ...(Object.keys(all).length === 0 ? {} : { params: all }),
    ...(context.subject === undefined ? {} : { subject: context.subject }),
  };
}

/** The status and outcome Internet.nl gives a level, for subtests with good / phase-out / bad. */
export function levelVerdict(level: NcscLevel): { status: VerdictStatus; outcome: string } {
  switch (level) {
    case 'insufficient':
      return { status: 'fail', outcome: 'bad' };
    case 'phase-out':
      return { status: 'warning', outcome: 'phase-out' };
    default:
      return { status: 'pass', outcome: 'good' };
  }
}

/** Assembles a judgement, adding `facts.pastoe` when pastoe's own verdict differs. */
export function judgement(
  verdict: { status: VerdictStatus; outcome: string },
  findings: readonly Finding[],
  facts: Record<string, JsonValue>,
  pastoe?: { status: VerdictStatus; outcome: string },
  forced?: boolean,
): TlsJudgement {
  const differs = pastoe !== undefined && (pastoe.status !== verdict.status || pastoe.outcome !== verdict.outcome);
  return {
    status: verdict.status,
    outcome: verdict.outcome,
    findings,
    facts: differs ? { ...facts, pastoe: { status: pastoe.status, outcome: pastoe.outcome } } : facts,
    ...(forced ? { forced: true } : {}),
  };
}

/** `not-tested`: a precondition failed (no TLS at all, a missing observation). */
export function notTested(context: TlsEvaluationContext, reason: string, facts: Record<string, JsonValue> = {}): TlsJudgement {
  return { status: 'not-tested', outcome: 'not-tested', findings: [finding(context, 'not-tested', { reason })], facts };
}

/** The supported versions, newest first (`supported === true` only). */
export function supportedVersions(evidence: TlsEvidence): TlsVersion[] {
  const supported = new Set(evidence.versions.filter((v) => v.supported === true).map((v) => v.version));
  return [...tlsVersions].reverse().filter((version) => supported.has(version));
}

/** The highest supported version below TLS 1.3: Internet.nl's scope for suites and key exchange. */
export function highestBelow13(evidence: TlsEvidence): TlsVersion | undefined {
  return supportedVersions(evidence).find((version) => version !== 'TLSv1.3');
}

/** True when some version up to TLS 1.2 is supported (renegotiation, compression and EMS live there). */
export function hasPre13(evidence: TlsEvidence): boolean {
  return highestBelow13(evidence) !== undefined;
}

/**
 * The common precondition: a TLS handshake was possible at all. Internet.nl reports an
 * unreachable server in its availability subtest and leaves the others not tested.
 */
export function unusable(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement | undefined {
  if (!evidence.reachable) return notTested(context, 'unreachable');
  if (supportedVersions(evidence).length === 0) return notTested(context, 'no-tls-version');
  return undefined;
}

/** Lowercase `0x`-prefixed four-digit hex, for codes in facts. */
export function hex4(code: number): string {
  return `0x${code.toString(16).padStart(4, '0')}`;
}
