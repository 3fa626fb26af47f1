import {
  type CheckResult,
  defineCheck,
  type EvidenceSuccess,
  type Finding,
  parseSecurityTxt,
  type SecurityTxtEvidence,
  type SubjectResult,
  securityTxtDeclaration,
  worstStatus,
} from '@pastoe/core/model';
import { judgedAddresses } from '../per-web-address.js';

const id = 'web-appsecpriv-securitytxt';

/** Retrieval problems after which Internet.nl does not parse the body. */
const unparsed = new Set(['no_security_txt_404', 'no_security_txt_other', 'no_content_type', 'invalid_media']);

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Judges the security.txt of one address: Internet.nl's outcome, with every code as a finding. */
function judgeSecurityTxt(evidence: EvidenceSuccess<SecurityTxtEvidence>, now: Date): SubjectResult {
  const { subject, data } = evidence;
  const finding = (code: string, params: Finding['params'] = {}): Finding => ({ id: `${id}.${code}`, params, subject });
  if (!data.reachable) {
    return { subject, status: 'not-tested', outcome: 'not-tested', findings: [finding('unreachable')] };
  }
  const errors: Finding[] = data.retrievalErrors.map(({ code, status }) =>
    finding(code, { kind: 'error', ...(status === undefined ? {} : { status }) }),
  );
  const advice: Finding[] = [];
  const notes: Finding[] = [];
  const body = data.bodyBase64 === undefined ? undefined : decodeBase64(data.bodyBase64);
  if (body !== undefined && !data.retrievalErrors.some(({ code }) => unparsed.has(code))) {
    if (body.length === 0) errors.push(finding('empty', { kind: 'error' }));
    else {
      const parsed = parseSecurityTxt(body, { now, ...(data.finalUrl === undefined ? {} : { url: data.finalUrl }) });
      const asFinding = (kind: string) => (problem: { code: string; line: number | null }) =>
        finding(problem.code, { kind, ...(problem.line === null ? {} : { line: problem.line }) });
      errors.push(...parsed.errors.map(asFinding('error')));
      advice.push(...parsed.recommendations.map(asFinding('recommendation')), ...parsed.notifications.map(asFinding('notification')));
    }
  }
  if (data.signature !== undefined) {
    // A key was configured: a signature that does not verify with it is an error, beyond Internet.nl (which does not verify).
    const verified = finding(`signature-${data.signature.status}`, { kind: data.signature.status === 'invalid' ? 'error' : 'note' });
    (data.signature.status === 'invalid' ? errors : notes).push(verified);
  }
  if (data.insecureRedirect) notes.push(finding('redirect-to-http', { kind: 'note' }));
  if (data.tlsTrusted === false) notes.push(finding('untrusted-certificate', { kind: 'note' }));
  const facts = {
    address: data.address,
    ...(data.foundHost === undefined ? {} : { foundHost: data.foundHost }),
    ...(data.location === undefined ? {} : { location: data.location }),
  };
  const findings = [...errors, ...advice, ...notes];
  if (data.location === undefined || errors.length > 0) return { subject, status: 'fail', outcome: 'bad', findings, facts };
  if (advice.length > 0) return { subject, status: 'info', outcome: 'recommendations', findings, facts };
  return { subject, status: 'pass', outcome: 'good', findings, facts };
}

/** Worst of the tested addresses, as Internet.nl merges its two; `not-tested` when none could be tested. */
function merge(results: readonly SubjectResult[]): CheckResult {
  const judged = results.filter((result) => result.status !== 'not-tested');
  if (judged.length === 0) {
    return {
      status: 'not-tested',
      outcome: 'not-tested',
      findings: results.length === 0 ? [{ id: `${id}.no-address` }] : results.flatMap((result) => result.findings ?? []),
      subjects: results,
    };
  }
  const status = worstStatus(judged.map((result) => result.status));
  const worst = judged.find((result) => result.status === status);
  return {
    status,
    outcome: worst?.outcome ?? 'not-tested',
    findings: results.flatMap((result) => result.findings ?? []),
    subjects: results,
    facts: { addresses: results.map((result) => result.subject.ip ?? result.subject.name), foundHost: worst?.facts?.foundHost ?? null },
  };
}

/**
 * The website publishes a valid security.txt (RFC 9116) at `/.well-known/security.txt`
 * (Internet.nl `web_appsecpriv_securitytxt`): not found, empty or any error is `bad`;
 * recommendations or notifications only give `recommendations`. Judged on the first IPv6 and the
 * first IPv4 address (every address with the scan's `addresses: 'all'`); the worst decides. Each error, recommendation and notification is a finding
 * with its line. When the probe verified the signature with a configured key, a signature that
 * does not verify is an error too.
 */
export const webAppsecprivSecuritytxt = defineCheck({
  id,
  standard: 'security-txt',
  internetnl: 'web_appsecpriv_securitytxt',
  references: [
    { kind: 'rfc', id: 'RFC 9116' },
    { kind: 'forum-standaardisatie', id: 'security.txt' },
  ],
  probes: { securitytxt: securityTxtDeclaration },
  evaluate: ({ securitytxt }, { now, addresses }) =>
    merge(judgedAddresses(securitytxt, addresses).map((evidence) => judgeSecurityTxt(evidence, now))),
});
