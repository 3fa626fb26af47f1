import { type CheckResult, defineCheck, type TlsEvidence, type TlsJudgement } from '@pastoe/core/model';
import { mailServers } from '../../parsers/mail-servers.js';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { noMailServerResult } from '../per-mail-server.js';
import { judgePerMailServerTls } from '../per-mail-server-tls.js';

const checkId = 'mail-starttls-tls-available';

/** Why STARTTLS could not be used: not offered, refused, no TLS version after it, or the scanner's first problem. */
function unavailableReason(evidence: TlsEvidence): string {
  if (evidence.starttls !== undefined && !evidence.starttls.offered) return 'not-offered';
  if (evidence.starttls !== undefined && !evidence.starttls.accepted) return 'refused';
  if (evidence.reachable) return 'no-tls-version';
  return evidence.problems[0]?.code ?? 'unreachable';
}

/** Internet.nl's "unreachable": an error it forces past the level, with the reason as a finding. */
function unreachable(reason: string, subject: TlsJudgement['findings'][number]['subject']): TlsJudgement {
  return {
    status: 'error',
    outcome: 'other',
    forced: true,
    findings: [{ id: `${checkId}.unreachable`, params: { reason }, ...(subject === undefined ? {} : { subject }) }],
    facts: { reachable: false, reason },
  };
}

/**
 * Every mail server offers STARTTLS on port 25 and completes a TLS handshake after it (Internet.nl
 * `mail_starttls_tls_available`, required once the domain has real MX records). A host that cannot
 * be reached, has no address, offers no STARTTLS, refuses it or offers no TLS version is `other`,
 * which Internet.nl shows as a test error ("unreachable"); a scan pastoe could not finish is
 * `could-not-test`. No MX and the Null MX cases give Internet.nl's statuses (spec §3.1).
 */
export const mailStarttlsTlsAvailable = defineCheck({
  id: checkId,
  standard: 'starttls',
  internetnl: 'mail_starttls_tls_available',
  references: [
    { kind: 'rfc', id: 'RFC 3207' },
    { kind: 'forum-standaardisatie', id: 'STARTTLS en DANE' },
  ],
  probes: { mx: mxDeclaration, tls: mailTlsDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ mx, tls }, context): CheckResult => {
    if (!mx.ok) {
      return {
        status: 'error',
        outcome: 'could-not-test',
        forced: true,
        findings: [{ id: `${checkId}.mx-failed`, params: { reason: mx.error.code } }],
        error: { code: mx.error.code, message: mx.error.message },
      };
    }
    const { situation } = mailServers(mx.data);
    if (situation !== 'has-mx') return noMailServerResult(checkId, situation, 'other-2');
    const failed = tls.find((evidence) => !evidence.ok);
    if (failed !== undefined && !failed.ok) {
      // pastoe's own scan did not finish (its time limit, its network): Internet.nl's "could not test".
      return {
        status: 'error',
        outcome: 'could-not-test',
        forced: true,
        level: 'required',
        findings: [{ id: `${checkId}.could-not-test`, params: { reason: failed.error.code }, subject: failed.subject }],
        error: { code: failed.error.code, message: `${failed.subject.name}: ${failed.error.message}` },
      };
    }
    const servers = tls.flatMap((evidence) => (evidence.ok ? [evidence] : []));
    const result = judgePerMailServerTls(
      checkId,
      mx,
      servers,
      (evidence, evaluation) =>
        evidence.reachable && evidence.versions.some((version) => version.supported === true)
          ? { status: 'pass', outcome: 'good', findings: [], facts: { reachable: true } }
          : unreachable(unavailableReason(evidence), evaluation.subject),
      context,
      {
        withoutScans: (evidence, evaluation) => unreachable(evidence.addressError ?? 'no-address', evaluation.subject),
      },
    );
    return { ...result, level: 'required' };
  },
});
