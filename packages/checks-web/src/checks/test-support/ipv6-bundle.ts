/**
 * Test helper: evidence bundles for the IPv6 checks (addresses, name servers, reachability, the
 * same-site fetches), built from a short description of a domain. Only for tests.
 */
import {
  type EvidenceBundle,
  type EvidenceEnvelope,
  nameServerReachabilityDeclaration,
  nameServersDeclaration,
  type SameSiteFailure,
  type SameSiteResponse,
  sameSiteHistogram,
  webAddressesDeclaration,
  webReachabilityDeclaration,
  webSameSiteDeclaration,
} from '@pastoe/core/model';

const at = '2026-11-23T12:00:00.000Z';
const name = 'example.test';

/** A page one family serves: its status and body, per scheme; `null` when the request failed. */
export interface PageSpec {
  readonly http?: { readonly status: number; readonly body: string } | null;
  readonly https?: { readonly status: number; readonly body: string } | null;
}

/** A domain as the IPv6 checks see it. */
export interface Ipv6Fixture {
  /** Web server addresses and the ports open on each (default both). */
  readonly web?: Readonly<Record<string, readonly number[]>>;
  /** Name servers: name → address → whether it answers DNS. */
  readonly nameServers?: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  /** The pages the first IPv4 and the first IPv6 address serve. */
  readonly pages?: { readonly v4: PageSpec; readonly v6: PageSpec };
}

function envelope(probe: string, subject: EvidenceEnvelope['subject'], data: unknown) {
  return { probe, subject, startedAt: at, durationMs: 1, ok: true as const, data };
}

function fetches(page: PageSpec): (SameSiteResponse | SameSiteFailure)[] {
  return (['http', 'https'] as const).map((scheme) => {
    const port = scheme === 'http' ? 80 : 443;
    const spec = page[scheme];
    if (spec === null || spec === undefined) {
      return { scheme, port, ok: false, error: { code: 'refused', message: 'connection refused' } };
    }
    const body = new TextEncoder().encode(spec.body);
    return {
      scheme,
      port,
      ok: true,
      status: spec.status,
      finalUrl: `${scheme}://${name}/`,
      redirects: 0,
      bodyBytes: body.length,
      truncated: false,
      histogram: sameSiteHistogram(body),
    };
  });
}

/** The evidence bundle of a fixture. */
export function ipv6Bundle(fixture: Ipv6Fixture): EvidenceBundle {
  const web = fixture.web ?? {};
  const ips = Object.keys(web);
  const ipv6 = ips.filter((ip) => ip.includes(':'));
  const ipv4 = ips.filter((ip) => !ip.includes(':'));
  const nameServers = Object.entries(fixture.nameServers ?? {}).map(([ns, addresses]) => ({
    name: ns,
    ipv4: Object.keys(addresses).filter((ip) => !ip.includes(':')),
    ipv6: Object.keys(addresses).filter((ip) => ip.includes(':')),
  }));
  const family = (ip: string): 4 | 6 => (ip.includes(':') ? 6 : 4);
  const firsts = [ipv6[0], ipv4[0]].filter((ip): ip is string => ip !== undefined);
  const samesite =
    fixture.pages === undefined || firsts.length < 2
      ? []
      : firsts.map((ip) =>
          envelope(
            webSameSiteDeclaration.id,
            { name, role: 'web', ip },
            {
              ip,
              family: family(ip),
              fetches: fetches(family(ip) === 6 ? (fixture.pages as { v6: PageSpec }).v6 : (fixture.pages as { v4: PageSpec }).v4),
            },
          ),
        );
  return {
    target: { domain: name, input: name },
    startedAt: at,
    probes: [
      webAddressesDeclaration.id,
      webReachabilityDeclaration.id,
      webSameSiteDeclaration.id,
      nameServersDeclaration.id,
      nameServerReachabilityDeclaration.id,
    ],
    evidence: [
      envelope(webAddressesDeclaration.id, { name, role: 'domain' }, { name, ipv4, ipv6 }),
      ...[...ipv6, ...ipv4].map((ip) =>
        envelope(
          webReachabilityDeclaration.id,
          { name, role: 'web', ip },
          {
            ip,
            family: family(ip),
            ports: [80, 443].map((port) => ((web[ip] ?? []).includes(port) ? { port, result: 'open' } : { port, result: 'refused' })),
          },
        ),
      ),
      ...samesite,
      envelope(
        nameServersDeclaration.id,
        { name, role: 'domain' },
        {
          domain: name,
          asked: [name],
          zone: nameServers.length === 0 ? null : name,
          nameServers,
        },
      ),
      ...Object.entries(fixture.nameServers ?? {}).flatMap(([ns, addresses]) =>
        Object.entries(addresses).map(([ip, reachable]) =>
          envelope(
            nameServerReachabilityDeclaration.id,
            { name: ns, role: 'ns', ip, port: 53 },
            {
              ip,
              family: family(ip),
              reachable,
              ...(reachable ? { rcode: 'NOERROR' } : { error: { code: 'timeout', message: 'no answer' } }),
            },
          ),
        ),
      ),
    ],
  };
}
