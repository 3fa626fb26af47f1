/**
 * The HTTP client's public types: requests, responses, typed errors and limits. Responses are
 * plain data (apart from the body bytes), so a probe can turn them into evidence directly.
 */
import type { Endpoint } from '../transport/network.js';
import type { TrustStore } from '../trust/types.js';

/** The methods the client sends: pastoe only ever reads. */
export type HttpMethod = 'GET' | 'HEAD';

/** One header field as received: name lowercased, value as sent (latin1), surrounding whitespace removed. */
export type HttpHeader = readonly [name: string, value: string];

/** What to do with a body larger than the limit. */
export type BodyOverflow =
  /** Keep the first `maxBodyBytes` bytes, mark the response `bodyTruncated` and close the connection. */
  | 'truncate'
  /** Fail with `body-too-large`. */
  | 'error';

/** What to do when the server's certificate does not validate or is not for the host. */
export type CertificateErrors =
  /** Fail with `certificate` and the node error code. */
  | 'fail'
  /** Go on, and say so in the response's `tls.authorized` and `tls.authorizationError`. */
  | 'report';

/** Size bounds for one response. Every one applies to whatever the server sends, so no server can exhaust memory. */
export interface HttpLimits {
  /** The most bytes in the status line and header section, interim (1xx) responses included. Default 65 536. */
  readonly maxHeaderBytes: number;
  /** The most header fields in one response (and, separately, trailer fields). Default 256. */
  readonly maxHeaderCount: number;
  /** The most bytes in one line of the head (a status line or one header field). Default 32 768. */
  readonly maxLineBytes: number;
  /** The most body bytes kept. Default 1 048 576. */
  readonly maxBodyBytes: number;
  /** The most bytes in the trailer section of a chunked body. Default 16 384. */
  readonly maxTrailerBytes: number;
}

/** One request. */
export interface HttpRequest {
  /** An absolute `http:` or `https:` URL: its host is the Host header and the TLS server name; a fragment is not sent. */
  readonly url: string | URL;
  /** The IP address to connect to (the URL's host is never resolved here). */
  readonly ip: string;
  /** Default `GET`. */
  readonly method?: HttpMethod;
  /**
   * Extra request headers, e.g. `accept-encoding`. They replace the defaults (`user-agent`,
   * `accept`) of the same name; `host`, `connection`, `content-length`, `transfer-encoding`,
   * `te`, `upgrade`, `expect` and `keep-alive` are the client's and refused here.
   */
  readonly headers?: readonly HttpHeader[] | Readonly<Record<string, string>>;
  /** Aborts the request; the result is then an `aborted` error. */
  readonly signal?: AbortSignal;
  /** Time limit for the whole request (connecting, TLS, the response head and body), in milliseconds. Default the client's. */
  readonly timeoutMs?: number;
  /** Overrides the client's `maxBodyBytes` for this request. */
  readonly maxBodyBytes?: number;
  /** Overrides the client's `maxHeaderBytes` for this request. */
  readonly maxHeaderBytes?: number;
  /** What a body over the limit does. Default `truncate`. */
  readonly bodyOverflow?: BodyOverflow;
  /** What a certificate problem does. Default the client's (`fail`). */
  readonly certificateErrors?: CertificateErrors;
}

/** The TLS side of an HTTPS response. */
export interface HttpTlsInfo {
  /** The negotiated version, e.g. `TLSv1.3`. */
  readonly protocol: string;
  /** The negotiated suite's IANA name. */
  readonly cipher: string;
  /** The ALPN protocol the server chose, if any (`http/1.1`). */
  readonly alpn?: string;
  /** The SNI sent; absent for an IP-literal URL. */
  readonly servername?: string;
  /** Whether the chain validated against the trust store and the certificate is for the URL's host. */
  readonly authorized: boolean;
  /**
   * Why not: OpenSSL's reason for the chain (`CERT_HAS_EXPIRED`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`,
   * …) or Node's for the name (`ERR_TLS_CERT_ALTNAME_INVALID`).
   */
  readonly authorizationError?: string;
}

/** How long the steps of a request took, in milliseconds. */
export interface HttpTimings {
  /** Whether an idle keep-alive connection was reused (then no connect or TLS time). */
  readonly reusedConnection: boolean;
  /** The TCP handshake. */
  readonly connectMs?: number;
  /** The TLS handshake. */
  readonly tlsMs?: number;
  /** From sending the request to the first response byte. */
  readonly firstByteMs: number;
  /** The whole request. */
  readonly totalMs: number;
}

/** How the end of the body was known. */
export type BodyFraming =
  /** No body: HEAD, 1xx, 204, 304. */
  | 'none'
  /** Content-Length. */
  | 'content-length'
  /** Chunked transfer coding. */
  | 'chunked'
  /** Until the server closed the connection. */
  | 'close';

/** The response to one request (the first final one: redirects are not followed, interim 1xx responses are skipped). */
export interface HttpResponse {
  /** The URL requested, without fragment. */
  readonly url: string;
  /** The status code (100–599). */
  readonly status: number;
  /** The reason phrase, possibly empty. */
  readonly statusText: string;
  /** The HTTP version of the response, e.g. `1.1`. */
  readonly httpVersion: string;
  /** The header fields in the order received, duplicates kept, names lowercased. */
  readonly headers: readonly HttpHeader[];
  /** The trailer fields of a chunked body, like `headers`. */
  readonly trailers: readonly HttpHeader[];
  /** The body as received: transfer coding removed, content coding (gzip, br) not decoded. */
  readonly body: Uint8Array;
  /** Whether the body was cut at `maxBodyBytes`. */
  readonly bodyTruncated: boolean;
  /** How the body's end was known. */
  readonly framing: BodyFraming;
  /** The Content-Encoding, lowercased (e.g. `gzip`), if the response has one. */
  readonly contentEncoding?: string;
  /** For HTTPS: the TLS connection. */
  readonly tls?: HttpTlsInfo;
  /** The address and port connected to. */
  readonly remote: Endpoint;
  /** How long it took. */
  readonly timings: HttpTimings;
}

/** Why a request produced no response. */
export type HttpErrorCode =
  /** The request itself is unusable: not an http(s) URL, not an IP address, a bad header. */
  | 'invalid-request'
  /** The address policy forbids the address. */
  | 'forbidden-address'
  /** The server refused or reset the TCP connection. */
  | 'refused'
  /** The server could not be reached. */
  | 'unreachable'
  /** The request did not finish within its time limit (`stage` says where it was). */
  | 'timeout'
  /** The caller's signal aborted it. */
  | 'aborted'
  /** The TLS handshake failed (`nodeCode` holds Node's or OpenSSL's code). */
  | 'tls-handshake'
  /** The certificate does not validate or is not for the host (`nodeCode`: `CERT_HAS_EXPIRED`, `ERR_TLS_CERT_ALTNAME_INVALID`, …). */
  | 'certificate'
  /** The server closed the connection before the response was complete. */
  | 'closed'
  /** The status line and headers exceed a limit (bytes, line length or count). */
  | 'header-too-large'
  /** The body exceeds `maxBodyBytes` and `bodyOverflow` is `error`. */
  | 'body-too-large'
  /** The response is not HTTP/1.x, or its head or framing is invalid (conflicting Content-Length, a bad header line). */
  | 'malformed-response'
  /** The chunked body is invalid: a chunk size that is not hex or overflows, a missing CRLF, a bad trailer. */
  | 'bad-chunked-encoding'
  /** The client was closed. */
  | 'client-closed'
  /** A bug in pastoe. */
  | 'internal';

/** Where a request was when it failed. */
export type HttpStage = 'request' | 'connect' | 'tls' | 'send' | 'headers' | 'body';

/** A failed request. */
export interface HttpError {
  /** The kind of failure. */
  readonly code: HttpErrorCode;
  /** One line for people. */
  readonly message: string;
  /** Where the request was. */
  readonly stage: HttpStage;
  /** The Node, OpenSSL or system error code behind it, if any (`ECONNRESET`, `CERT_HAS_EXPIRED`, …). */
  readonly nodeCode?: string;
  /** For `certificate` errors: the TLS connection that was refused. */
  readonly tls?: HttpTlsInfo;
}

/** The outcome of a request: the response, or why there is none. A request never rejects. */
export type HttpResult = { readonly ok: true; readonly response: HttpResponse } | { readonly ok: false; readonly error: HttpError };

/** Counters over a client's life, for reports and tests. */
export interface HttpClientStats {
  /** Requests made. */
  readonly requests: number;
  /** TCP connections opened. */
  readonly connectionsOpened: number;
  /** Requests served over a reused keep-alive connection. */
  readonly connectionsReused: number;
  /** Connections open now (busy or idle). */
  readonly open: number;
  /** Idle keep-alive connections now. */
  readonly idle: number;
}

/** An HTTP/1.1 client with its own keep-alive pool. */
export interface HttpClient {
  /** The roots it validates certificates against. */
  readonly trust: TrustStore;
  /**
   * Sends one GET or HEAD request to the given IP address and reads the response. Never rejects:
   * a failure is a result with a typed error.
   */
  request(request: HttpRequest): Promise<HttpResult>;
  /** Counters so far. */
  stats(): HttpClientStats;
  /**
   * Ends requests in flight (they finish with `client-closed`), closes every connection and
   * resolves when all sockets have closed. Later requests fail with `client-closed`.
   */
  close(): Promise<void>;
}
