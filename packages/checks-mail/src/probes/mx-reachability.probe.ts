import {
  implementProbe,
  maxReachabilityAddresses,
  type ProbeDefinition,
  ProbeFailure,
  probeTcpReachability,
  type Subject,
  type TcpReachabilityEvidence,
} from '@pastoe/core';
import { mxAddressesDeclaration } from './mx-addresses.declaration.js';
import { mxReachabilityDeclaration, mxReachabilityPort, mxReachabilityTimeoutMs } from './mx-reachability.declaration.js';

/**
 * Implements {@link mxReachabilityDeclaration} with core's TCP connection test: one subject per
 * address of each MX host, IPv6 first. When an MX host's address lookup failed, the plan fails as
 * `dependency`.
 */
export const mxReachabilityProbe: ProbeDefinition<TcpReachabilityEvidence, 'each'> = implementProbe(mxReachabilityDeclaration, {
  timeoutMs: 2 * mxReachabilityTimeoutMs,
  async plan(context) {
    const hosts = await context.evidenceList(mxAddressesDeclaration);
    return hosts.flatMap((host): Subject[] => {
      if (!host.ok) throw new ProbeFailure('dependency', `no addresses of ${host.subject.name} to connect to: ${host.error.message}`);
      const { name, ipv4, ipv6 } = host.data;
      const kept = [...ipv6.slice(0, maxReachabilityAddresses), ...ipv4.slice(0, maxReachabilityAddresses)];
      return kept.map((ip) => ({ name, role: 'mx', ip, port: mxReachabilityPort }));
    });
  },
  run: (subject, context) => probeTcpReachability(subject.ip ?? subject.name, [mxReachabilityPort], mxReachabilityTimeoutMs, context),
});
