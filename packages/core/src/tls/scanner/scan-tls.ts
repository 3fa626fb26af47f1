/**
 * `scanTls`: everything pastoe observes about one TLS endpoint (HTTPS, or SMTP with STARTTLS),
 * as {@link TlsEvidence}. Raw ClientHellos decide versions, enumerate suites, read secure
 * renegotiation, EMS, compression, the TLS ≤ 1.2 chain and key exchange, the key-exchange hash and
 * the cipher order; node:tls handshakes add the TLS 1.3 chain, trust, the OCSP staple, the ticket's
 * `max_early_data` and client-initiated renegotiation; pastoe's own TLS 1.3 client tests 0-RTT.
 *
 * The phases, and why in this order:
 * 1. TLS 1.3 and TLS 1.2 hellos first: they show whether the server is there at all and whether it
 *    tolerates the full hello (if it drops it, once more with the minimal one, which then serves
 *    the rest of the scan); then TLS 1.1, 1.0, SSLv3 and SSLv2.
 * 2. Versions whose first hello was refused without "wrong version" are decided chunk by chunk.
 * 3. Suites are enumerated at the versions in scope (Internet.nl: the highest below 1.3, and 1.3),
 *    beside the node:tls handshakes.
 * 4. The key-exchange hash, cipher order and (optionally) groups, which need the accepted suites.
 * 5. 0-RTT, when the node:tls handshake's ticket advertised early data (web only by default).
 *
 * A mail server gets one connection at a time; an HTTPS server up to `parallelism`.
 */
import { isIP } from 'node:net';
import type { SecureVersion } from 'node:tls';
import type { ScanCaches } from '../../model/caches.js';
import { ProbeFailure } from '../../model/evidence.js';
import type { Network } from '../../transport/network.js';
import { assertTrustStore, createTrustStore, type TrustStore } from '../../trust/store.js';
import { linkSignal } from '../../util/abort.js';
import { Semaphore } from '../../util/semaphore.js';
import { isValidEhloName } from '../../smtp/starttls.js';
import { cipherSuite } from '../tables/cipher-suites.js';
import type {
  CertificateChainObservation,
  GroupEnumeration,
  KeyExchangeObservation,
  OcspObservation,
  RenegotiationObservation,
  SuiteEnumeration,
  TlsEvidence,
  TlsVersion,
  TrustObservation,
  VersionSupport,
  ZeroRttObservation,
} from '../types.js';
import { tlsVersions } from '../types.js';
import { toBase64 } from '../../util/bytes.js';
import { withSignedBy, withStapleSigner } from './certificate-signatures.js';
import { sniName } from './client-hello.js';
import { versionCode, versionFromCode } from './constants.js';
import { ScanContext, describeOutcome } from './context.js';
import { Dialer, type HelloOutcome } from './dialer.js';
import { type HelloVersion, SuiteEnumerator, droppedWithoutAnswer, sslv2Decision } from './enumerate.js';
import { type SuiteLevelLookup, enumerateGroups, testCipherOrder, testKexHash } from './followups.js';
import { type FullHandshakeResult, fullHandshake } from './handshake.js';
import { helloFingerprint } from './hello-fingerprint.js';
import { referenceHolds } from './reference-check.js';
import { testZeroRtt } from './zero-rtt.js';

/** Which versions get their suites enumerated. */
export type TlsScanScope =
  /** Internet.nl's scope: the highest version below TLS 1.3, and TLS 1.3. The default: fewest connections. */
  | 'internetnl'
  /** Every supported version. */
  | 'all';

/** Options of {@link scanTls}. */
export interface ScanTlsOptions {
  /** The host name: SNI, and the name certificates are for. */
  readonly host: string;
  /** The IP address to connect to (the name is never resolved here). */
  readonly ip: string;
  /** The port. */
  readonly port: number;
  /** `smtp`: speak SMTP and STARTTLS before every hello. */
  readonly starttls?: 'smtp';
  /** The transport; all I/O goes through it. */
  readonly network: Network;
  /** Aborts the scan: the promise then rejects with a `ProbeFailure` `aborted`. */
  readonly signal?: AbortSignal;
  /** Time limit for the whole scan, in milliseconds; when it passes, the evidence so far is returned with a `timeout` problem. Default 120 000. */
  readonly timeoutMs?: number;
  /** Which versions get their suites enumerated. Default `internetnl`. */
  readonly scope?: TlsScanScope;
  /**
   * The roots the chain is validated against (the evidence's `trust.store` names its kind). The
   * preferred way; default `createTrustStore()`, Mozilla's roots. Give either this or `ca`/`trustMozilla`.
   */
  readonly trust?: TrustStore;
  /** Shorthand for `trust: createTrustStore({ ca, mozilla: trustMozilla })`: extra trusted roots (PEM), added to Mozilla's. */
  readonly ca?: string | readonly string[];
  /** Shorthand for `trust: createTrustStore({ ca, mozilla: trustMozilla })`: whether Mozilla's roots are trusted. Default true. */
  readonly trustMozilla?: boolean;
  /** NCSC level per suite, for Internet.nl's cipher-order test. Default: the NCSC 2025-05 tables (`cipherSuite(code).level`). */
  readonly suiteLevel?: SuiteLevelLookup;
  /** Enumerate named groups too (beyond Internet.nl's scope; about one hello per group). Default false. */
  readonly groups?: boolean;
  /** Run the node:tls handshakes (chain, trust, OCSP, ticket, renegotiation). Default true. */
  readonly handshakes?: boolean;
  /**
   * Test whether the server accepts 0-RTT early data, with pastoe's own TLS 1.3 client (two more
   * connections, only when the session ticket advertises early data): an HTTP request as early data.
   * Default true for HTTPS, false for mail (Internet.nl does not test mail either).
   */
  readonly zeroRtt?: boolean;
  /** Client-initiated renegotiations to attempt on one connection (Internet.nl: 11; 0 skips the test). Default 11. */
  readonly renegotiationAttempts?: number;
  /** The EHLO name for SMTP. Default `pastoe.invalid`. */
  readonly ehloName?: string;
  /** Connections at once for HTTPS (mail always gets 1). Default 4. */
  readonly parallelism?: number;
  /** The most suites per hello. Default 64 (as Internet.nl). */
  readonly chunkSize?: number;
  /** Time limit for one connection's TCP handshake and for the server's answer to a hello, in milliseconds. Default 10 000. */
  readonly helloTimeoutMs?: number;
  /** How long to wait for a TLS 1.3 session ticket after the handshake, in milliseconds. Default 1 000. */
  readonly ticketWaitMs?: number;
  /** SMTP time limits, in milliseconds: banner (default 30 000) and each command's reply (default 15 000). */
  readonly smtpTimeouts?: { readonly bannerMs?: number; readonly commandMs?: number };
  /**
   * The evidence of a finished scan of another name on the same address, port and STARTTLS, made
   * with the same options. When this name's first hellos give the reference's
   * {@link TlsEvidence.helloFingerprint}, the server refuses every suite the reference did not
   * accept and still accepts one of its worst NCSC level, the enumeration is carried over (see
   * {@link TlsEvidence.enumerationFrom}; about 15 connections for a typical server instead of 30,
   * most of them quick refusals); otherwise the scan goes on in full.
   */
  readonly reference?: TlsEvidence;
  /**
   * Caches shared with other scans (a bulk run's): which certificate of a chain signed which is
   * kept there per chain, so a chain many names show is checked once.
   */
  readonly caches?: Pick<ScanCaches, 'shared'>;
}

const defaults = Object.freeze({
  timeoutMs: 120_000,
  scope: 'internetnl' as TlsScanScope,
  renegotiationAttempts: 11,
  ehloName: 'pastoe.invalid',
  parallelism: 4,
  chunkSize: 64,
  helloTimeoutMs: 10_000,
  ticketWaitMs: 1_000,
  bannerMs: 30_000,
  commandMs: 15_000,
});

function positive(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw new RangeError(`${name} must be a number from 1 to ${max}, got ${String(value)}`);
  }
  return value;
}

function integer(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Checked options with defaults filled in. */
interface Settings {
  readonly timeoutMs: number;
  readonly scope: TlsScanScope;
  readonly trust: TrustStore;
  readonly store: TrustObservation['store'];
  readonly renegotiationAttempts: number;
  readonly ehloName: string;
  readonly parallelism: number;
  readonly chunkSize: number;
  readonly helloTimeoutMs: number;
  readonly ticketWaitMs: number;
  readonly bannerMs: number;
  readonly commandMs: number;
}

/** The trust store the options ask for: `trust`, or one built from the `ca`/`trustMozilla` shorthand. */
function trustOf(options: ScanTlsOptions): TrustStore {
  if (options.trust === undefined) {
    const ca = options.ca;
    // node:tls skips certificates it cannot read without a word; the trust store says so instead.
    return createTrustStore({
      ...(ca === undefined ? {} : { ca }),
      ...(options.trustMozilla === undefined ? {} : { mozilla: options.trustMozilla }),
    });
  }
  if (options.ca !== undefined || options.trustMozilla !== undefined) throw new TypeError('give either trust or ca/trustMozilla, not both');
  assertTrustStore(options.trust, 'trust');
  return options.trust;
}

/** Validates the options; throws TypeError or RangeError for bad arguments. */
function settingsOf(options: ScanTlsOptions): Settings {
  if (typeof options !== 'object' || options === null) throw new TypeError('scanTls needs an options object');
  if (typeof options.host !== 'string' || options.host.length === 0 || options.host.length > 254) {
    throw new TypeError('host must be a non-empty host name or address');
  }
  if (typeof options.ip !== 'string' || isIP(options.ip) === 0)
    throw new TypeError(`ip must be an IP address, got ${JSON.stringify(options.ip)}`);
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65_535)
    throw new RangeError('port must be an integer from 1 to 65535');
  if (options.starttls !== undefined && options.starttls !== 'smtp') throw new TypeError('starttls must be "smtp" or absent');
  if (typeof options.network?.connect !== 'function') throw new TypeError('network must be a Network');
  const scope = options.scope ?? defaults.scope;
  if (scope !== 'internetnl' && scope !== 'all') throw new TypeError('scope must be "internetnl" or "all"');
  const trust = trustOf(options);
  const ehloName = options.ehloName ?? defaults.ehloName;
  if (!isValidEhloName(ehloName)) throw new TypeError(`invalid EHLO name ${JSON.stringify(ehloName)}`);
  if (options.suiteLevel !== undefined && typeof options.suiteLevel !== 'function') throw new TypeError('suiteLevel must be a function');
  const reference = options.reference?.endpoint;
  if (
    reference !== undefined &&
    (reference.ip !== options.ip || reference.port !== options.port || reference.starttls !== options.starttls)
  ) {
    throw new TypeError('reference must be the evidence of a scan of the same address, port and STARTTLS');
  }
  return {
    timeoutMs: positive('timeoutMs', options.timeoutMs, defaults.timeoutMs, 3_600_000),
    scope,
    trust,
    store: trust.kind,
    renegotiationAttempts: integer('renegotiationAttempts', options.renegotiationAttempts, defaults.renegotiationAttempts, 0, 100),
    ehloName,
    parallelism: integer('parallelism', options.parallelism, defaults.parallelism, 1, 32),
    chunkSize: integer('chunkSize', options.chunkSize, defaults.chunkSize, 4, 128),
    helloTimeoutMs: positive('helloTimeoutMs', options.helloTimeoutMs, defaults.helloTimeoutMs, 600_000),
    ticketWaitMs: integer('ticketWaitMs', options.ticketWaitMs, defaults.ticketWaitMs, 0, 60_000),
    bannerMs: positive('smtpTimeouts.bannerMs', options.smtpTimeouts?.bannerMs, defaults.bannerMs, 600_000),
    commandMs: positive('smtpTimeouts.commandMs', options.smtpTimeouts?.commandMs, defaults.commandMs, 600_000),
  };
}

const nodeVersion: Partial<Record<TlsVersion, SecureVersion>> = {
  'TLSv1.0': 'TLSv1',
  'TLSv1.1': 'TLSv1.1',
  'TLSv1.2': 'TLSv1.2',
  'TLSv1.3': 'TLSv1.3',
};

/** What the node:tls handshakes contributed. */
interface HandshakeFacts {
  chain?: CertificateChainObservation;
  trust?: TrustObservation;
  ocsp?: OcspObservation;
  renegotiation?: RenegotiationObservation;
  zeroRtt?: ZeroRttObservation;
}

function handshakeFailed(result: FullHandshakeResult | { kind: 'unavailable' }): string | undefined {
  if ('kind' in result) return 'unavailable';
  return result.ok ? undefined : result.error?.code;
}

/** Runs the node:tls handshakes: one at the best version for chain/trust/OCSP/ticket, and one at TLS ≤ 1.2 for renegotiation. */
async function runHandshakes(
  context: ScanContext,
  settings: Settings,
  signal: AbortSignal,
  supported: (version: TlsVersion) => boolean,
): Promise<HandshakeFacts> {
  const facts: HandshakeFacts = {};
  const legacy = (['TLSv1.2', 'TLSv1.1', 'TLSv1.0'] as const).filter(supported);
  const best: TlsVersion | undefined = supported('TLSv1.3') ? 'TLSv1.3' : legacy[0];
  if (best === undefined) return facts;
  const servername = sniName(context.serverName);
  const base = {
    ...(servername === undefined ? {} : { servername }),
    trust: settings.trust,
    timeoutMs: settings.helloTimeoutMs,
    renegotiationTimeoutMs: settings.helloTimeoutMs,
    signal,
  };
  const run = async (
    request: Omit<Parameters<typeof fullHandshake>[0], 'socket'>,
  ): Promise<FullHandshakeResult | { kind: 'unavailable' }> => {
    const result = await context.dialer.withConnection((socket) => fullHandshake({ ...request, socket }));
    if ('kind' in result) {
      const { code, message } = describeOutcome(result);
      context.problem('handshake', code, message);
      return { kind: 'unavailable' };
    }
    return result;
  };

  const wide = 'ALL:@SECLEVEL=0';
  const requestAt = (version: TlsVersion, ciphers: string | undefined) => {
    const node = nodeVersion[version] ?? 'TLSv1.3';
    return {
      ...base,
      minVersion: node,
      maxVersion: node,
      ...(ciphers === undefined ? {} : { ciphers }),
      ticketWaitMs: version === 'TLSv1.3' ? settings.ticketWaitMs : 0,
      // Below TLS 1.3 the same connection serves the renegotiation test.
      renegotiations: version === 'TLSv1.3' ? 0 : settings.renegotiationAttempts,
    };
  };
  // A refusal is worth another try with other settings; silence or an abort is not.
  const retryable = (result: FullHandshakeResult | { kind: 'unavailable' }): boolean =>
    !('kind' in result) && !result.ok && result.error?.code !== 'timeout' && result.error?.code !== 'aborted';

  // Node's default security level refuses TLS 1.0/1.1 handshake signatures, so those get all suites at level 0 at once.
  let mainVersion: TlsVersion = best;
  let main = await run(requestAt(best, best === 'TLSv1.0' || best === 'TLSv1.1' ? wide : undefined));
  // A TLS 1.2 server with only suites Node leaves out by default gets a second try with all of them.
  if (best === 'TLSv1.2' && retryable(main)) main = await run(requestAt(best, wide));
  // A TLS 1.3 server node:tls cannot finish with (a group or suite it lacks) may still show its chain at a lower version.
  const fallback = legacy[0];
  if (best === 'TLSv1.3' && retryable(main) && fallback !== undefined) {
    if (!('kind' in main))
      context.problem('handshake', main.error?.code ?? 'handshake-failed', main.error?.message ?? 'the handshake failed');
    mainVersion = fallback;
    main = await run(requestAt(fallback, wide));
  }

  if ('kind' in main) {
    // Nothing more to learn: the problem is recorded.
  } else if (!main.ok) {
    context.problem('handshake', main.error?.code ?? 'handshake-failed', main.error?.message ?? 'the handshake failed');
  } else {
    const negotiated = (main.protocol === 'TLSv1' ? 'TLSv1.0' : main.protocol) as TlsVersion | undefined;
    if (main.chain !== undefined && main.chain.length > 0) {
      facts.chain = { source: 'handshake', version: negotiated ?? mainVersion, certificates: main.chain };
    }
    facts.trust = {
      verified: main.authorized === true,
      ...(main.authorizationError === undefined ? {} : { error: main.authorizationError }),
      store: settings.store,
    };
    if (main.ocsp !== undefined) facts.ocsp = main.ocsp === null ? { stapled: false } : { stapled: true, response: toBase64(main.ocsp) };
    if (negotiated === 'TLSv1.3') {
      facts.zeroRtt = { maxEarlyData: main.session === undefined ? null : main.session.maxEarlyData, accepted: null };
    }
    if (main.renegotiation !== undefined) facts.renegotiation = main.renegotiation;
  }

  if (settings.renegotiationAttempts === 0 || legacy.length === 0) return facts;
  if (mainVersion === 'TLSv1.3') {
    const lowest = legacy[legacy.length - 1] ?? 'TLSv1.2';
    const result = await run({ ...requestAt('TLSv1.2', wide), minVersion: nodeVersion[lowest] ?? 'TLSv1.2' });
    const failed = handshakeFailed(result);
    if (failed !== undefined || 'kind' in result) {
      facts.renegotiation = { attempted: 0, accepted: 0, error: failed ?? 'unavailable' };
    } else {
      facts.renegotiation = result.renegotiation ?? { attempted: 0, accepted: 0 };
    }
  } else if (facts.renegotiation === undefined) {
    facts.renegotiation = { attempted: 0, accepted: 0, error: handshakeFailed(main) ?? 'the handshake failed' };
  }
  return facts;
}

/** The chains the raw hellos saw, each once. */
function rawChains(context: ScanContext): CertificateChainObservation[] {
  const out: CertificateChainObservation[] = [];
  const seen = new Set<string>();
  for (const { flight } of context.flights) {
    if (flight.certificates === undefined || flight.certificates.length === 0) continue;
    const certificates = flight.certificates.map(toBase64);
    const key = certificates.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    const version = versionFromCode(flight.serverHello.version);
    if (version === undefined) continue;
    out.push({ source: 'raw', version, certificates });
  }
  return out;
}

/** A fact from every accepted ServerHello of the given versions: false if any lacks it, null if none. */
function everyHello(context: ScanContext, versions: readonly TlsVersion[], fact: (flightIndex: number) => boolean): boolean | null {
  let seen = false;
  for (const [index, recorded] of context.flights.entries()) {
    const version = versionFromCode(recorded.flight.serverHello.version);
    if (version === undefined || version !== recorded.requested || !versions.includes(version)) continue;
    seen = true;
    if (!fact(index)) return false;
  }
  return seen ? true : null;
}

function compressionOf(context: ScanContext): boolean | null {
  let tested = false;
  for (const recorded of context.flights) {
    const hello = recorded.flight.serverHello;
    if (hello.version >= versionCode['TLSv1.3']) continue;
    if (hello.compression === 1) return true;
    if (recorded.deflateOffered) tested = true;
  }
  return tested ? false : null;
}

function keyExchangesOf(enumeration: SuiteEnumerator): KeyExchangeObservation[] {
  const out: KeyExchangeObservation[] = [];
  for (const suite of enumeration.accepted) {
    const flight = enumeration.flight(suite);
    if (flight === undefined) continue;
    if (enumeration.version === 'TLSv1.3') {
      const group = flight.serverHello.keyShareGroup;
      out.push({ version: 'TLSv1.3', suite, ...(group === undefined ? {} : { group }) });
      continue;
    }
    const kex = flight.keyExchange;
    out.push({
      version: enumeration.version,
      suite,
      ...(kex?.group === undefined ? {} : { group: kex.group }),
      ...(kex?.dh === undefined ? {} : { dh: kex.dh }),
      ...(kex?.signatureScheme === undefined ? {} : { signatureScheme: kex.signatureScheme }),
    });
  }
  return out;
}

/**
 * Completes the 0-RTT observation: a ticket without early data means no 0-RTT; one with it is
 * put to the test (web only, unless told otherwise).
 */
async function zeroRttOf(
  context: ScanContext,
  settings: Settings,
  signal: AbortSignal,
  options: ScanTlsOptions,
  advertised: ZeroRttObservation | undefined,
  suites: readonly number[],
): Promise<ZeroRttObservation | undefined> {
  if (advertised === undefined || advertised.maxEarlyData === null) return advertised;
  if (advertised.maxEarlyData === 0) return { maxEarlyData: 0, accepted: false };
  if (!(options.zeroRtt ?? options.starttls === undefined)) return advertised;
  const host = sniName(options.host) ?? (options.ip.includes(':') ? `[${options.ip}]` : options.ip);
  const request = `GET / HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: pastoe\r\nAccept: */*\r\nConnection: close\r\n\r\n`;
  const result = await testZeroRtt({
    dialer: context.dialer,
    ...(context.serverName === undefined ? {} : { serverName: context.serverName }),
    suites,
    alpn: options.starttls === undefined ? ['http/1.1'] : [],
    earlyData: Buffer.from(request, 'latin1'),
    timeoutMs: settings.helloTimeoutMs,
    ticketWaitMs: Math.max(settings.ticketWaitMs, 200),
    signal,
  });
  if (result.problem !== undefined) context.problem('zero-rtt', result.problem.code, result.problem.message);
  return {
    maxEarlyData: advertised.maxEarlyData,
    accepted: result.accepted,
    ...(result.httpStatus === undefined ? {} : { httpStatus: result.httpStatus }),
  };
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function unavailable(outcome: HelloOutcome): boolean {
  return outcome.kind === 'unavailable';
}

/**
 * Scans one TLS endpoint. Resolves with the evidence whatever the server does (refuses, resets,
 * stays silent, sends garbage): failures are in `problems` and in `reachable`. Rejects only for
 * bad arguments (TypeError, RangeError) and when `signal` aborts (`ProbeFailure` `aborted`).
 */
export async function scanTls(options: ScanTlsOptions): Promise<TlsEvidence> {
  const settings = settingsOf(options);
  const endpoint = {
    host: options.host,
    ip: options.ip,
    port: options.port,
    ...(options.starttls === undefined ? {} : { starttls: options.starttls }),
  };
  if (options.signal?.aborted === true) throw new ProbeFailure('aborted', 'the TLS scan was aborted');
  const deadline = linkSignal(
    options.signal,
    settings.timeoutMs,
    () => new ProbeFailure('timeout', `the TLS scan took longer than ${settings.timeoutMs} ms`),
  );
  const signal = deadline.signal;
  const dialer = new Dialer({
    network: options.network,
    ip: options.ip,
    port: options.port,
    ...(options.starttls === undefined ? {} : { starttls: options.starttls }),
    smtp: { ehloName: settings.ehloName, bannerTimeoutMs: settings.bannerMs, commandTimeoutMs: settings.commandMs },
    slots: new Semaphore(options.starttls === 'smtp' ? 1 : settings.parallelism),
    signal,
    connectTimeoutMs: settings.helloTimeoutMs,
  });
  const context = new ScanContext(dialer, sniName(options.host), { readTimeoutMs: settings.helloTimeoutMs, chunkSize: settings.chunkSize });

  try {
    const evidence = await collect(context, settings, signal, options);
    // Checked through a call: the compiler would keep the narrowing from before the await.
    if (isAborted(options.signal)) throw new ProbeFailure('aborted', 'the TLS scan was aborted');
    if (signal.aborted)
      context.problem('scan', 'timeout', `the scan took longer than ${settings.timeoutMs} ms; the evidence is incomplete`);
    return {
      ...evidence,
      endpoint,
      connections: dialer.connections,
      connectionRounds: dialer.connectionRounds,
      problems: context.problems,
      ...(dialer.starttls === undefined ? {} : { starttls: dialer.starttls }),
    };
  } finally {
    deadline.dispose();
  }
}

type Collected = Omit<TlsEvidence, 'endpoint' | 'connections' | 'problems' | 'starttls'>;

async function collect(context: ScanContext, settings: Settings, signal: AbortSignal, options: ScanTlsOptions): Promise<Collected> {
  const enumerators = new Map<HelloVersion, SuiteEnumerator>();
  for (const version of ['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const) {
    enumerators.set(version, new SuiteEnumerator(context, version, settings.chunkSize));
  }
  const en = (version: HelloVersion): SuiteEnumerator => enumerators.get(version) as SuiteEnumerator;
  const empty: Collected = {
    reachable: false,
    versions: tlsVersions.map((version) => ({ version, supported: null })),
    suites: [],
    keyExchanges: [],
    compression: null,
    secureRenegotiation: null,
    extendedMasterSecret: null,
    certificateChains: [],
  };

  // Phase 1a: the versions that matter most, and the server's tolerance of the full hello. A mail
  // server that cannot be reached or refuses STARTTLS is not asked twice.
  let o13: HelloOutcome;
  let o12: HelloOutcome;
  if (options.starttls === 'smtp') {
    o13 = await en('TLSv1.3').first();
    o12 = unavailable(o13) ? o13 : await en('TLSv1.2').first();
  } else {
    [o13, o12] = await Promise.all([en('TLSv1.3').first(), en('TLSv1.2').first()]);
  }
  if (unavailable(o13) && unavailable(o12)) {
    const { code, message } = describeOutcome(o12);
    const stage = o12.kind === 'unavailable' ? o12.failure.stage : 'connect';
    // The enumerators noted the same failure per version; one problem says it.
    context.problems.splice(0);
    context.problem(stage, code, message);
    return empty;
  }
  if (droppedWithoutAnswer(o13) || droppedWithoutAnswer(o12)) {
    const retry = async (version: HelloVersion, previous: HelloOutcome): Promise<HelloOutcome> => {
      if (!droppedWithoutAnswer(previous)) return previous;
      en(version).resetFirst();
      return en(version).first('minimal');
    };
    [o13, o12] = await Promise.all([retry('TLSv1.3', o13), retry('TLSv1.2', o12)]);
    if (o13.kind === 'hello' || o12.kind === 'hello') {
      context.profile = 'minimal';
      context.problem(
        'versions',
        'hello-intolerance',
        'the server dropped the full ClientHello; the scan used hellos without uncommon extensions and DEFLATE',
      );
    }
  }

  // Phase 1b: the older versions and SSLv2. An SSLv2 hello carries no server name, so every name
  // on an address gets the answer the reference got: a name that may build on a reference whose
  // SSLv2 answer was clear does not ask again unless it has to be scanned in full.
  const reference = options.reference;
  const mayCarryOver =
    reference?.helloFingerprint !== undefined &&
    reference.reachable &&
    reference.versions.some((v) => v.version === 'SSLv2' && v.supported !== null);
  const [o11, o10, o3, sslv2First] = await Promise.all([
    en('TLSv1.1').first(),
    en('TLSv1.0').first(),
    en('SSLv3').first(),
    mayCarryOver ? undefined : context.sslv2Hello(),
  ]);
  const fingerprint = helloFingerprint(context.profile, [
    { version: 'TLSv1.3', outcome: o13 },
    { version: 'TLSv1.2', outcome: o12 },
    { version: 'TLSv1.1', outcome: o11 },
    { version: 'TLSv1.0', outcome: o10 },
    { version: 'SSLv3', outcome: o3 },
  ]);
  const suiteLevel = options.suiteLevel ?? ((suite: number) => cipherSuite(suite).level);
  if (
    mayCarryOver &&
    fingerprint !== undefined &&
    reference.helloFingerprint === fingerprint &&
    (await referenceHolds(context, reference, suiteLevel))
  ) {
    return carryOver(context, settings, signal, options, reference);
  }
  const sslv2 = sslv2First ?? (await context.sslv2Hello());

  // Phase 2: decide versions whose first chunk was refused without a version alert.
  await Promise.all([...enumerators.values()].map((e) => e.decide()));
  const decisions = new Map<TlsVersion, VersionSupport>();
  decisions.set('SSLv2', sslv2Decision(sslv2));
  for (const [version, e] of enumerators) decisions.set(version, e.decision ?? { version, supported: null });
  const reachable = context.flights.length > 0 || decisions.get('SSLv2')?.supported === true;
  if (!reachable) {
    // Without one handshake the silence or resets say nothing about single versions; alerts still do.
    for (const [version, decision] of decisions) {
      if (decision.supported === false && !(decision.detail ?? '').includes('alert')) {
        decisions.set(version, { version, supported: null, ...(decision.detail === undefined ? {} : { detail: decision.detail }) });
      }
    }
    const why = decisions.get('TLSv1.2')?.detail ?? decisions.get('TLSv1.3')?.detail;
    context.problem('versions', 'no-handshake', `no version could be negotiated${why === undefined ? '' : ` (TLS 1.2: ${why})`}`);
    return { ...empty, versions: tlsVersions.map((version) => decisions.get(version) ?? { version, supported: null }) };
  }
  const supported = (version: TlsVersion): boolean => decisions.get(version)?.supported === true;

  // Phase 3: suites at the versions in scope, and the full handshakes beside them.
  const highestLegacy = (['TLSv1.2', 'TLSv1.1', 'TLSv1.0', 'SSLv3'] as const).find(supported);
  const inScope = (['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).filter(
    (version) => supported(version) && (settings.scope === 'all' || version === 'TLSv1.3' || version === highestLegacy),
  );
  const handshakes =
    options.handshakes === false ? Promise.resolve<HandshakeFacts>({}) : runHandshakes(context, settings, signal, supported);

  // Phase 4: what builds on the accepted suites; independent of each other, so side by side.
  const followUps = async () => {
    await Promise.all(inScope.map((version) => en(version).enumerate()));
    const tls12 = supported('TLSv1.2') ? en('TLSv1.2') : undefined;
    const legacy = highestLegacy === undefined ? undefined : en(highestLegacy);
    const groupVersions = [highestLegacy, supported('TLSv1.3') ? 'TLSv1.3' : undefined].filter(
      (v): v is Exclude<HelloVersion, 'SSLv3'> => v !== undefined && v !== 'SSLv3',
    );
    return Promise.all([
      testKexHash(context, tls12),
      testCipherOrder(context, legacy, suiteLevel),
      options.groups === true
        ? Promise.all(groupVersions.map((v) => enumerateGroups(context, en(v)))).then((all) =>
            all.filter((g): g is GroupEnumeration => g !== undefined),
          )
        : Promise.resolve(undefined),
    ]);
  };
  // Awaited together, so that a failure in one never leaves the other's rejection unhandled.
  const [facts, [kexHash, cipherOrder, groups]] = await Promise.all([handshakes, followUps()]);
  const zeroRtt = await zeroRttOf(context, settings, signal, options, facts.zeroRtt, en('TLSv1.3').accepted);

  const suites: SuiteEnumeration[] = inScope.map((version) => ({
    version,
    accepted: en(version).accepted,
    complete: en(version).complete,
    candidates: en(version).offeredCount,
  }));
  const { certificateChains, ocsp } = certificatesOf(context, facts, options.caches?.shared);

  return {
    reachable,
    versions: tlsVersions.map((version) => decisions.get(version) ?? { version, supported: null }),
    suites,
    keyExchanges: inScope.flatMap((version) => keyExchangesOf(en(version))),
    ...(groups === undefined ? {} : { groups }),
    kexHash,
    compression: compressionOf(context),
    // Internet.nl reads secure renegotiation at the highest version below 1.3; older versions fail on their own.
    secureRenegotiation:
      highestLegacy === undefined || highestLegacy === 'SSLv3'
        ? null
        : everyHello(context, [highestLegacy], (i) => context.flights[i]?.flight.serverHello.secureRenegotiation === true),
    extendedMasterSecret: everyHello(context, ['TLSv1.2'], (i) => context.flights[i]?.flight.serverHello.extendedMasterSecret === true),
    ...(cipherOrder === undefined ? {} : { cipherOrder }),
    certificateChains,
    ...(facts.trust === undefined ? {} : { trust: facts.trust }),
    ...(ocsp === undefined ? {} : { ocsp }),
    ...(facts.renegotiation === undefined ? {} : { renegotiation: facts.renegotiation }),
    ...(zeroRtt === undefined ? {} : { zeroRtt }),
    ...(fingerprint === undefined ? {} : { helloFingerprint: fingerprint }),
  };
}

/** The chains the hellos and handshakes saw, and the OCSP staple (the handshake's, else a raw hello's). */
function certificatesOf(
  context: ScanContext,
  facts: HandshakeFacts,
  shared: ScanCaches['shared'] | undefined,
): { certificateChains: CertificateChainObservation[]; ocsp: OcspObservation | undefined } {
  const rawOcsp = context.flights.find((f) => f.flight.ocspResponse !== undefined)?.flight.ocspResponse;
  const staple: OcspObservation | undefined =
    facts.ocsp?.stapled === true ? facts.ocsp : rawOcsp !== undefined ? { stapled: true, response: toBase64(rawOcsp) } : facts.ocsp;
  // The handshake usually sees the chain a raw hello saw: its signatures are checked once.
  const signed = new Map<string, CertificateChainObservation>();
  const certificateChains = [...rawChains(context), ...(facts.chain === undefined ? [] : [facts.chain])].map((chain) => {
    const key = chain.certificates.join(',');
    const known = signed.get(key);
    if (known?.signedBy !== undefined) return { ...chain, signedBy: known.signedBy };
    const checked = withSignedBy(chain, shared);
    signed.set(key, checked);
    return checked;
  });
  return { certificateChains, ocsp: staple === undefined ? undefined : withStapleSigner(staple, certificateChains) };
}

/** Steps whose problems belong to the enumeration, and so travel with it to a name that carries it over. */
function isEnumerationStep(step: string): boolean {
  return step === 'versions' || step === 'kex-hash' || step === 'cipher-order' || step.startsWith('suites:') || step.startsWith('groups:');
}

/**
 * The rest of a scan whose first hellos answered as the reference's did: the enumeration is the
 * reference's; the node:tls handshake (chain, trust, OCSP, ticket) and 0-RTT are this name's. The
 * client-initiated renegotiation test (up to 11 handshakes more) is the TLS stack's behaviour, not
 * the name's, and is carried over with the enumeration.
 */
async function carryOver(
  context: ScanContext,
  settings: Settings,
  signal: AbortSignal,
  options: ScanTlsOptions,
  reference: TlsEvidence,
): Promise<Collected> {
  const supported = (version: TlsVersion): boolean => reference.versions.some((v) => v.version === version && v.supported === true);
  const facts =
    options.handshakes === false ? {} : await runHandshakes(context, { ...settings, renegotiationAttempts: 0 }, signal, supported);
  const renegotiation = reference.renegotiation;
  const advertised = facts.zeroRtt;
  const zeroRtt =
    advertised !== undefined && reference.zeroRtt !== undefined && advertised.maxEarlyData === reference.zeroRtt.maxEarlyData
      ? reference.zeroRtt
      : await zeroRttOf(
          context,
          settings,
          signal,
          options,
          advertised,
          reference.suites.find((s) => s.version === 'TLSv1.3')?.accepted ?? [],
        );
  for (const problem of reference.problems) {
    if (isEnumerationStep(problem.step)) context.problem(problem.step, problem.code, problem.message);
  }
  const { certificateChains, ocsp } = certificatesOf(context, facts, options.caches?.shared);
  return {
    reachable: true,
    versions: reference.versions,
    suites: reference.suites,
    keyExchanges: reference.keyExchanges,
    ...(reference.groups === undefined ? {} : { groups: reference.groups }),
    ...(reference.kexHash === undefined ? {} : { kexHash: reference.kexHash }),
    compression: reference.compression,
    secureRenegotiation: reference.secureRenegotiation,
    extendedMasterSecret: reference.extendedMasterSecret,
    ...(reference.cipherOrder === undefined ? {} : { cipherOrder: reference.cipherOrder }),
    certificateChains,
    ...(facts.trust === undefined ? {} : { trust: facts.trust }),
    ...(ocsp === undefined ? {} : { ocsp }),
    ...(renegotiation === undefined ? {} : { renegotiation }),
    ...(zeroRtt === undefined ? {} : { zeroRtt }),
    ...(reference.helloFingerprint === undefined ? {} : { helloFingerprint: reference.helloFingerprint }),
    enumerationFrom: reference.enumerationFrom ?? reference.endpoint.host,
  };
}
