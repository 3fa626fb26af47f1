/**
 * IPv6 reachability of one host (a name server, a web server, a mail server) as Internet.nl's
 * `ipv6.get_domain_results` sums it up, and the points it earns. Pure code.
 */
import type { Subject } from '../model/subject.js';
import type { SubjectResult } from '../model/verdict.js';

/** What the connection tests found for one host, by family (Internet.nl's `v4_good`, `v6_bad`, …). */
export interface HostReach {
  /** The host name. */
  readonly name: string;
  /** IPv4 addresses that answered on some port. */
  readonly ipv4Reachable: readonly string[];
  /** IPv4 addresses that answered on no port. */
  readonly ipv4Unreachable: readonly string[];
  /** IPv6 addresses that answered on some port. */
  readonly ipv6Reachable: readonly string[];
  /** IPv6 addresses that answered on no port. */
  readonly ipv6Unreachable: readonly string[];
  /** Ports that answered on some IPv4 address but on no IPv6 address (`v6_conn_diff`). */
  readonly portsOnlyOnIpv4: readonly number[];
}

/**
 * One host's row in an IPv6 reachability verdict: `fail`/`bad` when some IPv6 address did not
 * answer, with its points and its addresses by family and result as facts.
 */
export function hostReachSubject(host: HostReach, role: Subject['role']): SubjectResult {
  const unreachable = host.ipv6Unreachable.length > 0;
  return {
    subject: { name: host.name, role },
    status: unreachable ? 'fail' : 'pass',
    outcome: unreachable ? 'bad' : 'good',
    facts: {
      points: hostReachPoints(host),
      ipv6Reachable: [...host.ipv6Reachable],
      ipv6Unreachable: [...host.ipv6Unreachable],
      ipv4Reachable: [...host.ipv4Reachable],
      ipv4Unreachable: [...host.ipv4Unreachable],
      portsOnlyOnIpv4: [...host.portsOnlyOnIpv4],
    },
  };
}

/** Whether the host has any IPv6 address. */
export function hasIpv6(host: HostReach): boolean {
  return host.ipv6Reachable.length + host.ipv6Unreachable.length > 0;
}

/** Whether the host has any IPv4 address. */
export function hasIpv4(host: HostReach): boolean {
  return host.ipv4Reachable.length + host.ipv4Unreachable.length > 0;
}

/**
 * A host's IPv6 connectivity points (0–10): 10 when every IPv6 address answered and every port
 * that answered on IPv4 also answered on IPv6; 2 when some IPv6 address did not answer or a port
 * answered on IPv4 only; 0 when no IPv6 address answered (or there is none).
 */
export function hostReachPoints(host: HostReach): 0 | 2 | 10 {
  if (host.ipv6Reachable.length === 0) return 0;
  if (host.ipv6Unreachable.length > 0 || host.portsOnlyOnIpv4.length > 0) return 2;
  return 10;
}

/**
 * Internet.nl's `ns_score` (0–10, an integer): the hosts' points averaged, truncated. With two or
 * more hosts having IPv6, hosts without IPv6 are left out of the average; when only one host
 * counts, the score is at most 5.
 */
export function averagedNameServerPoints(hosts: readonly HostReach[]): number {
  const sum = hosts.reduce((total, host) => total + hostReachPoints(host), 0);
  const withIpv6 = hosts.filter(hasIpv6).length;
  const counted = withIpv6 > 1 ? withIpv6 : hosts.length;
  if (counted === 0) return 0;
  if (counted === 1) return Math.trunc(Math.min(5, sum));
  return Math.trunc(sum / counted);
}

/**
 * Internet.nl's `mx_score` (0–10, an integer): the mail servers' points averaged over every MX
 * host tested (those without IPv6 count with 0), truncated; 0 without hosts. Unlike
 * {@link averagedNameServerPoints} there is no cap for a single host.
 */
export function averagedMailServerPoints(hosts: readonly HostReach[]): number {
  if (hosts.length === 0) return 0;
  return Math.trunc(hosts.reduce((total, host) => total + hostReachPoints(host), 0) / hosts.length);
}

/** One address's connection test: the address and the ports that answered on it. */
export interface AddressReach {
  /** The address. */
  readonly ip: string;
  /** The ports that answered. */
  readonly openPorts: readonly number[];
}

/** Sums up the connection tests of one host's addresses as {@link HostReach}. */
export function summariseHostReach(name: string, addresses: readonly AddressReach[]): HostReach {
  const v6 = addresses.filter((a) => a.ip.includes(':'));
  const v4 = addresses.filter((a) => !a.ip.includes(':'));
  const open = (list: readonly AddressReach[]): Set<number> => new Set(list.flatMap((a) => a.openPorts));
  const v6Ports = open(v6);
  return {
    name,
    ipv4Reachable: v4.filter((a) => a.openPorts.length > 0).map((a) => a.ip),
    ipv4Unreachable: v4.filter((a) => a.openPorts.length === 0).map((a) => a.ip),
    ipv6Reachable: v6.filter((a) => a.openPorts.length > 0).map((a) => a.ip),
    ipv6Unreachable: v6.filter((a) => a.openPorts.length === 0).map((a) => a.ip),
    portsOnlyOnIpv4: [...open(v4)].filter((port) => !v6Ports.has(port)).sort((x, y) => x - y),
  };
}
