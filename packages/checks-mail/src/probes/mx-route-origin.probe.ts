import {
  implementProbe,
  type NameServerRouteOriginEvidence,
  type ProbeDefinition,
  ProbeFailure,
  probeNameServerRouteOrigin,
  probeRouteOrigin,
  type RouteOriginEvidence,
  type Subject,
} from '@pastoe/core';
import { mailServerSubjects } from './mail-server-subjects.js';
import { mxAddressesDeclaration } from './mx-addresses.declaration.js';
import { mxNameServerRouteOriginDeclaration, mxRouteOriginDeclaration } from './mx-route-origin.declaration.js';

/** How long the RPKI sources may take for one address or one MX host's name servers. */
const routeOriginTimeoutMs = 30_000;

/**
 * Implements {@link mxRouteOriginDeclaration} with core's route origin lookup: one run per address
 * of each MX host, IPv6 first. When an MX host's address lookup failed, the plan fails as
 * `dependency`.
 */
export const mxRouteOriginProbe: ProbeDefinition<RouteOriginEvidence, 'each'> = implementProbe(mxRouteOriginDeclaration, {
  timeoutMs: routeOriginTimeoutMs,
  async plan(context) {
    const hosts = await context.evidenceList(mxAddressesDeclaration);
    return hosts.flatMap((host): Subject[] => {
      if (!host.ok) throw new ProbeFailure('dependency', `no addresses of ${host.subject.name}: ${host.error.message}`);
      return [...host.data.ipv6, ...host.data.ipv4].map((ip) => ({ name: host.data.name, role: 'mx', ip }));
    });
  },
  run: (subject, context) => {
    if (subject.ip === undefined) throw new ProbeFailure('internal', 'a route origin subject needs an address');
    return probeRouteOrigin(subject.ip, context);
  },
});

/**
 * Implements {@link mxNameServerRouteOriginDeclaration} with core's name server route origin
 * lookup, one run per MX host the domain has (none for no MX or a Null MX).
 */
export const mxNameServerRouteOriginProbe: ProbeDefinition<NameServerRouteOriginEvidence, 'each'> = implementProbe(
  mxNameServerRouteOriginDeclaration,
  {
    timeoutMs: routeOriginTimeoutMs,
    plan: mailServerSubjects,
    run: (subject, context) => probeNameServerRouteOrigin(subject.name, context),
  },
);
