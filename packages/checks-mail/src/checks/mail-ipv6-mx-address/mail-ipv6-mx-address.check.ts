import { defineCheck, type SubjectResult } from '@pastoe/core/model';
import { mailServers } from '../../parsers/mail-servers.js';
import { mxAddressesDeclaration } from '../../probes/mx-addresses.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { noMailServerResult } from '../per-mail-server.js';
import { mailServerAddresses } from '../mail-server-addresses.js';

const id = 'mail-ipv6-mx-address';

/**
 * Every mail server has an IPv6 address: an AAAA record, IPv4-mapped ones not counted (Internet.nl
 * `mail_ipv6_mx_address`). Required once the domain has MX records; without them, Internet.nl's
 * no-MX and Null MX outcomes. The facts list each MX host's addresses per family.
 */
export const mailIpv6MxAddress = defineCheck({
  id,
  standard: 'ipv6',
  internetnl: 'mail_ipv6_mx_address',
  references: [
    { kind: 'forum-standaardisatie', id: 'IPv6 en IPv4' },
    { kind: 'rfc', id: 'RFC 3596' },
  ],
  probes: { mx: mxDeclaration, addresses: mxAddressesDeclaration },
  evaluate: ({ mx, addresses }) => {
    const servers = mailServers(mx.data);
    if (servers.situation !== 'has-mx') return noMailServerResult(id, servers.situation, 'other', servers.nullMxAdvised);
    const hosts = mailServerAddresses(servers.hosts, addresses);
    const subjects: SubjectResult[] = hosts.map((host) => ({
      subject: { name: host.name, role: 'mx' },
      status: host.ipv6.length > 0 ? 'pass' : 'fail',
      outcome: host.ipv6.length > 0 ? 'good' : 'bad',
      facts: { ipv6: [...host.ipv6], ipv4: [...host.ipv4], ...(host.ipv4Mapped.length > 0 ? { ipv4Mapped: [...host.ipv4Mapped] } : {}) },
    }));
    const facts = { servers: subjects.map((s) => ({ name: s.subject.name, ...s.facts })) };
    const without = hosts.filter((host) => host.ipv6.length === 0);
    if (without.length === 0) {
      return {
        status: 'pass',
        outcome: 'good',
        level: 'required',
        findings: [{ id: `${id}.good`, params: { count: hosts.length } }],
        facts,
        subjects,
      };
    }
    return {
      status: 'fail',
      outcome: 'bad',
      level: 'required',
      // An AAAA answer with IPv4-mapped addresses only is no IPv6 address (Internet.nl #146).
      findings: without.map((host) => ({
        id: host.ipv4Mapped.length > 0 ? `${id}.ipv4-mapped-only` : `${id}.none`,
        params: { server: host.name },
      })),
      facts,
      subjects,
    };
  },
});
