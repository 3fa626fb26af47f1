import {
  implementProbe,
  maxReachabilityAddresses,
  type ProbeDefinition,
  type PortReachability,
  ProbeFailure,
  probeTcpReachability,
  type ReachabilitySharing,
  type Subject,
  type TcpReachabilityEvidence,
} from '@pastoe/core';
import { mxAddressesDeclaration } from './mx-addresses.declaration.js';
import { mxReachabilityDeclaration, mxReachabilityPort, mxReachabilityTimeoutMs } from './mx-reachability.declaration.js';

/**
 * Which port-25 results serve the other scans of a bulk run, and how long: as long as a TLS scan
 * of the same server (ten minutes), so that the two views of a hosted MX agree, and a time-out too,
 * so that a dead hosted MX costs one time-out per run rather than one per domain.
 */
const mxReachabilitySharing: ReachabilitySharing = Object.freeze({
  ttlMs: 10 * 60_000,
  keep: new Set<PortReachability>(['open', 'refused', 'timeout', 'unreachable']),
});

/**
 * Implements {@link mxReachabilityDeclaration} with core's TCP connection test: one subject per
 * address of each MX host, IPv6 first, each address tested once per run (the scan caches
 * keep its result; see `mxReachabilitySharing`). When an MX host's address lookup failed, the plan fails as
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
  run: (subject, context) =>
    probeTcpReachability(subject.ip ?? subject.name, [mxReachabilityPort], mxReachabilityTimeoutMs, context, mxReachabilitySharing),
});
