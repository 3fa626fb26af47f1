import type { TlsEvidence } from '../types.js';
import { finding, judgement, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * Extended Master Secret (Internet.nl `extended_master_secret`, RFC 7627, NCSC 4.1), read from
 * the TLS 1.2 handshake: used is `good`, not used is `bad`. Without TLS 1.2 the outcome is
 * `na-no-tls-1-2` with status `not-applicable` (Internet.nl: not tested, not mandatory, #2068).
 * A server with TLS 1.2 whose handshake gave no answer is `unknown` (not tested), which
 * Internet.nl counts as a failure in the status.
 */
export function evaluateTlsExtendedMasterSecret(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const tls12 = evidence.versions.some((v) => v.version === 'TLSv1.2' && v.supported === true);
  if (!tls12) {
    return judgement({ status: 'not-applicable', outcome: 'na-no-tls-1-2' }, [finding(context, 'no-tls-1-2')], {
      extendedMasterSecret: null,
    });
  }
  if (evidence.extendedMasterSecret === null) {
    return judgement({ status: 'not-tested', outcome: 'unknown' }, [finding(context, 'ems-unknown')], { extendedMasterSecret: null });
  }
  if (!evidence.extendedMasterSecret) {
    return judgement({ status: 'fail', outcome: 'bad' }, [finding(context, 'no-ems')], { extendedMasterSecret: false });
  }
  return judgement({ status: 'pass', outcome: 'good' }, [], { extendedMasterSecret: true });
}
