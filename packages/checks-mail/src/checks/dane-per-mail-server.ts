import {
  type DaneJudgement,
  type DaneResult,
  type EvidenceSuccess,
  evaluateEndpointDane,
  type Subject,
  type TlsaLookupEvidence,
} from '@pastoe/core/model';
import type { PerHostEvaluator } from './per-mail-server-tls.js';

/** A DANE subtest's judgement of one server's DANE result (`judgeDaneExists`, `judgeDaneValid`, `judgeDaneRollover`). */
type DaneJudge = (checkId: string, result: DaneResult, subject?: Subject) => DaneJudgement;

/** The TLSA evidence of one MX host, when its lookup ran. */
export function tlsaOf(host: string, tlsa: readonly EvidenceSuccess<TlsaLookupEvidence>[]): TlsaLookupEvidence | undefined {
  return tlsa.find((evidence) => evidence.subject.name === host)?.data;
}

/**
 * Per MX host, an evaluator for a DANE subtest of the mail test: the host's TLSA records at
 * `_25._tcp.<mx>` (DNSSEC-validated, PKIX usages ignored for mail) against the chain each scanned
 * address sent, as Internet.nl's `dane()` does per mail server. An address without a TLS
 * handshake is not tested.
 */
export function daneEvaluatorFor(tlsa: readonly EvidenceSuccess<TlsaLookupEvidence>[], judge: DaneJudge): PerHostEvaluator {
  return {
    forHost: (host) => (evidence, context) => {
      const lookup = tlsaOf(host, tlsa);
      const result = lookup === undefined ? undefined : evaluateEndpointDane(evidence, lookup, 'mail', context.now);
      if (lookup === undefined || result === undefined) {
        return {
          status: 'not-tested',
          outcome: 'not-tested',
          findings: [
            {
              id: `${context.checkId}.not-tested`,
              params: { reason: lookup === undefined ? 'no-tlsa-lookup' : 'unreachable' },
              ...(context.subject ? { subject: context.subject } : {}),
            },
          ],
          facts: {},
        };
      }
      const judged = judge(context.checkId, result, context.subject);
      return { ...judged, facts: { ...judged.facts, tlsaName: lookup.name, dnssec: lookup.dnssec } };
    },
  };
}
