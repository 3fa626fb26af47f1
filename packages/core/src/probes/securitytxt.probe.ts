/**
 * Fetches security.txt as Internet.nl does (`checks/tasks/securitytxt.py`): HTTPS GET of
 * `/.well-known/security.txt` pinned to the tested address with the domain as Host and SNI,
 * redirects followed hop by hop (another host is resolved, and every hop goes through the
 * network's address policy), certificates not required but recorded, at most 100 KB read; when
 * that gives no 200, `/security.txt`.
 */
import type { HttpResponse } from '../http/types.js';
import { resolveRedirect } from '../http/redirect.js';
import { selectAddresses } from '../model/check.js';
import { ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import type { Subject } from '../model/subject.js';
import { encodeBase64 } from '../securitytxt/openpgp-armor.js';
import { parseSecurityTxt, securityTxtMaxBytes } from '../securitytxt/parse.js';
import { verifySecurityTxtSignature } from '../securitytxt/verify.js';
import { probeAddresses } from './addresses.probe.js';
import {
  type SecurityTxtEvidence,
  type SecurityTxtRequest,
  type SecurityTxtRetrievalError,
  securityTxtDeclaration,
} from './securitytxt.declaration.js';
import { webAddressesDeclaration } from './addresses.declaration.js';

/** The most redirects followed (as Python requests' default allows 30; ten is plenty and bounds the work). */
const maxRedirects = 10;
/** The time limit of one request. */
const requestTimeoutMs = 10_000;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Options of {@link defineSecurityTxtProbe}. */
export interface SecurityTxtProbeOptions {
  /** An armored OpenPGP public key: the signature of a found file is verified with it and the result recorded. */
  readonly publicKey?: string;
}

/** A followed chain: its requests and the final response, if there was one. */
interface Chain {
  readonly requests: SecurityTxtRequest[];
  readonly response?: HttpResponse;
  readonly insecureRedirect: boolean;
}

/** The address to connect to for a hop's host: the tested one for the domain, else the host's first of the same family. */
async function addressFor(host: string, subject: Subject, context: ProbeContext): Promise<string | undefined> {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === subject.name.toLowerCase() || bare === subject.ip) return subject.ip;
  if (/^[\d.]+$/.test(bare) || bare.includes(':')) return bare;
  try {
    const { ipv4, ipv6 } = await probeAddresses(bare, context);
    const sameFamily = (subject.ip ?? '').includes(':') ? ipv6 : ipv4;
    return sameFamily[0] ?? [...ipv6, ...ipv4][0];
  } catch (error) {
    if (error instanceof ProbeFailure && error.code !== 'aborted') return undefined;
    throw error;
  }
}

/** GETs `url` and follows redirects; a failed first connection to the tested address ends the chain without a response. */
async function follow(url: string, subject: Subject, context: ProbeContext): Promise<Chain> {
  const requests: SecurityTxtRequest[] = [];
  let insecureRedirect = false;
  let next = url;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const ip = await addressFor(new URL(next).hostname, subject, context);
    if (ip === undefined) {
      requests.push({ url: next, error: 'unresolvable' });
      return { requests, insecureRedirect };
    }
    const result = await context.transports.http.request({
      url: next,
      ip,
      signal: context.signal,
      timeoutMs: requestTimeoutMs,
      maxBodyBytes: securityTxtMaxBytes,
      bodyOverflow: 'truncate',
      certificateErrors: 'report',
      headers: { accept: 'text/plain, */*' },
    });
    if (!result.ok) {
      const { code, message } = result.error;
      // Stopped by the scan, or refused by the caller's address policy: pastoe's limits, not the site's behaviour.
      if (code === 'aborted' || code === 'client-closed') throw new ProbeFailure('aborted', message);
      if (code === 'forbidden-address' && hop === 0) throw new ProbeFailure('forbidden-address', message);
      requests.push({ url: next, ip, error: code });
      return { requests, insecureRedirect };
    }
    const { response } = result;
    const location = response.headers.find(([name]) => name === 'location')?.[1];
    const tlsTrusted = response.tls?.authorized;
    requests.push({
      url: next,
      ip,
      status: response.status,
      ...(tlsTrusted === undefined ? {} : { tlsTrusted }),
      ...(location === undefined ? {} : { location }),
    });
    if (!redirectStatuses.has(response.status)) return { requests, response, insecureRedirect };
    const target = resolveRedirect(next, location);
    if (!target.ok) return { requests, response, insecureRedirect };
    if (new URL(next).protocol === 'https:' && new URL(target.url).protocol === 'http:') insecureRedirect = true;
    next = target.url;
  }
  return { requests, insecureRedirect };
}

/** The Content-Type problems Internet.nl reports. */
function contentTypeErrors(contentType: string | undefined): SecurityTxtRetrievalError[] {
  if (contentType === undefined) return [{ code: 'no_content_type' }];
  const [media = '', ...parameters] = contentType.split(';');
  const errors: SecurityTxtRetrievalError[] = [];
  if (media.trim().toLowerCase() !== 'text/plain') errors.push({ code: 'invalid_media' });
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    const charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
    if (name.trim().toLowerCase() === 'charset' && charset !== 'utf-8' && charset !== 'csutf8') errors.push({ code: 'invalid_charset' });
  }
  return errors;
}

/** Fetches security.txt from one address: the evidence {@link securityTxtDeclaration} describes. */
export async function probeSecurityTxt(
  subject: Subject,
  context: ProbeContext,
  options: SecurityTxtProbeOptions = {},
): Promise<SecurityTxtEvidence> {
  if (subject.ip === undefined) throw new ProbeFailure('dependency', `the security.txt probe needs an address for ${subject.name}`);
  const base = `https://${subject.name}`;
  const wellKnown = await follow(`${base}/.well-known/security.txt`, subject, context);
  const reachable = wellKnown.requests[0]?.status !== undefined;
  const common = { domain: subject.name, address: subject.ip, reachable };
  let used: { readonly chain: Chain; readonly location: 'well-known' | 'legacy' } | undefined;
  let legacy: Chain | undefined;
  if (wellKnown.response?.status === 200) used = { chain: wellKnown, location: 'well-known' };
  else if (reachable) {
    legacy = await follow(`${base}/security.txt`, subject, context);
    if (legacy.response?.status === 200) used = { chain: legacy, location: 'legacy' };
  }
  const requests = [...wellKnown.requests, ...(legacy?.requests ?? [])];
  const insecureRedirect = wellKnown.insecureRedirect || (used?.chain.insecureRedirect ?? false);
  if (used === undefined) {
    const status = wellKnown.response?.status;
    const retrievalErrors: SecurityTxtRetrievalError[] =
      status === undefined || status === 404 ? [{ code: 'no_security_txt_404' }] : [{ code: 'no_security_txt_other', status }];
    return { ...common, requests, ...(status === undefined ? {} : { status }), insecureRedirect, retrievalErrors };
  }
  const response = used.chain.response as HttpResponse;
  const contentType = response.headers.find(([name]) => name === 'content-type')?.[1];
  const retrievalErrors = [...(used.location === 'legacy' ? [{ code: 'location' as const }] : []), ...contentTypeErrors(contentType)];
  const finalUrl = response.url;
  const signature =
    options.publicKey === undefined
      ? undefined
      : verifySecurityTxtSignature(parseSecurityTxt(response.body, { now: context.now(), url: finalUrl }), options.publicKey);
  return {
    ...common,
    requests,
    location: used.location,
    status: 200,
    ...(contentType === undefined ? {} : { contentType }),
    finalUrl,
    foundHost: new URL(finalUrl).hostname,
    ...(response.tls === undefined ? {} : { tlsTrusted: response.tls.authorized }),
    bodyBase64: encodeBase64(response.body),
    bodyTruncated: response.bodyTruncated,
    insecureRedirect,
    retrievalErrors,
    ...(signature === undefined ? {} : { signature }),
  };
}

/**
 * Implements {@link securityTxtDeclaration}, optionally verifying signatures with a public key.
 * Subjects: the addresses the scan judges (its `addresses` selection): by default the first IPv6
 * and the first IPv4 address of the domain (Internet.nl tests those two), with `all` every one.
 */
export function defineSecurityTxtProbe(options: SecurityTxtProbeOptions = {}): ProbeDefinition<SecurityTxtEvidence, 'each'> {
  return implementProbe(securityTxtDeclaration, {
    timeoutMs: 60_000,
    plan: async (context) => {
      const evidence = await context.evidence(webAddressesDeclaration);
      if (!evidence.ok) throw new ProbeFailure('dependency', `no addresses to fetch security.txt from: ${evidence.error.message}`);
      const { name } = evidence.data;
      return selectAddresses(evidence.data, context.addresses).map((ip): Subject => ({ name, role: 'web', ip, port: 443 }));
    },
    run: (subject, context) => probeSecurityTxt(subject, context, options),
  });
}

/** The security.txt probe without signature verification: what the web preset binds. */
export const securityTxtProbe: ProbeDefinition<SecurityTxtEvidence, 'each'> = defineSecurityTxtProbe();
