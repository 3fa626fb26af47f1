/** The HTTP/1.1 client: pinned to a given IP, bounded, typed results, keep-alive per scan; and the redirect helper. */
export { createHttpClient, defaultHttpLimits, defaultUserAgent } from './client.js';
export type { HttpClient, HttpClientOptions } from './client.js';
export { resolveRedirect } from './redirect.js';
export type { RedirectProblem, RedirectTarget } from './redirect.js';
export { headerValues } from './headers.js';
export type {
  BodyFraming,
  BodyOverflow,
  CertificateErrors,
  HttpClientStats,
  HttpError,
  HttpErrorCode,
  HttpHeader,
  HttpLimits,
  HttpMethod,
  HttpRequest,
  HttpResponse,
  HttpResult,
  HttpStage,
  HttpTimings,
  HttpTlsInfo,
} from './types.js';
