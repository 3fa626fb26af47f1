import { type CheckResult, defineCheck, type Finding, type JsonObject } from '@pastoe/core/model';
import { type MtaStsPolicy, mxMatchesPolicy, parseMtaStsPolicy } from '../../mta-sts/policy.js';
import type { PolicyTextProblem } from '../../mta-sts/problem.js';
import { parseMtaStsRecord } from '../../mta-sts/record.js';
import { mailServers } from '../../parsers/mail-servers.js';
import { type MtaStsEvidence, mtaStsDeclaration } from '../../probes/mta-sts.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { policyFetchFindings } from './policy-findings.js';

const id = 'mail-mta-sts';

/**
 * The shortest `max_age` that passes: one day. RFC 8461 §3.2 advises "weeks or greater" so that a
 * policy outlives an attack on its refresh; a policy cached for less than a day protects little
 * between fetches. pastoe passes a day or more and notes anything under a week.
 */
export const mtaStsMinMaxAge = 86_400;
/** The `max_age` under which a passing policy gets an advisory finding: one week. */
export const mtaStsAdvisedMaxAge = 604_800;

/** Findings for parser problems, one each. */
const problemFindings = (finding: string, problems: readonly PolicyTextProblem[]): Finding[] =>
  problems.map((p) => ({
    id: `${id}.${finding}`,
    params: { code: p.code, message: p.message, ...(p.line === undefined ? {} : { line: p.line }) },
  }));

/** What a report table shows: the record, where the policy came from, and its values. */
function facts(evidence: MtaStsEvidence, hosts: readonly string[], policy?: MtaStsPolicy): JsonObject {
  const fetch = evidence.policy;
  return {
    records: [...evidence.record.records],
    mailServers: [...hosts],
    ...(fetch === undefined ? {} : { policyUrl: fetch.url }),
    ...(fetch?.status === undefined ? {} : { policyStatus: fetch.status }),
    ...(policy === undefined ? {} : { mode: policy.mode, maxAge: policy.maxAge, mx: [...policy.mx] }),
  };
}

/** The verdict of a policy senders accept: mode, the MX hosts it covers, and its lifetime. */
function judgePolicy(policy: MtaStsPolicy, hosts: readonly string[], tableFacts: JsonObject): CheckResult {
  if (policy.mode === 'none') return { status: 'info', outcome: 'mode-none', findings: [{ id: `${id}.mode-none` }], facts: tableFacts };
  const uncovered = hosts.filter((host) => !mxMatchesPolicy(host, policy.mx));
  if (uncovered.length > 0) {
    const findings = uncovered.map((mx) => ({ id: `${id}.mx-not-covered`, params: { mx, patterns: policy.mx.join(', ') } }));
    return { status: 'fail', outcome: 'mx-not-covered', findings, facts: tableFacts };
  }
  const findings: Finding[] = [];
  if (policy.mode === 'testing') findings.push({ id: `${id}.mode-testing` });
  if (policy.maxAge < mtaStsMinMaxAge)
    findings.push({ id: `${id}.short-max-age`, params: { maxAge: policy.maxAge, minimum: mtaStsMinMaxAge } });
  else if (policy.maxAge < mtaStsAdvisedMaxAge) {
    findings.push({ id: `${id}.max-age-below-week`, params: { maxAge: policy.maxAge, advised: mtaStsAdvisedMaxAge } });
  }
  if (policy.mode === 'testing') return { status: 'warning', outcome: 'testing', findings, facts: tableFacts };
  if (policy.maxAge < mtaStsMinMaxAge) return { status: 'warning', outcome: 'short-max-age', findings, facts: tableFacts };
  return { status: 'pass', outcome: 'good', findings, facts: tableFacts };
}

/**
 * The mail domain publishes MTA-STS (RFC 8461) that protects delivery to every MX: exactly one
 * valid `_mta-sts` record, a valid policy at `https://mta-sts.<domain>/.well-known/mta-sts.txt`
 * (200, text/plain, a certificate valid for that name, no redirect, at most 64 KiB), mode
 * `enforce`, every MX matched by an `mx` pattern, `max_age` of at least a day. Mode `testing` and
 * a shorter `max_age` are warnings; a record whose policy cannot be had, syntax errors and an MX
 * the policy does not cover fail; no record is `info` (pastoe's own recommended check, outside
 * Internet.nl's score, so a failure shows as a warning); a domain without mail servers is not
 * tested; a record lookup without an answer is a test error.
 */
export const mailMtaSts = defineCheck({
  id,
  standard: 'mta-sts',
  level: 'recommended',
  references: [
    { kind: 'rfc', id: 'RFC 8461', section: '3' },
    { kind: 'rfc', id: 'RFC 8461', section: '4.1' },
  ],
  probes: { mx: mxDeclaration, mtaSts: mtaStsDeclaration },
  evaluate: ({ mx, mtaSts }) => {
    const servers = mailServers(mx.data);
    const evidence = mtaSts.data;
    if (servers.situation !== 'has-mx') {
      return { status: 'not-tested', outcome: 'no-mail-servers', findings: [{ id: `${id}.${servers.situation}` }] };
    }
    const { record } = evidence;
    const baseFacts = facts(evidence, servers.hosts);
    if (record.error !== undefined) {
      return {
        status: 'error',
        outcome: 'error',
        error: { code: 'dns-lookup', message: `${record.name}: ${record.error}` },
        facts: baseFacts,
      };
    }
    const [text] = record.records;
    if (text === undefined)
      return { status: 'info', outcome: 'absent', findings: [{ id: `${id}.no-record`, params: { name: record.name } }], facts: baseFacts };
    if (record.records.length > 1) {
      const findings = [{ id: `${id}.multiple-records`, params: { name: record.name, count: record.records.length } }];
      return { status: 'fail', outcome: 'multiple-records', findings, facts: baseFacts };
    }
    const parsedRecord = parseMtaStsRecord(text);
    if (!parsedRecord.valid) {
      return {
        status: 'fail',
        outcome: 'record-invalid',
        findings: problemFindings('record-syntax', parsedRecord.errors),
        facts: baseFacts,
      };
    }
    const fetch = evidence.policy;
    if (fetch === undefined) throw new Error('the MTA-STS evidence has a record but no policy fetch');
    const fetchFindings = policyFetchFindings(id, fetch);
    if (fetchFindings.length > 0) return { status: 'fail', outcome: 'policy-unavailable', findings: fetchFindings, facts: baseFacts };
    const parsed = parseMtaStsPolicy(fetch.body ?? '');
    if (parsed.policy === undefined) {
      return { status: 'fail', outcome: 'policy-invalid', findings: problemFindings('policy-syntax', parsed.errors), facts: baseFacts };
    }
    const judged = judgePolicy(parsed.policy, servers.hosts, facts(evidence, servers.hosts, parsed.policy));
    const warnings = problemFindings('policy-warning', parsed.warnings);
    return warnings.length === 0 ? judged : { ...judged, findings: [...(judged.findings ?? []), ...warnings] };
  },
});
