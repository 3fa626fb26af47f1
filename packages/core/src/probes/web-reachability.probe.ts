import { ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import type { Subject } from '../model/subject.js';
import { webAddressesDeclaration } from './addresses.declaration.js';
import {
  maxReachabilityAddresses,
  type PortAttempt,
  type PortReachability,
  type WebReachabilityEvidence,
  webReachabilityDeclaration,
  webReachabilityPorts,
  webReachabilityTimeoutMs,
} from './web-reachability.declaration.js';

const knownResults: ReadonlySet<string> = new Set<PortReachability>(['refused', 'timeout', 'unreachable', 'forbidden-address']);

/** Opens and at once closes a TCP connection to `ip`:`port`, and says what came of it. */
async function attemptPort(ip: string, port: number, context: ProbeContext): Promise<PortAttempt> {
  try {
    const connection = await context.transports.network.connect({ ip, port, timeoutMs: webReachabilityTimeoutMs, signal: context.signal });
    connection.close();
    return { port, result: 'open' };
  } catch (caught) {
    if (context.signal.aborted) throw caught;
    const code = caught instanceof ProbeFailure ? caught.code : 'error';
    const message = caught instanceof Error ? caught.message.slice(0, 200) : String(caught).slice(0, 200);
    return { port, result: knownResults.has(code) ? (code as PortReachability) : 'error', message };
  }
}

/** Tries ports 80 and 443 of one address, both at once. */
export async function probeWebReachability(ip: string, context: ProbeContext): Promise<WebReachabilityEvidence> {
  const ports = await Promise.all(webReachabilityPorts.map((port) => attemptPort(ip, port, context)));
  return { ip, family: ip.includes(':') ? 6 : 4, ports };
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
