/**
 * One HTTP connection: a TCP connection from the core `Network` (so the address policy and the
 * lab's address map apply), with node:tls on top for https. The connection listens to its stream
 * for its whole life and hands bytes to whoever reads a response on it; while idle in the pool,
 * any byte or close from the server retires it.
 */
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { ProbeFailure } from '../model/evidence.js';
import type { JsonValue } from '../model/json.js';
import type { Connection, Endpoint, Network } from '../transport/network.js';
import type { PreparedRequest } from './request.js';
import type { HttpError, HttpErrorCode, HttpTlsInfo } from './types.js';

/** Whoever reads a response on a connection. */
export interface ConnectionReader {
  /** Bytes from the server. */
  data(chunk: Uint8Array): void;
  /** The server closed the connection, or it broke; `error` is the last socket error, if any. */
  end(error: unknown): void;
}

/** The Node, OpenSSL or system code of an error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A socket that may be unreferenced while idle, so that an idle pool does not keep a process alive. */
interface Referable {
  ref?: () => unknown;
  unref?: () => unknown;
}

function whenClosed(stream: Duplex): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}

/** An open connection, busy with one response at a time or idle. */
export class HttpConnection {
  /** The pool key: scheme, IP, port and TLS server name. */
  readonly key: string;
  /** The TLS info, for https. */
  readonly tls: HttpTlsInfo | undefined;
  /** The endpoint connected to (before any address map). */
  readonly remote: Endpoint;
  /** How long opening took, for the first request's timings. */
  readonly openTimings: { readonly connectMs: number; readonly tlsMs?: number };
  readonly #stream: Duplex;
  readonly #connection: Connection;
  readonly #closed: Promise<void>;
  #reader: ConnectionReader | undefined;
  #dead = false;
  #lastError: unknown;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #onRetire: (() => void) | undefined;

  /**
   * @param key - the pool key
   * @param stream - the byte stream (the TLS socket for https)
   * @param connection - the network connection underneath
   * @param tlsInfo - what the TLS handshake gave
   * @param openTimings - connect and TLS durations
   */
  constructor(
    key: string,
    stream: Duplex,
    connection: Connection,
    tlsInfo: HttpTlsInfo | undefined,
    openTimings: { readonly connectMs: number; readonly tlsMs?: number },
  ) {
    this.key = key;
    this.#stream = stream;
    this.#connection = connection;
    this.tls = tlsInfo;
    this.remote = connection.remote;
    this.openTimings = openTimings;
    this.#closed = Promise.all([whenClosed(stream), stream === connection.socket ? undefined : whenClosed(connection.socket)]).then(
      () => undefined,
    );
    stream.on('data', (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? new Uint8Array(Buffer.from(chunk, 'latin1')) : chunk;
      if (this.#reader !== undefined) this.#reader.data(bytes);
      // Bytes nobody asked for: the server is out of step with the requests, so nothing it sends on this connection can be trusted.
      else this.destroy();
    });
    // Errors are followed by 'close'; the listener keeps them from being unhandled and remembers the code.
    stream.on('error', (error: unknown) => {
      this.#lastError ??= error;
    });
    const ended = (): void => {
      this.#dead = true;
      const reader = this.#reader;
      this.#reader = undefined;
      reader?.end(this.#lastError);
      this.#retire();
    };
    stream.once('end', ended);
    stream.once('close', () => {
      ended();
      // A TLS stream can close while the TCP socket underneath stays open; nothing uses it after this.
      this.#connection.close();
    });
  }

  /** Whether the connection can carry another request. */
  get alive(): boolean {
    return !this.#dead && !this.#stream.destroyed && this.#stream.writable && this.#stream.readable;
  }

  /** Resolves when every socket of the connection has closed. */
  closed(): Promise<void> {
    return this.#closed;
  }

  /** Sends the request head and hands the response bytes to `reader` until {@link HttpConnection.release}. */
  send(head: Uint8Array, reader: ConnectionReader): void {
    this.#stopIdle();
    if (this.#dead || this.#stream.destroyed) {
      // Closed between the pool's check and now: its 'close' has been and gone, so say it here.
      const error = this.#lastError;
      queueMicrotask(() => reader.end(error));
      return;
    }
    this.#reader = reader;
    this.#stream.write(head);
  }

  /** Stops handing bytes to the reader. */
  release(): void {
    this.#reader = undefined;
  }

  /**
   * Parks the connection idle: it closes after `idleMs`, or as soon as the server sends anything
   * or closes; `onRetire` runs once when it leaves the idle state by any of these.
   */
  park(idleMs: number, onRetire: () => void): void {
    this.#reader = undefined;
    this.#onRetire = onRetire;
    this.#idleTimer = setTimeout(() => this.destroy(), idleMs);
    this.#idleTimer.unref();
    for (const socket of this.#sockets()) socket.unref?.();
  }

  /** Takes the connection out of the idle state, for a new request. */
  unpark(): void {
    this.#stopIdle();
  }

  /** Closes the connection at once; safe to call more than once. */
  destroy(): void {
    this.#dead = true;
    // Retire first: it tells the pool, which stopping the idle state would not.
    this.#retire();
    this.#stream.destroy();
    this.#connection.close();
  }

  #sockets(): Referable[] {
    return [this.#stream as Referable, this.#connection.socket as Referable];
  }

  #stopIdle(): void {
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
    this.#onRetire = undefined;
    for (const socket of this.#sockets()) socket.ref?.();
  }

  #retire(): void {
    const onRetire = this.#onRetire;
    this.#onRetire = undefined;
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
    onRetire?.();
  }
}

/** Turns an abort of the request's signal into the error for the stage it happened in. */
export type AbortErrorOf = (stage: HttpError['stage']) => HttpError;

/** What opening a connection needs. */
export interface OpenRequest {
  /** The pool key. */
  readonly key: string;
  /** The network. */
  readonly network: Network;
  /** The IP address. */
  readonly ip: string;
  /** The request (scheme, port, names). */
  readonly prepared: PreparedRequest;
  /** The request's signal: its time limit and the caller's abort. */
  readonly signal: AbortSignal;
  /** Time limit for the TCP handshake. */
  readonly connectTimeoutMs: number;
  /** The TLS context with the trust store's roots. */
  readonly secureContext: () => tls.SecureContext;
  /** The error for an abort of `signal`. */
  readonly abortError: AbortErrorOf;
}

const networkCodes: Readonly<Partial<Record<string, HttpErrorCode>>> = {
  'forbidden-address': 'forbidden-address',
  refused: 'refused',
  unreachable: 'unreachable',
  timeout: 'timeout',
  malformed: 'invalid-request',
};

function systemErrorOf(failure: ProbeFailure): string | undefined {
  const detail = failure.detail;
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return undefined;
  const code = (detail as { readonly [key: string]: JsonValue }).systemError;
  return typeof code === 'string' ? code : undefined;
}

/** Opens a connection for the request: TCP through the network, then TLS for https. Never rejects. */
export async function openConnection(
  request: OpenRequest,
): Promise<{ ok: true; connection: HttpConnection } | { ok: false; error: HttpError }> {
  const { prepared, signal } = request;
  const connectStarted = performance.now();
  let connection: Connection;
  try {
    connection = await request.network.connect({ ip: request.ip, port: prepared.port, signal, timeoutMs: request.connectTimeoutMs });
  } catch (caught) {
    if (signal.aborted) return { ok: false, error: request.abortError('connect') };
    if (caught instanceof ProbeFailure) {
      const nodeCode = systemErrorOf(caught);
      return {
        ok: false,
        error: {
          code: networkCodes[caught.code] ?? 'internal',
          message: caught.message,
          stage: 'connect',
          ...(nodeCode === undefined ? {} : { nodeCode }),
        },
      };
    }
    return { ok: false, error: { code: 'internal', message: `connecting failed: ${String(caught)}`, stage: 'connect' } };
  }
  const connectMs = performance.now() - connectStarted;
  if (signal.aborted) {
    connection.close();
    return { ok: false, error: request.abortError('connect') };
  }
  if (prepared.scheme === 'http') {
    return { ok: true, connection: new HttpConnection(request.key, connection.socket, connection, undefined, { connectMs }) };
  }

  const tlsStarted = performance.now();
  let socket: tls.TLSSocket;
  try {
    socket = tls.connect({
      socket: connection.socket,
      secureContext: request.secureContext(),
      ALPNProtocols: ['http/1.1'],
      // Validation is judged after the handshake, so that `report` can go on and `fail` can say why.
      // Node still checks the name and reports it in authorizationError.
      rejectUnauthorized: false,
      // For an IP literal the certificate must name the IP, and RFC 6066 forbids an IP as SNI.
      ...(prepared.servername === undefined ? { host: prepared.certificateHost } : { servername: prepared.servername }),
    });
  } catch (caught) {
    connection.close();
    return { ok: false, error: { code: 'internal', message: `starting TLS failed: ${String(caught)}`, stage: 'tls' } };
  }
  let lastError: unknown;
  socket.on('error', (error: unknown) => {
    lastError ??= error;
  });
  const outcome = await new Promise<'secure' | 'closed' | 'aborted'>((resolve) => {
    const finish = (value: 'secure' | 'closed' | 'aborted'): void => {
      socket.off('secureConnect', onSecure);
      socket.off('close', onClose);
      socket.off('error', onClose);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onSecure = (): void => finish('secure');
    const onClose = (): void => finish('closed');
    const onAbort = (): void => finish('aborted');
    if (signal.aborted) {
      finish('aborted');
      return;
    }
    socket.once('secureConnect', onSecure);
    socket.once('close', onClose);
    socket.once('error', onClose);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const destroy = (): void => {
    socket.destroy();
    connection.close();
  };
  if (outcome === 'aborted') {
    destroy();
    return { ok: false, error: request.abortError('tls') };
  }
  if (outcome === 'closed') {
    destroy();
    const nodeCode = errorCode(lastError);
    const reason = lastError instanceof Error ? lastError.message : 'the server closed the connection during the TLS handshake';
    return {
      ok: false,
      error: {
        code: 'tls-handshake',
        message: `TLS handshake failed: ${reason.slice(0, 200)}`,
        stage: 'tls',
        ...(nodeCode === undefined ? {} : { nodeCode }),
      },
    };
  }
  const tlsMs = performance.now() - tlsStarted;
  const authorizationError =
    socket.authorizationError === null || socket.authorizationError === undefined ? undefined : String(socket.authorizationError);
  const cipher = socket.getCipher();
  const alpn = typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : undefined;
  const tlsInfo: HttpTlsInfo = {
    protocol: socket.getProtocol() ?? 'unknown',
    cipher: cipher?.standardName ?? cipher?.name ?? 'unknown',
    ...(alpn === undefined ? {} : { alpn }),
    ...(prepared.servername === undefined ? {} : { servername: prepared.servername }),
    authorized: socket.authorized && authorizationError === undefined,
    ...(authorizationError === undefined ? {} : { authorizationError }),
  };
  return { ok: true, connection: new HttpConnection(request.key, socket, connection, tlsInfo, { connectMs, tlsMs }) };
}
