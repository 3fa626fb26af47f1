import { defineCheck, webAddressesDeclaration } from '@pastoe/core/model';

/** The domain has an IPv6 address for its website: an AAAA record (Internet.nl `web_ipv6_ws_address`). */
export const webIpv6WsAddress = defineCheck({
  id: 'web-ipv6-ws-address',
  standard: 'ipv6',
  internetnl: 'web_ipv6_ws_address',
  references: [{ kind: 'forum-standaardisatie', id: 'IPv6 en IPv4' }],
  probes: { addresses: webAddressesDeclaration },
  evaluate: ({ addresses }) => {
    const { ipv4, ipv6, ipv4Mapped } = addresses.data;
    const facts = { ipv6: [...ipv6], ipv4: [...ipv4], ...(ipv4Mapped === undefined ? {} : { ipv4Mapped: [...ipv4Mapped] }) };
    if (ipv6.length > 0) return { status: 'pass', outcome: 'good', findings: [{ id: 'web-ipv6-ws-address.good' }], facts };
    // An AAAA answer with IPv4-mapped addresses only is no IPv6 address (Internet.nl #146).
    const finding = ipv4Mapped === undefined ? 'web-ipv6-ws-address.none' : 'web-ipv6-ws-address.ipv4-mapped-only';
    return { status: 'fail', outcome: 'bad', findings: [{ id: finding }], facts };
  },
});
