import {
  type AddressSelection,
  type CheckResult,
  type EvidenceSuccess,
  type Finding,
  type JsonObject,
  type SubjectResult,
  type VerdictStatus,
  type WebHttpEvidence,
  type WebHttpsResult,
  worstStatus,
} from '@pastoe/core/model';
import { judgedAddresses } from './per-web-address.js';

/** One address's judgement by an HTTP check: what {@link judgeWebHttp} merges. */
export interface WebHttpJudgement {
  /** The status asked for; `not-tested` does not count against the other address. */
  readonly status: VerdictStatus;
  /** The outcome code. */
  readonly outcome: string;
  /** Finding names (the check id is prefixed), with parameters. */
  readonly findings?: readonly { readonly id: string; readonly params?: Finding['params'] }[];
  /** Facts for this address's row. */
  readonly facts?: JsonObject;
  /** Partial points (0..1), where the check measures them. */
  readonly score?: number;
}

/**
 * Judges an HTTP check on the addresses `selection` names (see {@link judgedAddresses}: by default
 * the first IPv6 and the first IPv4 address, with `all` every one) and merges as Internet.nl
 * does: the worst status wins and its outcome is reported, the score is the lowest; each finding
 * names its address. An address judged `not-tested` (no HTTPS there) does not count against the
 * others; when no address could be tested, the first one's outcome stands; a domain without
 * addresses is `not-tested`.
 */
export function judgeWebHttp(
  checkId: string,
  servers: readonly EvidenceSuccess<WebHttpEvidence>[],
  judge: (evidence: WebHttpEvidence, domain: string) => WebHttpJudgement,
  selection: AddressSelection = 'first',
): CheckResult {
  const tested = judgedAddresses(servers, selection);
  if (tested.length === 0) {
    return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${checkId}.no-address` }], facts: { addresses: [] } };
  }
  const subjects: SubjectResult[] = tested.map(({ subject, data }) => {
    const judgement = judge(data, subject.name);
    const findings = (judgement.findings ?? []).map(
      (finding): Finding => ({
        id: `${checkId}.${finding.id}`,
        ...(finding.params === undefined ? {} : { params: finding.params }),
        subject,
      }),
    );
    return {
      subject,
      status: judgement.status,
      outcome: judgement.outcome,
      findings,
      ...(judgement.facts === undefined ? {} : { facts: judgement.facts }),
      ...(judgement.score === undefined ? {} : { score: judgement.score }),
    };
  });
  const judged = subjects.filter((result) => result.status !== 'not-tested');
  const counted = judged.length === 0 ? subjects : judged;
  const status = judged.length === 0 ? 'not-tested' : worstStatus(judged.map((result) => result.status));
  const worst = counted.find((result) => result.status === status) ?? counted[0];
  const scores = counted.flatMap((result) => (result.score === undefined ? [] : [result.score]));
  return {
    status,
    outcome: worst?.outcome ?? 'not-tested',
    findings: subjects.flatMap((result) => result.findings ?? []),
    subjects,
    ...(scores.length === 0 ? {} : { score: Math.min(...scores) }),
    facts: { addresses: subjects.map((result) => result.subject.ip ?? result.subject.name) },
  };
}

/** The judgement of a header check where HTTPS gave no response: not tested, with the reason. */
export function noHttpsResponse(https: Extract<WebHttpsResult, { ok: false }>): WebHttpJudgement {
  return {
    status: 'not-tested',
    outcome: 'not-tested',
    findings: [{ id: 'no-https', params: { failure: https.failure, code: https.code } }],
  };
}

/** Every value of a header field in the first HTTPS response, in order. */
export function responseHeader(https: Extract<WebHttpsResult, { ok: true }>, name: string): string[] {
  return https.headers.filter(([field]) => field === name).map(([, value]) => value);
}

/** The values of a header field split on commas, trimmed, empty ones dropped (how Internet.nl reads list headers). */
export function headerList(https: Extract<WebHttpsResult, { ok: true }>, name: string): string[] {
  return responseHeader(https, name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
