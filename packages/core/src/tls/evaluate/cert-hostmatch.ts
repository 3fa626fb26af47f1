import type { Finding } from '../../model/finding.js';
import { matchHostname } from '../../x509/hostname.js';
import type { TlsEvidence } from '../types.js';
import { certificateLabel, selectChains } from './certificates.js';
import { finding, judgement, notTested, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * Certificate host match (Internet.nl `cert_hostmatch`): the leaf of the chain Internet.nl
 * evaluates must be valid for the tested host (the domain for web, the MX name for mail), by
 * subjectAltName only (see {@link matchHostname}). A mismatch is `bad`: a fail for web; for mail
 * the optional level shows it as info, except that with a DANE-TA (usage 2) TLSA record
 * Internet.nl forces the fail past the level (`forced`). pastoe also checks the leaves of the
 * other chains it saw.
 */
export function evaluateCertHostmatch(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const selection = selectChains(evidence);
  const leaf = selection.primary?.certificates[0];
  if (leaf === undefined) return notTested(context, 'no-chain');
  const host = evidence.endpoint.host;
  const match = matchHostname(leaf.facts, host);
  const findings: Finding[] = [];
  for (const chain of selection.others) {
    const other = chain.certificates[0];
    if (other !== undefined && !matchHostname(other.facts, host).matches) {
      findings.push(finding(context, 'mismatch', { host, certificate: certificateLabel(other), chain: 'other' }, true));
    }
  }
  const names = [...new Set([...leaf.facts.commonNames, ...leaf.facts.dnsNames, ...leaf.facts.ipAddresses])];
  const facts = { host, names, ...(match.matchedName === undefined ? {} : { matchedName: match.matchedName }) };
  if (match.matches) {
    return judgement(
      { status: 'pass', outcome: 'good' },
      findings,
      facts,
      findings.length > 0 ? { status: 'fail', outcome: 'bad' } : undefined,
    );
  }
  findings.unshift(
    finding(context, 'mismatch', {
      host,
      certificate: certificateLabel(leaf),
      reason: match.reason ?? 'no-match',
      ...(match.invalidPattern === undefined ? {} : { pattern: match.invalidPattern }),
    }),
  );
  const forced = context.service === 'mail' && context.hasDaneTa === true;
  return judgement({ status: 'fail', outcome: 'bad' }, findings, { ...facts, reason: match.reason ?? 'no-match' }, undefined, forced);
}
