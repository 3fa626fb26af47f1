/**
 * The RPKI reports of Internet.nl (spec §2.5, `generate_roa_existence_report` and
 * `generate_validity_report`), pure: from the route origin evidence of each address, whether
 * every address is covered by a ROA and whether every route to it is RPKI-valid.
 */
import { coveringVrps, isAsn, type Route, type RouteOriginState, validateOrigin, type Vrp } from './origin-validation.js';
import { parsePrefix } from './prefix.js';

/** What pastoe learnt of one address's routing: its routes and the VRPs that cover them. Plain JSON. */
export interface RouteOriginEvidence {
  /** The address, as DNS gave it. */
  readonly address: string;
  /** The prefix whose routes were asked for: the address's /24 or /48 (IPv4-mapped IPv6 unwrapped). */
  readonly prefix: string;
  /** The BGP routes that cover `prefix`, as the route source saw them; empty when it is not routed. */
  readonly routes: readonly Route[];
  /** The VRPs that cover `prefix` (and so every route in `routes`). */
  readonly vrps: readonly Vrp[];
  /** The sources asked, as they describe themselves. */
  readonly sources: {
    /** The route source. */
    readonly routes: string;
    /** The VRP source. */
    readonly vrps: string;
  };
}

/** One route of an address with its validation state, as Internet.nl's technical results show it. */
export interface RouteOriginRow {
  /** The announced prefix. */
  readonly route: string;
  /** The origin AS, e.g. `AS64500`. */
  readonly origin: string;
  /** The route origin validation state. */
  readonly state: RouteOriginState;
}

/** The RPKI view of one address. */
export interface AddressRpkiReport {
  /** The address. */
  readonly address: string;
  /** The /24 or /48 asked about. */
  readonly prefix: string;
  /** Every route with its state. */
  readonly routes: readonly RouteOriginRow[];
  /**
   * Whether a ROA covers the address: a VRP covers one of its routes, or, when it has no route,
   * its /24 or /48 (Internet.nl validates against AS0 then, which lists every covering VRP).
   */
  readonly roaExists: boolean;
}

/** Judges the routes of one address. Routes whose prefix or origin does not parse are left out. */
export function addressRpkiReport(evidence: RouteOriginEvidence): AddressRpkiReport {
  const routes = evidence.routes.filter((route) => parsePrefix(route.prefix) !== undefined && isAsn(route.origin));
  const rows = routes.map((route) => ({ route: route.prefix, origin: `AS${route.origin}`, state: validateOrigin(route, evidence.vrps) }));
  const covered = (prefixText: string): boolean => {
    const prefix = parsePrefix(prefixText);
    return prefix !== undefined && coveringVrps(prefix, evidence.vrps).length > 0;
  };
  const roaExists = routes.length > 0 ? routes.some((route) => covered(route.prefix)) : covered(evidence.prefix);
  return { address: evidence.address, prefix: evidence.prefix, routes: rows, roaExists };
}

/**
 * Internet.nl's verdict on ROA existence: `good` when a ROA covers every address, `bad` when one
 * lacks it, `no-addresses` when there are none.
 */
export type RoaExistenceOutcome = 'good' | 'bad' | 'no-addresses';

/** The ROA existence report over a set of addresses. */
export interface RoaExistenceReport {
  /** The verdict. */
  readonly outcome: RoaExistenceOutcome;
  /** The addresses without a covering ROA. */
  readonly withoutRoa: readonly string[];
  /** Every address judged. */
  readonly addresses: readonly AddressRpkiReport[];
}

/** Whether a ROA covers every address (spec §2.5 "Existence"). */
export function roaExistenceReport(evidence: readonly RouteOriginEvidence[]): RoaExistenceReport {
  const addresses = evidence.map(addressRpkiReport);
  const withoutRoa = addresses.filter((report) => !report.roaExists).map((report) => report.address);
  const outcome: RoaExistenceOutcome = addresses.length === 0 ? 'no-addresses' : withoutRoa.length > 0 ? 'bad' : 'good';
  return { outcome, withoutRoa, addresses };
}

/**
 * Internet.nl's verdict on route validity: `invalid` when any route is invalid (wrong AS or too
 * long), else `bad` when any is not-found, else `not-routed` when no address has a route (also
 * when there are no addresses), else `good`.
 */
export type RouteValidityOutcome = 'good' | 'bad' | 'invalid' | 'not-routed';

/** The route validity report over a set of addresses. */
export interface RouteValidityReport {
  /** The verdict. */
  readonly outcome: RouteValidityOutcome;
  /** The addresses with an invalid route. */
  readonly invalid: readonly string[];
  /** The addresses with a not-found route. */
  readonly notFound: readonly string[];
  /** Every address judged. */
  readonly addresses: readonly AddressRpkiReport[];
}

/** Whether every route to every address is RPKI-valid (spec §2.5 "Validity": all overlapping announcements count). */
export function routeValidityReport(evidence: readonly RouteOriginEvidence[]): RouteValidityReport {
  const addresses = evidence.map(addressRpkiReport);
  const having = (test: (state: RouteOriginState) => boolean): string[] =>
    addresses.filter((report) => report.routes.some((row) => test(row.state))).map((report) => report.address);
  const invalid = having((state) => state === 'invalid-as' || state === 'invalid-length');
  const notFound = having((state) => state === 'not-found');
  const routed = addresses.some((report) => report.routes.length > 0);
  const outcome: RouteValidityOutcome = invalid.length > 0 ? 'invalid' : notFound.length > 0 ? 'bad' : routed ? 'good' : 'not-routed';
  return { outcome, invalid, notFound, addresses };
}
