import { defineCheck, judgeNameServerReach, nameServerReachabilityDeclaration, nameServersDeclaration } from '@pastoe/core/model';

/**
 * Every IPv6 address of every name server answers DNS (Internet.nl `web_ipv6_ns_reach`), with
 * Internet.nl's `ns_score` as `score`: per name server 10, 2 or 0 points, averaged, at most 5 for
 * a single name server.
 */
export const webIpv6NsReach = defineCheck({
  id: 'web-ipv6-ns-reach',
  standard: 'ipv6',
  internetnl: 'web_ipv6_ns_reach',
  references: [{ kind: 'forum-standaardisatie', id: 'IPv6 en IPv4' }],
  probes: { nameServers: nameServersDeclaration, reach: nameServerReachabilityDeclaration },
  evaluate: ({ nameServers, reach }) => judgeNameServerReach('web-ipv6-ns-reach', nameServers.data, reach),
});
