import { parseIPv4, parseIPv6 } from '../dns/wire/ip.js';
import { decodeContentCoding } from '../http/content-coding.js';
import { resolveRedirect } from '../http/redirect.js';
import type { HttpError, HttpRequest, HttpResponse, HttpResult } from '../http/types.js';
import { sameSiteBodyLimit, sameSiteHistogram } from '../ipv6/same-site-content.js';
import { selectAddresses } from '../model/check.js';
import { ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import type { Subject } from '../model/subject.js';
import { webAddressesDeclaration } from './addresses.declaration.js';
import {
  type WebHttpEvidence,
  type WebHttpsFailure,
  type WebHomePage,
  type WebHttpsResult,
  type WebRedirectChain,
  type WebRedirectHop,
  webHttpDeclaration,
} from './web-http.declaration.js';

/** Internet.nl's Accept-Encoding for the header fetch: a server that compresses for any of these is seen to. */
export const internetnlAcceptEncoding = 'br, compress, deflate, exi, gzip, pack200-gzip, x-compress, x-gzip, zstd';

/** The most requests of one redirect chain (the first included). */
export const maxRedirectHops = 10;

/** Per-request bounds: the checks read heads only, so bodies are cut short; certificates are reported, not enforced, as Internet.nl does. */
const requestBounds = { timeoutMs: 10_000, maxBodyBytes: 64 * 1024, bodyOverflow: 'truncate', certificateErrors: 'report' } as const;

/** The time the whole redirect chain may take, so that a chain of slow hops ends within the probe's limit. */
const chainBudgetMs = 40_000;

const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Errors that are pastoe's (its policy, its caller, its own bugs), never the server's behaviour. */
function ownFailure(error: HttpError): ProbeFailure | undefined {
  switch (error.code) {
    case 'forbidden-address':
      return new ProbeFailure('forbidden-address', error.message);
    case 'aborted':
    case 'client-closed':
      return new ProbeFailure('aborted', error.message);
    case 'invalid-request':
    case 'internal':
      return new ProbeFailure('internal', error.message);
    default:
      return undefined;
  }
}

function httpsFailureKind(error: HttpError): WebHttpsFailure {
  switch (error.code) {
    case 'tls-handshake':
    case 'certificate':
      return 'tls';
    case 'timeout':
      return 'timeout';
    case 'header-too-large':
    case 'body-too-large':
    case 'malformed-response':
    case 'bad-chunked-encoding':
      return 'malformed';
    default:
      return 'no-https';
  }
}

/** One request pinned to `ip`, with the probe's bounds and signal. */
function request(context: ProbeContext, url: string, ip: string, extra: Partial<HttpRequest> = {}): Promise<HttpResult> {
  return context.transports.http.request({ url, ip, signal: context.signal, ...requestBounds, ...extra });
}

/** The body as `web-same-site` compares it, or `undefined` for a coding pastoe cannot decode. */
async function homePage(response: HttpResponse, context: ProbeContext): Promise<WebHomePage | undefined> {
  const decoded = await decodeContentCoding(response.body, response.contentEncoding, sameSiteBodyLimit, context.signal);
  if (decoded === undefined) return undefined;
  return {
    bodyBytes: decoded.bytes.length,
    truncated: decoded.truncated || response.bodyTruncated,
    histogram: sameSiteHistogram(decoded.bytes),
  };
}

/**
 * The first response to HTTPS GET `/`; pastoe's own failures throw. Its body is read up to the
 * same-site comparison's limit (not the 64 KiB of the other requests), since that comparison
 * reads this response rather than fetching the page again.
 */
async function fetchHttps(domain: string, ip: string, context: ProbeContext): Promise<WebHttpsResult> {
  const url = `https://${domain}/`;
  const result = await request(context, url, ip, {
    headers: { 'accept-encoding': internetnlAcceptEncoding },
    maxBodyBytes: sameSiteBodyLimit,
  });
  if (!result.ok) {
    const own = ownFailure(result.error);
    if (own !== undefined) throw own;
    return { ok: false, failure: httpsFailureKind(result.error), code: result.error.code, message: result.error.message };
  }
  const { response } = result;
  const page = await homePage(response, context);
  return {
    ok: true,
    url,
    status: response.status,
    headers: response.headers,
    ...(response.contentEncoding === undefined ? {} : { contentEncoding: response.contentEncoding }),
    certificateValid: response.tls?.authorized ?? false,
    ...(page === undefined ? {} : { page }),
  };
}

/** The address a hop's host is reached at: literal, the tested address for the domain, else the first A/AAAA (the tested address's family first). */
async function addressOf(host: string, domain: string, testedIp: string, context: ProbeContext): Promise<string | undefined> {
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (parseIPv4(bare) !== undefined || parseIPv6(bare) !== undefined) return bare;
  const name = bare.toLowerCase().replace(/\.$/, '');
  if (name === domain.toLowerCase()) return testedIp;
  const types: readonly ('A' | 'AAAA')[] = testedIp.includes(':') ? ['AAAA', 'A'] : ['A', 'AAAA'];
  for (const type of types) {
    const answer = await context.transports.resolver.query({ name, type }, { signal: context.signal });
    if (!answer.ok || answer.message.rcode !== 'NOERROR') continue;
    for (const { data } of answer.message.answers) if (data.type === type) return data.address;
  }
  return undefined;
}

/** What one hop of the chain got: a status and Location, or why the request failed. */
type HopAnswer =
  | { readonly status: number; readonly location: string | undefined }
  | { readonly error: { readonly code: string; readonly message: string } };

/** A hop's answer from the first HTTPS response. */
function hopOf(https: WebHttpsResult): HopAnswer {
  if (!https.ok) return { error: { code: https.code, message: https.message } };
  return { status: https.status, location: https.headers.find(([name]) => name === 'location')?.[1] };
}

/** One request of the chain; pastoe's own failures throw, except the policy's refusal of a later hop (part of the chain). */
async function requestHop(context: ProbeContext, url: string, address: string, timeoutMs: number, first: boolean): Promise<HopAnswer> {
  const result = await request(context, url, address, { timeoutMs });
  if (!result.ok) {
    const own = ownFailure(result.error);
    if (own !== undefined && (first || result.error.code !== 'forbidden-address')) throw own;
    return { error: { code: result.error.code, message: result.error.message } };
  }
  return { status: result.response.status, location: result.response.headers.find(([name]) => name === 'location')?.[1] };
}

/**
 * Follows plain HTTP from `http://<domain>/` hop by hop, at most {@link maxRedirectHops} requests.
 * A hop to `https://<domain>/` at the tested address is answered by `home`, the first HTTPS
 * response there, rather than a second request for the same page.
 */
async function followHttp(domain: string, ip: string, context: ProbeContext, home: Promise<WebHttpsResult>): Promise<WebRedirectChain> {
  const homeUrl = `https://${domain}/`;
  const hops: WebRedirectHop[] = [];
  const seen = new Set<string>();
  let url = `http://${domain}/`;
  const deadline = Date.now() + chainBudgetMs;
  while (hops.length < maxRedirectHops) {
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) {
      hops.push({ url, error: { code: 'timeout', message: `the redirect chain took longer than ${chainBudgetMs} ms` } });
      return { hops, end: 'failed' };
    }
    seen.add(url);
    const host = new URL(url).hostname;
    const address = hops.length === 0 ? ip : await addressOf(host, domain, ip, context);
    if (address === undefined) {
      hops.push({ url, error: { code: 'unresolved', message: `${host} has no address` } });
      return { hops, end: 'failed' };
    }
    const answer =
      url === homeUrl && address === ip
        ? hopOf(await home)
        : await requestHop(context, url, address, Math.min(requestBounds.timeoutMs, remainingMs), hops.length === 0);
    if ('error' in answer) {
      hops.push({ url, ip: address, error: answer.error });
      return { hops, end: 'failed' };
    }
    const { status, location } = answer;
    hops.push({ url, ip: address, status, ...(location === undefined ? {} : { location }) });
    if (!redirectStatuses.has(status)) return { hops, end: 'final' };
    const next = resolveRedirect(url, location);
    if (!next.ok) return { hops, end: 'bad-location' };
    const nextUrl = new URL(next.url);
    nextUrl.hash = '';
    if (seen.has(nextUrl.href)) return { hops, end: 'loop' };
    url = nextUrl.href;
  }
  return { hops, end: 'too-many-hops' };
}

/**
 * Fetches the website at one address: the first HTTPS response to GET `/` and the plain-HTTP
 * redirect chain, concurrently. Throws a `ProbeFailure` for pastoe's own failures (the address
 * policy refused the tested address, the scan was aborted); everything the server does is evidence.
 */
export async function probeWebHttp(subject: Subject, context: ProbeContext): Promise<WebHttpEvidence> {
  if (subject.ip === undefined) throw new ProbeFailure('dependency', `the web HTTP probe needs an address for ${subject.name}`);
  const home = fetchHttps(subject.name, subject.ip, context);
  const [https, http] = await Promise.all([home, followHttp(subject.name, subject.ip, context, home)]);
  return { https, http };
}

/**
 * Implements {@link webHttpDeclaration}: one subject per web server address the scan judges (its
 * `addresses` selection: the first IPv6 and IPv4 address, or every one), IPv6 first.
 */
export const webHttpProbe: ProbeDefinition<WebHttpEvidence, 'each'> = implementProbe(webHttpDeclaration, {
  timeoutMs: 60_000,
  uses: [webAddressesDeclaration],
  plan: async (context) => {
    const evidence = await context.evidence(webAddressesDeclaration);
    if (!evidence.ok) throw new ProbeFailure('dependency', `no addresses to fetch from: ${evidence.error.message}`);
    const { name } = evidence.data;
    return selectAddresses(evidence.data, context.addresses).map((ip): Subject => ({ name, role: 'web', ip }));
  },
  run: probeWebHttp,
});
