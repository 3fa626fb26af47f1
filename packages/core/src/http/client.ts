/**
 * `createHttpClient`: HTTP/1.1 over the core `Network`, pinned to the IP address the caller gives
 * (the URL's host is the Host header and the TLS server name, never resolved here). It returns
 * the first response as it came (redirects are the caller's to follow, hop by hop), with raw
 * headers and body bytes, or a typed error; every request is bounded in time and size. One
 * client per scan: its keep-alive pool serves the scan's requests and `close()` releases it.
 */
import { setMaxListeners } from 'node:events';
import type tls from 'node:tls';
import type { Network } from '../transport/network.js';
import { secureContextFor } from '../trust/secure-context.js';
import { assertTrustStore, mozillaTrustStore, type TrustStore } from '../trust/store.js';
import { listenerBudget } from '../util/abort.js';
import { Semaphore } from '../util/semaphore.js';
import { type HttpConnection, errorCode, openConnection } from './connection.js';
import { ConnectionPool } from './pool.js';
import { type PreparedRequest, isHeaderValue, prepareRequest } from './request.js';
import { HttpResponseParser, type ParserOptions } from './response-parser.js';
import type {
  CertificateErrors,
  HttpClient,
  HttpClientStats,
  HttpError,
  HttpLimits,
  HttpRequest,
  HttpResponse,
  HttpResult,
  HttpStage,
} from './types.js';

export type { HttpClient } from './types.js';

/** Options for {@link createHttpClient}. */
export interface HttpClientOptions {
  /** How connections are made: the address policy and any address map apply. */
  readonly network: Network;
  /** The roots certificates are validated against. Default {@link mozillaTrustStore}, Mozilla's. */
  readonly trust?: TrustStore;
  /** The User-Agent sent unless a request gives its own. Default {@link defaultUserAgent}. */
  readonly userAgent?: string;
  /** Size bounds for responses; missing ones take {@link defaultHttpLimits}. */
  readonly limits?: Partial<HttpLimits>;
  /** Default time limit per request (everything from connecting to the last body byte), in milliseconds. Default 15 000. */
  readonly timeoutMs?: number;
  /** Time limit for a TCP handshake, in milliseconds (within the request's). Default 10 000. */
  readonly connectTimeoutMs?: number;
  /** How long an idle keep-alive connection is kept, in milliseconds. Default 4 000. */
  readonly idleTimeoutMs?: number;
  /** Idle keep-alive connections kept per endpoint; 0 turns keep-alive off. Default 2. */
  readonly maxIdlePerEndpoint?: number;
  /** Connections open at once; further requests wait for one (the wait counts toward their time limit). Default 16. */
  readonly maxConnections?: number;
  /** What a certificate that does not validate, or is not for the host, does. Default `fail`. */
  readonly certificateErrors?: CertificateErrors;
}

/** The bounds a client applies unless told otherwise. */
export const defaultHttpLimits: HttpLimits = Object.freeze({
  maxHeaderBytes: 65_536,
  maxHeaderCount: 256,
  maxLineBytes: 32_768,
  maxBodyBytes: 1_048_576,
  maxTrailerBytes: 16_384,
});

/** The User-Agent a client sends unless told otherwise. */
export const defaultUserAgent = 'Mozilla/5.0 (compatible; pastoe; +https://www.npmjs.com/package/pastoe)';

// Node turns a delay above 2^31 - 1 ms into 1 ms.
const maxTimerMs = 2_147_483_647;

const limitRanges: Readonly<Record<keyof HttpLimits, readonly [number, number]>> = {
  maxHeaderBytes: [256, 16_777_216],
  maxHeaderCount: [1, 100_000],
  maxLineBytes: [64, 16_777_216],
  maxBodyBytes: [0, 1_073_741_824],
  maxTrailerBytes: [64, 16_777_216],
};

function isIntegerIn(value: unknown, [min, max]: readonly [number, number]): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isTimeLimit(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= maxTimerMs;
}

/** Why a request's signal fired. */
type AbortCause = 'timeout' | 'aborted' | 'client-closed';

const stageWords: Readonly<Record<HttpStage, string>> = {
  request: 'waiting for a connection slot',
  connect: 'connecting',
  tls: 'in the TLS handshake',
  send: 'sending the request',
  headers: 'waiting for the response head',
  body: 'reading the body',
};

/**
 * Creates an HTTP/1.1 client over the network, validating certificates against the trust store.
 * Wiring it into a scan is one line: `createHttpClient({ network, trust })`.
 *
 * @param options - the network, trust store, User-Agent, limits and time limits
 * @returns the client; call {@link HttpClient.close} when the scan is done
 * @throws TypeError when `network` or `trust` is not one, or `userAgent` is not a valid header value
 * @throws RangeError when a limit or time limit is out of range
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  if (typeof options !== 'object' || options === null) throw new TypeError('createHttpClient takes an options object');
  const network = options.network;
  if (typeof network?.connect !== 'function') throw new TypeError('network must be a Network');
  const trust = options.trust ?? mozillaTrustStore();
  assertTrustStore(trust, 'trust');
  const userAgent = options.userAgent ?? defaultUserAgent;
  if (!isHeaderValue(userAgent) || userAgent === '' || userAgent.length > 512) {
    throw new TypeError('userAgent must be a header value of 1 to 512 visible characters');
  }
  const limits: HttpLimits = { ...defaultHttpLimits, ...options.limits };
  for (const name of Object.keys(limitRanges) as (keyof HttpLimits)[]) {
    const range = limitRanges[name];
    if (!isIntegerIn(limits[name], range)) throw new RangeError(`limits.${name} must be an integer from ${range[0]} to ${range[1]}`);
  }
  const timeoutMs = options.timeoutMs ?? 15_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 4_000;
  for (const [name, value] of Object.entries({ timeoutMs, connectTimeoutMs, idleTimeoutMs })) {
    if (!isTimeLimit(value)) throw new RangeError(`${name} must be a number of milliseconds from 1 to ${maxTimerMs}`);
  }
  const maxIdlePerEndpoint = options.maxIdlePerEndpoint ?? 2;
  const maxConnections = options.maxConnections ?? 16;
  if (!isIntegerIn(maxIdlePerEndpoint, [0, 64])) throw new RangeError('maxIdlePerEndpoint must be an integer from 0 to 64');
  if (!isIntegerIn(maxConnections, [1, 1_024])) throw new RangeError('maxConnections must be an integer from 1 to 1024');
  const clientCertificateErrors = options.certificateErrors ?? 'fail';
  if (clientCertificateErrors !== 'fail' && clientCertificateErrors !== 'report')
    throw new TypeError('certificateErrors must be "fail" or "report"');

  const pool = new ConnectionPool({ maxIdlePerKey: maxIdlePerEndpoint, maxIdle: maxConnections, idleTimeoutMs });
  const slots = new Semaphore(maxConnections);
  const lifetime = new AbortController();
  // Every request in flight or waiting for a slot listens for the client closing: many at once is by design.
  setMaxListeners(listenerBudget, lifetime.signal);
  const inFlight = new Set<Promise<HttpResult>>();
  const counters = { requests: 0, connectionsOpened: 0, connectionsReused: 0 };
  const contextOf = (): tls.SecureContext => secureContextFor(trust);

  const fail = (code: HttpError['code'], message: string, stage: HttpStage, extra: Partial<HttpError> = {}): HttpResult => ({
    ok: false,
    error: { code, message, stage, ...extra },
  });

  /** The per-request settings, or why they are unusable. */
  const settingsOf = (
    request: HttpRequest,
  ):
    | { ok: true; timeoutMs: number; parser: Omit<ParserOptions, 'method'>; certificateErrors: CertificateErrors }
    | { ok: false; message: string } => {
    const requestTimeoutMs = request.timeoutMs ?? timeoutMs;
    if (!isTimeLimit(requestTimeoutMs)) return { ok: false, message: `timeoutMs must be a number of milliseconds from 1 to ${maxTimerMs}` };
    const maxBodyBytes = request.maxBodyBytes ?? limits.maxBodyBytes;
    if (!isIntegerIn(maxBodyBytes, limitRanges.maxBodyBytes)) return { ok: false, message: 'maxBodyBytes is out of range' };
    const maxHeaderBytes = request.maxHeaderBytes ?? limits.maxHeaderBytes;
    if (!isIntegerIn(maxHeaderBytes, limitRanges.maxHeaderBytes)) return { ok: false, message: 'maxHeaderBytes is out of range' };
    const bodyOverflow = request.bodyOverflow ?? 'truncate';
    if (bodyOverflow !== 'truncate' && bodyOverflow !== 'error')
      return { ok: false, message: 'bodyOverflow must be "truncate" or "error"' };
    const certificateErrors = request.certificateErrors ?? clientCertificateErrors;
    if (certificateErrors !== 'fail' && certificateErrors !== 'report')
      return { ok: false, message: 'certificateErrors must be "fail" or "report"' };
    return { ok: true, timeoutMs: requestTimeoutMs, parser: { ...limits, maxBodyBytes, maxHeaderBytes, bodyOverflow }, certificateErrors };
  };

  /** One request/response on a connection. `stale`: a reused connection that the server had closed. */
  const exchange = (
    connection: HttpConnection,
    prepared: PreparedRequest,
    parserOptions: ParserOptions,
    signal: AbortSignal,
    abortError: (stage: HttpStage) => HttpError,
    startedAt: number,
    reused: boolean,
  ): Promise<{ result: HttpResult; stale: boolean }> =>
    new Promise((resolve) => {
      const parser = new HttpResponseParser(parserOptions);
      const sentAt = performance.now();
      let firstByteAt: number | undefined;
      let done = false;
      const finish = (result: HttpResult, stale = false): void => {
        if (done) return;
        done = true;
        signal.removeEventListener('abort', onAbort);
        resolve({ result, stale });
      };
      const stage = (): HttpStage => (parser.headComplete ? 'body' : 'headers');
      const onAbort = (): void => {
        connection.release();
        connection.destroy();
        finish({ ok: false, error: abortError(stage()) });
      };
      const settle = (progress: ReturnType<HttpResponseParser['push']>, socketError?: unknown): void => {
        if (done || progress.state === 'incomplete') return;
        connection.release();
        if (progress.state === 'failed') {
          connection.destroy();
          if (lifetime.signal.aborted) {
            finish(fail('client-closed', 'the client was closed', progress.error.stage));
            return;
          }
          const nodeCode = errorCode(socketError);
          finish(
            { ok: false, error: { ...progress.error, ...(nodeCode === undefined ? {} : { nodeCode }) } },
            reused && progress.error.code === 'closed' && parser.bytesReceived === 0,
          );
          return;
        }
        const parsed = progress.response;
        if (parsed.reusable && parser.excessBytes === 0 && !lifetime.signal.aborted) pool.park(connection);
        else connection.destroy();
        const encodings = parsed.headers.filter(([name]) => name === 'content-encoding').map(([, value]) => value.toLowerCase());
        const now = performance.now();
        const response: HttpResponse = {
          url: prepared.url.href,
          status: parsed.status,
          statusText: parsed.statusText,
          httpVersion: parsed.httpVersion,
          headers: parsed.headers,
          trailers: parsed.trailers,
          body: parsed.body,
          bodyTruncated: parsed.bodyTruncated,
          framing: parsed.framing,
          ...(encodings.length === 0 ? {} : { contentEncoding: encodings.join(', ') }),
          ...(connection.tls === undefined ? {} : { tls: connection.tls }),
          remote: connection.remote,
          timings: {
            reusedConnection: reused,
            ...(reused ? {} : { connectMs: connection.openTimings.connectMs }),
            ...(reused || connection.openTimings.tlsMs === undefined ? {} : { tlsMs: connection.openTimings.tlsMs }),
            firstByteMs: (firstByteAt ?? now) - sentAt,
            totalMs: now - startedAt,
          },
        };
        finish({ ok: true, response });
      };
      signal.addEventListener('abort', onAbort, { once: true });
      // These run in socket event handlers, where a throw would take the process down.
      const guarded = (step: () => void): void => {
        try {
          step();
        } catch (error) {
          connection.release();
          connection.destroy();
          finish(fail('internal', `reading the response failed: ${error instanceof Error ? error.message : String(error)}`, stage()));
        }
      };
      connection.send(prepared.head, {
        data: (chunk) =>
          guarded(() => {
            firstByteAt ??= performance.now();
            settle(parser.push(chunk));
          }),
        end: (error) => guarded(() => settle(parser.end(), error)),
      });
    });

  const run = async (request: HttpRequest): Promise<HttpResult> => {
    counters.requests++;
    const startedAt = performance.now();
    if (lifetime.signal.aborted) return fail('client-closed', 'the client was closed', 'request');
    const preparation = prepareRequest(request, userAgent);
    if (!preparation.ok) return fail('invalid-request', preparation.message, 'request');
    const prepared = preparation.prepared;
    const settings = settingsOf(request);
    if (!settings.ok) return fail('invalid-request', settings.message, 'request');
    if (request.signal !== undefined && !(request.signal instanceof AbortSignal))
      return fail('invalid-request', 'signal must be an AbortSignal', 'request');
    if (request.signal?.aborted === true) return fail('aborted', 'the request was aborted before it started', 'request');

    // One signal for the request: the caller's abort, the time limit, or the client closing.
    const controller = new AbortController();
    let cause: AbortCause | undefined;
    const abort = (why: AbortCause): void => {
      if (cause !== undefined) return;
      cause = why;
      controller.abort();
    };
    const onCallerAbort = (): void => abort('aborted');
    const onClientClose = (): void => abort('client-closed');
    const timer = setTimeout(() => abort('timeout'), settings.timeoutMs);
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    lifetime.signal.addEventListener('abort', onClientClose, { once: true });
    const abortError = (stage: HttpStage): HttpError =>
      cause === 'timeout'
        ? { code: 'timeout', message: `no complete response within ${settings.timeoutMs} ms (timed out ${stageWords[stage]})`, stage }
        : cause === 'client-closed'
          ? { code: 'client-closed', message: 'the client was closed', stage }
          : { code: 'aborted', message: `the request was aborted ${stageWords[stage]}`, stage };

    try {
      let release: () => void;
      try {
        release = await slots.acquire(controller.signal);
      } catch {
        return { ok: false, error: abortError('request') };
      }
      try {
        const key = `${prepared.scheme}|${request.ip}|${prepared.port}|${prepared.servername ?? prepared.certificateHost}`;
        for (let attempt = 0; ; attempt++) {
          let connection = pool.take(key);
          const reused = connection !== undefined;
          if (connection === undefined) {
            const opened = await openConnection({
              key,
              network,
              ip: request.ip,
              prepared,
              signal: controller.signal,
              connectTimeoutMs: Math.min(connectTimeoutMs, settings.timeoutMs),
              secureContext: contextOf,
              abortError,
            });
            if (!opened.ok) return { ok: false, error: opened.error };
            connection = opened.connection;
            counters.connectionsOpened++;
            pool.track(connection);
            if (controller.signal.aborted) {
              connection.destroy();
              return { ok: false, error: abortError(prepared.scheme === 'https' ? 'tls' : 'connect') };
            }
          } else {
            counters.connectionsReused++;
          }
          const tlsInfo = connection.tls;
          if (tlsInfo !== undefined && !tlsInfo.authorized && settings.certificateErrors === 'fail') {
            // The connection itself is sound; a request that reports certificate problems may still use it.
            pool.park(connection);
            const nodeCode = tlsInfo.authorizationError ?? 'UNKNOWN';
            return fail('certificate', `the certificate of ${prepared.url.host} is not valid: ${nodeCode}`, 'tls', {
              nodeCode,
              tls: tlsInfo,
            });
          }
          const parserOptions: ParserOptions = { ...settings.parser, method: prepared.method };
          const { result, stale } = await exchange(connection, prepared, parserOptions, controller.signal, abortError, startedAt, reused);
          // A keep-alive connection the server closed just as it was reused: once more on a new one.
          if (stale && attempt === 0 && !controller.signal.aborted) continue;
          return result;
        }
      } finally {
        release();
      }
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
      lifetime.signal.removeEventListener('abort', onClientClose);
    }
  };

  return Object.freeze({
    trust,
    request(request: HttpRequest): Promise<HttpResult> {
      const pending = run(request).catch(
        (error: unknown): HttpResult =>
          fail('internal', `the request failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, 'request'),
      );
      inFlight.add(pending);
      void pending.finally(() => inFlight.delete(pending));
      return pending;
    },
    stats(): HttpClientStats {
      return { ...counters, open: pool.open, idle: pool.idle };
    },
    async close(): Promise<void> {
      lifetime.abort();
      await Promise.all([...inFlight]);
      await pool.closeAll();
    },
  });
}
