/**
 * One bounded JSON GET for the HTTP RPKI sources, through the scan's HTTP client and resolver so
 * that it obeys the scan's address policy and trust store. Failures are typed `ProbeFailure`s.
 */
import { type ProbeErrorCode, ProbeFailure } from '../../model/evidence.js';
import type { HttpErrorCode } from '../../http/types.js';
import { parseIpAddress } from '../prefix.js';
import type { RpkiSourceContext } from '../types.js';

/** Time and size bounds of one request to an RPKI source. */
export interface RpkiHttpLimits {
  /** Time limit for the request (connection, TLS, response) in milliseconds. */
  readonly timeoutMs: number;
  /** The most response body bytes accepted; a larger body fails as `too-large`. */
  readonly maxBytes: number;
}

const failureCodes: Readonly<Partial<Record<HttpErrorCode, ProbeErrorCode>>> = {
  timeout: 'timeout',
  aborted: 'aborted',
  'forbidden-address': 'forbidden-address',
  refused: 'refused',
  'header-too-large': 'too-large',
  'body-too-large': 'too-large',
  'malformed-response': 'malformed',
  'bad-chunked-encoding': 'malformed',
  'tls-handshake': 'protocol',
  certificate: 'protocol',
};

/** The address to connect to for a URL: its IP literal, or the first A (then AAAA) record of its host. */
async function addressOf(url: URL, context: RpkiSourceContext, what: string): Promise<string> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (parseIpAddress(host) !== undefined) return host;
  for (const type of ['A', 'AAAA'] as const) {
    const result = await context.resolver.query({ name: host, type }, { signal: context.signal });
    if (!result.ok) {
      const code: ProbeErrorCode = result.error.code === 'timeout' || result.error.code === 'aborted' ? result.error.code : 'unreachable';
      throw new ProbeFailure(code, `${what}: ${type} lookup of ${host} failed: ${result.error.message}`);
    }
    for (const { data } of result.message.answers) {
      if (data.type === type) return data.address;
    }
  }
  throw new ProbeFailure('unreachable', `${what}: ${host} has no address`);
}

/**
 * Fetches a URL and parses its body as JSON. Anything but a 200 response with a JSON body within
 * the limits is a `ProbeFailure` naming `what`.
 */
export async function fetchRpkiJson(url: URL, context: RpkiSourceContext, limits: RpkiHttpLimits, what: string): Promise<unknown> {
  const ip = await addressOf(url, context, what);
  const result = await context.http.request({
    url,
    ip,
    signal: context.signal,
    timeoutMs: limits.timeoutMs,
    maxBodyBytes: limits.maxBytes,
    bodyOverflow: 'error',
    headers: { accept: 'application/json' },
  });
  if (!result.ok) {
    throw new ProbeFailure(failureCodes[result.error.code] ?? 'unreachable', `${what}: ${result.error.message}`, {
      http: result.error.code,
    });
  }
  const { response } = result;
  if (response.status !== 200) throw new ProbeFailure('protocol', `${what} answered HTTP ${response.status}`, { status: response.status });
  if (response.contentEncoding !== undefined && response.contentEncoding !== 'identity') {
    throw new ProbeFailure('malformed', `${what} sent a ${response.contentEncoding}-encoded body`);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(response.body)) as unknown;
  } catch {
    throw new ProbeFailure('malformed', `${what} sent a body that is not JSON`);
  }
}

/** A plain object (not null, not an array), to read fields of untrusted JSON. */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
