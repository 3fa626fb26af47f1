import { defineCheck, judgeNameServerAddresses, nameServersDeclaration } from '@pastoe/core/model';

/** Two or more of the domain's name servers have an IPv6 address (Internet.nl `web_ipv6_ns_address`). */
export const webIpv6NsAddress = defineCheck({
  id: 'web-ipv6-ns-address',
  standard: 'ipv6',
  internetnl: 'web_ipv6_ns_address',
  references: [{ kind: 'forum-standaardisatie', id: 'IPv6 en IPv4' }],
  probes: { nameServers: nameServersDeclaration },
  evaluate: ({ nameServers }) => judgeNameServerAddresses('web-ipv6-ns-address', nameServers.data),
});
