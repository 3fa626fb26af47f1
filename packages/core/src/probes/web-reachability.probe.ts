import { ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import type { Subject } from '../model/subject.js';
import { webAddressesDeclaration } from './addresses.declaration.js';
import { probeTcpReachability } from './tcp-reachability.probe.js';
import {
  maxReachabilityAddresses,
  type WebReachabilityEvidence,
  webReachabilityDeclaration,
  webReachabilityPorts,
  webReachabilityTimeoutMs,
} from './web-reachability.declaration.js';

/** Tries ports 80 and 443 of one address, both at once. */
export function probeWebReachability(ip: string, context: ProbeContext): Promise<WebReachabilityEvidence> {
  return probeTcpReachability(ip, webReachabilityPorts, webReachabilityTimeoutMs, context);
}

/**
 * Implements {@link webReachabilityDeclaration}: one subject per address of `web-addresses`, IPv6
 * first. When the address lookup failed, the plan fails as `dependency`.
 */
export const webReachabilityProbe: ProbeDefinition<WebReachabilityEvidence, 'each'> = implementProbe(webReachabilityDeclaration, {
  timeoutMs: 3 * webReachabilityTimeoutMs,
  plan: async (context) => {
    const evidence = await context.evidence(webAddressesDeclaration);
    if (!evidence.ok) throw new ProbeFailure('dependency', `no addresses to connect to: ${evidence.error.message}`);
    const { name, ipv4, ipv6 } = evidence.data;
    const kept = [...ipv6.slice(0, maxReachabilityAddresses), ...ipv4.slice(0, maxReachabilityAddresses)];
    return kept.map((ip): Subject => ({ name, role: 'web', ip }));
  },
  run: (subject, context) => probeWebReachability(subject.ip ?? subject.name, context),
});
