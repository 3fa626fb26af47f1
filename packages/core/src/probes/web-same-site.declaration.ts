import type { ByteHistogram } from '../ipv6/same-site-content.js';
import { declareProbe } from '../model/probe-declaration.js';

/** A GET that produced a response, after following redirects. */
export interface SameSiteResponse {
  /** `http` to port 80 or `https` to port 443. */
  readonly scheme: 'http' | 'https';
  /** The port of the first request. */
  readonly port: 80 | 443;
  /** A response came back. */
  readonly ok: true;
  /** The status of the last response. */
  readonly status: number;
  /** The URL of the last response. */
  readonly finalUrl: string;
  /** How many redirects were followed. */
  readonly redirects: number;
  /** How many body bytes were read (at most 500 000). */
  readonly bodyBytes: number;
  /** Whether the body was longer than what was read. */
  readonly truncated: boolean;
  /** The byte histogram of the body as the comparison sees it (`sameSiteHistogram`). */
  readonly histogram: ByteHistogram;
}

/** A GET that produced no response. */
export interface SameSiteFailure {
  /** `http` to port 80 or `https` to port 443. */
  readonly scheme: 'http' | 'https';
  /** The port of the first request. */
  readonly port: 80 | 443;
  /** No response. */
  readonly ok: false;
  /** Why: the HTTP client's error code (`refused`, `timeout`, `tls-handshake`, …), `too-many-redirects` or `no-address`. */
  readonly error: { readonly code: string; readonly message: string };
}

/** The website as one address family serves it: a GET over HTTP (port 80) and one over HTTPS (port 443). */
export interface WebSameSiteEvidence {
  /** The address the requests were pinned to (the first of its family). */
  readonly ip: string;
  /** Its family. */
  readonly family: 4 | 6;
  /** The HTTP and the HTTPS request, in that order. */
  readonly fetches: readonly (SameSiteResponse | SameSiteFailure)[];
}

/**
 * The home page of the domain fetched over IPv4 and over IPv6 (the first address of each family),
 * over HTTP on port 80 and HTTPS on port 443, following redirects, with the domain as Host and
 * SNI and certificates not validated (Internet.nl's `ipv6.simhash`). It plans nothing unless the
 * domain has both IPv4 and IPv6 addresses.
 */
export const webSameSiteDeclaration = declareProbe<WebSameSiteEvidence>({
  id: 'web-same-site',
  description: 'Fetches the home page over IPv4 and over IPv6 (HTTP and HTTPS, following redirects) to compare them',
  scope: 'each',
  needs: ['dns', 'tcp', 'ipv6'],
});
