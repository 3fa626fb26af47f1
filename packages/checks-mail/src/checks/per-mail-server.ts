import {
  type CheckResult,
  type DnssecEvidence,
  type DnssecJudgement,
  type EvidenceSuccess,
  type SubjectResult,
  worstStatus,
} from '@pastoe/core/model';
import { type MailServerSituation, type MailServers, mailServers } from '../parsers/mail-servers.js';
import type { MxEvidence } from '../probes/mx.declaration.js';

/**
 * The result of a subtest judged per mail server when the domain has no mail servers to judge:
 * Internet.nl's no-MX and Null MX outcomes (forced where Internet.nl forces them). With
 * `nullMxAdvised` (see {@link MailServers}) a no-MX result carries pastoe's own advice to publish
 * a Null MX, `<checkId>.no-null-mx`, beside Internet.nl's verdict.
 */
export function noMailServerResult(
  checkId: string,
  situation: Exclude<MailServerSituation, 'has-mx'>,
  noMxOutcome: string,
  nullMxAdvised = false,
): CheckResult {
  const finding = { id: `${checkId}.${situation}` };
  switch (situation) {
    case 'no-mx':
      return {
        status: 'not-tested',
        outcome: noMxOutcome,
        findings: nullMxAdvised ? [finding, { id: `${checkId}.no-null-mx` }] : [finding],
      };
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
  perServer: readonly EvidenceSuccess<DnssecEvidence>[],
  judge: (checkId: string, result: DnssecEvidence, subject: EvidenceSuccess<DnssecEvidence>['subject']) => DnssecJudgement,
  withoutServers: (situation: Exclude<MailServerSituation, 'has-mx'>, servers: MailServers) => CheckResult,
): CheckResult {
  const servers = mailServers(mx.data);
  const { situation } = servers;
  if (situation !== 'has-mx') return withoutServers(situation, servers);
  const judged = perServer.map((server) => ({ subject: server.subject, judgement: judge(checkId, server.data, server.subject) }));
  const subjects: SubjectResult[] = judged.map(({ subject, judgement }) => ({
    subject,
    status: judgement.status,
    outcome: judgement.outcome,
    findings: judgement.findings,
    facts: judgement.facts,
  }));
  const status = worstStatus(subjects.map((s) => s.status));
  const worst = subjects.find((s) => s.status === status);
  // pastoe's own failure on one server makes the whole subtest `error`, with that failure as the reason.
  const error = judged.find(({ judgement }) => judgement.status === 'error')?.judgement.error;
  return {
    status,
    outcome: worst?.outcome ?? 'not-tested',
    level: 'required',
    findings: subjects.flatMap((s) => s.findings ?? []),
    subjects,
    facts: { servers: subjects.map((s) => s.subject.name) },
    ...(error === undefined ? {} : { error }),
  };
}
