import { declareProbe } from '../model/probe-declaration.js';
import type { NameServerAddresses } from './name-servers.declaration.js';
import type { RouteOriginEvidence } from '../rpki/report.js';

export type { RouteOriginEvidence } from '../rpki/report.js';

/**
 * The route origin data of every web server address of the domain (every A and AAAA record from
 * the `web-addresses` probe): one run per address, asking the scan's RPKI sources
 * (`transports.rpki`) for the routes of its /24 or /48 and the VRPs that cover them. Without RPKI
 * sources each run fails as `unsupported`.
 */
export const webRouteOriginDeclaration = declareProbe<RouteOriginEvidence>({
  id: 'web-route-origin',
  description: 'Asks the RPKI sources for the routes and covering VRPs of every web server address',
  scope: 'each',
});

/** The route origin data of every address of every name server of the domain. */
export interface NameServerRouteOriginEvidence {
  /** The zone whose NS set was used (the domain, or a parent when the domain has none). */
  readonly zone: string;
  /** The name servers and their addresses. */
  readonly nameServers: readonly NameServerAddresses[];
  /** The route origin data of each distinct address, in the order of `nameServers`. */
  readonly addresses: readonly RouteOriginEvidence[];
}

/**
 * The route origin data of every address of every name server of the domain (spec §2.5
 * `ns_rpki_*`): the NS set (a parent's when the domain has none, as Internet.nl strips labels),
 * their A and AAAA records, and for each address what the scan's RPKI sources say. Without RPKI
 * sources it fails as `unsupported`.
 */
export const nameServerRouteOriginDeclaration = declareProbe<NameServerRouteOriginEvidence>({
  id: 'ns-route-origin',
  description: 'Asks the RPKI sources for the routes and covering VRPs of every address of every name server of the domain',
});
