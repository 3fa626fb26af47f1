import { declareProbe } from '../model/probe-declaration.js';
import type { SecurityTxtSignatureVerification } from '../securitytxt/verification.js';

/** Retrieval problems Internet.nl reports before the content is parsed (and `location` for the legacy place). */
export type SecurityTxtRetrievalCode =
  /** No response, or a 404, at both places. */
  | 'no_security_txt_404'
  /** Another status at `/.well-known/security.txt` (and nothing at `/security.txt`); the status is given. */
  | 'no_security_txt_other'
  /** No Content-Type header: the body is not parsed. */
  | 'no_content_type'
  /** The media type is not `text/plain`: the body is not parsed. */
  | 'invalid_media'
  /** A charset other than `utf-8` (or `csutf8`). */
  | 'invalid_charset'
  /** Found only at the legacy place, `/security.txt`. */
  | 'location';

/** One retrieval problem. */
export interface SecurityTxtRetrievalError {
  /** The code. */
  readonly code: SecurityTxtRetrievalCode;
  /** The HTTP status, for `no_security_txt_other`. */
  readonly status?: number;
}

/** One request of the retrieval (each redirect hop is one). */
export interface SecurityTxtRequest {
  /** The URL requested. */
  readonly url: string;
  /** The address connected to, when the host resolved. */
  readonly ip?: string;
  /** The status, when there was a response. */
  readonly status?: number;
  /** Why there was no response: the HTTP client's error code, or `unresolvable` for a redirect host without an address. */
  readonly error?: string;
  /** For a response over TLS: whether its certificate chain validated for the host (Internet.nl does not verify, pastoe records it). */
  readonly tlsTrusted?: boolean;
  /** The Location, for a redirect. */
  readonly location?: string;
}

/** What fetching security.txt from one web server address gave. JSON-able. */
export interface SecurityTxtEvidence {
  /** The domain. */
  readonly domain: string;
  /** The address tested. */
  readonly address: string;
  /** Whether HTTPS answered at this address at all (false: the first connection failed). */
  readonly reachable: boolean;
  /** Every request made, in order: the well-known place with its redirects, then the legacy place if it was tried. */
  readonly requests: readonly SecurityTxtRequest[];
  /** Where a 200 response came from; absent when neither place gave one. */
  readonly location?: 'well-known' | 'legacy';
  /** The final status of the place used (the well-known place when neither gave 200). */
  readonly status?: number;
  /** The Content-Type of the 200 response, as sent; absent when there was none. */
  readonly contentType?: string;
  /** The URL of the 200 response, after redirects. */
  readonly finalUrl?: string;
  /** The host of `finalUrl` (Internet.nl's `securitytxt_found_host`). */
  readonly foundHost?: string;
  /** Whether the 200 response's certificate chain validated. */
  readonly tlsTrusted?: boolean;
  /** The body of the 200 response, base64 (bytes, so that invalid UTF-8 survives), at most 100 KB. */
  readonly bodyBase64?: string;
  /** Whether the body was longer than 100 KB and cut. */
  readonly bodyTruncated?: boolean;
  /** Whether a redirect went from https to http anywhere on the way (Internet.nl issue #1563). */
  readonly insecureRedirect: boolean;
  /** The retrieval problems. */
  readonly retrievalErrors: readonly SecurityTxtRetrievalError[];
  /** The signature verification, when the probe was given a public key and a file was found. */
  readonly signature?: SecurityTxtSignatureVerification;
}

/**
 * security.txt (RFC 9116) over HTTPS from the first IPv6 and the first IPv4 address of the domain
 * (every address with the scan's `addresses: 'all'`), as Internet.nl fetches it:
 * `/.well-known/security.txt`, redirects followed, then `/security.txt`.
 */
export const securityTxtDeclaration = declareProbe<SecurityTxtEvidence>({
  id: 'securitytxt',
  description: 'Fetches /.well-known/security.txt (then /security.txt) over HTTPS from the first IPv6 and IPv4 web address',
  scope: 'each',
  needs: ['dns', 'ipv6'],
});
