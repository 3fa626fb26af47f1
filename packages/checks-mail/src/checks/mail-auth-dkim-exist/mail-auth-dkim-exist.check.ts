import { type CheckResult, defineCheck, type Finding } from '@pastoe/core/model';
import { lookupFacts, wildcardBelowDomainkey, wildcardFindings } from '../../dkim/evidence-facts.js';
import { judgeNonSending } from '../../dkim/non-sending.js';
import type { DmarcEvidence } from '../../dmarc/evidence.js';
import { type DkimEvidence, dkimDeclaration } from '../../probes/dkim.declaration.js';
import { dmarcDeclaration } from '../../probes/dmarc.declaration.js';
import { type SpfEvidence, spfDeclaration } from '../../probes/spf.declaration.js';

const id = 'mail-auth-dkim-exist';

/**
 * Judges DKIM's existence as Internet.nl does: `_domainkey.<domain>` answering NOERROR, with or
 * without records (an empty non-terminal, RFC 8020), is `good`; NXDOMAIN is `bad`, unless the
 * domain is non-sending by its DMARC and SPF records (`no-email`, not applicable). A lookup that
 * got no usable answer (SERVFAIL, a timeout) is a test `error`, never "no DKIM". Beyond
 * Internet.nl, a finding says when a wildcard makes `_domainkey` exist, so the `good` may be false.
 */
function judgeDkimExists(dkim: DkimEvidence, spf: SpfEvidence, dmarc: DmarcEvidence): CheckResult {
  const { domainkey } = dkim;
  const facts = { domainkey: lookupFacts(domainkey), wildcard: wildcardBelowDomainkey(dkim) };
  if (domainkey.error !== undefined) {
    return {
      status: 'error',
      outcome: 'error',
      findings: [{ id: `${id}.lookup-failed`, params: { name: domainkey.name, error: domainkey.error } }],
      error: { code: 'dns-lookup', message: `the TXT lookup of ${domainkey.name} failed (${domainkey.error})` },
      facts,
    };
  }
  if (domainkey.rcode === 'NOERROR') {
    const findings: Finding[] = [
      ...(domainkey.texts.length === 0 ? [{ id: `${id}.empty-non-terminal`, params: { name: domainkey.name } }] : []),
      ...wildcardFindings(id, dkim),
    ];
    return { status: 'pass', outcome: 'good', findings, facts };
  }
  const nonSending = judgeNonSending(spf, dmarc);
  const nonSendingFacts = { ...facts, nonSending: nonSending.status, nonSendingDmarc: nonSending.dmarc, nonSendingSpf: nonSending.spf };
  if (nonSending.status === 'yes') {
    return { status: 'not-applicable', outcome: 'no-email', findings: [{ id: `${id}.non-sending` }], facts: nonSendingFacts };
  }
  if (nonSending.status === 'unknown') {
    return {
      status: 'error',
      outcome: 'error',
      error: {
        code: 'dns-lookup',
        message: `${domainkey.name} does not exist, and whether the domain sends mail could not be read from its DMARC and SPF records`,
      },
      facts: nonSendingFacts,
    };
  }
  const findings: Finding[] = [{ id: `${id}.no-domainkey`, params: { name: domainkey.name } }];
  // Half a non-sending setup: say what the other half needs.
  if (nonSending.dmarc === 'yes' || nonSending.spf === 'yes') {
    findings.push({ id: `${id}.non-sending-incomplete`, params: { dmarc: nonSending.dmarc, spf: nonSending.spf } });
  }
  return { status: 'fail', outcome: 'bad', findings, facts: nonSendingFacts };
}

/** The mail domain publishes DKIM keys, or sends no mail (Internet.nl `mail_auth_dkim_exist`). */
export const mailAuthDkimExist = defineCheck({
  id,
  standard: 'dkim',
  internetnl: 'mail_auth_dkim_exist',
  references: [
    { kind: 'rfc', id: 'RFC 6376', section: '3.6.2.1' },
    { kind: 'rfc', id: 'RFC 8020' },
    { kind: 'forum-standaardisatie', id: 'DKIM' },
  ],
  probes: { dkim: dkimDeclaration, spf: spfDeclaration, dmarc: dmarcDeclaration },
  evaluate: ({ dkim, spf, dmarc }) => judgeDkimExists(dkim.data, spf.data, dmarc.data),
});
