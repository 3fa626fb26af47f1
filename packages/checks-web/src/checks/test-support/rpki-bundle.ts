/**
 * Test helper: evidence bundles of the route origin probes (one piece per web server address, one
 * for the name servers) for re-evaluating the RPKI checks offline. Only for tests.
 */
import {
  type Evidence,
  type EvidenceBundle,
  nameServerRouteOriginDeclaration,
  type ProbeError,
  type RouteOriginEvidence,
  webRouteOriginDeclaration,
} from '@pastoe/core/model';

const fixtureTime = '2026-11-23T12:00:00.000Z';
const name = 'example.test';
const sources = { routes: 'static routes', vrps: 'static VRPs' };

/** Route origin evidence of one address, `prefix` its /24 or /48. */
export function origin(
  address: string,
  prefix: string,
  routes: RouteOriginEvidence['routes'] = [],
  vrps: RouteOriginEvidence['vrps'] = [],
): RouteOriginEvidence {
  return { address, prefix, routes, vrps, sources };
}

/** A valid route with its ROA, for `192.0.2.1` or the given address and /24. */
export const validOrigin = (address = '192.0.2.1', prefix = '192.0.2.0/24'): RouteOriginEvidence =>
  origin(address, prefix, [{ prefix, origin: 64500 }], [{ prefix, maxLength: Number(prefix.split('/')[1]), asn: 64500 }]);

/** What the probes found: per address evidence, or the probe's failure. */
export interface RpkiFixture {
  /** The web server addresses' evidence, or one failure (of the plan, or of every run). */
  readonly web?: readonly RouteOriginEvidence[] | ProbeError;
  /** The name servers' addresses' evidence, or the probe's failure. */
  readonly ns?: readonly RouteOriginEvidence[] | ProbeError;
}

/** A bundle with the web route origin evidence (one per address) and the name-server route origin evidence. */
export function rpkiBundle(fixture: RpkiFixture): EvidenceBundle {
  const web = fixture.web ?? [validOrigin()];
  const ns = fixture.ns ?? [validOrigin('192.0.2.53')];
  const envelope = { startedAt: fixtureTime, durationMs: 1 };
  const webEvidence: Evidence<RouteOriginEvidence>[] = Array.isArray(web)
    ? web.map((data) => ({
        ...envelope,
        probe: webRouteOriginDeclaration.id,
        subject: { name, role: 'web', ip: data.address },
        ok: true,
        data,
      }))
    : [{ ...envelope, probe: webRouteOriginDeclaration.id, subject: { name, role: 'domain' }, ok: false, error: web as ProbeError }];
  const nsSubject = { name, role: 'domain' as const };
  const nsEvidence = Array.isArray(ns)
    ? {
        ...envelope,
        probe: nameServerRouteOriginDeclaration.id,
        subject: nsSubject,
        ok: true as const,
        data: {
          zone: name,
          nameServers: [
            {
              name: `ns1.${name}`,
              ipv4: ns.map((data) => data.address).filter((ip) => !ip.includes(':')),
              ipv6: ns.map((data) => data.address).filter((ip) => ip.includes(':')),
            },
          ],
          addresses: ns,
        },
      }
    : { ...envelope, probe: nameServerRouteOriginDeclaration.id, subject: nsSubject, ok: false as const, error: ns as ProbeError };
  return {
    target: { domain: name, input: name },
    startedAt: fixtureTime,
    probes: [webRouteOriginDeclaration.id, nameServerRouteOriginDeclaration.id],
    evidence: [...webEvidence, nsEvidence],
  };
}

/** Fixtures that drive every RPKI outcome. */
export const rpkiFixtures: readonly RpkiFixture[] = [
  {},
  { web: [], ns: [] },
  { web: [origin('192.0.2.1', '192.0.2.0/24')], ns: [origin('2001:db8::53', '2001:db8::/48')] },
  {
    web: [origin('192.0.2.1', '192.0.2.0/24', [{ prefix: '192.0.2.0/24', origin: 64999 }], validOrigin().vrps)],
    ns: [origin('192.0.2.53', '192.0.2.0/24', [{ prefix: '192.0.2.0/24', origin: 64500 }])],
  },
  { web: { code: 'unsupported', message: 'no RPKI sources' }, ns: { code: 'unsupported', message: 'no RPKI sources' } },
  { web: { code: 'timeout', message: 'RIPEstat timed out' }, ns: { code: 'refused', message: 'Routinator refused' } },
];
