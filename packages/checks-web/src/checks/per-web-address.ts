import {
  type CheckResult,
  type EvidenceSuccess,
  type SubjectResult,
  type TlsEvaluationContext,
  type TlsEvidence,
  type TlsJudgement,
  worstStatus,
} from '@pastoe/core/model';

/** A pure TLS evaluator from `@pastoe/core/model`, such as `evaluateTlsVersion`. */
export type TlsEvaluator = (evidence: TlsEvidence, context: TlsEvaluationContext) => TlsJudgement;

/**
 * The addresses Internet.nl tests of a web server: the first IPv6 and the first IPv4 address, in
 * the order the probe planned them (the DNS answer's). The probe scans every address; pastoe
 * judges these two so that its verdicts match Internet.nl's, and the other addresses' evidence
 * stays in the report.
 */
export function testedAddresses<Data>(servers: readonly EvidenceSuccess<Data>[]): EvidenceSuccess<Data>[] {
  const isIpv6 = (server: EvidenceSuccess<Data>): boolean => (server.subject.ip ?? '').includes(':');
  const firstIpv6 = servers.find(isIpv6);
  const firstIpv4 = servers.find((server) => !isIpv6(server));
  return [firstIpv6, firstIpv4].filter((server) => server !== undefined);
}

/**
 * Judges one TLS subtest of the website per tested address and merges as Internet.nl does: the
 * worst status over the addresses wins and its outcome is reported. An address where TLS could not
 * be tested (unreachable, no TLS version) does not count against the others; when no address could
 * be tested, or the domain has none, the verdict is `not-tested`, never a failure.
 */
export function judgePerWebAddress(
  checkId: string,
  servers: readonly EvidenceSuccess<TlsEvidence>[],
  evaluator: TlsEvaluator,
  now: Date,
): CheckResult {
  const tested = testedAddresses(servers);
  if (tested.length === 0) {
    return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${checkId}.no-address` }], facts: { addresses: [] } };
  }
  const subjects: SubjectResult[] = tested.map(({ subject, data }) => {
    const judgement = evaluator(data, { checkId, service: 'web', now, subject });
    return { subject, status: judgement.status, outcome: judgement.outcome, findings: judgement.findings, facts: judgement.facts };
  });
  const judged = subjects.filter((result) => result.status !== 'not-tested');
  const status = judged.length === 0 ? 'not-tested' : worstStatus(judged.map((result) => result.status));
  const worst = (judged.length === 0 ? subjects : judged).find((result) => result.status === status);
  return {
    status,
    outcome: worst?.outcome ?? 'not-tested',
    findings: subjects.flatMap((result) => result.findings ?? []),
    subjects,
    facts: { addresses: subjects.map((result) => result.subject.ip ?? result.subject.name) },
  };
}
