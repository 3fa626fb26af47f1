import { type CheckResult, defineCheck } from '@pastoe/core/model';
import { type SpfEvidence, spfDeclaration } from '../../probes/spf.declaration.js';
import { isUnanswered } from '../../spf/policy.js';

const id = 'mail-auth-spf-exist';

/**
 * Judges the SPF lookup at the mail domain as Internet.nl does: TXT strings starting with
 * `v=spf1`, exactly one → `good`; none or several → `bad`. A lookup that failed (SERVFAIL, a
 * timeout) is a test `error`, never "no record".
 */
export function judgeSpfExists(evidence: SpfEvidence): CheckResult {
  const { lookup } = evidence;
  if (lookup.error !== undefined) {
    return {
      status: 'error',
      outcome: 'error',
      findings: [{ id: `${id}.lookup-failed`, params: { rcode: lookup.rcode } }],
      error: {
        code: isUnanswered(lookup) ? lookup.rcode : 'dns-error',
        message: `the TXT lookup of ${evidence.domain} failed (${lookup.error})`,
      },
    };
  }
  const records = lookup.texts.filter((text) => text.toLowerCase().startsWith('v=spf1'));
  if (records.length === 1) return { status: 'pass', outcome: 'good', facts: { record: records[0] as string } };
  if (records.length === 0) {
    return {
      status: 'fail',
      outcome: 'bad',
      findings: [{ id: `${id}.no-record`, params: { rcode: lookup.rcode } }],
      facts: { records: [] },
    };
  }
  return {
    status: 'fail',
    outcome: 'bad',
    findings: [{ id: `${id}.multiple-records`, params: { count: records.length } }],
    facts: { records },
  };
}

/** The mail domain publishes exactly one SPF record (Internet.nl `mail_auth_spf_exist`). */
export const mailAuthSpfExist = defineCheck({
  id,
  standard: 'spf',
  internetnl: 'mail_auth_spf_exist',
  references: [
    { kind: 'rfc', id: 'RFC 7208', section: '4.5' },
    { kind: 'forum-standaardisatie', id: 'SPF' },
  ],
  probes: { spf: spfDeclaration },
  evaluate: ({ spf }) => judgeSpfExists(spf.data),
});
