import { resolveRedirect } from '../http/redirect.js';
import { sameSiteBodyLimit, sameSiteHistogram } from '../ipv6/same-site-content.js';
import { ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import type { Subject } from '../model/subject.js';
import { isIpv4MappedIpv6 } from '../transport/address-policy.js';
import { webAddressesDeclaration } from './addresses.declaration.js';
import { probeAddresses } from './addresses.probe.js';
import {
  type SameSiteFailure,
  type SameSiteResponse,
  type WebSameSiteEvidence,
  webSameSiteDeclaration,
} from './web-same-site.declaration.js';

/** The most redirects followed per fetch. */
const maxRedirects = 10;
/** Time limit per request, as Internet.nl's HTTP client: 10 s. */
const requestTimeoutMs = 10_000;
const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** The address of `host` in `family` that a redirect to it is pinned to, or `undefined`. */
async function addressFor(host: string, family: 4 | 6, domain: string, pinned: string, context: ProbeContext): Promise<string | undefined> {
  if (host === domain) return pinned;
  if (host.startsWith('[')) return family === 6 ? host.slice(1, -1) : undefined;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return family === 4 ? host : undefined;
  try {
    const { ipv4, ipv6 } = await probeAddresses(host, context);
    return (family === 4 ? ipv4 : ipv6.filter((ip) => !isIpv4MappedIpv6(ip)))[0];
  } catch (caught) {
    if (context.signal.aborted) throw caught;
    return undefined;
  }
}

/** GETs `scheme://domain/` pinned to `ip`, following redirects within the same family. */
async function fetchPage(
  scheme: 'http' | 'https',
  domain: string,
  ip: string,
  context: ProbeContext,
): Promise<SameSiteResponse | SameSiteFailure> {
  const port = scheme === 'http' ? 80 : 443;
  const family = ip.includes(':') ? 6 : 4;
  const fail = (code: string, message: string): SameSiteFailure => ({
    scheme,
    port,
    ok: false,
    error: { code, message: message.slice(0, 200) },
  });
  let url = `${scheme}://${domain}/`;
  let address = ip;
  for (let redirects = 0; ; redirects++) {
    const result = await context.transports.http.request({
      url,
      ip: address,
      signal: context.signal,
      timeoutMs: requestTimeoutMs,
      maxBodyBytes: sameSiteBodyLimit,
      bodyOverflow: 'truncate',
      certificateErrors: 'report',
    });
    if (!result.ok) {
      if (result.error.code === 'aborted' && context.signal.aborted) throw new ProbeFailure('aborted', result.error.message);
      return fail(result.error.code, result.error.message);
    }
    const { response } = result;
    const location = response.headers.find(([name]) => name === 'location')?.[1];
    if (!redirectStatuses.has(response.status) || location === undefined) {
      return {
        scheme,
        port,
        ok: true,
        status: response.status,
        finalUrl: response.url,
        redirects,
        bodyBytes: response.body.length,
        truncated: response.bodyTruncated,
        histogram: sameSiteHistogram(response.body),
      };
    }
    if (redirects >= maxRedirects) return fail('too-many-redirects', `more than ${maxRedirects} redirects from ${scheme}://${domain}/`);
    const next = resolveRedirect(response.url, location);
    if (!next.ok) return fail('bad-redirect', next.message);
    const host = new URL(next.url).hostname.toLowerCase();
    const nextAddress = await addressFor(host, family, domain, ip, context);
    if (nextAddress === undefined) return fail('no-address', `the redirect to ${host} leads to no IPv${family} address`);
    url = next.url;
    address = nextAddress;
  }
}

/** Fetches the home page of `domain` over HTTP and HTTPS, both pinned to `ip`. */
export async function probeWebSameSite(domain: string, ip: string, context: ProbeContext): Promise<WebSameSiteEvidence> {
  const fetches = await Promise.all([fetchPage('http', domain, ip, context), fetchPage('https', domain, ip, context)]);
  return { ip, family: ip.includes(':') ? 6 : 4, fetches };
}

/**
 * Implements {@link webSameSiteDeclaration}: two subjects, the first IPv6 and the first IPv4
 * address of `web-addresses`, or none when the domain lacks either family.
 */
export const webSameSiteProbe: ProbeDefinition<WebSameSiteEvidence, 'each'> = implementProbe(webSameSiteDeclaration, {
  timeoutMs: 60_000,
  plan: async (context) => {
    const evidence = await context.evidence(webAddressesDeclaration);
    if (!evidence.ok) throw new ProbeFailure('dependency', `no addresses to fetch from: ${evidence.error.message}`);
    const { name, ipv4, ipv6 } = evidence.data;
    const [v6, v4] = [ipv6[0], ipv4[0]];
    if (v6 === undefined || v4 === undefined) return [];
    return [v6, v4].map((ip): Subject => ({ name, role: 'web', ip }));
  },
  run: (subject, context) => probeWebSameSite(subject.name, subject.ip ?? subject.name, context),
});
