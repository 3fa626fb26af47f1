import {
  type DaneJudgement,
  type DaneResult,
  evaluateEndpointDane,
  type Subject,
  type TlsaLookupEvidence,
  type TlsEvaluator,
} from '@pastoe/core/model';

/** A DANE subtest's judgement of one server's DANE result (`judgeDaneExists`, `judgeDaneValid`). */
type DaneJudge = (checkId: string, result: DaneResult, subject?: Subject) => DaneJudgement;

/**
 * A per-address evaluator for a DANE subtest of the website: the domain's TLSA records for
 * `_443._tcp` (DNSSEC-validated) against the chain each address sent, as Internet.nl's `dane()`
 * does per server. An address without a TLS handshake is not tested.
 */
export function daneEvaluator(tlsa: TlsaLookupEvidence, judge: DaneJudge): TlsEvaluator {
  return (evidence, context) => {
    const result = evaluateEndpointDane(evidence, tlsa, 'web', context.now);
    if (result === undefined) {
      return {
        status: 'not-tested',
        outcome: 'not-tested',
        findings: [
          {
            id: `${context.checkId}.not-tested`,
            params: { reason: 'unreachable' },
            ...(context.subject ? { subject: context.subject } : {}),
          },
        ],
        facts: {},
      };
    }
    const judged = judge(context.checkId, result, context.subject);
    return { ...judged, facts: { ...judged.facts, tlsaName: tlsa.name, dnssec: tlsa.dnssec } };
  };
}
