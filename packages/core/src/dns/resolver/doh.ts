import { Buffer } from 'node:buffer';
import http from 'node:http';
import http2 from 'node:http2';
import tls from 'node:tls';
import type { Connection, Network } from '../../transport/network.js';
import { maxMessageBytes } from '../wire/constants.js';
import { isIpLiteral } from '../wire/ip.js';
import { DnsWireError } from '../wire/errors.js';
import { checkResponse, decodeMessage, encodeQuery, type NormalizedQuestion } from '../wire/message.js';
import { concatBytes } from '../../util/bytes.js';
import { type ExchangeContext, type ExchangeResult, type Transport, withDeadline } from './transport.js';

/** The media type of RFC 8484 bodies. */
const DNS_MESSAGE = 'application/dns-message';

/** Options for {@link createDohTransport}. */
export interface DohTransportOptions {
  /** The DoH URL, e.g. `https://dns.quad9.net/dns-query`. */
  readonly url: string;
  /** The address to connect to: the URL's IP literal, or a bootstrap address for its name. */
  readonly ip: string;
  /** How to reach it; the network applies the address policy unless `configured`. */
  readonly network: Network;
  /** The operator named this server (URL and bootstrap address), so the address policy does not apply. */
  readonly configured?: boolean;
  /** CA certificates to trust instead of Node's bundled roots (the lab passes its own). */
  readonly ca?: string | readonly string[];
  /** RFC 8484 allows both; POST is the default because it keeps the query out of server logs. */
  readonly method?: 'POST' | 'GET';
  /** The largest response body accepted, in octets. Default 65535. */
  readonly maxResponseBytes?: number;
  /** How long an HTTP/2 connection is kept open without queries, in milliseconds. Default 2000. */
  readonly idleTimeoutMs?: number;
}

/** An HTTP/2 session kept open between queries, since a TLS handshake per query is slow. */
interface H2Channel {
  readonly session: http2.ClientHttp2Session;
  readonly connection: Connection;
  active: number;
  idleTimer: NodeJS.Timeout | undefined;
  dead: boolean;
}

/** A TLS connection whose ALPN result is known. */
interface OpenedTls {
  readonly connection: Connection;
  readonly socket: tls.TLSSocket;
}

function isDnsMessageType(value: string | string[] | undefined): boolean {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text.split(';')[0]?.trim().toLowerCase() === DNS_MESSAGE;
}

function contentLengthOf(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^[0-9]+$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

/** Collects a body from a readable stream, refusing it as soon as it passes the limit. */
function collectBody(stream: NodeJS.ReadableStream, maxBytes: number, onTooLarge: () => void): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let received = 0;
    let done = false;
    const finish = (outcome: { body: Uint8Array } | { error: unknown }): void => {
      if (done) return;
      done = true;
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      stream.removeListener('close', onClose);
      if ('body' in outcome) resolve(outcome.body);
      else reject(outcome.error);
    };
    const onData = (chunk: Uint8Array | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += bytes.length;
      if (received > maxBytes) {
        onTooLarge();
        finish({ error: new DnsWireError('too-large', `DoH response body exceeds the limit of ${maxBytes} octets`) });
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = (): void => finish({ body: concatBytes(chunks) });
    const onError = (error: unknown): void => finish({ error });
    const onClose = (): void => finish({ error: new DnsWireError('network', 'the DoH response ended before its body was complete') });
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}

/**
 * DNS over HTTPS (RFC 8484) with POST or GET, over HTTP/2 or HTTP/1.1 as the server's ALPN
 * choice says (Unbound speaks only HTTP/2). The TCP connection comes from the core `Network`,
 * so the address policy and the lab's address map apply; TLS is layered on it here. HTTP/2
 * sessions are kept for reuse until idle; HTTP/1.1 uses one connection per query.
 * The query ID is 0 (RFC 8484 §4.1) and queries are padded to 128 octets (RFC 8467).
 */
export function createDohTransport(options: DohTransportOptions): Transport & { close(): Promise<void> } {
  const url = new URL(options.url);
  if (url.protocol !== 'https:') throw new TypeError(`DoH needs an https URL, not ${url.protocol}`);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const port = url.port === '' ? 443 : Number(url.port);
  const hostIsIp = isIpLiteral(host);
  const authority = url.host;
  const path = `${url.pathname}${url.search}`;
  const method = options.method ?? 'POST';
  const maxBytes = Math.min(options.maxResponseBytes ?? maxMessageBytes, maxMessageBytes);
  const idleTimeoutMs = options.idleTimeoutMs ?? 2000;
  const ca = options.ca === undefined ? undefined : typeof options.ca === 'string' ? options.ca : [...options.ca];
  const description = hostIsIp ? url.href : `${url.href} via ${options.ip}`;
  let channel: H2Channel | undefined;

  /**
   * Takes a session out of use. `close()` lets streams already open finish (a GOAWAY from
   * the server still honours them); the connection is released when the session has closed.
   */
  const retire = (target: H2Channel): void => {
    if (target.dead) return;
    target.dead = true;
    if (target.idleTimer !== undefined) clearTimeout(target.idleTimer);
    if (channel === target) channel = undefined;
    if (target.session.closed || target.session.destroyed) target.connection.close();
    else target.session.close(() => target.connection.close());
  };

  const release = (target: H2Channel): void => {
    target.active -= 1;
    if (target.active > 0 || target.dead) return;
    // An idle session must not keep the process alive; the timer closes it, or the next
    // query picks it up again first.
    target.session.unref();
    target.idleTimer = setTimeout(() => retire(target), idleTimeoutMs);
    target.idleTimer.unref();
  };

  const openTls = async (signal: AbortSignal, timeoutMs: number): Promise<OpenedTls> => {
    // The connection lives as long as the HTTP/2 session, beyond this query, so it gets no
    // per-query signal; the deadline around this call closes it if the handshake stalls.
    const connection = await options.network.connect({
      ip: options.ip,
      port,
      ...(options.configured === true ? { configured: true } : {}),
      timeoutMs,
    });
    // The query may have been given up while the connection was being made; nobody else
    // would close it then.
    if (signal.aborted) {
      connection.close();
      throw new DnsWireError('aborted', 'DoH request aborted');
    }
    const onAbort = (): void => connection.close();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const socket = tls.connect({
        socket: connection.socket,
        ALPNProtocols: ['h2', 'http/1.1'],
        // For an IP literal the certificate must name the IP, and RFC 6066 forbids an IP as SNI.
        ...(hostIsIp ? { host } : { servername: host }),
        ...(ca === undefined ? {} : { ca }),
        rejectUnauthorized: true,
      });
      // A socket may report more than one error; without a standing listener a second one
      // would be an unhandled 'error' event. The HTTP layer still sees errors through its own.
      socket.on('error', () => {});
      await new Promise<void>((resolve, reject) => {
        socket.once('secureConnect', () => resolve());
        socket.once('error', reject);
        socket.once('close', () => reject(new DnsWireError('network', `TLS connection to ${description} closed during the handshake`)));
      });
      return { connection, socket };
    } catch (caught) {
      connection.close();
      throw caught;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };

  const openChannel = (opened: OpenedTls): H2Channel => {
    const session = http2.connect(`https://${authority}`, { createConnection: () => opened.socket });
    const created: H2Channel = { session, connection: opened.connection, active: 0, idleTimer: undefined, dead: false };
    // Errors also end in 'close'; the listener only keeps them from being unhandled.
    session.on('error', () => retire(created));
    session.on('goaway', () => retire(created));
    session.on('close', () => {
      retire(created);
      created.connection.close();
    });
    return created;
  };

  const requestHeaders = (body: Uint8Array): { path: string; headers: Record<string, string> } => {
    if (method === 'GET') {
      const dns = Buffer.from(body).toString('base64url');
      return { path: `${path}${path.includes('?') ? '&' : '?'}dns=${dns}`, headers: { accept: DNS_MESSAGE } };
    }
    return { path, headers: { accept: DNS_MESSAGE, 'content-type': DNS_MESSAGE, 'content-length': String(body.length) } };
  };

  const checkHead = (status: number | undefined, headers: http.IncomingHttpHeaders): void => {
    if (status !== 200) throw new DnsWireError('network', `DoH server ${description} answered HTTP ${String(status)}`);
    if (!isDnsMessageType(headers['content-type'])) {
      throw new DnsWireError(
        'malformed',
        `DoH server ${description} answered with content-type ${JSON.stringify(headers['content-type'] ?? '')}, not ${DNS_MESSAGE}`,
      );
    }
    const length = contentLengthOf(headers['content-length']);
    if (length !== undefined && length > maxBytes) {
      throw new DnsWireError('too-large', `DoH response of ${length} octets exceeds the limit of ${maxBytes}`);
    }
  };

  const viaH2 = (target: H2Channel, body: Uint8Array, signal: AbortSignal): Promise<Uint8Array> => {
    if (signal.aborted) return Promise.reject(new DnsWireError('aborted', 'DoH request aborted'));
    const { path: requestPath, headers } = requestHeaders(body);
    target.active += 1;
    if (target.idleTimer !== undefined) clearTimeout(target.idleTimer);
    target.idleTimer = undefined;
    target.session.ref();
    return new Promise<Uint8Array>((resolve, reject) => {
      let settled = false;
      const stream = target.session.request(
        { ':method': method, ':path': requestPath, ':scheme': 'https', ':authority': authority, ...headers },
        { endStream: method === 'GET' },
      );
      const cancel = (): void => {
        if (!stream.closed) stream.close(http2.constants.NGHTTP2_CANCEL);
      };
      // Stream events can arrive in any order (error then close, end then close); the first
      // outcome wins and the session's use count drops exactly once.
      const settle = (outcome: { bytes: Uint8Array } | { error: unknown }): void => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        release(target);
        if ('bytes' in outcome) resolve(outcome.bytes);
        else {
          cancel();
          reject(outcome.error);
        }
      };
      const onAbort = (): void => settle({ error: new DnsWireError('aborted', 'DoH request aborted') });
      signal.addEventListener('abort', onAbort, { once: true });
      let responded = false;
      stream.once('response', (head) => {
        responded = true;
        try {
          checkHead(Number(head[':status']), head);
        } catch (caught) {
          settle({ error: caught });
          return;
        }
        collectBody(stream, maxBytes, cancel).then(
          (bytes) => settle({ bytes }),
          (caught: unknown) => settle({ error: caught }),
        );
      });
      // Once the response head is in, the body collector watches for errors and early closes.
      stream.on('error', (error) => {
        if (!responded) settle({ error });
      });
      stream.once('close', () => {
        if (!responded) settle({ error: new DnsWireError('network', `DoH stream to ${description} closed without a response`) });
      });
      if (method === 'POST') stream.end(Buffer.from(body));
    });
  };

  const viaH1 = (opened: OpenedTls, body: Uint8Array, signal: AbortSignal): Promise<Uint8Array> => {
    const { path: requestPath, headers } = requestHeaders(body);
    return new Promise<Uint8Array>((resolve, reject) => {
      const request = http.request({
        createConnection: () => opened.socket,
        method,
        path: requestPath,
        headers: { host: authority, connection: 'close', ...headers },
        signal,
      });
      request.on('error', reject);
      request.once('response', (response) => {
        try {
          checkHead(response.statusCode, response.headers);
        } catch (caught) {
          response.destroy();
          reject(caught);
          return;
        }
        collectBody(response, maxBytes, () => response.destroy()).then(resolve, reject);
      });
      if (method === 'POST') request.end(Buffer.from(body));
      else request.end();
    }).finally(() => {
      opened.socket.destroy();
      opened.connection.close();
    });
  };

  const send = async (body: Uint8Array, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> => {
    const reusable = channel !== undefined && !channel.dead && !channel.session.closed && !channel.session.destroyed ? channel : undefined;
    if (reusable !== undefined) return viaH2(reusable, body, signal);
    const opened = await openTls(signal, timeoutMs);
    if (opened.socket.alpnProtocol !== 'h2') return viaH1(opened, body, signal);
    const created = openChannel(opened);
    if (signal.aborted) {
      retire(created);
      throw new DnsWireError('aborted', 'DoH request aborted');
    }
    if (channel === undefined) channel = created;
    try {
      return await viaH2(created, body, signal);
    } finally {
      // A session opened by a concurrent query that lost the race is not kept.
      if (channel !== created) retire(created);
    }
  };

  return {
    description,
    async exchange(question: NormalizedQuestion, context: ExchangeContext): Promise<ExchangeResult> {
      const encoded = encodeQuery(question, { id: 0, paddingBlockSize: 128 });
      if (!encoded.ok) return { ok: false, error: encoded.error, server: description };
      const query = encoded.query;
      const outcome = await withDeadline(context.signal, context.timeoutMs, 'DoH query', (signal) => {
        context.onSend();
        return send(query.bytes, signal, context.timeoutMs);
      });
      if (!outcome.ok) return { ok: false, error: outcome.error, server: description };
      const decoded = decodeMessage(outcome.value, { now: context.now() });
      if (!decoded.ok) return { ok: false, error: decoded.error, server: description };
      const mismatch = checkResponse(query, decoded.message);
      if (mismatch !== undefined) return { ok: false, error: mismatch, server: description };
      return { ok: true, message: decoded.message, server: description };
    },
    async close(): Promise<void> {
      if (channel !== undefined) retire(channel);
    },
  };
}
