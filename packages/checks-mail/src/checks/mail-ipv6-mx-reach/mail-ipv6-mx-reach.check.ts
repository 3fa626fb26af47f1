import {
  averagedMailServerPoints,
  defineCheck,
  hasIpv6,
  hostReachSubject,
  type SubjectResult,
  summariseHostReach,
} from '@pastoe/core/model';
import { mailServers } from '../../parsers/mail-servers.js';
import { mxAddressesDeclaration } from '../../probes/mx-addresses.declaration.js';
import { mxReachabilityDeclaration } from '../../probes/mx-reachability.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { mailServerAddresses } from '../mail-server-addresses.js';

const id = 'mail-ipv6-mx-reach';

/**
 * Every IPv6 address of every mail server accepts TCP connections on port 25 (Internet.nl
 * `mail_ipv6_mx_reach`), with Internet.nl's `mx_score` as `score`: per MX host 10 points when
 * every IPv6 address answered and port 25 did not answer on IPv4 only, 2 when partly, 0 when no
 * IPv6 address answered, averaged over the MX hosts. When no MX host has an AAAA record it is
 * not tested but required (0 points); without MX it is not tested at full points and stays
 * recommended, so it is not scored. The facts list each address per family with its result.
 */
export const mailIpv6MxReach = defineCheck({
  id,
  standard: 'ipv6',
  internetnl: 'mail_ipv6_mx_reach',
  references: [
    { kind: 'forum-standaardisatie', id: 'IPv6 en IPv4' },
    { kind: 'rfc', id: 'RFC 5321' },
  ],
  probes: { mx: mxDeclaration, addresses: mxAddressesDeclaration, reach: mxReachabilityDeclaration },
  evaluate: ({ mx, addresses, reach }) => {
    const servers = mailServers(mx.data);
    if (servers.situation !== 'has-mx') {
      return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${id}.${servers.situation}` }], score: 1 };
    }
    const hosts = mailServerAddresses(servers.hosts, addresses).map((host) =>
      summariseHostReach(
        host.name,
        [...host.ipv6, ...host.ipv4].map((ip) => {
          const attempt = reach.find((item) => item.subject.name === host.name && item.data.ip === ip);
          return { ip, openPorts: (attempt?.data.ports ?? []).filter((p) => p.result === 'open').map((p) => p.port) };
        }),
      ),
    );
    const points = averagedMailServerPoints(hosts);
    const subjects: SubjectResult[] = hosts.filter(hasIpv6).map((host) => hostReachSubject(host, 'mx'));
    const facts = {
      points,
      attempts: reach.map((item) => ({
        server: item.subject.name,
        ip: item.data.ip,
        family: item.data.family,
        ports: item.data.ports.map((p) => ({ ...p })),
      })),
    };
    if (subjects.length === 0) {
      return { status: 'not-tested', outcome: 'not-tested', level: 'required', findings: [{ id: `${id}.no-ipv6` }], facts, score: 0 };
    }
    const unreachable = hosts.filter((host) => host.ipv6Unreachable.length > 0);
    const onlyOnIpv4 = hosts.filter((host) => host.portsOnlyOnIpv4.length > 0);
    const findings = [
      ...unreachable.map((host) => ({
        id: `${id}.unreachable`,
        params: { server: host.name, addresses: host.ipv6Unreachable.join(', ') },
      })),
      ...onlyOnIpv4.filter(hasIpv6).map((host) => ({ id: `${id}.only-on-ipv4`, params: { server: host.name } })),
    ];
    if (unreachable.length > 0) return { status: 'fail', outcome: 'bad', level: 'required', findings, facts, score: points / 10, subjects };
    return {
      status: 'pass',
      outcome: 'good',
      level: 'required',
      findings: findings.length > 0 ? findings : [{ id: `${id}.good` }],
      facts,
      score: points / 10,
      subjects,
    };
  },
});
