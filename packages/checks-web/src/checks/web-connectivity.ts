import {
  type AddressEvidence,
  type EvidenceSuccess,
  type HostReach,
  summariseHostReach,
  type WebReachabilityEvidence,
} from '@pastoe/core/model';

/**
 * The web server's connection tests summed up per family (Internet.nl's `get_domain_results` for
 * the domain): every address of `web-addresses`, each reachable when port 80 or 443 opened. An
 * address without reachability evidence counts as unreachable.
 */
export function webHostReach(addresses: AddressEvidence, reach: readonly EvidenceSuccess<WebReachabilityEvidence>[]): HostReach {
  return summariseHostReach(
    addresses.name,
    [...addresses.ipv6, ...addresses.ipv4].map((ip) => ({
      ip,
      openPorts: (reach.find((item) => item.data.ip === ip)?.data.ports ?? []).filter((p) => p.result === 'open').map((p) => p.port),
    })),
  );
}
