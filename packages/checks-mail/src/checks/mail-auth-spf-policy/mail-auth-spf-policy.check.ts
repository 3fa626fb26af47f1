import { type CheckResult, defineCheck, type Finding, type JsonObject } from '@pastoe/core/model';
import { type SpfEvidence, spfDeclaration } from '../../probes/spf.declaration.js';
import {
  countSpfLookups,
  type InternetNlSpfStatus,
  isUnanswered,
  judgeSpfPolicyAsInternetNl,
  type SpfLookupCount,
} from '../../spf/policy.js';
import { judgeSpfExists } from '../mail-auth-spf-exist/mail-auth-spf-exist.check.js';

const id = 'mail-auth-spf-policy';

/** Internet.nl's status and points as a pastoe outcome code (the catalogue's). */
function outcomeOf(status: InternetNlSpfStatus, points: number): string {
  switch (status) {
    case 'valid':
      return 'good';
    case 'invalid_syntax':
      return 'bad';
    case 'invalid_all':
      return 'all';
    case 'max_dns_lookups':
      return 'max-lookups';
    case 'invalid_include':
      return points === 0 ? 'include-invalid' : 'include';
    case 'invalid_redirect':
      return points === 0 ? 'redirect-invalid' : 'redirect';
  }
}

function countAsJson(count: SpfLookupCount): JsonObject {
  return {
    domain: count.domain,
    via: count.via,
    lookups: count.lookups,
    totalLookups: count.totalLookups,
    ...(count.note === undefined ? {} : { note: count.note }),
    children: count.children.map(countAsJson),
  };
}

/**
 * Judges the SPF record graph as Internet.nl does (see `judgeSpfPolicyAsInternetNl`), and adds
 * what RFC 7208 counts: when Internet.nl's simplified lookup count differs from the RFC's count
 * over every term, a finding gives both, and the facts carry the RFC count per include and
 * redirect. Not exactly one record leaves the subtest not tested and worth 0 points.
 */
function judgeSpfPolicy(evidence: SpfEvidence): CheckResult {
  const exists = judgeSpfExists(evidence);
  if (exists.status === 'error') return exists;
  if (exists.status !== 'pass')
    return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${id}.no-single-record` }], score: 0 };
  const judgement = judgeSpfPolicyAsInternetNl(evidence);
  if (judgement.unanswered !== undefined) {
    const target = evidence.targets[judgement.unanswered];
    return {
      status: 'error',
      outcome: 'error',
      findings: [{ id: `${id}.target-unanswered`, params: { domain: judgement.unanswered } }],
      error: {
        code: target === undefined ? 'not-read' : isUnanswered(target) ? target.rcode : 'dns-error',
        message: `the SPF record of ${judgement.unanswered} could not be read`,
      },
    };
  }
  const count = countSpfLookups(evidence);
  const findings: Finding[] = [];
  if (count.totalLookups !== judgement.lookups) {
    findings.push({ id: `${id}.lookup-count`, params: { internetnl: judgement.lookups, rfc: count.totalLookups } });
  }
  if (count.totalLookups > 10 && judgement.status !== 'max_dns_lookups') {
    findings.push({ id: `${id}.rfc-lookup-limit`, params: { rfc: count.totalLookups } });
  }
  if (evidence.truncated) findings.push({ id: `${id}.graph-truncated` });
  for (const { domain, record } of judgement.records) findings.push({ id: `${id}.record`, params: { domain, record } });
  const outcome = outcomeOf(judgement.status, judgement.points);
  const facts: JsonObject = {
    status: judgement.status,
    internetnlLookups: judgement.lookups,
    rfcLookups: count.totalLookups,
    records: judgement.records.map(({ domain, record }) => [domain, record]),
    lookupTree: countAsJson(count),
  };
  if (judgement.status === 'valid') return { status: 'pass', outcome, findings, facts };
  return { status: 'fail', outcome, findings, facts };
}

/**
 * The SPF policy is sound (Internet.nl `mail_auth_spf_policy`): valid syntax, `~all` or `-all`
 * (or a sound redirect), includes and redirect that resolve to sound records, within Internet.nl's
 * lookup budget. Partial points (2) for a weak `all`, too many lookups, or an include or redirect
 * with a DNS error or `+all`.
 */
export const mailAuthSpfPolicy = defineCheck({
  id,
  standard: 'spf',
  internetnl: 'mail_auth_spf_policy',
  references: [
    { kind: 'rfc', id: 'RFC 7208', section: '4.6.4' },
    { kind: 'forum-standaardisatie', id: 'SPF' },
  ],
  probes: { spf: spfDeclaration },
  evaluate: ({ spf }) => judgeSpfPolicy(spf.data),
});
