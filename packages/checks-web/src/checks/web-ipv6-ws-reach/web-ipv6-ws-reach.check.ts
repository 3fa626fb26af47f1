import { defineCheck, hostReachPoints, webAddressesDeclaration, webReachabilityDeclaration } from '@pastoe/core/model';
import { webHostReach } from '../web-connectivity.js';

/**
 * Every IPv6 address of the website accepts connections on port 80 or 443 (Internet.nl
 * `web_ipv6_ws_reach`), with Internet.nl's `web_score` as `score`: 10 points when every IPv6
 * address answered and every port open on IPv4 is open on IPv6, 2 when partly, 0 when no IPv6
 * address answered. Without an AAAA record it is not tested (0 points, as Internet.nl).
 */
export const webIpv6WsReach = defineCheck({
  id: 'web-ipv6-ws-reach',
  standard: 'ipv6',
  internetnl: 'web_ipv6_ws_reach',
  references: [{ kind: 'forum-standaardisatie', id: 'IPv6 en IPv4' }],
  probes: { addresses: webAddressesDeclaration, reach: webReachabilityDeclaration },
  evaluate: ({ addresses, reach }) => {
    const host = webHostReach(addresses.data, reach);
    const points = hostReachPoints(host);
    const facts = {
      points,
      ipv6Reachable: [...host.ipv6Reachable],
      ipv6Unreachable: [...host.ipv6Unreachable],
      ipv4Reachable: [...host.ipv4Reachable],
      ipv4Unreachable: [...host.ipv4Unreachable],
      portsOnlyOnIpv4: [...host.portsOnlyOnIpv4],
    };
    if (addresses.data.ipv6.length === 0) {
      return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: 'web-ipv6-ws-reach.no-ipv6' }], facts, score: 0 };
    }
    const findings = [
      ...host.ipv6Unreachable.map((ip) => ({ id: 'web-ipv6-ws-reach.unreachable', params: { address: ip } })),
      ...host.portsOnlyOnIpv4.map((port) => ({ id: 'web-ipv6-ws-reach.port-only-on-ipv4', params: { port } })),
    ];
    if (host.ipv6Unreachable.length > 0) return { status: 'fail', outcome: 'bad', findings, facts, score: points / 10 };
    return {
      status: 'pass',
      outcome: 'good',
      findings: findings.length > 0 ? findings : [{ id: 'web-ipv6-ws-reach.good' }],
      facts,
      score: points / 10,
    };
  },
});
