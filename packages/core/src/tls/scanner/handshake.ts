/**
 * Full handshakes with node:tls, for what the raw hellos cannot see: the TLS 1.3 certificate
 * chain, trust against Mozilla's roots (plus the user's CAs), the OCSP staple, the session
 * ticket's `max_early_data`, and client-initiated renegotiation. Runs over a socket the caller
 * opened through the network (and, for mail, took through STARTTLS).
 */
import type { Duplex } from 'node:stream';
import tls, { type PeerCertificate, type SecureVersion, type TLSSocket } from 'node:tls';
import { secureContextFor } from '../../trust/secure-context.js';
import type { TrustStore } from '../../trust/types.js';
import { toBase64 } from '../../util/bytes.js';
import { ContentType } from './constants.js';
import { tapRecords } from './record-tap.js';
import { type SessionFacts, parseSessionFacts } from './session.js';

/** What to do on one full handshake. */
export interface FullHandshakeRequest {
  /** The connected socket (after STARTTLS for mail). */
  readonly socket: Duplex;
  /** SNI; omitted for IP addresses. */
  readonly servername?: string;
  /**
   * The trusted roots. Without them the chain is not judged (`authorized` is absent): a handshake
   * made for another test, such as renegotiation, then costs no secure context with every root
   * loaded (tens of milliseconds for a trust store the scan has not used yet).
   */
  readonly trust?: TrustStore;
  /** Lowest version to offer. */
  readonly minVersion: SecureVersion;
  /** Highest version to offer. */
  readonly maxVersion: SecureVersion;
  /** OpenSSL cipher list for TLS ≤ 1.2; node's default when absent. */
  readonly ciphers?: string;
  /** Time limit for the handshake, in milliseconds. */
  readonly timeoutMs: number;
  /** How long to wait after the handshake for a TLS 1.3 session ticket, in milliseconds. */
  readonly ticketWaitMs: number;
  /** How many client-initiated renegotiations to attempt (0: none). */
  readonly renegotiations: number;
  /**
   * Upper time limit per renegotiation, in milliseconds. The limit used is four times the initial
   * handshake's duration, at least 500 ms, up to this. A server that refuses with a warning alert
   * (OpenSSL's no_renegotiation option) gives node:tls no event at all; the record layer shows the
   * alert record, which ends the wait as a refusal (`alert`) as soon as it arrives, so the limit
   * only bounds a server that stays silent.
   */
  readonly renegotiationTimeoutMs: number;
  /** Aborts. */
  readonly signal?: AbortSignal;
}

/** What a full handshake saw. */
export interface FullHandshakeResult {
  /** Whether the handshake completed. */
  readonly ok: boolean;
  /** Why it did not, or what failed afterwards: an OpenSSL/Node error code or `timeout`/`aborted`/`closed`. */
  readonly error?: { readonly code: string; readonly message: string };
  /** The negotiated version (`TLSv1.3`, ...). */
  readonly protocol?: string;
  /** The negotiated suite's IANA name. */
  readonly cipher?: string;
  /** The peer's chain as OpenSSL linked it, leaf first, DER base64. */
  readonly chain?: readonly string[];
  /** Whether the chain verified against the given roots (host name not included); absent without roots. */
  readonly authorized?: boolean;
  /** OpenSSL's reason when it did not. */
  readonly authorizationError?: string;
  /** The stapled OCSP response; `null` when none was stapled; absent when the handshake failed first. */
  readonly ocsp?: Uint8Array | null;
  /** The last session the server gave, if any. */
  readonly session?: SessionFacts;
  /** Renegotiations attempted and completed, when asked for, and how the first failed one ended. */
  readonly renegotiation?: { readonly attempted: number; readonly accepted: number; readonly refusal?: string };
}

function errorOf(error: unknown): { code: string; message: string } {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'handshake-failed';
  const message = error instanceof Error ? error.message : String(error);
  return { code, message: message.length > 200 ? `${message.slice(0, 200)}…` : message };
}

/**
 * The chain from node's linked certificate objects, leaf first, each certificate once. `given` is
 * the object node:tls already built for `checkServerIdentity` when it did (a chain that verified):
 * building it is a good part of a handshake's cost on the client side.
 */
function chainOf(socket: TLSSocket, given: PeerCertificate | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let certificate: PeerCertificate | undefined = given ?? socket.getPeerCertificate(true);
  // The objects link to their issuers and a root links to itself; the bound stops any loop.
  for (let i = 0; i < 16 && certificate !== undefined && certificate.raw !== undefined; i++) {
    const der = toBase64(certificate.raw);
    if (seen.has(der)) break;
    seen.add(der);
    out.push(der);
    const issuer: PeerCertificate | undefined = (certificate as tls.DetailedPeerCertificate).issuerCertificate;
    certificate = issuer;
  }
  return out;
}

/** Whether the chain verified against the request's roots, and OpenSSL's reason when it did not. */
function judged(socket: TLSSocket): { authorized: boolean; authorizationError?: string } {
  const error = socket.authorizationError;
  return { authorized: socket.authorized, ...(error === undefined || error === null ? {} : { authorizationError: String(error) }) };
}

/** Waits for an event, a time limit or an abort; resolves to which happened. */
function waitFor<T>(
  register: (resolve: (value: T) => void) => () => void,
  timeoutMs: number,
  onTimeout: T,
  signal: AbortSignal | undefined,
  onAbort: T,
): Promise<T> {
  return new Promise((resolve) => {
    let unregister: () => void = () => undefined;
    const finish = (value: T): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', aborted);
      unregister();
      resolve(value);
    };
    const aborted = (): void => finish(onAbort);
    const timer = setTimeout(() => finish(onTimeout), timeoutMs);
    if (signal?.aborted === true) {
      finish(onAbort);
      return;
    }
    signal?.addEventListener('abort', aborted, { once: true });
    unregister = register(finish);
  });
}

const MAX_DISCARDED_BYTES = 65_536;

/** How long an alert record in answer to a renegotiation waits for node:tls to name the error itself, in milliseconds. */
const ALERT_GRACE_MS = 25;

/**
 * Runs one full handshake and the follow-ups asked for. Never throws for the server's behaviour;
 * always destroys the TLS socket before returning (the caller still closes its connection).
 */
export async function fullHandshake(request: FullHandshakeRequest): Promise<FullHandshakeResult> {
  let ocsp: Uint8Array | null | undefined;
  let session: SessionFacts | undefined;
  let failure: unknown;
  let closed = false;
  let identityCertificate: PeerCertificate | undefined;
  const contextSettings = {
    minVersion: request.minVersion,
    maxVersion: request.maxVersion,
    ...(request.ciphers === undefined ? {} : { ciphers: request.ciphers }),
  };
  // requestOCSP is passed on by tls.connect to the TLSSocket it makes, but @types/node leaves it out of ConnectionOptions.
  const connectOptions: tls.ConnectionOptions & { readonly requestOCSP: boolean } = {
    socket: request.socket,
    ...(request.servername === undefined ? {} : { servername: request.servername }),
    // The versions and ciphers live in the context: node:tls ignores them beside a secureContext.
    secureContext:
      request.trust === undefined ? tls.createSecureContext(contextSettings) : secureContextFor(request.trust, contextSettings),
    rejectUnauthorized: false,
    requestOCSP: true,
    // Trust is judged on the chain alone here; the host name is the certificate evaluator's job.
    checkServerIdentity: (_host, certificate) => {
      identityCertificate = certificate;
      return undefined;
    },
  };
  // Renegotiation refusals are read off the record layer (see tapRecords), so that connection runs over a tap.
  const tap = request.renegotiations > 0 ? tapRecords(request.socket) : undefined;
  const socket = tls.connect(tap === undefined ? connectOptions : { ...connectOptions, socket: tap.stream });
  const sessionListeners = new Set<() => void>();
  socket.on('OCSPResponse', (response: Buffer | null | undefined) => {
    ocsp = response !== null && response !== undefined && response.length > 0 ? new Uint8Array(response) : null;
  });
  socket.on('session', (der: Buffer) => {
    const facts = parseSessionFacts(der);
    if (facts !== undefined) session = facts;
    for (const listener of sessionListeners) listener();
  });
  socket.on('error', (error: unknown) => {
    failure ??= error;
  });
  socket.on('close', () => {
    closed = true;
  });
  // Application data is not expected; read and drop it (bounded) so that the TLS layer keeps
  // processing records such as TLS 1.3 tickets.
  let discarded = 0;
  socket.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) socket.destroy();
  });

  const handshakeStarted = performance.now();
  try {
    const connected = await waitFor<'secure' | 'error' | 'timeout' | 'aborted'>(
      (resolve) => {
        const onSecure = (): void => resolve('secure');
        const onError = (): void => resolve('error');
        socket.once('secureConnect', onSecure);
        socket.once('error', onError);
        socket.once('close', onError);
        return () => {
          socket.off('secureConnect', onSecure);
          socket.off('error', onError);
          socket.off('close', onError);
        };
      },
      request.timeoutMs,
      'timeout',
      request.signal,
      'aborted',
    );
    if (connected !== 'secure') {
      const error =
        connected === 'timeout'
          ? { code: 'timeout', message: `no handshake within ${request.timeoutMs} ms` }
          : connected === 'aborted'
            ? { code: 'aborted', message: 'the handshake was aborted' }
            : failure !== undefined
              ? errorOf(failure)
              : { code: 'closed', message: 'the server closed the connection during the handshake' };
      return { ok: false, error };
    }

    const protocol = socket.getProtocol() ?? undefined;
    const cipher = socket.getCipher();
    const base = {
      ...(protocol === undefined ? {} : { protocol }),
      ...(cipher?.standardName === undefined ? {} : { cipher: cipher.standardName }),
      chain: chainOf(socket, identityCertificate),
      ...(request.trust === undefined ? {} : judged(socket)),
    };

    // TLS 1.3 tickets come after the handshake; wait a little for the first one.
    if (protocol === 'TLSv1.3' && session === undefined && request.ticketWaitMs > 0) {
      await waitFor<boolean>(
        (resolve) => {
          const listener = (): void => resolve(true);
          const onClose = (): void => resolve(false);
          sessionListeners.add(listener);
          socket.once('close', onClose);
          return () => {
            sessionListeners.delete(listener);
            socket.off('close', onClose);
          };
        },
        request.ticketWaitMs,
        false,
        request.signal,
        false,
      );
    }

    let renegotiation: FullHandshakeResult['renegotiation'];
    if (request.renegotiations > 0) {
      const handshakeMs = performance.now() - handshakeStarted;
      const renegotiationTimeoutMs = Math.min(request.renegotiationTimeoutMs, Math.max(500, 4 * handshakeMs));
      let attempted = 0;
      let accepted = 0;
      let error: string | undefined;
      while (attempted < request.renegotiations) {
        if (closed || socket.destroyed) {
          error = 'the connection closed';
          break;
        }
        attempted++;
        const outcome = await waitFor<{ ok: boolean; error?: string }>(
          (resolve) => {
            const onClose = (): void =>
              resolve({ ok: false, error: failure === undefined ? 'the connection closed' : errorOf(failure).code });
            socket.once('close', onClose);
            // Any alert record in answer to the new ClientHello is a refusal: an accepting server sends handshake records.
            // node:tls names a fatal one itself a moment later (e.g. ERR_SSL_NO_RENEGOTIATION); a warning it never names.
            let grace: ReturnType<typeof setTimeout> | undefined;
            const unsubscribe = tap?.onRecord((contentType) => {
              if (contentType === ContentType.alert && grace === undefined) {
                grace = setTimeout(() => resolve({ ok: false, error: 'alert' }), ALERT_GRACE_MS);
              }
            });
            let started: boolean | undefined = false;
            try {
              started = socket.renegotiate({ rejectUnauthorized: false }, (err: Error | null) => {
                resolve(err === null || err === undefined ? { ok: true } : { ok: false, error: errorOf(err).code });
              });
            } catch (err) {
              resolve({ ok: false, error: errorOf(err).code });
            }
            if (started === false) resolve({ ok: false, error: 'renegotiation is not possible on this connection' });
            return () => {
              socket.off('close', onClose);
              unsubscribe?.();
              clearTimeout(grace);
            };
          },
          renegotiationTimeoutMs,
          { ok: false, error: 'timeout' },
          request.signal,
          { ok: false, error: 'aborted' },
        );
        if (!outcome.ok) {
          error = outcome.error;
          break;
        }
        accepted++;
      }
      renegotiation = { attempted, accepted, ...(error === undefined ? {} : { refusal: error }) };
    }

    return {
      ok: true,
      ...base,
      ocsp: ocsp ?? null,
      ...(session === undefined ? {} : { session }),
      ...(renegotiation === undefined ? {} : { renegotiation }),
    };
  } finally {
    socket.destroy();
    tap?.stream.destroy();
  }
}
