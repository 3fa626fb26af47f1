import {
  type CheckResult,
  defineCheck,
  type SubjectResult,
  type TlsEvidence,
  webAddressesDeclaration,
  webTlsDeclaration,
  worstStatus,
} from '@pastoe/core/model';
import { judgedAddresses } from '../per-web-address.js';

const checkId = 'web-https-http-available';

/** Why TLS on 443 could not be used: the scanner's first problem code, or what was missing. */
function unreachableReason(evidence: TlsEvidence): string {
  if (evidence.reachable) return 'no-tls-version';
  return evidence.problems[0]?.code ?? 'unreachable';
}

/**
 * The website answers HTTPS: a TLS handshake succeeds on port 443 of the judged addresses
 * (Internet.nl `web_https_http_available`, its `https_exists`). No A or AAAA record at all is
 * `bad`. An address with nothing speaking TLS on 443 is `other`: Internet.nl shows that as a test
 * error (issue #1145), pastoe as a failure, because it is a property of the domain; pastoe's own
 * failures (its network, its vantage point) make the verdict `error` before this check judges.
 * The worst judged address decides.
 */
export const webHttpsHttpAvailable = defineCheck({
  id: checkId,
  standard: 'https',
  internetnl: 'web_https_http_available',
  references: [
    { kind: 'ncsc', id: 'NCSC TLS 2025-05' },
    { kind: 'forum-standaardisatie', id: 'TLS' },
  ],
  probes: { addresses: webAddressesDeclaration, tls: webTlsDeclaration },
  evaluate: ({ addresses, tls }, context): CheckResult => {
    const { ipv4, ipv6 } = addresses.data;
    if (ipv4.length === 0 && ipv6.length === 0) {
      return { status: 'fail', outcome: 'bad', findings: [{ id: `${checkId}.no-address` }], facts: { addresses: [] } };
    }
    const judged = judgedAddresses(tls, context.addresses);
    if (judged.length === 0) {
      return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${checkId}.not-scanned` }], facts: { addresses: [] } };
    }
    const subjects = judged.map(({ subject, data }): SubjectResult => {
      const usable = data.reachable && data.versions.some((version) => version.supported === true);
      if (usable) return { subject, status: 'pass', outcome: 'good', findings: [], facts: { reachable: true } };
      const reason = unreachableReason(data);
      return {
        subject,
        status: 'fail',
        outcome: 'other',
        findings: [{ id: `${checkId}.unreachable`, params: { reason }, subject }],
        facts: { reachable: false, reason },
      };
    });
    const status = worstStatus(subjects.map((result) => result.status));
    return {
      status,
      outcome: subjects.find((result) => result.status === status)?.outcome ?? 'good',
      findings: subjects.flatMap((result) => result.findings ?? []),
      subjects,
      facts: { addresses: subjects.map((result) => result.subject.ip ?? result.subject.name) },
    };
  },
});
