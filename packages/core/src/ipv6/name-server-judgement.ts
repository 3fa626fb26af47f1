/**
 * The name server subtests of the IPv6 tests (Internet.nl's `ns_aaaa` and `ns_reach`, the same in
 * the web and the mail test), judged from the `name-servers` and `name-server-reachability`
 * evidence. Pure code.
 */
import type { Subject } from '../model/subject.js';
import type { CheckResult, SubjectResult } from '../model/verdict.js';
import type { NameServerReachabilityEvidence } from '../probes/name-server-reachability.declaration.js';
import type { NameServerEvidence } from '../probes/name-servers.declaration.js';
import { averagedNameServerPoints, type HostReach, hasIpv6, hostReachSubject, summariseHostReach } from './reach.js';

/** One name server address's reachability evidence as a check receives it. */
export interface NameServerReachabilityItem {
  /** The name server (name) and address (ip) asked. */
  readonly subject: Subject;
  /** What came of it. */
  readonly data: NameServerReachabilityEvidence;
}

/**
 * Each name server's reachability summed up: an address counts as reachable when its DNS query
 * was answered; one without evidence counts as unreachable.
 */
export function nameServerReach(nameServers: NameServerEvidence, reach: readonly NameServerReachabilityItem[]): HostReach[] {
  return nameServers.nameServers.map(({ name, ipv4, ipv6 }) => {
    const answered = (ip: string): boolean =>
      reach.some((item) => item.subject.name === name && item.data.ip === ip && item.data.reachable);
    return summariseHostReach(
      name,
      [...ipv6, ...ipv4].map((ip) => ({ ip, openPorts: answered(ip) ? [53] : [] })),
    );
  });
}

const listFacts = (nameServers: NameServerEvidence) =>
  nameServers.nameServers.map(({ name, ipv4, ipv6, lookupError }) => ({
    name,
    ipv6: [...ipv6],
    ipv4: [...ipv4],
    ...(lookupError === undefined ? {} : { lookupError }),
  }));

/**
 * `ns_aaaa`: `pass`/`good` when two or more name servers have an IPv6 address (SIDN's requirement
 * of at least two name servers), `fail`/`other` when exactly one has, `fail`/`bad` when none has.
 *
 * @param checkId - the check's id, the prefix of its finding ids
 */
export function judgeNameServerAddresses(checkId: string, nameServers: NameServerEvidence): CheckResult {
  const withIpv6 = nameServers.nameServers.filter((ns) => ns.ipv6.length > 0).map((ns) => ns.name);
  const facts = { zone: nameServers.zone, nameServers: listFacts(nameServers), withIpv6 };
  if (nameServers.nameServers.length === 0) {
    return { status: 'fail', outcome: 'bad', findings: [{ id: `${checkId}.no-name-servers` }], facts };
  }
  if (withIpv6.length === 0) return { status: 'fail', outcome: 'bad', findings: [{ id: `${checkId}.none` }], facts };
  if (withIpv6.length === 1) {
    return {
      status: 'fail',
      outcome: 'other',
      findings: [{ id: `${checkId}.only-one`, params: { nameServer: withIpv6[0] ?? '' } }],
      facts,
    };
  }
  return { status: 'pass', outcome: 'good', findings: [{ id: `${checkId}.good`, params: { count: withIpv6.length } }], facts };
}

/**
 * `ns_reach`: `fail`/`bad` when some IPv6 address of some name server did not answer a DNS query,
 * else `pass`/`good`; `not-tested` when no name server has an IPv6 address. `score` is
 * Internet.nl's `ns_score` / 10 (see {@link averagedNameServerPoints}).
 *
 * @param checkId - the check's id, the prefix of its finding ids
 */
export function judgeNameServerReach(
  checkId: string,
  nameServers: NameServerEvidence,
  reach: readonly NameServerReachabilityItem[],
): CheckResult {
  const hosts = nameServerReach(nameServers, reach);
  const points = averagedNameServerPoints(hosts);
  const subjects: SubjectResult[] = hosts.filter(hasIpv6).map((host) => hostReachSubject(host, 'ns'));
  const facts = { points };
  if (subjects.length === 0) {
    return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${checkId}.no-ipv6` }], facts, score: 0 };
  }
  const unreachable = hosts.filter((host) => host.ipv6Unreachable.length > 0);
  if (unreachable.length > 0) {
    return {
      status: 'fail',
      outcome: 'bad',
      findings: unreachable.map((host) => ({
        id: `${checkId}.unreachable`,
        params: { nameServer: host.name, addresses: host.ipv6Unreachable.join(', ') },
      })),
      facts,
      score: points / 10,
      subjects,
    };
  }
  return { status: 'pass', outcome: 'good', findings: [{ id: `${checkId}.good` }], facts, score: points / 10, subjects };
}
