import type { Finding } from '../../model/finding.js';
import { isWithinValidity } from '../../x509/chain.js';
import type { TlsEvidence } from '../types.js';
import { certificateLabel, selectChains } from './certificates.js';
import { finding, judgement, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * Certificate trust (Internet.nl `cert_trust`): the chain verified against the trust store
 * (Mozilla's roots in Node) is `good`, otherwise `bad`; no chain received is `could-not-test`
 * (status not tested). The same outcome serves web (required) and mail (optional: the level
 * makes a failure info). pastoe adds a finding per certificate outside its validity period, in
 * every chain it saw.
 */
export function evaluateCertTrust(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const selection = selectChains(evidence);
  const findings: Finding[] = [];
  for (const chain of [selection.primary, ...selection.others]) {
    for (const certificate of chain?.certificates ?? []) {
      if (!isWithinValidity(certificate, context.now)) {
        findings.push(
          finding(
            context,
            'outside-validity',
            { certificate: certificateLabel(certificate), notBefore: certificate.facts.notBefore, notAfter: certificate.facts.notAfter },
            true,
          ),
        );
      }
    }
  }
  const chainFact = selection.primary?.certificates.map(certificateLabel) ?? [];
  if (selection.primary === undefined || evidence.trust === undefined) {
    return judgement({ status: 'not-tested', outcome: 'could-not-test' }, [finding(context, 'no-chain'), ...findings], {
      chain: chainFact,
    });
  }
  const facts = { chain: chainFact, verified: evidence.trust.verified, store: evidence.trust.store, error: evidence.trust.error ?? null };
  if (!evidence.trust.verified) {
    return judgement(
      { status: 'fail', outcome: 'bad' },
      [finding(context, 'untrusted', { error: evidence.trust.error ?? 'unknown' }), ...findings],
      facts,
    );
  }
  return judgement(
    { status: 'pass', outcome: 'good' },
    findings,
    facts,
    findings.length > 0 ? { status: 'fail', outcome: 'bad' } : undefined,
  );
}
