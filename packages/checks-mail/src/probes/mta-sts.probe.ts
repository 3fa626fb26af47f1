import { type HttpResponse, implementProbe, type ProbeContext, ProbeFailure, type ProbeDefinition, probeAddresses } from '@pastoe/core';
import { mtaStsPolicyMaxBytes } from '../mta-sts/policy.js';
import { isMtaStsRecordText } from '../mta-sts/record.js';
import { lookupVersionedTxt } from '../txt/txt-lookup.js';
import { type MtaStsEvidence, type MtaStsHeader, type MtaStsPolicyFetch, mtaStsDeclaration } from './mta-sts.declaration.js';

/** Options of {@link createMtaStsProbe}. */
export interface MtaStsProbeOptions {
  /**
   * The time limit of the policy request (connecting, TLS, head and body), in milliseconds;
   * default 15 000. RFC 8461 §3.3 leaves the figure to senders and advises a short one.
   */
  readonly requestTimeoutMs?: number;
}

/** The response headers the evidence keeps: what the check judges and what a reader needs to see why. */
const headersOfInterest = new Set(['content-type', 'location', 'content-length', 'cache-control', 'content-encoding']);

/** The evidence of a response: status, headers of interest, body up to the limit, certificate verdict. */
function responseFacts(response: HttpResponse): Omit<MtaStsPolicyFetch, 'url' | 'ip'> {
  const headers: MtaStsHeader[] = response.headers.filter(([name]) => headersOfInterest.has(name)).slice(0, 16);
  return {
    status: response.status,
    headers,
    body: new TextDecoder().decode(response.body),
    bodyTruncated: response.bodyTruncated,
    ...(response.tls === undefined
      ? {}
      : {
          certificateValid: response.tls.authorized,
          ...(response.tls.authorizationError === undefined ? {} : { certificateError: response.tls.authorizationError }),
        }),
  };
}

/**
 * Fetches `https://mta-sts.<domain>/.well-known/mta-sts.txt` as RFC 8461 §3.3 says senders do: at
 * an address of `mta-sts.<domain>` (its first IPv4 address, else its first IPv6 one), the
 * certificate validated for that name against the scan's trust store (a failure is recorded with
 * the response, not hidden), no redirect followed, at most 64 KiB read.
 * @throws ProbeFailure when pastoe's side failed: the scan was aborted, the address policy refused
 * the address, the name's address lookup got SERVFAIL or no answer.
 */
export async function fetchMtaStsPolicy(
  domain: string,
  context: ProbeContext,
  options: MtaStsProbeOptions = {},
): Promise<MtaStsPolicyFetch> {
  const host = `mta-sts.${domain}`;
  const url = `https://${host}/.well-known/mta-sts.txt`;
  const { ipv4, ipv6 } = await probeAddresses(host, context);
  const ip = ipv4[0] ?? ipv6[0];
  if (ip === undefined) return { url, error: { code: 'no-address', message: `${host} has no A or AAAA record` } };
  const result = await context.transports.http.request({
    url,
    ip,
    signal: context.signal,
    timeoutMs: options.requestTimeoutMs ?? 15_000,
    maxBodyBytes: mtaStsPolicyMaxBytes,
    bodyOverflow: 'truncate',
    certificateErrors: 'report',
    headers: { accept: 'text/plain' },
  });
  if (result.ok) return { url, ip, ...responseFacts(result.response) };
  const { code, message, nodeCode } = result.error;
  if (code === 'aborted' || code === 'client-closed') throw new ProbeFailure('aborted', message);
  if (code === 'forbidden-address') throw new ProbeFailure('forbidden-address', message);
  if (code === 'invalid-request' || code === 'internal') throw new ProbeFailure('internal', message);
  return { url, ip, error: { code, message, ...(nodeCode === undefined ? {} : { nodeCode }) } };
}

/** Implements {@link mtaStsDeclaration} with the given request time limit. */
export function createMtaStsProbe(options: MtaStsProbeOptions = {}): ProbeDefinition<MtaStsEvidence, 'target'> {
  return implementProbe(mtaStsDeclaration, {
    timeoutMs: 30_000 + (options.requestTimeoutMs ?? 15_000),
    async run(subject, context) {
      const domain = subject.name.toLowerCase().replace(/\.$/, '');
      const lookup = { resolver: context.transports.resolver, signal: context.signal };
      const record = await lookupVersionedTxt(`_mta-sts.${domain}`, isMtaStsRecordText, lookup);
      // Senders fetch the policy only after finding a record; so does pastoe (one record or several: the check tells them apart).
      if (record.records.length === 0) return { domain, record };
      return { domain, record, policy: await fetchMtaStsPolicy(domain, context, options) };
    },
  });
}

/** Implements {@link mtaStsDeclaration}: what the mail preset binds. */
export const mtaStsProbe: ProbeDefinition<MtaStsEvidence, 'target'> = createMtaStsProbe();
