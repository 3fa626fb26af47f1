import { type Evidence, nameServerAddressEvidence, type NameServerRouteOriginEvidence, type RouteOriginEvidence } from '@pastoe/core/model';

/**
 * The route origin evidence of the name servers of every MX host's zone as one piece of evidence
 * per address: MX hosts in one zone share its name servers, so each address counts once (its
 * first appearance). A failed run stays a failure.
 */
export function mxNameServerAddressEvidence(evidence: readonly Evidence<NameServerRouteOriginEvidence>[]): Evidence<RouteOriginEvidence>[] {
  const seen = new Set<string>();
  return evidence.flatMap(nameServerAddressEvidence).filter((item) => {
    if (!item.ok) return true;
    if (seen.has(item.data.address)) return false;
    seen.add(item.data.address);
    return true;
  });
}
