/**
 * The route origin probes: for each web server address, and for each address of each name server
 * of the domain, the routes of its /24 or /48 and the VRPs that cover them, from the scan's RPKI
 * sources (`transports.rpki`).
 */
import { ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import type { Subject } from '../model/subject.js';
import { sharedOnce } from '../runner/shared-once.js';
import { isAsn, isValidVrp, type Route, type Vrp } from '../rpki/origin-validation.js';
import { formatPrefix, parsePrefix, prefixContains, routedPrefixOf } from '../rpki/prefix.js';
import type { RouteOriginEvidence } from '../rpki/report.js';
import { webAddressesDeclaration } from './addresses.declaration.js';
import { nameServersDeclaration } from './name-servers.declaration.js';
import { probeNameServers } from './name-servers.probe.js';
import {
  type NameServerRouteOriginEvidence,
  nameServerRouteOriginDeclaration,
  webRouteOriginDeclaration,
} from './route-origin.declaration.js';

/** The most routes kept for one address (a /24 has a handful of covering announcements). */
const maxRoutes = 64;
/** The most covering VRPs kept for one address. */
const maxVrps = 1_000;

/**
 * How long the routes and VRPs of a prefix serve other scans that share the caches. Name servers,
 * mail servers and hosting addresses are shared by many domains, so a bulk run would otherwise ask
 * the sources about the same prefixes on every domain (two thirds of its HTTP requests).
 */
const routeOriginCacheTtlMs = 10 * 60_000;

/** What a scan without RPKI sources says. */
const noRpkiSourcesMessage = 'no RPKI sources configured: pass transports.rpki ({ routes, vrps }) to judge route origins';

/**
 * Asks the scan's RPKI sources about one address: the routes that cover its /24 or /48
 * (IPv4-mapped IPv6 unwrapped) and the VRPs that cover that prefix. What a source returns beyond
 * that (routes or VRPs that do not cover the prefix, malformed entries, duplicates) is dropped.
 *
 * @throws ProbeFailure `unsupported` without sources, `malformed` for a non-address, a source's failure otherwise
 */
export async function probeRouteOrigin(address: string, context: ProbeContext): Promise<RouteOriginEvidence> {
  const sources = context.transports.rpki;
  if (sources === undefined) throw new ProbeFailure('unsupported', noRpkiSourcesMessage);
  const prefix = routedPrefixOf(address);
  if (prefix === undefined) throw new ProbeFailure('malformed', `${JSON.stringify(address)} is not an IP address`);
  const prefixText = formatPrefix(prefix);
  const key = `route-origin|${sources.routes.description}|${sources.vrps.description}|${prefixText}`;
  // Once per prefix and sources across the scans that share caches; a second scan waits and reads the first's answer.
  const origins = await sharedOnce(context.caches, key, { ttlMs: routeOriginCacheTtlMs, signal: context.signal }, () =>
    prefixOrigins(prefix, prefixText, sources, context),
  );
  return { address, prefix: prefixText, ...origins, sources: { routes: sources.routes.description, vrps: sources.vrps.description } };
}

/** The routes and VRPs that cover a prefix. */
interface PrefixOrigins {
  readonly routes: readonly Route[];
  readonly vrps: readonly Vrp[];
}

/** Asks the sources about a prefix and keeps what covers it, bounded. A failure (thrown) is not cached. */
async function prefixOrigins(
  prefix: NonNullable<ReturnType<typeof routedPrefixOf>>,
  prefixText: string,
  sources: NonNullable<ProbeContext['transports']['rpki']>,
  context: ProbeContext,
): Promise<PrefixOrigins> {
  const sourceContext = { signal: context.signal, http: context.transports.http, resolver: context.transports.resolver };
  const [routes, vrps] = await Promise.all([
    sources.routes.routesFor(prefixText, sourceContext),
    sources.vrps.vrpsCovering(prefixText, sourceContext),
  ]);
  const covers = (text: string): boolean => {
    const parsed = parsePrefix(text);
    return parsed !== undefined && prefixContains(parsed, prefix);
  };
  const keptRoutes = dedupe(
    routes.filter((route) => isAsn(route.origin) && covers(route.prefix)),
    (route: Route) => `${route.prefix} ${route.origin}`,
  );
  const keptVrps = dedupe(
    vrps.filter((vrp) => isValidVrp(vrp) && covers(vrp.prefix)),
    (vrp: Vrp) => `${vrp.prefix} ${vrp.maxLength} ${vrp.asn}`,
  );
  if (keptRoutes.length > maxRoutes)
    throw new ProbeFailure('too-large', `${sources.routes.description} gave ${keptRoutes.length} routes for ${prefixText}`);
  if (keptVrps.length > maxVrps)
    throw new ProbeFailure('too-large', `${sources.vrps.description} gave ${keptVrps.length} VRPs for ${prefixText}`);
  return {
    routes: keptRoutes.map((route) => ({ prefix: route.prefix, origin: route.origin })),
    vrps: keptVrps.map((vrp) => ({ prefix: vrp.prefix, maxLength: vrp.maxLength, asn: vrp.asn })),
  };
}

function dedupe<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** Implements {@link webRouteOriginDeclaration}: one run per web server address, IPv6 first. */
export const webRouteOriginProbe: ProbeDefinition<RouteOriginEvidence, 'each'> = implementProbe(webRouteOriginDeclaration, {
  timeoutMs: 30_000,
  uses: [webAddressesDeclaration],
  plan: async (context) => {
    const evidence = await context.evidence(webAddressesDeclaration);
    if (!evidence.ok) throw new ProbeFailure('dependency', `no web server addresses: ${evidence.error.message}`);
    const { name, ipv4, ipv6 } = evidence.data;
    return [...ipv6, ...ipv4].map((ip): Subject => ({ name, role: 'web', ip }));
  },
  run: (subject, context) => {
    if (subject.ip === undefined) throw new ProbeFailure('internal', 'a route origin subject needs an address');
    return probeRouteOrigin(subject.ip, context);
  },
});

/**
 * The route origin data of every address of the given name servers of `zone`: each distinct
 * address through {@link probeRouteOrigin}.
 */
async function nameServerRouteOrigins(
  zone: string,
  nameServers: NameServerRouteOriginEvidence['nameServers'],
  context: ProbeContext,
): Promise<NameServerRouteOriginEvidence> {
  const addresses = [...new Set(nameServers.flatMap((server) => [...server.ipv6, ...server.ipv4]))];
  return { zone, nameServers, addresses: await Promise.all(addresses.map((address) => probeRouteOrigin(address, context))) };
}

/**
 * The route origin data of every address of every name server of `domain`: the name servers and
 * their addresses found as the `name-servers` probe finds them, then each distinct address through
 * {@link probeRouteOrigin}. Used for the name servers of each MX host's zone; the domain's own
 * come from the `name-servers` evidence instead (see {@link nameServerRouteOriginProbe}).
 *
 * @throws ProbeFailure `unsupported` without RPKI sources, the NS lookup's or a source's failure otherwise
 */
export async function probeNameServerRouteOrigin(domain: string, context: ProbeContext): Promise<NameServerRouteOriginEvidence> {
  if (context.transports.rpki === undefined) throw new ProbeFailure('unsupported', noRpkiSourcesMessage);
  const { zone, nameServers } = await probeNameServers(domain, context);
  return nameServerRouteOrigins(zone ?? domain, nameServers, context);
}

/** Implements {@link nameServerRouteOriginDeclaration} from the `name-servers` evidence of the scan (one NS lookup per scan). */
export const nameServerRouteOriginProbe: ProbeDefinition<NameServerRouteOriginEvidence, 'target'> = implementProbe(
  nameServerRouteOriginDeclaration,
  {
    timeoutMs: 30_000,
    uses: [nameServersDeclaration],
    run: async (subject, context) => {
      if (context.transports.rpki === undefined) throw new ProbeFailure('unsupported', noRpkiSourcesMessage);
      const found = await context.evidence(nameServersDeclaration);
      if (!found.ok) throw new ProbeFailure('dependency', `no name servers: ${found.error.code}: ${found.error.message}`);
      return nameServerRouteOrigins(found.data.zone ?? subject.name, found.data.nameServers, context);
    },
  },
);
