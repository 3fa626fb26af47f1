/**
 * RPKI sources from lists held in memory: routes and VRPs a caller already has (a RIB dump, a VRP
 * export read elsewhere, test data). They do no I/O.
 */
import { coveringVrps, isAsn, isValidVrp, type Route, type Vrp } from '../origin-validation.js';
import { parsePrefix, prefixContains } from '../prefix.js';
import type { RouteSource, VrpSource } from '../types.js';

function prefixOrThrow(text: string): NonNullable<ReturnType<typeof parsePrefix>> {
  const prefix = parsePrefix(text);
  if (prefix === undefined) throw new TypeError(`not a prefix: ${JSON.stringify(text)}`);
  return prefix;
}

/**
 * A route source over a fixed list of routes: for a prefix, the routes whose prefix covers it.
 *
 * @throws TypeError when a route has a malformed prefix or origin
 */
export function createStaticRouteSource(routes: readonly Route[], description = 'static routes'): RouteSource {
  const parsed = routes.map((route) => {
    if (!isAsn(route.origin)) throw new TypeError(`not an AS number: ${JSON.stringify(route.origin)}`);
    return { route: { prefix: route.prefix, origin: route.origin }, prefix: prefixOrThrow(route.prefix) };
  });
  return {
    description,
    async routesFor(prefixText) {
      const prefix = prefixOrThrow(prefixText);
      return parsed.filter((entry) => prefixContains(entry.prefix, prefix)).map((entry) => entry.route);
    },
  };
}

/**
 * A VRP source over a fixed list of VRPs: for a prefix, the VRPs that cover it.
 *
 * @throws TypeError when a VRP is malformed (see `isValidVrp`)
 */
export function createStaticVrpSource(vrps: readonly Vrp[], description = 'static VRPs'): VrpSource {
  for (const vrp of vrps) {
    if (!isValidVrp(vrp)) throw new TypeError(`not a valid VRP: ${JSON.stringify(vrp)}`);
  }
  const list = vrps.map((vrp) => ({ prefix: vrp.prefix, maxLength: vrp.maxLength, asn: vrp.asn }));
  return {
    description,
    async vrpsCovering(prefixText) {
      return coveringVrps(prefixOrThrow(prefixText), list);
    },
  };
}
