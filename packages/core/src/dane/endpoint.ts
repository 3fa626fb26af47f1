import type { TlsaLookupEvidence } from '../probes/dane-web.declaration.js';
import { selectChains } from '../tls/evaluate/certificates.js';
import type { TlsEvidence } from '../tls/types.js';
import type { ParsedCertificate } from '../x509/certificate.js';
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
  const primary = selectChains(evidence).primary;
  const observation = primary?.observation;
  // The parsed certificates at the positions they were sent in, a gap where one did not parse (signedBy counts positions).
  const chain: (ParsedCertificate | undefined)[] = new Array(observation?.certificates.length ?? 0).fill(undefined);
  for (const [index, position] of (primary?.positions ?? []).entries()) chain[position] = primary?.certificates[index];
  return evaluateDane({
    service,
    tlsa: { records: tlsa.records, dnssec: tlsa.dnssec },
    denialBogus: tlsa.denialBogus,
    chain,
    ...(observation?.signedBy === undefined ? {} : { signedBy: observation.signedBy }),
    pkixValid: evidence.trust?.verified === true,
    now,
  });
}
