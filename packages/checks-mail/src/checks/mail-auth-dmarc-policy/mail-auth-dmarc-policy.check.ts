import { defineCheck, type Finding } from '@pastoe/core/model';
import type { DmarcEvidence } from '../../dmarc/evidence.js';
import { parseDmarc } from '../../dmarc/parse.js';
import { judgeDmarcPolicy, reportAuthorizationStatus } from '../../dmarc/policy.js';
import { dmarcDeclaration } from '../../probes/dmarc.declaration.js';
import { dmarcDiscoveryError, dmarcFacts } from '../dmarc-evidence.js';

const id = 'mail-auth-dmarc-policy';

/**
 * The DMARC record's policy protects the domain (Internet.nl `mail_auth_dmarc_policy`): no syntax
 * error (`bad`, 0 points), and `quarantine` or `reject` in force (`sp` for an inherited record
 * when present, else `p`; `t=y` one step lower), else `policy` (2 points). With a sufficient
 * policy, every report destination outside the organizational domain must authorize the reports,
 * else `external` (a warning, full points). No record leaves the subtest not tested (0 points).
 */
export const mailAuthDmarcPolicy = defineCheck({
  id,
  standard: 'dmarc',
  internetnl: 'mail_auth_dmarc_policy',
  references: [
    { kind: 'rfc', id: 'RFC 7489', section: '6.3' },
    { kind: 'rfc', id: 'RFC 7489', section: '7.1' },
    { kind: 'rfc', id: 'RFC 9989' },
    { kind: 'forum-standaardisatie', id: 'DMARC' },
  ],
  probes: { dmarc: dmarcDeclaration },
  evaluate: ({ dmarc }) => {
    const evidence = dmarc.data;
    const failed = dmarcDiscoveryError(evidence);
    if (failed !== undefined) return failed;
    const facts = dmarcFacts(evidence);
    const record = evidence.record;
    if (evidence.status !== 'found' || record === undefined) {
      return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${id}.no-record` }], facts };
    }
    const ruleset = evidence.ruleset;
    const warnings: Finding[] = parseDmarc(record.text, { ruleset })
      .warnings.filter((warning) => warning.code !== 'unknown-tag')
      .map((warning) => ({ id: `${id}.${warning.code}`, params: { tag: warning.tag ?? '', message: warning.message } }));
    const judgement = judgeDmarcPolicy(record.text, { ruleset, inherited: record.source !== 'domain' });
    if (judgement.status === 'syntax') {
      const findings = judgement.problems.map((problem) => ({
        id: `${id}.${problem.code === 'unknown-tag' ? 'unknown-tag-refused' : 'syntax-error'}`,
        params: { code: problem.code, tag: problem.tag ?? '', message: problem.message },
      }));
      return { status: 'fail', outcome: 'bad', findings: [...findings, ...warnings], facts };
    }
    const policyFacts = { ...facts, policyTag: judgement.tag ?? '', appliedPolicy: judgement.applied };
    if (judgement.status === 'insufficient') {
      const finding: Finding =
        judgement.published === undefined
          ? { id: `${id}.no-policy` }
          : { id: `${id}.${judgement.published === 'none' ? 'policy-none' : 'test-mode-lowers'}`, params: { tag: judgement.tag ?? 'p' } };
      return { status: 'fail', outcome: 'policy', findings: [finding, ...warnings], facts: policyFacts };
    }
    return judgeDestinations(evidence, warnings, policyFacts);
  },
});

function judgeDestinations(evidence: DmarcEvidence, warnings: readonly Finding[], facts: ReturnType<typeof dmarcFacts>) {
  const statuses = evidence.reportDestinations.map((destination) => ({ destination, status: reportAuthorizationStatus(destination) }));
  const destinationFacts = {
    ...facts,
    reportDestinations: statuses.map(({ destination, status }) => ({
      host: destination.host,
      tags: [...destination.tags],
      external: destination.external,
      authorization: status,
    })),
  };
  const unknown = statuses.find(({ status }) => status === 'unknown');
  if (unknown !== undefined) {
    return {
      status: 'error' as const,
      outcome: 'error',
      error: { code: 'dns-lookup', message: `${unknown.destination.authorization?.name}: ${unknown.destination.authorization?.error}` },
      facts: destinationFacts,
    };
  }
  const notChecked: Finding[] = statuses
    .filter(({ status }) => status === 'not-checked')
    .map(({ destination }) => ({ id: `${id}.destination-not-checked`, params: { host: destination.host } }));
  const unauthorized: Finding[] = statuses
    .filter(({ status }) => status === 'unauthorized')
    .map(({ destination }) => ({
      id: `${id}.external-unauthorized`,
      params: { host: destination.host, name: destination.authorization?.name ?? '' },
    }));
  const findings = [...unauthorized, ...notChecked, ...warnings];
  if (unauthorized.length > 0) return { status: 'warning' as const, outcome: 'external', findings, facts: destinationFacts };
  return { status: 'pass' as const, outcome: 'good', findings, facts: destinationFacts };
}
