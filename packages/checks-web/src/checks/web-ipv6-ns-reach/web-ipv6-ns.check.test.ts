import { evaluate, policies, score } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { type Ipv6Fixture, ipv6Bundle } from '../test-support/ipv6-bundle.js';
import { webIpv6NsAddress } from '../web-ipv6-ns-address/web-ipv6-ns-address.check.js';
import { webIpv6NsReach } from './web-ipv6-ns-reach.check.js';

function judge(fixture: Ipv6Fixture) {
  const [address, reach] = evaluate([webIpv6NsAddress, webIpv6NsReach], ipv6Bundle(fixture));
  return { address, reach };
}

const dual = (v6: boolean) => ({ '192.0.2.53': true, '2001:db8::53': v6 });

describe('web_ipv6_ns_address and web_ipv6_ns_reach from evidence', () => {
  it('two name servers with reachable IPv6 pass both, 10 points', () => {
    const { address, reach } = judge({ nameServers: { 'ns1.example.test': dual(true), 'ns2.example.test': dual(true) } });
    expect([address?.status, address?.outcome, reach?.status, reach?.outcome, reach?.score]).toEqual(['pass', 'good', 'pass', 'good', 1]);
    expect(address?.facts).toMatchObject({ withIpv6: ['ns1.example.test', 'ns2.example.test'] });
  });

  it('only one name server with IPv6 is "other"; the other name server counts 0, so 5 points', () => {
    const { address, reach } = judge({
      nameServers: { 'ns1.example.test': dual(true), 'ns2.example.test': { '192.0.2.54': true } },
    });
    expect([address?.status, address?.outcome]).toEqual(['fail', 'other']);
    expect([reach?.status, reach?.outcome, reach?.score]).toEqual(['pass', 'good', 0.5]);
  });

  it('a single name server is capped at 5 points', () => {
    const { address, reach } = judge({ nameServers: { 'ns1.example.test': dual(true) } });
    expect([address?.outcome, reach?.outcome, reach?.score]).toEqual(['other', 'good', 0.5]);
  });

  it('no name server with IPv6 fails the address test and leaves reach not tested at 0 points', () => {
    const { address, reach } = judge({ nameServers: { 'ns1.example.test': { '192.0.2.53': true }, 'ns2.example.test': {} } });
    expect([address?.status, address?.outcome]).toEqual(['fail', 'bad']);
    expect([reach?.status, reach?.outcome]).toEqual(['not-tested', 'not-tested']);
    expect(reach?.findings[0]?.id).toBe('web-ipv6-ns-reach.no-ipv6');
  });

  it('no name servers at all is "bad"', () => {
    const { address } = judge({});
    expect([address?.outcome, address?.findings[0]?.id]).toEqual(['bad', 'web-ipv6-ns-address.no-name-servers']);
  });

  it('an IPv6 address that does not answer fails reach and names it; IPv4-only name servers leave the average', () => {
    const { reach } = judge({
      nameServers: {
        'ns1.example.test': dual(true),
        'ns2.example.test': { '2001:db8::54': false, '2001:db8::55': true },
        'ns3.example.test': { '192.0.2.55': true },
      },
    });
    // (10 + 2) / 2 = 6: ns3 has no IPv6 and is left out because two others have it.
    expect([reach?.status, reach?.outcome, reach?.score]).toEqual(['fail', 'bad', 0.6]);
    expect(reach?.findings).toEqual([
      { id: 'web-ipv6-ns-reach.unreachable', params: { nameServer: 'ns2.example.test', addresses: '2001:db8::54' } },
    ]);
  });

  it('a name server whose only IPv6 address is silent earns 0; the average is truncated', () => {
    const { reach } = judge({
      nameServers: { 'a.example.test': dual(true), 'b.example.test': dual(true), 'c.example.test': dual(false) },
    });
    // (10 + 10 + 0) / 3 = 6.67, truncated to 6.
    expect([reach?.outcome, reach?.score]).toEqual(['bad', 0.6]);
  });

  it('feeds the web_ipv6 category: reach score counts 10 of its points', () => {
    const verdicts = evaluate([webIpv6NsAddress, webIpv6NsReach], ipv6Bundle({ nameServers: { 'ns1.example.test': dual(true) } }));
    const category = score({ verdicts }, policies.internetnlWeb).suites[0]?.categories.find((c) => c.id === 'web_ipv6');
    expect(category?.tests.find((t) => t.name === 'web_ipv6_ns_reach')?.points).toBe(5);
  });
});
