import { defineCheck, judgeNameServerAddresses, nameServersDeclaration } from '@pastoe/core/model';

/**
 * Two or more of the mail domain's name servers have an IPv6 address (Internet.nl
 * `mail_ipv6_ns_address`), judged as the website test judges them.
 */
export const mailIpv6NsAddress = defineCheck({
  id: 'mail-ipv6-ns-address',
  standard: 'ipv6',
  internetnl: 'mail_ipv6_ns_address',
  references: [{ kind: 'forum-standaardisatie', id: 'IPv6 en IPv4' }],
  probes: { nameServers: nameServersDeclaration },
  evaluate: ({ nameServers }) => judgeNameServerAddresses('mail-ipv6-ns-address', nameServers.data),
});
