import {
  type CheckResult,
  type DnssecEvidence,
  type DnssecJudgement,
  type EvidenceSuccess,
  type SubjectResult,
  worstStatus,
} from '@pastoe/core';
import { type MailServerSituation, mailServers } from '../parsers/mail-servers.js';
import type { MxEvidence } from '../probes/mx.probe.js';

/**
 * The result of a subtest judged per mail server when the domain has no mail servers to judge:
 * Internet.nl's no-MX and Null MX outcomes (forced where Internet.nl forces them).
 */
export function noMailServerResult(checkId: string, situation: Exclude<MailServerSituation, 'has-mx'>, noMxOutcome: string): CheckResult {
  const finding = { id: `${checkId}.${situation}` };
  switch (situation) {
    case 'no-mx':
      return { status: 'not-tested', outcome: noMxOutcome, findings: [finding] };
    case 'null-mx':
      return { status: 'not-tested', outcome: 'null-mx', findings: [finding] };
    case 'null-mx-with-other-mx':
      return { status: 'warning', outcome: 'null-mx-with-other-mx', forced: true, findings: [finding] };
    case 'null-mx-without-a-aaaa':
      return { status: 'info', outcome: 'null-mx-without-a-aaaa', forced: true, findings: [finding] };
  }
}

/**
 * Judges DNSSEC per mail server and merges as Internet.nl does: the worst status wins, its
 * outcome is reported, and the subtest becomes required once a server was tested.
 */
export function judgePerMailServer(
  checkId: string,
  mx: EvidenceSuccess<MxEvidence>,
  servers: readonly EvidenceSuccess<DnssecEvidence>[],
  judge: (checkId: string, result: DnssecEvidence, subject: EvidenceSuccess<DnssecEvidence>['subject']) => DnssecJudgement,
  withoutServers: (situation: Exclude<MailServerSituation, 'has-mx'>) => CheckResult,
): CheckResult {
  const { situation } = mailServers(mx.data);
  if (situation !== 'has-mx') return withoutServers(situation);
  const subjects: SubjectResult[] = servers.map((server) => {
    const judged = judge(checkId, server.data, server.subject);
    return { subject: server.subject, status: judged.status, outcome: judged.outcome, findings: judged.findings, facts: judged.facts };
  });
  const status = worstStatus(subjects.map((s) => s.status));
  const worst = subjects.find((s) => s.status === status);
  return {
    status,
    outcome: worst?.outcome ?? 'not-tested',
    level: 'required',
    findings: subjects.flatMap((s) => s.findings ?? []),
    subjects,
    facts: { servers: subjects.map((s) => s.subject.name) },
  };
}
