/**
 * The lab's DNS server on loopback: UDP, TCP (RFC 7766) and DoH (RFC 8484, HTTP/2 and HTTP/1.1),
 * all answering from one {@link DnsResponder}. Every resource is bounded: message sizes, TCP
 * connections, idle time, pending bytes, and how long a deliberately silent zone holds a request.
 */
import { type Socket as UdpSocket, createSocket } from 'node:dgram';
import {
  type Http2SecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
  constants as h2constants,
  createSecureServer,
} from 'node:http2';
import { type Server as TcpServer, type Socket, createServer, isIPv6 } from 'node:net';
import { createLabCa, issueCertificate } from '../pki/ca.js';
import { type DnsResponder, type TimedResponse, createDnsResponder } from './responder.js';
import type { Zone } from './zone.js';

/** Resource limits of the lab DNS server. */
export interface DnsServerLimits {
  /** Simultaneous TCP connections; more are refused. Default 128. */
  readonly maxTcpConnections: number;
  /** A TCP connection with no complete query for this long is closed. Default 10 000 ms. */
  readonly tcpIdleTimeoutMs: number;
  /** Queries answered on one TCP connection before it is closed. Default 10 000. */
  readonly maxQueriesPerConnection: number;
  /** A DoH request must arrive in full within this time. Default 10 000 ms. */
  readonly dohRequestTimeoutMs: number;
  /**
   * How long a zone with the `timeout` fault holds a DoH request before cancelling the stream
   * (over TCP the connection stays open until the idle timeout). Default 30 000 ms.
   */
  readonly silentHoldMs: number;
}

const defaultLimits: DnsServerLimits = {
  maxTcpConnections: 128,
  tcpIdleTimeoutMs: 10_000,
  maxQueriesPerConnection: 10_000,
  dohRequestTimeoutMs: 10_000,
  silentHoldMs: 30_000,
};

/** Bytes a TCP client may have queued unread before the server gives up on it. */
const maxTcpBacklog = 1 << 20;

/** Options for {@link startDnsServer}. */
export interface DnsServerOptions {
  /** The zones to serve, all from one server. Default none; ignored when `responder` is given. */
  readonly zones?: readonly Zone[];
  /**
   * Answers with this responder instead of one built from `zones`: how a server that does not
   * serve zones (the lying resolver) gets the same sockets, bounds and DoH.
   */
  readonly responder?: DnsResponder;
  /** The address to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /**
   * The DoH server's certificate chain and key (PEM). Default: a fresh lab CA issues one for
   * 127.0.0.1, ::1 and localhost.
   */
  readonly tls?: { readonly cert: string; readonly key: string };
  /** Closes the server when aborted. */
  readonly signal?: AbortSignal;
  /** Resource limits; any left out keep their defaults. */
  readonly limits?: Partial<DnsServerLimits>;
}

/** A running lab DNS server. */
export interface DnsServerHandle {
  /** The UDP endpoint. */
  readonly udp: { readonly ip: string; readonly port: number };
  /** The TCP endpoint (the same port as UDP when it was free). */
  readonly tcp: { readonly ip: string; readonly port: number };
  /** The DoH endpoint, e.g. `https://127.0.0.1:41234/dns-query`. */
  readonly dohUrl: string;
  /**
   * The certificate to trust for the DoH endpoint: the lab CA's, or with `tls` given, the last
   * certificate of that chain.
   */
  readonly caCertificatePem: string;
  /** Stops all listeners and drops open connections. Safe to call more than once. */
  close(): Promise<void>;
}

function respondSafely(responder: DnsResponder, query: Uint8Array, transport: 'udp' | 'stream'): TimedResponse {
  try {
    return responder.answer(query, { transport });
  } catch {
    // A bug in the lab must not take the server down; the client sees SERVFAIL.
    if (query.length < 12) return { response: undefined, delayMs: 0 };
    const reply = Buffer.alloc(12);
    Buffer.from(query.subarray(0, 2)).copy(reply, 0);
    reply.writeUInt16BE(0x8082, 2);
    return { response: reply, delayMs: 0 };
  }
}

/** Timers that die with the server: held and delayed answers. */
class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** Runs `task` after `ms` (at once for 0), unless the server closes first. Returns a cancel function. */
  later(ms: number, task: () => void): () => void {
    if (this.stopped) return () => undefined;
    if (ms <= 0) {
      task();
      return () => undefined;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) task();
    }, ms);
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  /** Cancels everything pending. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

function lastPem(chain: string): string {
  const blocks = chain.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];
  return blocks[blocks.length - 1] ?? chain;
}

function bindUdp(host: string, port: number): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

function listenTcp(server: TcpServer | Http2SecureServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function closeServer(server: TcpServer | Http2SecureServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
  });
}

function serveTcpConnection(socket: Socket, responder: DnsResponder, limits: DnsServerLimits, scheduler: Scheduler): void {
  let buffered: Buffer = Buffer.alloc(0);
  let answered = 0;
  socket.setNoDelay(true);
  socket.setTimeout(limits.tcpIdleTimeoutMs, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    // Never more than one frame (2 + 65535 bytes) waits: complete frames are answered at once.
    while (buffered.length >= 2) {
      const length = buffered.readUInt16BE(0);
      if (buffered.length < 2 + length) break;
      const query = buffered.subarray(2, 2 + length);
      buffered = buffered.subarray(2 + length);
      answered++;
      const { response, delayMs } = respondSafely(responder, query, 'stream');
      if (response === undefined) {
        if (length < 12) {
          socket.destroy();
          return;
        }
        // A silent zone: the connection just stays open until the idle timeout, as with a server that never answers.
        continue;
      }
      const frame = Buffer.alloc(2 + response.length);
      frame.writeUInt16BE(response.length, 0);
      response.copy(frame, 2);
      // RFC 7766 §7 lets answers overtake each other, so a slow zone delays only its own.
      scheduler.later(delayMs, () => {
        if (!socket.destroyed) socket.write(frame);
      });
      if (socket.writableLength > maxTcpBacklog || answered >= limits.maxQueriesPerConnection) {
        socket.end();
        return;
      }
    }
  });
}

function sendHttp(response: Http2ServerResponse, status: number, body: Buffer | string, headers: Record<string, string> = {}): void {
  if (response.headersSent || response.writableEnded) return;
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/dns-message',
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(bytes);
}

function abortHttp(request: Http2ServerRequest, response: Http2ServerResponse): void {
  const stream = (response as { stream?: { close(code?: number): void } }).stream;
  if (stream !== undefined) stream.close(h2constants.NGHTTP2_CANCEL);
  else request.socket.destroy();
}

function handleDoh(
  request: Http2ServerRequest,
  response: Http2ServerResponse,
  responder: DnsResponder,
  limits: DnsServerLimits,
  scheduler: Scheduler,
): void {
  request.on('error', () => undefined);
  response.on('error', () => undefined);
  const url = new URL(request.url ?? '/', 'https://lab.invalid');
  if (url.pathname !== '/dns-query') {
    sendHttp(response, 404, 'not found\n');
    return;
  }
  const answer = (query: Buffer): void => {
    const { response: reply, delayMs } = respondSafely(responder, query, 'stream');
    if (reply !== undefined) {
      scheduler.later(delayMs, () => sendHttp(response, 200, reply));
      return;
    }
    if (query.length < 12) {
      sendHttp(response, 400, 'not a DNS message\n');
      return;
    }
    scheduler.later(limits.silentHoldMs, () => abortHttp(request, response));
  };
  if (request.method === 'GET') {
    const dns = url.searchParams.get('dns');
    if (dns === null || !/^[A-Za-z0-9_-]*=*$/.test(dns)) {
      sendHttp(response, 400, 'missing or invalid dns parameter\n');
      return;
    }
    if (dns.length > 87_384) {
      sendHttp(response, 414, 'dns parameter too long\n');
      return;
    }
    answer(Buffer.from(dns, 'base64url'));
    return;
  }
  if (request.method === 'POST') {
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (type !== 'application/dns-message') {
      sendHttp(response, 415, 'content-type must be application/dns-message\n');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const cancelDeadline = scheduler.later(limits.dohRequestTimeoutMs, () => {
      if (!done) {
        done = true;
        sendHttp(response, 408, 'request timeout\n');
      }
    });
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > 65_535) {
        done = true;
        cancelDeadline();
        // HTTP/1.1 must close to stop the upload; HTTP/2 just ends the stream.
        sendHttp(response, 413, 'DNS message too large\n', request.httpVersion === '2.0' ? {} : { connection: 'close' });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      cancelDeadline();
      if (done) return;
      done = true;
      answer(Buffer.concat(chunks));
    });
    return;
  }
  sendHttp(response, 405, 'method not allowed\n', { allow: 'GET, POST' });
}

/**
 * Starts the lab DNS server on loopback (UDP, TCP and DoH on ephemeral ports) for the given zones.
 * See {@link createDnsResponder} for how it answers.
 */
export async function startDnsServer(options: DnsServerOptions): Promise<DnsServerHandle> {
  options.signal?.throwIfAborted();
  const host = options.host ?? '127.0.0.1';
  const limits: DnsServerLimits = { ...defaultLimits, ...options.limits };
  const responder = options.responder ?? createDnsResponder(options.zones ?? []);
  const scheduler = new Scheduler();
  const sockets = new Set<Socket>();

  let tlsCert: string;
  let tlsKey: string;
  let caCertificatePem: string;
  if (options.tls !== undefined) {
    tlsCert = options.tls.cert;
    tlsKey = options.tls.key;
    caCertificatePem = lastPem(options.tls.cert);
  } else {
    const ca = await createLabCa({ commonName: 'pastoe lab DNS CA' });
    const leaf = await issueCertificate(ca, { names: ['localhost'], ips: [...new Set(['127.0.0.1', '::1', host])] });
    tlsCert = leaf.chainPem;
    tlsKey = leaf.privateKeyPem;
    caCertificatePem = ca.certificatePem;
  }

  const tcp = createServer({ pauseOnConnect: false }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveTcpConnection(socket, responder, limits, scheduler);
  });
  tcp.maxConnections = limits.maxTcpConnections;
  tcp.on('error', () => undefined);

  // UDP and TCP on one port when the port is free for both, as a real server would be.
  let udp: UdpSocket | undefined;
  let port = 0;
  for (let attempt = 0; attempt < 8 && udp === undefined; attempt++) {
    const candidate = await bindUdp(host, 0);
    const candidatePort = candidate.address().port;
    try {
      port = await listenTcp(tcp, host, candidatePort);
      udp = candidate;
    } catch {
      candidate.close();
    }
  }
  if (udp === undefined) {
    udp = await bindUdp(host, 0);
    port = await listenTcp(tcp, host, 0);
  }
  const udpSocket = udp;
  udpSocket.on('error', () => undefined);
  udpSocket.on('message', (message, remote) => {
    const { response, delayMs } = respondSafely(responder, message, 'udp');
    if (response !== undefined) scheduler.later(delayMs, () => udpSocket.send(response, remote.port, remote.address, () => undefined));
  });

  const doh = createSecureServer({ cert: tlsCert, key: tlsKey, allowHTTP1: true, maxSessionMemory: 4 });
  doh.setTimeout(limits.dohRequestTimeoutMs * 3);
  doh.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  doh.on('error', () => undefined);
  doh.on('sessionError', () => undefined);
  doh.on('tlsClientError', () => undefined);
  doh.on('request', (request: Http2ServerRequest, response: Http2ServerResponse) =>
    handleDoh(request, response, responder, limits, scheduler),
  );
  const dohPort = await listenTcp(doh, host, 0);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      scheduler.stop();
      await new Promise<void>((resolve) => udpSocket.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await Promise.all([closeServer(tcp), closeServer(doh)]);
    })();
    return closing;
  };
  options.signal?.addEventListener('abort', () => void close(), { once: true });

  const urlHost = isIPv6(host) ? `[${host}]` : host;
  return {
    udp: { ip: host, port: udpSocket.address().port },
    tcp: { ip: host, port },
    dohUrl: `https://${urlHost}:${dohPort}/dns-query`,
    caCertificatePem,
    close,
  };
}
