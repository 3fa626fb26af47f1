import {
  implementProbe,
  maxReachabilityAddresses,
  type ProbeContext,
  type ProbeDefinition,
  ProbeFailure,
  probeTcpReachability,
  sharedOnce,
  type Subject,
  type TcpReachabilityEvidence,
} from '@pastoe/core';
import { mxAddressesDeclaration } from './mx-addresses.declaration.js';
import { mxReachabilityDeclaration, mxReachabilityPort, mxReachabilityTimeoutMs } from './mx-reachability.declaration.js';

/**
 * How long one address's port-25 result serves the other scans of a bulk run: as long as a TLS
 * scan of the same server (ten minutes), so that the two views of a hosted MX agree.
 */
const mxReachabilityCacheTtlMs = 10 * 60_000;

/**
 * Tests port 25 of one address, once per run: the result is kept in the scan caches under the
 * address and port, and one attempt per key runs at a time (a second scan waits, then reads the
 * first's result), so a bulk run of domains sharing a hosted MX connects to it once. A result
 * that says more about pastoe than about the server (an `error` attempt; an abort rejects) is not
 * kept.
 */
async function probeSmtpReachability(ip: string, context: ProbeContext): Promise<TcpReachabilityEvidence> {
  return sharedOnce(
    context.caches,
    `smtp-reach|${ip}|${mxReachabilityPort}`,
    {
      ttlMs: mxReachabilityCacheTtlMs,
      keep: (evidence) => !evidence.ports.some((attempt) => attempt.result === 'error'),
      signal: context.signal,
    },
    () => probeTcpReachability(ip, [mxReachabilityPort], mxReachabilityTimeoutMs, context),
  );
}

/**
 * Implements {@link mxReachabilityDeclaration} with core's TCP connection test: one subject per
 * address of each MX host, IPv6 first, each address tested once per run (see
 * `probeSmtpReachability`). When an MX host's address lookup failed, the plan fails as
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
  run: (subject, context) => probeSmtpReachability(subject.ip ?? subject.name, context),
});
