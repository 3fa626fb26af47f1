import { defineCheck, judgeNameServerReach, nameServerReachabilityDeclaration, nameServersDeclaration } from '@pastoe/core/model';

/**
 * Every IPv6 address of every name server of the mail domain answers DNS (Internet.nl
 * `mail_ipv6_ns_reach`), judged and scored as the website test does (`ns_score`).
 */
export const mailIpv6NsReach = defineCheck({
  id: 'mail-ipv6-ns-reach',
  standard: 'ipv6',
  internetnl: 'mail_ipv6_ns_reach',
  references: [{ kind: 'forum-standaardisatie', id: 'IPv6 en IPv4' }],
  probes: { nameServers: nameServersDeclaration, reach: nameServerReachabilityDeclaration },
  evaluate: ({ nameServers, reach }) => judgeNameServerReach('mail-ipv6-ns-reach', nameServers.data, reach),
});
