import { describe, expect, it } from 'vitest';
import { averagedMailServerPoints, averagedNameServerPoints, hostReachPoints, summariseHostReach } from './reach.js';

const host = (name: string, addresses: Record<string, number[]>) =>
  summariseHostReach(
    name,
    Object.entries(addresses).map(([ip, openPorts]) => ({ ip, openPorts })),
  );

describe('IPv6 reachability points (Internet.nl get_domain_results and do_ns)', () => {
  it('sums up a host by family and finds ports open on IPv4 only', () => {
    const summary = host('www', { '192.0.2.1': [80, 443], '2001:db8::1': [80], '2001:db8::2': [] });
    expect(summary).toEqual({
      name: 'www',
      ipv4Reachable: ['192.0.2.1'],
      ipv4Unreachable: [],
      ipv6Reachable: ['2001:db8::1'],
      ipv6Unreachable: ['2001:db8::2'],
      portsOnlyOnIpv4: [443],
    });
    expect(hostReachPoints(summary)).toBe(2);
  });

  it('gives 10, 2 or 0 per host', () => {
    expect(hostReachPoints(host('a', { '2001:db8::1': [53] }))).toBe(10);
    expect(hostReachPoints(host('a', { '192.0.2.1': [53], '2001:db8::1': [] }))).toBe(0);
    expect(hostReachPoints(host('a', { '192.0.2.1': [53] }))).toBe(0);
  });

  it('averages name servers with truncation, caps one at 5, and leaves IPv4-only ones out when two have IPv6', () => {
    const good = (n: string) => host(n, { '2001:db8::1': [53] });
    expect(averagedNameServerPoints([good('a')])).toBe(5);
    expect(averagedNameServerPoints([good('a'), good('b'), host('c', { '2001:db8::3': [] })])).toBe(6);
    expect(averagedNameServerPoints([good('a'), good('b'), host('c', { '192.0.2.3': [53] })])).toBe(10);
    expect(averagedNameServerPoints([good('a'), host('c', { '192.0.2.3': [53] })])).toBe(5);
    expect(averagedNameServerPoints([])).toBe(0);
  });

  it('averages mail servers over every MX host with truncation, without a cap for one host', () => {
    const good = (n: string) => host(n, { '2001:db8::25': [25], '192.0.2.25': [25] });
    const partial = (n: string) => host(n, { '2001:db8::25': [], '2001:db8::26': [25] });
    const ipv4Only = (n: string) => host(n, { '192.0.2.25': [25] });
    expect(averagedMailServerPoints([good('a')])).toBe(10);
    expect(averagedMailServerPoints([good('a'), partial('b'), ipv4Only('c')])).toBe(4);
    expect(averagedMailServerPoints([good('a'), ipv4Only('c')])).toBe(5);
    expect(averagedMailServerPoints([])).toBe(0);
  });
});
