/**
 * The RPKI sources a scan asks: where the routes of an address come from (RIPEstat, a static
 * list) and where the validated ROA payloads come from (Routinator, an rpki-client JSON export, a
 * static list). They are a transport: a scan without them judges no RPKI subtest.
 */
import type { Resolver } from '../dns/types.js';
import type { HttpClient } from '../http/types.js';
import type { Route, Vrp } from './origin-validation.js';

/**
 * What a source may use when asked: the scan's HTTP client and resolver (so that its requests
 * obey the scan's address policy and trust store) and the probe's signal.
 */
export interface RpkiSourceContext {
  /** Aborts the lookup; pass it to every I/O call. */
  readonly signal: AbortSignal;
  /** The scan's HTTP client. */
  readonly http: HttpClient;
  /** The scan's resolver, for the address of a source's host. */
  readonly resolver: Resolver;
}

/**
 * Where the BGP routes of an address come from. A source that cannot answer throws a
 * `ProbeFailure` (`timeout`, `unreachable`, `malformed`, `too-large`, …): the verdict is then
 * `error`, never a failure of the domain.
 */
export interface RouteSource {
  /** What it is, for reports (e.g. `RIPEstat https://stat.ripe.net`). */
  readonly description: string;
  /**
   * The routes seen for a prefix (an address's /24 or /48, in slash notation): those whose prefix
   * covers it, with their origin AS. Empty when it is not routed. The caller drops anything that
   * does not cover the prefix.
   */
  routesFor(prefix: string, context: RpkiSourceContext): Promise<readonly Route[]>;
}

/** Where the validated ROA payloads come from. Fails like a {@link RouteSource}. */
export interface VrpSource {
  /** What it is, for reports (e.g. `Routinator http://127.0.0.1:8323`). */
  readonly description: string;
  /**
   * The VRPs whose prefix covers the given prefix (in slash notation). The caller drops anything
   * that does not cover it.
   */
  vrpsCovering(prefix: string, context: RpkiSourceContext): Promise<readonly Vrp[]>;
}

/** The RPKI sources of a scan: routes and VRPs. */
export interface RpkiSources {
  /** Routes for an address. */
  readonly routes: RouteSource;
  /** Validated ROA payloads. */
  readonly vrps: VrpSource;
}
