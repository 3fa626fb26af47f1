import { declareProbe } from '../model/probe-declaration.js';
import type { HttpHeader } from '../http/types.js';
import type { ByteHistogram } from '../ipv6/same-site-content.js';

/** Why the HTTPS request to a web server address gave no response. */
export type WebHttpsFailure =
  /** Nothing accepts connections on 443 (refused, unreachable, closed before answering). */
  | 'no-https'
  /** The TLS handshake failed: no protocol or suite in common, or the server broke it off. */
  | 'tls'
  /** No complete response within the time limit. */
  | 'timeout'
  /** The server answered with something that is not an HTTP/1.x response within the bounds. */
  | 'malformed';

/**
 * The body of the first HTTPS response as the IPv4/IPv6 comparison (`web-same-site`) sees it:
 * decoded from its content coding, its first 500 000 bytes reduced to a byte histogram. Kept
 * here so that the home page is fetched once per address; the body itself is not kept.
 */
export interface WebHomePage {
  /** How many decoded body bytes were read (at most 500 000). */
  readonly bodyBytes: number;
  /** Whether the body was longer than what was read. */
  readonly truncated: boolean;
  /** Their byte histogram (`sameSiteHistogram`). */
  readonly histogram: ByteHistogram;
}

/** The first response to an HTTPS GET `/` on port 443 (redirects not followed), or why there is none. */
export type WebHttpsResult =
  | {
      /** There is a response. */
      readonly ok: true;
      /** The URL requested (`https://<domain>/`). */
      readonly url: string;
      /** Its status code. */
      readonly status: number;
      /** Every header field in the order received, names lowercased, duplicates kept. */
      readonly headers: readonly HttpHeader[];
      /** The Content-Encoding, lowercased, when the response has one. */
      readonly contentEncoding?: string;
      /** Whether the certificate validated for the domain (the request goes on either way, as Internet.nl's does). */
      readonly certificateValid: boolean;
      /** The body as the IPv4/IPv6 comparison sees it; absent when its content coding is one pastoe cannot decode. */
      readonly page?: WebHomePage;
    }
  | {
      /** There is none. */
      readonly ok: false;
      /** Why, as the checks distinguish it. */
      readonly failure: WebHttpsFailure;
      /** The HTTP client's error code (`refused`, `tls-handshake`, `timeout`, …). */
      readonly code: string;
      /** One line for people. */
      readonly message: string;
    };

/** One request of the plain-HTTP redirect chain. */
export interface WebRedirectHop {
  /** The URL requested. */
  readonly url: string;
  /** The address it was sent to, when there was one. */
  readonly ip?: string;
  /** The response's status code; absent when the request failed. */
  readonly status?: number;
  /** The Location header as sent, when the response has one. */
  readonly location?: string;
  /** Why the request failed (the HTTP client's error code, or `unresolved` for a host without an address). */
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * How the chain ended: `final` (a response that does not redirect), `failed` (a request failed;
 * the last hop says why), `bad-location` (a redirect whose Location leads nowhere usable),
 * `loop` (a URL came back), `too-many-hops` (the hop limit was reached).
 */
export type WebRedirectEnd = 'final' | 'failed' | 'bad-location' | 'loop' | 'too-many-hops';

/** The plain-HTTP redirect chain from `http://<domain>/` on port 80, hop by hop. */
export interface WebRedirectChain {
  /** The requests in order; the first is `http://<domain>/` to the tested address. */
  readonly hops: readonly WebRedirectHop[];
  /** How it ended. */
  readonly end: WebRedirectEnd;
}

/** What HTTP(S) shows of one web server address. */
export interface WebHttpEvidence {
  /** The first HTTPS response to GET `/` (for the security headers, HSTS, compression and the IPv4/IPv6 comparison). */
  readonly https: WebHttpsResult;
  /** The redirect chain of plain HTTP (for HTTPS enforcement). */
  readonly http: WebRedirectChain;
}

/**
 * The website over HTTP(S) at each web server address the scan judges (from the `web-addresses`
 * probe, IPv6 first; by the scan's `addresses` selection the first IPv6 and IPv4 address, or
 * every one): the first HTTPS response to GET `/` with Internet.nl's Accept-Encoding, and the
 * plain-HTTP redirect chain from `http://<domain>/`, both pinned to the address with the domain
 * as Host and TLS server name.
 */
export const webHttpDeclaration = declareProbe<WebHttpEvidence>({
  id: 'web-http',
  description: 'Fetches / over HTTPS and follows the plain-HTTP redirect chain at each judged web server address',
  scope: 'each',
  needs: ['dns', 'ipv6'],
});
