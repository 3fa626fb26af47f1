import {
  type CheckLevel,
  type CheckResult,
  type EvaluateContext,
  type EvidenceSuccess,
  type SubjectResult,
  type TlsEvaluationContext,
  type TlsEvaluator,
  type TlsJudgement,
  worstStatus,
} from '@pastoe/core/model';
import { mailServers } from '../parsers/mail-servers.js';
import type { MailServerTlsEvidence } from '../probes/mail-tls.declaration.js';
import type { MxEvidence } from '../probes/mx.declaration.js';

/** An evaluator per MX host: the DANE and host-match subtests judge each host with its own TLSA records. */
export interface PerHostEvaluator {
  /** The evaluator for the addresses of `host`. */
  readonly forHost: (host: string) => TlsEvaluator;
}

/** How {@link judgePerMailServerTls} treats a subtest beyond the worst-of merge. */
export interface PerMailServerOptions {
  /**
   * Raises the check's level to `required` when some MX host's result meets it (Internet.nl's
   * `was_tested()`). Default: once any MX host was tested. `false`: never.
   */
  readonly raiseWhen?: ((result: SubjectResult) => boolean) | false;
  /** The judgement of an MX host without a scanned address. Default: not tested. */
  readonly withoutScans?: (evidence: MailServerTlsEvidence, context: TlsEvaluationContext) => TlsJudgement;
}

/** The subject of one MX host: scoring matches servers across the STARTTLS checks by this. */
function hostSubject(host: string): SubjectResult['subject'] {
  return { name: host, role: 'mx' };
}

/**
 * An MX host's result from its addresses' judgements: the worst tested address decides. Its facts
 * say which addresses the host has per family and which one the STARTTLS scan used (the first IPv4
 * address when the IPv6 one did not answer), so a reader sees what the verdict rests on.
 */
function mergeAddresses(evidence: MailServerTlsEvidence, judgements: readonly TlsJudgement[]): SubjectResult & { forced: boolean } {
  const tested = judgements.filter((judgement) => judgement.status !== 'not-tested');
  const pool = tested.length === 0 ? judgements : tested;
  const status = tested.length === 0 ? 'not-tested' : worstStatus(tested.map((judgement) => judgement.status));
  const worst = pool.find((judgement) => judgement.status === status) ?? pool[0];
  return {
    subject: hostSubject(evidence.host),
    status,
    outcome: worst?.outcome ?? 'not-tested',
    findings: judgements.flatMap((judgement) => judgement.findings),
    facts: {
      ...worst?.facts,
      addresses: { ipv6: [...evidence.ipv6], ipv4: [...evidence.ipv4] },
      scanned: evidence.scans.map(({ ip }) => ({ ip, family: ip.includes(':') ? 6 : 4 })),
    },
    forced: worst?.forced === true,
  };
}

/**
 * The result of a STARTTLS subtest when the domain has no mail server to scan (no MX, a Null MX):
 * not tested, as Internet.nl leaves these subtests at their initial status; the availability
 * subtest gives the situation itself.
 */
function noMailServerTlsResult(checkId: string, situation: string): CheckResult {
  return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${checkId}.no-mail-servers`, params: { situation } }] };
}

/**
 * Judges one STARTTLS subtest per MX host and merges as Internet.nl does: per host the worst of
 * its scanned addresses (one, as Internet.nl scans; the merge allows more), then
 * the worst host wins and its outcome is reported, one subject per host for the per-server score.
 * A host whose TLS could not be tested does not count against the others (the availability
 * subtest reports it); when none could be tested the verdict is `not-tested`, never a failure.
 */
export function judgePerMailServerTls(
  checkId: string,
  mx: EvidenceSuccess<MxEvidence>,
  servers: readonly EvidenceSuccess<MailServerTlsEvidence>[],
  evaluator: TlsEvaluator | PerHostEvaluator,
  context: EvaluateContext,
  options: PerMailServerOptions = {},
): CheckResult {
  const { situation, hosts } = mailServers(mx.data);
  if (situation !== 'has-mx') return noMailServerTlsResult(checkId, situation);
  const judged = hosts.flatMap((host) => {
    const server = servers.find((candidate) => candidate.subject.name === host);
    if (server === undefined) return [];
    const evaluate = typeof evaluator === 'function' ? evaluator : evaluator.forHost(host);
    const base = { checkId, service: 'mail' as const, now: context.now };
    const judgements =
      server.data.scans.length === 0
        ? [options.withoutScans?.(server.data, { ...base, subject: hostSubject(host) }) ?? noScan(checkId, host, server.data)]
        : server.data.scans.map(({ ip, tls }) => evaluate(tls, { ...base, subject: { ...hostSubject(host), ip } }));
    return [mergeAddresses(server.data, judgements)];
  });
  const subjects: SubjectResult[] = judged.map(({ forced: _forced, ...subject }) => subject);
  const tested = subjects.filter((subject) => subject.status !== 'not-tested');
  const status = tested.length === 0 ? 'not-tested' : worstStatus(tested.map((subject) => subject.status));
  const worst = judged.find((subject) => subject.status === status);
  const raise = options.raiseWhen ?? ((result: SubjectResult) => result.status !== 'not-tested');
  const level: CheckLevel | undefined = raise !== false && subjects.some((result) => raise(result)) ? 'required' : undefined;
  return {
    status,
    outcome: worst?.outcome ?? 'not-tested',
    findings: subjects.flatMap((subject) => subject.findings ?? []),
    subjects,
    facts: { servers: subjects.map((subject) => subject.subject.name) },
    ...(level === undefined ? {} : { level }),
    ...(worst?.forced === true ? { forced: true } : {}),
  };
}

/** An MX host without an address to scan: not tested here (the availability subtest reports it). */
function noScan(checkId: string, host: string, evidence: MailServerTlsEvidence): TlsJudgement {
  return {
    status: 'not-tested',
    outcome: 'not-tested',
    findings: [
      { id: `${checkId}.no-address`, params: { host, ...(evidence.addressError === undefined ? {} : { rcode: evidence.addressError }) } },
    ],
    facts: {},
  };
}
