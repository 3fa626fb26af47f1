import {
  type CheckResult,
  contentDistance,
  defineCheck,
  type EvidenceSuccess,
  hasIpv4,
  type SameSiteResponse,
  sameSiteMaxDistance,
  webAddressesDeclaration,
  webReachabilityDeclaration,
  type WebSameSiteEvidence,
  webSameSiteDeclaration,
} from '@pastoe/core/model';
import { webHostReach } from '../web-connectivity.js';

const id = 'web-ipv6-ws-similar';

/** The response Internet.nl compares for one family: HTTPS when it answered, else HTTP. */
function comparedResponse(evidence: WebSameSiteEvidence): SameSiteResponse | undefined {
  return evidence.fetches.filter((fetch): fetch is SameSiteResponse => fetch.ok).at(-1);
}

const answeredPorts = (evidence: WebSameSiteEvidence): number[] => evidence.fetches.filter((f) => f.ok).map((f) => f.port);

/** Compares the pages the first IPv4 and the first IPv6 address serve (Internet.nl's `ipv6.simhash`). */
function compare(v4: WebSameSiteEvidence, v6: WebSameSiteEvidence): CheckResult {
  const v4Ports = answeredPorts(v4);
  const v6Ports = answeredPorts(v6);
  const ports = { ipv4Ports: v4Ports, ipv6Ports: v6Ports };
  if (v4Ports.join() !== v6Ports.join()) {
    return {
      status: 'fail',
      outcome: 'bad',
      findings: [{ id: `${id}.ports-differ`, params: { ipv4: v4Ports.join(', ') || 'none', ipv6: v6Ports.join(', ') || 'none' } }],
      facts: ports,
    };
  }
  const a = comparedResponse(v4);
  const b = comparedResponse(v6);
  if (a === undefined || b === undefined) {
    return { status: 'fail', outcome: 'bad', findings: [{ id: `${id}.no-response` }], facts: ports };
  }
  const statuses = { ...ports, ipv4Status: a.status, ipv6Status: b.status };
  if (a.status !== b.status) {
    // Internet.nl fails the subtest but keeps its 2 points here (#1267).
    return {
      status: 'fail',
      outcome: 'bad-status-codes-differ',
      findings: [{ id: `${id}.status-codes-differ`, params: { ipv4: a.status, ipv6: b.status } }],
      facts: statuses,
    };
  }
  const distance = contentDistance(a.histogram, b.histogram);
  const facts = { ...statuses, distance: Math.round(distance * 100) / 100, maxDistance: sameSiteMaxDistance };
  if (distance > sameSiteMaxDistance) {
    return {
      status: 'warning',
      outcome: 'notice',
      findings: [{ id: `${id}.content-differs`, params: { distance: facts.distance } }],
      facts,
    };
  }
  if (b.status >= 200 && b.status <= 400) return { status: 'pass', outcome: 'good', findings: [{ id: `${id}.good` }], facts };
  return {
    status: 'warning',
    outcome: 'notice-status-code',
    findings: [{ id: `${id}.error-status`, params: { status: b.status } }],
    facts,
  };
}

/**
 * The website is the same over IPv4 and IPv6 (Internet.nl `web_ipv6_ws_similar`, 2 points). It is
 * judged only when an IPv6 address answered (else `not-tested`); an IPv6-only site is
 * `not-applicable` (`ipv6-only`: Internet.nl's `not_tested` that leaves the category maximum at 20).
 * Otherwise: unreachable IPv4 or a port open on IPv4 only fails; the ports that answered a GET
 * (HTTP 80, HTTPS 443, redirects followed) must be the same, and so must the status codes; the
 * pages are then compared by difflib's `quick_ratio` over their bytes (see `contentDistance` in
 * `@pastoe/core/model`): a distance up to 10 % with status 200–400 passes, with another status is
 * `notice-status-code`, and a larger distance is `notice` (0 points).
 */
export const webIpv6WsSimilar = defineCheck({
  id,
  standard: 'ipv6',
  internetnl: 'web_ipv6_ws_similar',
  references: [{ kind: 'forum-standaardisatie', id: 'IPv6 en IPv4' }],
  probes: { addresses: webAddressesDeclaration, reach: webReachabilityDeclaration, sameSite: webSameSiteDeclaration },
  evaluate: ({ addresses, reach, sameSite }) => {
    const host = webHostReach(addresses.data, reach);
    if (host.ipv6Reachable.length === 0) {
      const why = addresses.data.ipv6.length === 0 ? 'no-ipv6' : 'ipv6-unreachable';
      return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${id}.${why}` }] };
    }
    if (!hasIpv4(host)) return { status: 'not-applicable', outcome: 'ipv6-only', findings: [{ id: `${id}.no-ipv4` }] };
    if (host.ipv4Reachable.length === 0) return { status: 'fail', outcome: 'bad', findings: [{ id: `${id}.ipv4-unreachable` }] };
    if (host.portsOnlyOnIpv4.length > 0) {
      return {
        status: 'fail',
        outcome: 'bad',
        findings: [{ id: `${id}.port-only-on-ipv4`, params: { ports: host.portsOnlyOnIpv4.join(', ') } }],
      };
    }
    const family = (f: 4 | 6): EvidenceSuccess<WebSameSiteEvidence> | undefined => sameSite.find((item) => item.data.family === f);
    const v4 = family(4);
    const v6 = family(6);
    if (v4 === undefined || v6 === undefined) {
      return {
        status: 'error',
        outcome: 'not-tested',
        error: { code: 'missing-evidence', message: 'the page was not fetched over both IPv4 and IPv6' },
      };
    }
    return compare(v4.data, v6.data);
  },
});
