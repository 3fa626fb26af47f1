import { declareProbe } from '../model/probe-declaration.js';

/**
 * Whether one name server address answers DNS: any response counts, whatever its rcode; only a
 * timeout or a socket error counts as unreachable (Internet.nl's `dns_check_ns_connectivity`).
 */
export interface NameServerReachabilityEvidence {
  /** The address asked. */
  readonly ip: string;
  /** Its family. */
  readonly family: 4 | 6;
  /** Whether a DNS response came back. */
  readonly reachable: boolean;
  /** The response code, when one came back. */
  readonly rcode?: string;
  /** Why none came back: the DNS error code (`timeout`, `network`, `forbidden-address`, …) and reason. */
  readonly error?: { readonly code: string; readonly message: string };
}

/** How long the query to one name server address may take (UDP and a TCP retry after truncation): 5 s, as Internet.nl. */
export const nameServerQueryTimeoutMs = 5_000;

/**
 * A DNS query (the tested domain, type NS, CD set; UDP with TCP after truncation; 5 s) to port 53
 * of every address of every name server of the domain (from `name-servers`), one subject each.
 */
export const nameServerReachabilityDeclaration = declareProbe<NameServerReachabilityEvidence>({
  id: 'name-server-reachability',
  description: 'Asks every name server address of the domain over DNS whether it answers',
  scope: 'each',
  needs: ['dns', 'ipv6'],
});
