import { queryServer } from '../dns/resolver/single-server.js';
import { ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import type { Subject } from '../model/subject.js';
import { nameServersDeclaration } from './name-servers.declaration.js';
import {
  type NameServerReachabilityEvidence,
  nameServerQueryTimeoutMs,
  nameServerReachabilityDeclaration,
} from './name-server-reachability.declaration.js';

/** Asks `ip` port 53 for the NS records of the tested domain, with CD set, and notes whether it answered. */
export async function probeNameServerReachability(ip: string, context: ProbeContext): Promise<NameServerReachabilityEvidence> {
  const result = await queryServer(
    { name: context.target.domain, type: 'NS', checkingDisabled: true },
    { ip, port: 53, network: context.transports.network, timeoutMs: nameServerQueryTimeoutMs, signal: context.signal },
  );
  const family = ip.includes(':') ? 6 : 4;
  if (result.ok) return { ip, family, reachable: true, rcode: result.message.rcode };
  if (context.signal.aborted) throw new ProbeFailure('aborted', `DNS query to ${ip} aborted`);
  return { ip, family, reachable: false, error: { code: result.error.code, message: result.error.message.slice(0, 200) } };
}

/**
 * Implements {@link nameServerReachabilityDeclaration}: one subject per address of each name
 * server of `name-servers` (IPv6 first), port 53. When the name server lookup failed, the plan
 * fails as `dependency`.
 */
export const nameServerReachabilityProbe: ProbeDefinition<NameServerReachabilityEvidence, 'each'> = implementProbe(
  nameServerReachabilityDeclaration,
  {
    timeoutMs: 2 * nameServerQueryTimeoutMs,
    uses: [nameServersDeclaration],
    plan: async (context) => {
      const evidence = await context.evidence(nameServersDeclaration);
      if (!evidence.ok) throw new ProbeFailure('dependency', `no name servers to ask: ${evidence.error.message}`);
      return evidence.data.nameServers.flatMap(({ name, ipv4, ipv6 }) =>
        [...ipv6, ...ipv4].map((ip): Subject => ({ name, role: 'ns', ip, port: 53 })),
      );
    },
    run: (subject, context) => probeNameServerReachability(subject.ip ?? subject.name, context),
  },
);
