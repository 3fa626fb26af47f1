import { type DaneJudgement, type DaneResult, evaluateDane, selectChains, type Subject, type TlsaLookupEvidence } from '@pastoe/core/model';
import type { TlsEvaluator } from './per-web-address.js';

/** A DANE subtest's judgement of one server's DANE result (`judgeDaneExists`, `judgeDaneValid`). */
type DaneJudge = (checkId: string, result: DaneResult, subject?: Subject) => DaneJudgement;

/**
 * A per-address evaluator for a DANE subtest of the website: the domain's TLSA records for
 * `_443._tcp` (DNSSEC-validated) against the chain each address sent, as Internet.nl's `dane()`
 * does per server. An address without a TLS handshake is not tested.
 */
export function daneEvaluator(tlsa: TlsaLookupEvidence, judge: DaneJudge): TlsEvaluator {
  return (evidence, context) => {
    if (!evidence.reachable || !evidence.versions.some((version) => version.supported === true)) {
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
    const observation = selectChains(evidence).primary?.observation;
    const chain = observation?.certificates ?? [];
    const result = evaluateDane({
      service: 'web',
      tlsa: { records: tlsa.records, dnssec: tlsa.dnssec },
      denialBogus: tlsa.denialBogus,
      chain,
      ...(observation?.signedBy === undefined ? {} : { signedBy: observation.signedBy }),
      pkixValid: evidence.trust?.verified === true,
      now: context.now,
    });
    const judged = judge(context.checkId, result, context.subject);
    return { ...judged, facts: { ...judged.facts, tlsaName: tlsa.name, dnssec: tlsa.dnssec } };
  };
}
