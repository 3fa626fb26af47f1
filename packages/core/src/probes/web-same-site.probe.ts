import { resolveRedirect } from '../http/redirect.js';
import { type ByteHistogram, sameSiteBodyLimit, sameSiteHistogram } from '../ipv6/same-site-content.js';
import { type Evidence, ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import type { Subject } from '../model/subject.js';
import { isIpv4MappedIpv6 } from '../transport/address-policy.js';
import { webAddressesDeclaration } from './addresses.declaration.js';
import { probeAddresses } from './addresses.probe.js';
import { type WebHttpEvidence, webHttpDeclaration } from './web-http.declaration.js';
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

/** One response of a fetch, reduced to what the comparison reads. */
interface PageStep {
  readonly url: string;
  readonly status: number;
  readonly location: string | undefined;
  readonly bodyBytes: number;
  readonly truncated: boolean;
  readonly histogram: ByteHistogram;
}

/** One GET pinned to `address`, or why it gave no response; pastoe's own abort throws. */
async function getPage(url: string, address: string, context: ProbeContext): Promise<PageStep | SameSiteFailure['error']> {
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
    return { code: result.error.code, message: result.error.message };
  }
  const { response } = result;
  return {
    url: response.url,
    status: response.status,
    location: response.headers.find(([name]) => name === 'location')?.[1],
    bodyBytes: response.body.length,
    truncated: response.bodyTruncated,
    histogram: sameSiteHistogram(response.body),
  };
}

/**
 * The first HTTPS response at `ip` as the `web-http` probe got it, when its evidence holds one
 * this probe can compare: a redirect (its body is not compared), or a page it could decode.
 * `undefined` means fetch it here; a failed request is that failure's code and message.
 */
function sharedHttpsStep(shared: readonly Evidence<WebHttpEvidence>[], ip: string): PageStep | SameSiteFailure['error'] | undefined {
  const evidence = shared.find((item) => item.subject.ip === ip);
  if (evidence === undefined || !evidence.ok) return undefined;
  const { https } = evidence.data;
  if (!https.ok) return { code: https.code, message: https.message };
  const location = https.headers.find(([name]) => name === 'location')?.[1];
  const page = https.page ?? (redirectStatuses.has(https.status) && location !== undefined ? emptyPage : undefined);
  if (page === undefined) return undefined;
  return { url: https.url, status: https.status, location, ...page };
}

const emptyPage = { bodyBytes: 0, truncated: false, histogram: sameSiteHistogram(new Uint8Array(0)) } as const;

/**
 * GETs `scheme://domain/` pinned to `ip`, following redirects within the same family. `home`,
 * when given, is the response to `https://domain/` at `ip`, already fetched: the HTTPS fetch
 * starts from it, and an HTTP fetch that redirects there ends with it.
 */
async function fetchPage(
  scheme: 'http' | 'https',
  domain: string,
  ip: string,
  context: ProbeContext,
  home?: PageStep | SameSiteFailure['error'],
): Promise<SameSiteResponse | SameSiteFailure> {
  const homeUrl = `https://${domain}/`;
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
    const step = home !== undefined && url === homeUrl && address === ip ? home : await getPage(url, address, context);
    if (!('status' in step)) return fail(step.code, step.message);
    if (!redirectStatuses.has(step.status) || step.location === undefined) {
      return {
        scheme,
        port,
        ok: true,
        status: step.status,
        finalUrl: step.url,
        redirects,
        bodyBytes: step.bodyBytes,
        truncated: step.truncated,
        histogram: step.histogram,
      };
    }
    if (redirects >= maxRedirects) return fail('too-many-redirects', `more than ${maxRedirects} redirects from ${scheme}://${domain}/`);
    const next = resolveRedirect(step.url, step.location);
    if (!next.ok) return fail('bad-redirect', next.message);
    const host = new URL(next.url).hostname.toLowerCase();
    const nextAddress = await addressFor(host, family, domain, ip, context);
    if (nextAddress === undefined) return fail('no-address', `the redirect to ${host} leads to no IPv${family} address`);
    url = next.url;
    address = nextAddress;
  }
}

/**
 * Fetches the home page of `domain` over HTTP and HTTPS, both pinned to `ip`. `shared` is the
 * `web-http` probe's evidence: its first HTTPS response at `ip`, when it has one this probe can
 * read, stands for every request here for `https://domain/` at `ip`, so that page is fetched
 * once per address.
 */
export async function probeWebSameSite(
  domain: string,
  ip: string,
  context: ProbeContext,
  shared: readonly Evidence<WebHttpEvidence>[] = [],
): Promise<WebSameSiteEvidence> {
  const home = sharedHttpsStep(shared, ip);
  const fetches = await Promise.all([fetchPage('http', domain, ip, context, home), fetchPage('https', domain, ip, context, home)]);
  return { ip, family: ip.includes(':') ? 6 : 4, fetches };
}

/**
 * Implements {@link webSameSiteDeclaration}: two subjects, the first IPv6 and the first IPv4
 * address of `web-addresses`, or none when the domain lacks either family. Its first HTTPS
 * request at each is the `web-http` probe's (see {@link probeWebSameSite}).
 */
export const webSameSiteProbe: ProbeDefinition<WebSameSiteEvidence, 'each'> = implementProbe(webSameSiteDeclaration, {
  timeoutMs: 60_000,
  uses: [webAddressesDeclaration, webHttpDeclaration],
  plan: async (context) => {
    const evidence = await context.evidence(webAddressesDeclaration);
    if (!evidence.ok) throw new ProbeFailure('dependency', `no addresses to fetch from: ${evidence.error.message}`);
    const { name, ipv4, ipv6 } = evidence.data;
    const [v6, v4] = [ipv6[0], ipv4[0]];
    if (v6 === undefined || v4 === undefined) return [];
    return [v6, v4].map((ip): Subject => ({ name, role: 'web', ip }));
  },
  run: async (subject, context) =>
    probeWebSameSite(subject.name, subject.ip ?? subject.name, context, await context.evidenceList(webHttpDeclaration)),
});
