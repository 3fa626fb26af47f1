import type { TlsaLookupEvidence } from '../probes/dane-web.declaration.js';
import { selectChains } from '../tls/evaluate/certificates.js';
import type { TlsEvidence } from '../tls/types.js';
import { type DaneResult, evaluateDane } from './evaluate.js';

/**
 * DANE for one TLS endpoint as Internet.nl's `dane()` judges each server: the TLSA lookup of the
 * service against the chain the scan took as primary (see `selectChains`), with the PKIX
 * verification for usages 0 and 1. `undefined` when the endpoint gave no TLS handshake at all
 * (unreachable, no STARTTLS, no version): then there is nothing to judge DANE against.
 */
export function evaluateEndpointDane(
  evidence: TlsEvidence,
  tlsa: TlsaLookupEvidence,
  service: 'web' | 'mail',
  now: Date,
): DaneResult | undefined {
  if (!evidence.reachable || !evidence.versions.some((version) => version.supported === true)) return undefined;
  const observation = selectChains(evidence).primary?.observation;
  return evaluateDane({
    service,
    tlsa: { records: tlsa.records, dnssec: tlsa.dnssec },
    denialBogus: tlsa.denialBogus,
    chain: observation?.certificates ?? [],
    ...(observation?.signedBy === undefined ? {} : { signedBy: observation.signedBy }),
    pkixValid: evidence.trust?.verified === true,
    now,
  });
}
