/**
 * The scan's node:tls handshakes: one at the best version for the chain, trust, OCSP staple and
 * session ticket, and one at TLS ≤ 1.2 for client-initiated renegotiation (which the first one
 * runs itself when the best version is below 1.3). Both start as soon as what they need is known
 * (for a TLS 1.3 server that also accepted a TLS 1.2 hello: right after the first hellos, beside
 * the suite enumeration and each other). A TLS 1.3 handshake node:tls cannot finish is tried
 * again at the highest version below; the renegotiation test has run beside it by then, so that
 * server costs one connection more than when the test waited for the first handshake's outcome.
 */
import type { SecureVersion } from 'node:tls';
import type { TrustStore } from '../../trust/store.js';
import { toBase64 } from '../../util/bytes.js';
import type {
  CertificateChainObservation,
  OcspObservation,
  RenegotiationObservation,
  TlsVersion,
  TrustObservation,
  ZeroRttObservation,
} from '../types.js';
import { sniName } from './client-hello.js';
import { type ScanContext, describeOutcome } from './context.js';
import { type FullHandshakeRequest, type FullHandshakeResult, fullHandshake } from './handshake.js';

/** What the node:tls handshakes contributed. */
export interface HandshakeFacts {
  /** The chain the main handshake saw. */
  readonly chain?: CertificateChainObservation;
  /** Whether that chain verified. */
  readonly trust?: TrustObservation;
  /** The main handshake's OCSP staple. */
  readonly ocsp?: OcspObservation;
  /** The renegotiation test. */
  readonly renegotiation?: RenegotiationObservation;
  /** The ticket's early-data advertisement (TLS 1.3 only); `accepted` is still null. */
  readonly zeroRtt?: ZeroRttObservation;
}

/** The scan settings the handshakes use. */
export interface HandshakeSettings {
  /** The roots the chain is validated against. */
  readonly trust: TrustStore;
  /** The store's kind, for the evidence. */
  readonly store: TrustObservation['store'];
  /** Time limit of a handshake and of each renegotiation, in milliseconds. */
  readonly helloTimeoutMs: number;
  /** How long to wait for a TLS 1.3 session ticket, in milliseconds. */
  readonly ticketWaitMs: number;
  /** Renegotiations to attempt; 0 skips the test. */
  readonly renegotiationAttempts: number;
}

const nodeVersion: Partial<Record<TlsVersion, SecureVersion>> = {
  'TLSv1.0': 'TLSv1',
  'TLSv1.1': 'TLSv1.1',
  'TLSv1.2': 'TLSv1.2',
  'TLSv1.3': 'TLSv1.3',
};

/** Every suite, at security level 0: Node's defaults leave out what old servers may only have. */
const wide = 'ALL:@SECLEVEL=0';

type HandshakeOutcome = FullHandshakeResult | { readonly kind: 'unavailable' };

function handshakeFailed(result: HandshakeOutcome): string | undefined {
  if ('kind' in result) return 'unavailable';
  return result.ok ? undefined : result.error?.code;
}

/** A refusal is worth another try with other settings; silence or an abort is not. */
function retryable(result: HandshakeOutcome): boolean {
  return !('kind' in result) && !result.ok && result.error?.code !== 'timeout' && result.error?.code !== 'aborted';
}

/**
 * Runs one handshake on a connection of its own; a connection that could not be had is a problem.
 * The scan waits for it as for a chunk's first hello: it queues with those, in the order asked,
 * so that a long handshake does not hold a slot that the hellos the follow-ups wait for need first.
 */
async function run(context: ScanContext, request: Omit<FullHandshakeRequest, 'socket'>): Promise<HandshakeOutcome> {
  const result = await context.dialer.withConnection((socket) => fullHandshake({ ...request, socket }), 'chain');
  if ('kind' in result) {
    const { code, message } = describeOutcome(result);
    context.problem('handshake', code, message);
    return { kind: 'unavailable' };
  }
  return result;
}

/** The versions the handshakes go by. */
export interface HandshakeVersions {
  /** The main handshake's version: the highest supported. */
  readonly best: TlsVersion;
  /** Resolves, once every version is decided, to the supported versions from TLS 1.2 down to TLS 1.0, highest first. */
  readonly legacy: Promise<readonly TlsVersion[]>;
  /** Whether TLS 1.2 is known to be supported already (its first hello was accepted). */
  readonly tls12: boolean;
}

/**
 * Runs the handshakes, each on a connection of its own and side by side: the main one, and beside
 * a TLS 1.3 main handshake the renegotiation test at TLS ≤ 1.2 (below 1.3 the main handshake's
 * connection serves the test). Neither waits for every version to be decided unless it has to:
 * the main handshake only to fall back below TLS 1.3, the renegotiation test only when TLS 1.2 is
 * not known to be supported.
 */
export async function runHandshakes(
  context: ScanContext,
  settings: HandshakeSettings,
  signal: AbortSignal,
  { best, legacy, tls12 }: HandshakeVersions,
): Promise<HandshakeFacts> {
  // Awaited only once needed: a failure counts there, not as unhandled before then.
  legacy.catch(() => undefined);
  const servername = sniName(context.serverName);
  const requestAt = (version: TlsVersion, ciphers: string | undefined, renegotiations: number): Omit<FullHandshakeRequest, 'socket'> => {
    const node = nodeVersion[version] ?? 'TLSv1.3';
    return {
      ...(servername === undefined ? {} : { servername }),
      timeoutMs: settings.helloTimeoutMs,
      renegotiationTimeoutMs: settings.helloTimeoutMs,
      signal,
      minVersion: node,
      maxVersion: node,
      ...(ciphers === undefined ? {} : { ciphers }),
      ticketWaitMs: version === 'TLSv1.3' ? settings.ticketWaitMs : 0,
      renegotiations: version === 'TLSv1.3' ? 0 : renegotiations,
    };
  };

  const separate = best === 'TLSv1.3' && settings.renegotiationAttempts > 0;
  const main = mainHandshake(context, best, legacy, (version, ciphers) => ({
    ...requestAt(version, ciphers, separate ? 0 : settings.renegotiationAttempts),
    trust: settings.trust,
  }));
  const renegotiation = separate
    ? renegotiationTest(context, tls12, legacy, (lowest) => ({
        ...requestAt('TLSv1.2', wide, settings.renegotiationAttempts),
        minVersion: lowest,
      }))
    : undefined;
  // Awaited together, so that a failure in one never leaves the other's rejection unhandled.
  const [{ version, result }, separateTest] = await Promise.all([main, renegotiation]);
  const facts = factsOf(context, settings, version, result);
  if (separateTest !== undefined) return { ...facts, renegotiation: separateTest };
  if (settings.renegotiationAttempts === 0 || version === 'TLSv1.3') return facts;
  return facts.renegotiation === undefined
    ? { ...facts, renegotiation: { attempted: 0, accepted: 0, error: handshakeFailed(result) ?? 'the handshake failed' } }
    : facts;
}

/** The main handshake at `best`, and another try when node:tls could not finish it. */
async function mainHandshake(
  context: ScanContext,
  best: TlsVersion,
  legacy: Promise<readonly TlsVersion[]>,
  requestAt: (version: TlsVersion, ciphers: string | undefined) => Omit<FullHandshakeRequest, 'socket'>,
): Promise<{ readonly version: TlsVersion; readonly result: HandshakeOutcome }> {
  // Node's default security level refuses TLS 1.0/1.1 handshake signatures, so those get all suites at level 0 at once.
  const result = await run(context, requestAt(best, best === 'TLSv1.0' || best === 'TLSv1.1' ? wide : undefined));
  // A TLS 1.2 server with only suites Node leaves out by default gets a second try with all of them.
  if (best === 'TLSv1.2' && retryable(result)) return { version: best, result: await run(context, requestAt(best, wide)) };
  // A TLS 1.3 server node:tls cannot finish with (a group or suite it lacks) may still show its chain at a lower version.
  if (best === 'TLSv1.3' && retryable(result)) {
    const fallback = (await legacy)[0];
    if (fallback !== undefined) {
      if (!('kind' in result))
        context.problem('handshake', result.error?.code ?? 'handshake-failed', result.error?.message ?? 'the handshake failed');
      return { version: fallback, result: await run(context, requestAt(fallback, wide)) };
    }
  }
  return { version: best, result };
}

/**
 * Client-initiated renegotiation at TLS ≤ 1.2, on a handshake of its own; undefined when the server
 * has no version below 1.3. The ClientHello is the same whatever the lowest version offered
 * (OpenSSL names its highest, TLS 1.2, and offers the same suites), so a server known to speak
 * TLS 1.2 is tested before the older versions are decided.
 */
async function renegotiationTest(
  context: ScanContext,
  tls12: boolean,
  legacy: Promise<readonly TlsVersion[]>,
  requestFrom: (lowest: SecureVersion) => Omit<FullHandshakeRequest, 'socket'>,
): Promise<RenegotiationObservation | undefined> {
  const lowest = tls12 ? 'TLSv1.2' : (await legacy).at(-1);
  if (lowest === undefined) return undefined;
  // Only renegotiation is asked of this handshake: without the trust store's roots it costs no secure context of them.
  const result = await run(context, requestFrom(nodeVersion[lowest] ?? 'TLSv1.2'));
  const failed = handshakeFailed(result);
  if (failed !== undefined || 'kind' in result) return { attempted: 0, accepted: 0, error: failed ?? 'unavailable' };
  return result.renegotiation ?? { attempted: 0, accepted: 0 };
}

/** What the main handshake showed; a failure is recorded as a problem. */
function factsOf(context: ScanContext, settings: HandshakeSettings, version: TlsVersion, result: HandshakeOutcome): HandshakeFacts {
  if ('kind' in result) return {}; // Nothing more to learn: the problem is recorded.
  if (!result.ok) {
    context.problem('handshake', result.error?.code ?? 'handshake-failed', result.error?.message ?? 'the handshake failed');
    return {};
  }
  const negotiated = (result.protocol === 'TLSv1' ? 'TLSv1.0' : result.protocol) as TlsVersion | undefined;
  return {
    ...(result.chain !== undefined && result.chain.length > 0
      ? { chain: { source: 'handshake', version: negotiated ?? version, certificates: result.chain } }
      : {}),
    trust: {
      verified: result.authorized === true,
      ...(result.authorizationError === undefined ? {} : { error: result.authorizationError }),
      store: settings.store,
    },
    ...(result.ocsp === undefined
      ? {}
      : { ocsp: result.ocsp === null ? { stapled: false } : { stapled: true, response: toBase64(result.ocsp) } }),
    ...(negotiated === 'TLSv1.3'
      ? { zeroRtt: { maxEarlyData: result.session === undefined ? null : result.session.maxEarlyData, accepted: null } }
      : {}),
    ...(result.renegotiation === undefined ? {} : { renegotiation: result.renegotiation }),
  };
}
