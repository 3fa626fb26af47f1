/**
 * TLS servers of any configuration node:tls (OpenSSL 3) can serve: versions, suites, groups,
 * DH parameters, one or more certificate chains, session tickets, client-initiated renegotiation
 * refused, limited or unlimited, an OCSP staple and ALPN. The same setup serves plain TLS, HTTPS
 * and SMTP after STARTTLS.
 */
import { constants } from 'node:crypto';
import type { Socket } from 'node:net';
import {
  type SecureContext,
  type SecureContextOptions,
  type Server as TlsServer,
  TLSSocket,
  createSecureContext,
  createServer,
} from 'node:tls';
import { type LabListener, listenTracked } from '../net/listener.js';
import { type LabTlsVersion, nodeVersionName } from './codes.js';
import { type FfdheBits, type FfdheName, dhParametersPem, ffdhePrime, isFfdheName } from './ffdhe.js';

/** A certificate chain a server presents and its key. A {@link LabCertificate} is one. */
export interface LabServedCertificate {
  /** The chain to send, PEM, leaf first. Leave out the intermediate for a "missing intermediate" server. */
  readonly chainPem: string;
  /** The leaf's private key, PEM. */
  readonly privateKeyPem: string;
}

/**
 * What a client may do about renegotiation on TLS ≤ 1.2: `refused` (OpenSSL's no_renegotiation
 * option: the server answers a renegotiation with an alert), `limited` (node's own limit: three
 * renegotiations per ten minutes, then the connection is closed) or `unlimited`.
 */
export type LabRenegotiation = 'refused' | 'limited' | 'unlimited';

/** A TLS configuration for the lab's node:tls-based servers (TLS, HTTPS, SMTP STARTTLS). */
export interface LabTlsSetup {
  /** One or more chains, e.g. an ECDSA and an RSA one; OpenSSL picks per handshake. */
  readonly certificates: readonly LabServedCertificate[];
  /** Lowest version; default `TLSv1.2`. SSLv3 is for the scripted server only. */
  readonly minVersion?: LabTlsVersion;
  /** Highest version; default `TLSv1.3`. */
  readonly maxVersion?: LabTlsVersion;
  /**
   * OpenSSL cipher list for TLS ≤ 1.2 and, mixed in, the TLS 1.3 suite names (node splits them),
   * e.g. `TLS_AES_256_GCM_SHA384:ECDHE-ECDSA-AES256-GCM-SHA384`. Default: node's default list.
   */
  readonly ciphers?: string;
  /**
   * OpenSSL security level appended to the cipher list. Default 0 when `minVersion` is below
   * TLS 1.2 (TLS 1.0/1.1 need SHA-1 handshake signatures), otherwise OpenSSL's default (1),
   * which also refuses SHA-1 signature schemes. SHA-1-signed certificates need 0 to be loaded.
   */
  readonly securityLevel?: 0 | 1 | 2 | 3;
  /** Named groups, colon-separated OpenSSL names (`X25519:P-256`). Default: node's (`auto`). */
  readonly ecdhCurve?: string;
  /** DHE parameters: an RFC 7919 group name or DH PARAMETERS PEM. Default: none (no DHE suites). */
  readonly dhparam?: FfdheName | string;
  /** TLS ≤ 1.2 signature schemes the server may use, OpenSSL syntax (`RSA+SHA256:RSA+SHA1`). */
  readonly sigalgs?: string;
  /** Choose suites by the server's order (default) rather than the client's. */
  readonly serverPreference?: boolean;
  /** Issue session tickets; default true. */
  readonly sessionTickets?: boolean;
  /** Client-initiated renegotiation; default `refused`. */
  readonly renegotiation?: LabRenegotiation;
  /** An OCSP response (DER) to staple when the client asks for one. */
  readonly ocspStaple?: Buffer;
  /** ALPN protocols the server accepts, in preference order. */
  readonly alpn?: readonly string[];
}

/** What to do with a connection once its handshake is done. */
export type LabTlsHandler = (socket: TLSSocket) => void;

/** Options for {@link startTlsServer}. */
export interface StartTlsServerOptions extends LabTlsSetup {
  /** The loopback address to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** The port; default an ephemeral one. */
  readonly port?: number;
  /** Handles each established connection; default: read and discard until the client closes. */
  readonly handler?: LabTlsHandler;
  /** Close a connection idle for this long, in milliseconds; default 10 000. */
  readonly idleTimeoutMs?: number;
}

/** A TLS configuration made ready: a context for wrapping sockets that arrive some other way (STARTTLS). */
export interface LabTlsEngine {
  /** The (non-listening) node:tls server that carries the OCSP, SNI and renegotiation behaviour. */
  readonly server: TlsServer;
  /**
   * Starts TLS as the server on a connected socket (after STARTTLS). Errors on the returned
   * socket are handled (renegotiation policy, handshake failures destroy it); the caller
   * listens for `secure` to use it.
   */
  upgrade(socket: Socket): TLSSocket;
}

/** A running TLS server. */
export interface LabTlsServer extends LabListener {
  /** The node:tls server. */
  readonly server: TlsServer;
}

/** The options node:tls takes for a setup. */
function contextOptions(setup: LabTlsSetup): SecureContextOptions {
  if (setup.certificates.length === 0) throw new Error('a lab TLS server needs at least one certificate');
  const minVersion = setup.minVersion ?? 'TLSv1.2';
  const maxVersion = setup.maxVersion ?? 'TLSv1.3';
  const legacy = minVersion === 'TLSv1.0' || minVersion === 'TLSv1.1';
  const level = setup.securityLevel ?? (legacy ? 0 : undefined);
  let ciphers = setup.ciphers;
  if (level !== undefined) ciphers = `${ciphers ?? 'DEFAULT'}:@SECLEVEL=${level}`;
  let secureOptions = 0;
  if ((setup.renegotiation ?? 'refused') === 'refused') secureOptions |= constants.SSL_OP_NO_RENEGOTIATION;
  if (setup.sessionTickets === false) secureOptions |= constants.SSL_OP_NO_TICKET;
  const dhparam =
    setup.dhparam === undefined
      ? undefined
      : isFfdheName(setup.dhparam)
        ? dhParametersPem(ffdhePrime(Number(setup.dhparam.slice(5)) as FfdheBits))
        : setup.dhparam;
  return {
    cert: setup.certificates.map((c) => c.chainPem),
    key: setup.certificates.map((c) => c.privateKeyPem),
    minVersion: nodeVersionName(minVersion),
    maxVersion: nodeVersionName(maxVersion),
    honorCipherOrder: setup.serverPreference ?? true,
    ...(ciphers === undefined ? {} : { ciphers }),
    ...(setup.ecdhCurve === undefined ? {} : { ecdhCurve: setup.ecdhCurve }),
    ...(dhparam === undefined ? {} : { dhparam }),
    ...(setup.sigalgs === undefined ? {} : { sigalgs: setup.sigalgs }),
    ...(secureOptions === 0 ? {} : { secureOptions }),
  };
}

/**
 * Keeps a server-side TLS socket's errors from crashing the process and applies the
 * renegotiation policy: node reports a client that renegotiates past its limit as an error on
 * the socket; `limited` closes the connection then, `unlimited` lets it go on.
 */
function guard(socket: TLSSocket, renegotiation: LabRenegotiation): void {
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ERR_TLS_SESSION_ATTACK' && renegotiation === 'unlimited') return;
    socket.destroy();
  });
}

/**
 * Makes a TLS configuration ready without listening: for servers that start TLS on a socket
 * they already hold (SMTP STARTTLS), or that listen some other way.
 *
 * @throws when node rejects the configuration (e.g. a SHA-1 certificate at security level 1)
 */
export function createTlsEngine(setup: LabTlsSetup): LabTlsEngine {
  const options = contextOptions(setup);
  const renegotiation = setup.renegotiation ?? 'refused';
  const alpn = setup.alpn === undefined ? {} : { ALPNProtocols: [...setup.alpn] };
  const server = createServer({ ...options, ...alpn });
  const staple = setup.ocspStaple;
  if (staple !== undefined) {
    server.on('OCSPRequest', (_certificate: Buffer, _issuer: Buffer, callback: (error: Error | null, response?: Buffer) => void) => {
      callback(null, staple);
    });
  }
  // Without a listener node destroys the socket itself; with one, the lab must (and does).
  server.on('tlsClientError', (_error: Error, socket: TLSSocket) => socket.destroy());
  server.on('secureConnection', (socket: TLSSocket) => guard(socket, renegotiation));
  // One context for sockets wrapped by hand, built on the first STARTTLS rather than per session
  // (and never for servers that only listen, which keeps the lab's start-up fast).
  let secureContext: SecureContext | undefined;
  return {
    server,
    upgrade(socket: Socket): TLSSocket {
      secureContext ??= createSecureContext(options);
      const wrapped = new TLSSocket(socket, { isServer: true, server, secureContext, ...alpn });
      guard(wrapped, renegotiation);
      return wrapped;
    },
  };
}

/**
 * Starts a TLS server on loopback with the given configuration. Each established connection
 * goes to `handler`; closing the server destroys every open connection.
 *
 * @throws when node rejects the configuration or listening fails
 */
export async function startTlsServer(options: StartTlsServerOptions): Promise<LabTlsServer> {
  const engine = createTlsEngine(options);
  const idleTimeoutMs = options.idleTimeoutMs ?? 10_000;
  const handler =
    options.handler ??
    ((socket: TLSSocket): void => {
      socket.resume();
    });
  engine.server.on('connection', (socket: Socket) => {
    socket.setTimeout(idleTimeoutMs, () => socket.destroy());
  });
  engine.server.on('secureConnection', handler);
  const listener = await listenTracked(engine.server, options.host ?? '127.0.0.1', options.port ?? 0);
  return { ...listener, server: engine.server };
}
