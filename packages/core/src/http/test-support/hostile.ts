/**
 * Raw HTTP servers on loopback for the client's tests, answering with whatever bytes a test
 * scripts: well-behaved keep-alive, and hostile ones (endless headers, a 1 MB header line, a
 * trickling body, a huge or invalid chunk size, conflicting Content-Length, silence, a close in
 * the middle of the head), over plain TCP or TLS. Test code only; nothing in the library imports it.
 */
import { once } from 'node:events';
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import tls from 'node:tls';
import { gzipSync } from 'node:zlib';

/** What a raw server does with one request: `index` counts the requests on this connection from 0. */
export type RawHandler = (socket: Socket, head: string, index: number) => void;

/** A running raw server. */
export interface RawServer {
  /** The port on 127.0.0.1. */
  readonly port: number;
  /** Connections accepted so far. */
  connections(): number;
  /** Request heads received so far, in order. */
  readonly requests: readonly string[];
  /** Stops the server, destroys its connections and clears its timers. */
  close(): Promise<void>;
}

/** Options for {@link startRawServer}. */
export interface RawServerOptions {
  /** Serve over TLS with this key and certificate chain (PEM). */
  readonly tls?: { readonly key: string; readonly cert: string };
}

/**
 * Starts a server that reads request heads (up to the blank line) and hands each to `handler`,
 * which writes whatever it likes; several requests on one connection are handed over in turn.
 */
export async function startRawServer(handler: RawHandler, options: RawServerOptions = {}): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  let connections = 0;
  const serve = (socket: Socket): void => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    let buffered = '';
    let index = 0;
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        const head = buffered.slice(0, end + 4);
        buffered = buffered.slice(end + 4);
        requests.push(head);
        handler(socket, head, index++);
      }
    });
  };
  let server: Server;
  if (options.tls === undefined) {
    server = createServer(serve);
  } else {
    const secure = tls.createServer({ key: options.tls.key, cert: options.tls.cert, ALPNProtocols: ['http/1.1'] }, serve);
    secure.on('tlsClientError', () => undefined);
    // The TCP sockets under TLS must be destroyed on close too.
    secure.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => sockets.delete(socket));
    });
    server = secure;
  }
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    connections: () => connections,
    requests,
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes until the socket closes: `next()` gives the next piece, every `everyMs` milliseconds. */
function drip(socket: Socket, first: string, next: () => string, everyMs: number): void {
  socket.write(first);
  const timer = setInterval(() => {
    if (socket.destroyed) clearInterval(timer);
    else socket.write(next());
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

/** A well-behaved keep-alive response with a Content-Length body. */
export function okResponse(body = 'hello', extraHeaders = ''): RawHandler {
  return (socket) => socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}\r\n${body}`);
}

/** The hostile servers, by what they do wrong. */
export const hostile = {
  /** Header lines forever, a few every millisecond. */
  endlessHeaders: ((socket) => {
    let n = 0;
    drip(socket, 'HTTP/1.1 200 OK\r\n', () => `X-Filler-${n++}: ${'x'.repeat(200)}\r\n`.repeat(20), 1);
  }) satisfies RawHandler,
  /** One header line of 1 MB. */
  megabyteHeaderLine: ((socket) => {
    socket.write(`HTTP/1.1 200 OK\r\nX-Huge: ${'a'.repeat(1_048_576)}\r\nContent-Length: 0\r\n\r\n`);
  }) satisfies RawHandler,
  /** A Content-Length of 1000 and one body byte every 50 ms. */
  trickleBody: ((socket) => {
    drip(socket, 'HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n', () => 'a', 50);
  }) satisfies RawHandler,
  /** A chunk of size 2^64 - 1, then data forever. */
  hugeChunk: ((socket) => {
    drip(socket, 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n', () => 'z'.repeat(65_536), 1);
  }) satisfies RawHandler,
  /** A chunk size that is not hex. */
  nonHexChunk: ((socket) => {
    socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n');
  }) satisfies RawHandler,
  /** Chunk data longer than its size: no CRLF where one must be. */
  missingChunkCrlf: ((socket) => {
    socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n');
  }) satisfies RawHandler,
  /** Two different Content-Length values. */
  conflictingLengths: ((socket) => {
    socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 50\r\n\r\nhello');
  }) satisfies RawHandler,
  /** A Content-Length of 100, 10 bytes, then the connection closes. */
  shortBody: ((socket) => {
    socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789');
  }) satisfies RawHandler,
  /** A Content-Length of 5 followed by 20 bytes, on a connection left open. */
  longBody: ((socket) => {
    socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello, and then some');
  }) satisfies RawHandler,
  /** Reads the request and says nothing. */
  silent: (() => undefined) satisfies RawHandler,
  /** Closes in the middle of the response head. */
  closeMidHeaders: ((socket) => {
    socket.end('HTTP/1.1 200 OK\r\nContent-Ty');
  }) satisfies RawHandler,
  /** A gzip-coded body, announced in Content-Encoding. */
  gzipBody: ((socket) => {
    const body = gzipSync(Buffer.from('compressed hello'));
    socket.write(`HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ${body.length}\r\n\r\n`);
    socket.write(body);
  }) satisfies RawHandler,
  /** Answers the first request on a connection and closes the connection at the second without a word. */
  closeOnSecondRequest: ((socket, _head, index) => {
    if (index === 0) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    else socket.destroy();
  }) satisfies RawHandler,
};
