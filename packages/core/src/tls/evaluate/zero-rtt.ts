import type { Finding } from '../../model/finding.js';
import type { TlsEvidence } from '../types.js';
import { finding, judgement, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * 0-RTT (Internet.nl `zero_rtt`, NCSC 3.4.4). Web: a server that accepts early data on a
 * resumed TLS 1.3 session and does not answer the early request with HTTP 425 (Too Early,
 * RFC 8470) fails (`bad`); anything else is `good`, a server without TLS 1.3
 * included (Internet.nl v1.11 does not use `na` for web). Mail: always `na` (pass), because
 * Internet.nl's early-data probe sends HTTP and was disabled for SMTP (#2055).
 *
 * pastoe adds, beside the verdict, a finding when the ticket advertises early data but the
 * acceptance test did not run, and when it did not run at all.
 */
export function evaluateTlsZeroRtt(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const observation = evidence.zeroRtt;
  const facts = {
    maxEarlyData: observation?.maxEarlyData ?? null,
    accepted: observation?.accepted ?? null,
    httpStatus: observation?.httpStatus ?? null,
  };
  // RFC 8470: a server that takes the early data but answers 425 defers the request; that is safe.
  const deferred = observation?.accepted === true && observation.httpStatus === 425;
  const findings: Finding[] = [];
  if (observation !== undefined && (observation.maxEarlyData ?? 0) > 0 && observation.accepted !== true) {
    findings.push(finding(context, 'early-data-advertised', { maxEarlyData: observation.maxEarlyData ?? 0 }, true));
  }
  if (context.service === 'mail') {
    if (observation?.accepted !== true) return judgement({ status: 'pass', outcome: 'na' }, findings, facts);
    // Internet.nl never tests mail; pastoe judges early data it saw accepted all the same.
    return judgement({ status: 'pass', outcome: 'na' }, [...findings, finding(context, 'early-data-accepted', {}, true)], facts, {
      status: 'fail',
      outcome: 'bad',
    });
  }
  const tls13 = evidence.versions.some((v) => v.version === 'TLSv1.3' && v.supported === true);
  if (tls13 && deferred) {
    return judgement({ status: 'pass', outcome: 'good' }, [...findings, finding(context, 'early-data-deferred', {}, true)], facts);
  }
  if (tls13 && observation?.accepted === true) {
    return judgement({ status: 'fail', outcome: 'bad' }, [...findings, finding(context, 'early-data-accepted')], facts);
  }
  if (tls13 && (observation === undefined || observation.accepted === null))
    findings.push(finding(context, 'zero-rtt-not-tested', {}, true));
  return judgement({ status: 'pass', outcome: 'good' }, findings, facts);
}
