/**
 * Turning a request into bytes: the URL checked and split into what the connection needs
 * (scheme, host, port, SNI) and the request head, with the caller's headers checked so that
 * nothing can be injected into it.
 */
import { Buffer } from 'node:buffer';
import { isIP } from 'node:net';
import type { HttpHeader, HttpMethod, HttpRequest } from './types.js';

/** A request ready to send. */
export interface PreparedRequest {
  /** The URL, without fragment. */
  readonly url: URL;
  /** `http` or `https`. */
  readonly scheme: 'http' | 'https';
  /** The port connected to: the URL's, or 80/443. */
  readonly port: number;
  /** The TLS server name: the URL's host name; absent for an IP literal (RFC 6066 forbids those in SNI). */
  readonly servername?: string;
  /** The URL's host as certificates name it: the host name, or the IP literal without brackets. */
  readonly certificateHost: string;
  /** The method. */
  readonly method: HttpMethod;
  /** The request head, ready for the wire. */
  readonly head: Uint8Array;
}

/** Longest request target (path and query) sent; longer URLs are refused rather than cut. */
const maxTargetLength = 8_192;
/** Most extra request headers. */
const maxExtraHeaders = 64;
/** Longest request header value. */
const maxHeaderValueLength = 8_192;

const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const valuePattern = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Headers the client sets itself, or that would change the framing or the connection. */
const reservedHeaders = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'te',
  'upgrade',
  'expect',
  'keep-alive',
  'proxy-connection',
  'trailer',
]);

/** Whether a value is a valid header field value to send: visible characters, spaces and tabs, bounded. */
export function isHeaderValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= maxHeaderValueLength && valuePattern.test(value) && value.trim() === value;
}

function headerList(headers: HttpRequest['headers']): readonly (readonly [unknown, unknown])[] | undefined {
  if (headers === undefined) return [];
  if (Array.isArray(headers)) return headers as readonly (readonly [unknown, unknown])[];
  if (typeof headers === 'object' && headers !== null) return Object.entries(headers);
  return undefined;
}

/**
 * Checks a request and builds its head. The Host header is the URL's host (with its port when
 * that is not the default); `user-agent` and `accept: *\/*` are sent unless the caller gives its
 * own.
 *
 * @returns the prepared request, or why it cannot be sent
 */
export function prepareRequest(
  request: HttpRequest,
  userAgent: string,
): { ok: true; prepared: PreparedRequest } | { ok: false; message: string } {
  if (typeof request !== 'object' || request === null) return { ok: false, message: 'a request must be an object' };
  let url: URL;
  try {
    url = new URL(request.url instanceof URL ? request.url.href : String(request.url));
  } catch {
    return { ok: false, message: `${JSON.stringify(String(request.url).slice(0, 100))} is not an absolute URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: `${url.protocol} URLs are not fetched, only http: and https:` };
  if (url.hostname === '') return { ok: false, message: 'the URL has no host' };
  url.hash = '';
  const target = `${url.pathname}${url.search}`;
  if (target.length > maxTargetLength) return { ok: false, message: `the URL's path and query exceed ${maxTargetLength} characters` };
  if (typeof request.ip !== 'string' || isIP(request.ip) === 0) {
    return {
      ok: false,
      message: `${JSON.stringify(String(request.ip).slice(0, 64))} is not an IP address; the client connects to a given address, never resolves`,
    };
  }
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD')
    return { ok: false, message: `method ${JSON.stringify(String(method).slice(0, 16))} is not GET or HEAD` };

  const extra = headerList(request.headers);
  if (extra === undefined) return { ok: false, message: 'headers must be a list of [name, value] pairs or an object' };
  if (extra.length > maxExtraHeaders) return { ok: false, message: `more than ${maxExtraHeaders} request headers` };
  const given: HttpHeader[] = [];
  for (const entry of extra) {
    const [name, value] = Array.isArray(entry) ? entry : [undefined, undefined];
    if (typeof name !== 'string' || !tokenPattern.test(name))
      return { ok: false, message: `${JSON.stringify(String(name).slice(0, 64))} is not a header name` };
    if (reservedHeaders.has(name.toLowerCase())) return { ok: false, message: `the ${name} header is the client's to set` };
    if (!isHeaderValue(value))
      return {
        ok: false,
        message: `the value of ${name} is not a valid header value (control characters, surrounding whitespace or over ${maxHeaderValueLength} characters)`,
      };
    given.push([name, value]);
  }
  const overridden = new Set(given.map(([name]) => name.toLowerCase()));
  const defaults: HttpHeader[] = [
    ['User-Agent', userAgent],
    ['Accept', '*/*'],
  ];
  const headers: HttpHeader[] = [['Host', url.host], ...defaults.filter(([name]) => !overridden.has(name.toLowerCase())), ...given];
  const head = `${method} ${target} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;

  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const bracketless = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const literal = isIP(bracketless) !== 0;
  return {
    ok: true,
    prepared: {
      url,
      scheme,
      port: url.port === '' ? (scheme === 'https' ? 443 : 80) : Number(url.port),
      ...(literal ? {} : { servername: bracketless }),
      certificateHost: bracketless,
      method,
      head: new Uint8Array(Buffer.from(head, 'latin1')),
    },
  };
}
