import type { TlsEvidence } from '../types.js';
import { finding, judgement, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/** NCSC 3.4.2 (2025-05): up to this many client-initiated renegotiations count as "limited". */
export const maxLimitedRenegotiations = 10;

/**
 * Client-initiated renegotiation (Internet.nl `renegotiation_client`, NCSC 3.4.2). Of up to 11
 * attempts on one connection: none accepted is `not-allowed` (pass), 1-10 is
 * `allowed-with-low-limit` (info, full points), more than 10 is `allowed-with-too-high-limit`
 * (fail, which the optional level shows as info). A TLS 1.3-only server, a test that could not
 * run and a missing observation all count as none accepted, as in Internet.nl (whose fallback
 * is a success count of 0); pastoe adds a finding when the test did not run.
 */
export function evaluateTlsClientRenegotiation(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const observation = evidence.renegotiation;
  const accepted = observation?.accepted ?? 0;
  const facts = { attempted: observation?.attempted ?? 0, accepted };
  const findings =
    observation === undefined || observation.error !== undefined
      ? [finding(context, 'renegotiation-not-tested', { reason: observation?.error ?? 'no observation' }, true)]
      : [];
  if (accepted === 0) return judgement({ status: 'pass', outcome: 'not-allowed' }, findings, facts);
  if (accepted <= maxLimitedRenegotiations) {
    return judgement(
      { status: 'info', outcome: 'allowed-with-low-limit' },
      [...findings, finding(context, 'allowed', { accepted })],
      facts,
    );
  }
  return judgement(
    { status: 'fail', outcome: 'allowed-with-too-high-limit' },
    [...findings, finding(context, 'allowed', { accepted })],
    facts,
  );
}
