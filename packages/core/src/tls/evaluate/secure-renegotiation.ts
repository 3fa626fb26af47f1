import type { TlsEvidence } from '../types.js';
import { finding, hasPre13, judgement, notTested, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * Secure renegotiation (Internet.nl `renegotiation_secure`, NCSC 3.4.2): a server without the
 * RFC 5746 renegotiation_info extension at TLS 1.2 or below fails (`bad`). TLS 1.3 has no
 * renegotiation, so a TLS 1.3-only server counts as secure (`good`). Evidence that lacks the
 * observation although older versions are supported is `not-tested`.
 */
export function evaluateTlsSecureRenegotiation(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  if (!hasPre13(evidence)) return judgement({ status: 'pass', outcome: 'good' }, [], { secureRenegotiation: 'tls-1-3-only' });
  if (evidence.secureRenegotiation === null) return notTested(context, 'secure-renegotiation-not-observed');
  if (!evidence.secureRenegotiation) {
    return judgement({ status: 'fail', outcome: 'bad' }, [finding(context, 'insecure-renegotiation')], { secureRenegotiation: false });
  }
  return judgement({ status: 'pass', outcome: 'good' }, [], { secureRenegotiation: true });
}
