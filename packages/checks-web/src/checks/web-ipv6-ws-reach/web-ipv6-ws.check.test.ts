import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { type Ipv6Fixture, ipv6Bundle } from '../test-support/ipv6-bundle.js';
import { webIpv6WsAddress } from '../web-ipv6-ws-address/web-ipv6-ws-address.check.js';
import { webIpv6WsReach } from './web-ipv6-ws-reach.check.js';

function judge(fixture: Ipv6Fixture) {
  const [address, reach] = evaluate([webIpv6WsAddress, webIpv6WsReach], ipv6Bundle(fixture));
  return { address, reach };
}

describe('web_ipv6_ws_address and web_ipv6_ws_reach from evidence', () => {
  it('a reachable AAAA passes both with 10 points', () => {
    const { address, reach } = judge({ web: { '192.0.2.1': [80, 443], '2001:db8::1': [80, 443] } });
    expect([address?.status, address?.outcome, reach?.status, reach?.outcome, reach?.score]).toEqual(['pass', 'good', 'pass', 'good', 1]);
  });

  it('no AAAA fails the address test and leaves reach not tested at 0 points', () => {
    const { address, reach } = judge({ web: { '192.0.2.1': [80, 443] } });
    expect([address?.status, address?.outcome]).toEqual(['fail', 'bad']);
    expect([reach?.status, reach?.outcome, reach?.score]).toEqual(['not-tested', 'not-tested', 0]);
  });

  it('an AAAA holding only an IPv4-mapped address is no IPv6 address', () => {
    const bundle = ipv6Bundle({ web: { '192.0.2.1': [80] } });
    const evidence = bundle.evidence.map((item) =>
      item.probe === 'web-addresses' && item.ok ? { ...item, data: { ...(item.data as object), ipv4Mapped: ['::ffff:192.0.2.1'] } } : item,
    );
    const [address] = evaluate([webIpv6WsAddress], { ...bundle, evidence });
    expect([address?.outcome, address?.findings[0]?.id]).toEqual(['bad', 'web-ipv6-ws-address.ipv4-mapped-only']);
  });

  it('an IPv6 address that answers on no port fails reach with 0 points when it is the only one', () => {
    const { address, reach } = judge({ web: { '192.0.2.1': [80, 443], '2001:db8::1': [] } });
    expect([address?.outcome, reach?.status, reach?.outcome, reach?.score]).toEqual(['good', 'fail', 'bad', 0]);
    expect(reach?.findings[0]).toEqual({ id: 'web-ipv6-ws-reach.unreachable', params: { address: '2001:db8::1' } });
  });

  it('one of two IPv6 addresses unreachable fails reach with 2 points', () => {
    const { reach } = judge({ web: { '192.0.2.1': [80, 443], '2001:db8::1': [80, 443], '2001:db8::2': [] } });
    expect([reach?.outcome, reach?.score]).toEqual(['bad', 0.2]);
  });

  it('a port open on IPv4 but not on IPv6 passes reach with 2 points', () => {
    const { reach } = judge({ web: { '192.0.2.1': [80, 443], '2001:db8::1': [80] } });
    expect([reach?.status, reach?.outcome, reach?.score]).toEqual(['pass', 'good', 0.2]);
    expect(reach?.findings[0]).toEqual({ id: 'web-ipv6-ws-reach.port-only-on-ipv4', params: { port: 443 } });
  });

  it('an IPv6-only site passes both', () => {
    const { address, reach } = judge({ web: { '2001:db8::1': [443] } });
    expect([address?.outcome, reach?.outcome, reach?.score]).toEqual(['good', 'good', 1]);
  });
});
