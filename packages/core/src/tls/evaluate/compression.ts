import type { TlsEvidence } from '../types.js';
import { finding, hasPre13, judgement, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * TLS compression (Internet.nl `tls_compression`, NCSC 3.4.1): a server that accepts DEFLATE
 * fails (`bad`). TLS 1.3 has no compression, so a TLS 1.3-only server is `good`. When the probe
 * gave no answer, Internet.nl scores `good` (its code treats a missing result as no
 * compression); pastoe does the same and adds a finding saying it was not tested.
 */
export function evaluateTlsCompression(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  if (evidence.compression === true) {
    return judgement({ status: 'fail', outcome: 'bad' }, [finding(context, 'compression')], { compression: true });
  }
  if (evidence.compression === null && hasPre13(evidence)) {
    return judgement({ status: 'pass', outcome: 'good' }, [finding(context, 'compression-not-tested', {}, true)], { compression: null });
  }
  return judgement({ status: 'pass', outcome: 'good' }, [], { compression: false });
}
