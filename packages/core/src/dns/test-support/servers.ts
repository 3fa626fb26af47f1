/**
 * Small DNS servers on loopback for the resolver's tests: real sockets answering with bytes the
 * test crafts, so that every outcome (garbage, wrong IDs, silence, truncation, oversized bodies)
 * can be produced on demand. Test code only; nothing in the library imports this.
 */
import { once } from 'node:events';
import { createSocket } from 'node:dgram';
import http2 from 'node:http2';
import https from 'node:https';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { createAddressPolicy } from '../../transport/address-policy.js';
import { createNodeNetwork } from '../../transport/node-network.js';
import type { Network } from '../../transport/network.js';
import type { DnsMessage } from '../types.js';
import { frameMessage } from '../resolver/tcp.js';
import { decodeMessage, type EncodableMessage, type EncodableRecord, encodeMessage } from '../wire/message.js';
import { concatBytes } from '../../util/bytes.js';
import { testServerCertPem, testServerKeyPem } from './certs.js';

/** A network that may contact loopback only, as the resolver tests need. */
export function loopbackNetwork(): Network {
  return createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback'] }) });
}

/** What a test server hands its handler: the decoded query and its bytes. */
export interface IncomingQuery {
  /** The decoded query. */
  readonly message: DnsMessage;
  /** The bytes as received. */
  readonly bytes: Uint8Array;
}

/** What a handler sends back: one message, several (sent in order; DoH sends the first), or none. */
export type Reply = Uint8Array | readonly Uint8Array[] | undefined;

/** Returns the bytes to send back, or `undefined` to stay silent. */
export type QueryHandler = (query: IncomingQuery) => Reply | Promise<Reply>;

function replies(reply: Reply): readonly Uint8Array[] {
  if (reply === undefined) return [];
  return reply instanceof Uint8Array ? [reply] : reply;
}

/** Parts of an answer a handler usually changes. */
export type AnswerParts = Omit<EncodableMessage, 'id' | 'question'> & {
  readonly id?: number;
  readonly question?: EncodableMessage['question'];
};

/** Builds the answer to a query: same ID and question, RA set, then the given parts. */
export function answer(query: IncomingQuery, parts: AnswerParts = {}): Uint8Array {
  const asked = query.message.question.map((q) => ({ name: q.name, type: q.type }));
  return encodeMessage({
    question: asked,
    ...parts,
    id: parts.id ?? query.message.id,
    flags: { qr: true, rd: query.message.flags.rd, ra: true, ...parts.flags },
  });
}

/** An SOA record for the zone `example`, whose TTL and MINIMUM bound negative caching (RFC 2308). */
export function soaRecord(ttl = 60, minimum = 30): EncodableRecord {
  return {
    name: 'example',
    ttl,
    data: { type: 'SOA', mname: 'ns.example', rname: 'h.example', serial: 1, refresh: 1, retry: 1, expire: 1, minimum },
  };
}

/** An A record for the asked name. */
export function aRecord(query: IncomingQuery, address = '192.0.2.1', ttl = 300): EncodableRecord {
  return { name: query.message.question[0]?.name ?? '', ttl, data: { type: 'A', address } };
}

function decodeQuery(bytes: Uint8Array): IncomingQuery | undefined {
  const decoded = decodeMessage(bytes, { allowQuery: true });
  return decoded.ok ? { message: decoded.message, bytes } : undefined;
}

/** A running test server. */
export interface TestServer {
  /** The loopback address it listens on. */
  readonly ip: string;
  /** The port. */
  readonly port: number;
  /** How many queries it has received. */
  readonly received: number;
  /** Stops it. */
  close(): Promise<void>;
}

/** A UDP DNS server on 127.0.0.1, on the given port or a free one. */
export async function startUdpServer(handler: QueryHandler, port = 0): Promise<TestServer> {
  const socket = createSocket('udp4');
  let received = 0;
  let closed = false;
  socket.on('message', (bytes, peer) => {
    received += 1;
    const query = decodeQuery(new Uint8Array(bytes));
    if (query === undefined) return;
    void Promise.resolve(handler(query)).then((reply) => {
      // A slow handler may reply after the test is done with the server.
      if (closed) return;
      for (const datagram of replies(reply)) socket.send(datagram, peer.port, peer.address);
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return {
    ip: '127.0.0.1',
    port: socket.address().port,
    get received() {
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        socket.close(() => resolve());
      }),
  };
}

/** Options for {@link startTcpServer}. */
export interface TcpServerOptions {
  /** Send the handler's bytes as they are, without the 2-octet length prefix (for framing tests). */
  readonly raw?: boolean;
  /** Close the connection right after the reply (or at once, when the handler returns nothing). */
  readonly closeAfterReply?: boolean;
}

/**
 * Starts a TCP-based server on 127.0.0.1. Closing it also ends the connections still open, so
 * that a test does not wait for clients that keep theirs.
 */
async function listenOnLoopback(server: Server): Promise<{ readonly port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const close = (): Promise<void> =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { port, close };
}

/** A TCP DNS server on 127.0.0.1 (2-octet length framing). */
export async function startTcpServer(handler: QueryHandler, options: TcpServerOptions = {}): Promise<TestServer> {
  let received = 0;
  const server = createServer((socket) => {
    socket.on('error', () => {});
    let buffer: Uint8Array = new Uint8Array(0);
    socket.on('data', (chunk: Uint8Array) => {
      buffer = concatBytes([buffer, chunk]);
      while (buffer.length >= 2) {
        const length = ((buffer[0] ?? 0) << 8) | (buffer[1] ?? 0);
        if (buffer.length < length + 2) return;
        const bytes = buffer.slice(2, length + 2);
        buffer = buffer.slice(length + 2);
        received += 1;
        const query = decodeQuery(bytes);
        if (query === undefined) continue;
        void Promise.resolve(handler(query)).then((reply) => {
          if (socket.destroyed) return;
          for (const message of replies(reply)) socket.write(options.raw === true ? message : frameMessage(message));
          if (options.closeAfterReply === true) socket.end();
        });
      }
    });
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    ip: '127.0.0.1',
    port,
    get received() {
      return received;
    },
    close,
  };
}

/**
 * A UDP server and a TCP server on the same port, as the TC fallback needs. The TCP port is
 * taken first; if its number is busy for UDP, another pair is tried.
 */
export async function startUdpTcpServer(
  udpHandler: QueryHandler,
  tcpHandler: QueryHandler,
): Promise<{ readonly udp: TestServer; readonly tcp: TestServer }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const tcp = await startTcpServer(tcpHandler);
    try {
      const udp = await startUdpServer(udpHandler, tcp.port);
      return { udp, tcp };
    } catch {
      await tcp.close();
    }
  }
  throw new Error('no port free for both UDP and TCP');
}

/** Options for {@link startDohServer}. */
export interface DohServerOptions {
  /** Which HTTP version(s) the server offers through ALPN. */
  readonly protocol: 'h2' | 'http/1.1';
  /** The answer to each query. */
  readonly handler: QueryHandler;
  /** Overrides the content-type of answers (for the content-type check). */
  readonly contentType?: string;
  /** Overrides the status of answers. */
  readonly status?: number;
  /** The path served. Default `/dns-query`. */
  readonly path?: string;
  /** HTTP/2 only: close the session (GOAWAY) after each answer, as a server shedding load does. */
  readonly closeSessions?: boolean;
}

/** A request a DoH test server saw. */
export interface SeenRequest {
  /** GET or POST. */
  readonly method: string;
  /** The path with query string. */
  readonly path: string;
  /** The HTTP version. */
  readonly httpVersion: string;
}

/** A running DoH test server. */
export interface DohTestServer extends TestServer {
  /** `https://127.0.0.1:<port>/dns-query`. */
  readonly url: string;
  /** Requests seen, in order. */
  readonly requests: readonly SeenRequest[];
  /** TLS connections accepted. */
  readonly connections: number;
}

/** A DoH server on 127.0.0.1 with the test certificate, speaking HTTP/2 only or HTTP/1.1 only. */
export async function startDohServer(options: DohServerOptions): Promise<DohTestServer> {
  const path = options.path ?? '/dns-query';
  const requests: SeenRequest[] = [];
  let received = 0;
  let connections = 0;
  const handle = async (
    method: string,
    url: string,
    httpVersion: string,
    body: Uint8Array,
  ): Promise<{ status: number; type: string; body: Uint8Array }> => {
    requests.push({ method, path: url, httpVersion });
    const parsed = new URL(url, 'https://127.0.0.1');
    if (parsed.pathname !== path) return { status: 404, type: 'text/plain', body: new TextEncoder().encode('not found') };
    const bytes = method === 'GET' ? new Uint8Array(Buffer.from(parsed.searchParams.get('dns') ?? '', 'base64url')) : body;
    received += 1;
    const query = decodeQuery(bytes);
    const reply = query === undefined ? undefined : replies(await options.handler(query))[0];
    if (reply === undefined) return { status: 400, type: 'text/plain', body: new TextEncoder().encode('bad query') };
    return { status: options.status ?? 200, type: options.contentType ?? 'application/dns-message', body: reply };
  };
  const readBody = async (stream: AsyncIterable<unknown>): Promise<Uint8Array> => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return new Uint8Array(Buffer.concat(chunks));
  };
  const tlsOptions = { key: testServerKeyPem, cert: testServerCertPem };
  const server =
    options.protocol === 'h2'
      ? http2.createSecureServer({ ...tlsOptions, allowHTTP1: false }, (request, response) => {
          void readBody(request).then(async (body) => {
            const out = await handle(request.method, request.url, request.httpVersion, body);
            response.writeHead(out.status, { 'content-type': out.type, 'content-length': String(out.body.length) });
            response.end(Buffer.from(out.body), () => {
              if (options.closeSessions === true) request.stream.session?.close();
            });
          });
        })
      : https.createServer(tlsOptions, (request, response) => {
          void readBody(request).then(async (body) => {
            const out = await handle(request.method ?? 'GET', request.url ?? '/', request.httpVersion, body);
            response.writeHead(out.status, { 'content-type': out.type, 'content-length': String(out.body.length) });
            response.end(Buffer.from(out.body));
          });
        });
  server.on('secureConnection', () => {
    connections += 1;
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    ip: '127.0.0.1',
    port,
    url: `https://127.0.0.1:${port}${path}`,
    requests,
    get received() {
      return received;
    },
    get connections() {
      return connections;
    },
    close,
  };
}
