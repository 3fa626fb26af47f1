import { declareProbe, type NameServerRouteOriginEvidence, type RouteOriginEvidence } from '@pastoe/core/model';

/**
 * The route origin data of every address of every mail server (spec §3.6 `mail_rpki_*`): one run
 * per address from `mail-mx-addresses`, asking the scan's RPKI sources for the routes of its /24
 * or /48 and the VRPs that cover them. Without RPKI sources each run fails as `unsupported`.
 */
export const mxRouteOriginDeclaration = declareProbe<RouteOriginEvidence>({
  id: 'mail-mx-route-origin',
  description: 'Asks the RPKI sources for the routes and covering VRPs of every mail server address',
  scope: 'each',
});

/**
 * The route origin data of every address of every name server of each mail server's zone (spec
 * §3.6 `mail_mx_ns_rpki_*`, Internet.nl's `do_resolve_ns(mx)`): one run per MX host, finding its
 * name servers as the `name-servers` probe does (labels stripped until an NS set is found).
 */
export const mxNameServerRouteOriginDeclaration = declareProbe<NameServerRouteOriginEvidence>({
  id: 'mail-mx-ns-route-origin',
  description: "Asks the RPKI sources for the routes and covering VRPs of every address of the name servers of each mail server's zone",
  scope: 'each',
});
