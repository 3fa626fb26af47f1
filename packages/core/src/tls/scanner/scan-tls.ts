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
 * A step starts as soon as what it needs is known, not when the phase before it ends: over HTTPS
 * the SSLv2 hello goes beside the first two; a version whose first hello was accepted is enumerated
 * beside phases 1b and 2, TLS 1.2's follow-ups run once its suites are known, and a TLS 1.3
 * server's main handshake starts right after the first hellos. Waiting connections get a free
 * slot in the order of what waits for them (`ConnectionPriority`): the scan lasts as long as
 * its longest chain of connections one after another. A mail server gets one connection at a
 * time; an HTTPS server up to `parallelism`.
 */
import { isIP } from 'node:net';
import type { ScanCaches } from '../../model/caches.js';
import { ProbeFailure } from '../../model/evidence.js';
import type { Network } from '../../transport/network.js';
import { assertTrustStore, createTrustStore, mozillaTrustStore, type TrustStore } from '../../trust/store.js';
import { linkSignal } from '../../util/abort.js';
import { Semaphore } from '../../util/semaphore.js';
import { isValidEhloName } from '../../smtp/starttls.js';
import { cipherSuite } from '../tables/cipher-suites.js';
import type {
  CertificateChainObservation,
  CipherOrderObservation,
  GroupEnumeration,
  KexHashObservation,
  KeyExchangeObservation,
  OcspObservation,
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
import { helloFingerprint } from './hello-fingerprint.js';
import { type HandshakeFacts, runHandshakes } from './node-handshakes.js';
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
   * preferred way; default {@link mozillaTrustStore}, Mozilla's roots. Give either this or `ca`/`trustMozilla`.
   * One store for many scans is cheaper: the node:tls secure context of its roots (some 25 ms of
   * CPU with Mozilla's) is made once per store, and without this option each scan makes a store.
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
    // The default roots are one shared store, so repeated scans reuse its secure contexts and parsed roots.
    if (ca === undefined && options.trustMozilla !== false) return mozillaTrustStore();
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

/** What phases 1b and 2 decided: every version, and the fingerprint of the first hellos. */
interface VersionDecisions {
  readonly decisions: Map<TlsVersion, VersionSupport>;
  readonly fingerprint: string | undefined;
}

/** Supported versions from TLS 1.2 down to TLS 1.0, highest first: those node:tls handshakes below 1.3 may use. */
function legacyVersions(supported: (version: TlsVersion) => boolean): TlsVersion[] {
  return (['TLSv1.2', 'TLSv1.1', 'TLSv1.0'] as const).filter(supported);
}

/**
 * Runs `task` as part of the scan: its failure counts only where it is awaited, and `tasks` keeps
 * it so that the scan can wait for every connection it started before it returns.
 */
function started<T>(tasks: Promise<unknown>[], task: Promise<T>): Promise<T> {
  task.catch(() => undefined);
  tasks.push(task);
  return task;
}

async function collect(context: ScanContext, settings: Settings, signal: AbortSignal, options: ScanTlsOptions): Promise<Collected> {
  const tasks: Promise<unknown>[] = [];
  try {
    return await collectEvidence(context, settings, signal, options, tasks);
  } finally {
    // A failure leaves no connection of the scan running after it.
    await Promise.allSettled(tasks);
  }
}

async function collectEvidence(
  context: ScanContext,
  settings: Settings,
  signal: AbortSignal,
  options: ScanTlsOptions,
  tasks: Promise<unknown>[],
): Promise<Collected> {
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
  // An SSLv2 hello carries no server name, so every name on an address gets the answer the
  // reference got: a name that may build on a reference whose SSLv2 answer was clear does not ask
  // again unless it has to be scanned in full.
  const reference = options.reference;
  const mayCarryOver =
    reference?.helloFingerprint !== undefined &&
    reference.reachable &&
    reference.versions.some((v) => v.version === 'SSLv2' && v.supported !== null);

  // Phase 1a: the versions that matter most, and the server's tolerance of the full hello. A mail
  // server that cannot be reached or refuses STARTTLS is not asked twice. Over HTTPS the SSLv2
  // hello, which no answer changes, takes a free connection slot beside them.
  let o13: HelloOutcome;
  let o12: HelloOutcome;
  const sslv2Early = options.starttls === 'smtp' || mayCarryOver ? undefined : started(tasks, context.sslv2Hello());
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
  const suiteLevel = options.suiteLevel ?? ((suite: number) => cipherSuite(suite).level);

  // What the first hellos settled starts now, beside phases 1b and 2 (unless the enumeration may
  // be carried over from the reference, which would leave it unused): a version whose first hello
  // was accepted is supported; TLS 1.2 is then the highest below 1.3, in scope whatever the scope,
  // and its follow-ups need nothing else; a TLS 1.3 server gets its main handshake at TLS 1.3.
  const settled = (version: HelloVersion): boolean => !mayCarryOver && en(version).decision?.supported === true;
  const early12 = settled('TLSv1.2');
  const early13 = settled('TLSv1.3');

  // Phase 1b: the older versions and SSLv2; phase 2: the versions whose first chunk was refused
  // without a version alert, decided chunk by chunk.
  const decide = async (): Promise<VersionDecisions | { readonly carriedOver: Collected }> => {
    const [o11, o10, o3, sslv2First] = await Promise.all([
      en('TLSv1.1').first(),
      en('TLSv1.0').first(),
      en('SSLv3').first(),
      mayCarryOver || sslv2Early !== undefined ? undefined : context.sslv2Hello(),
    ]);
    const fingerprint = helloFingerprint(context.profile, [
      { version: 'TLSv1.3', outcome: o13 },
      { version: 'TLSv1.2', outcome: o12 },
      { version: 'TLSv1.1', outcome: o11 },
      { version: 'TLSv1.0', outcome: o10 },
      { version: 'SSLv3', outcome: o3 },
    ]);
    if (
      mayCarryOver &&
      fingerprint !== undefined &&
      reference.helloFingerprint === fingerprint &&
      (await referenceHolds(context, reference, suiteLevel))
    ) {
      return { carriedOver: await carryOver(context, settings, signal, options, reference) };
    }
    const sslv2 = (await sslv2Early) ?? sslv2First ?? (await context.sslv2Hello());
    await Promise.all([...enumerators.values()].map((e) => e.decide()));
    const decisions = new Map<TlsVersion, VersionSupport>();
    decisions.set('SSLv2', sslv2Decision(sslv2));
    for (const [version, e] of enumerators) decisions.set(version, e.decision ?? { version, supported: null });
    return { decisions, fingerprint };
  };
  // They queue for connection slots in this order: phase 1b's hellos, the chunks of TLS 1.2 and
  // 1.3, then the node:tls handshakes, which are long: ahead of the chunks' first hellos they would
  // hold slots that those hellos, and the follow-ups after them, wait for.
  const decided = started(tasks, decide());
  if (early12) started(tasks, en('TLSv1.2').enumerate());
  if (early13) started(tasks, en('TLSv1.3').enumerate());
  const legacyDecided = async (): Promise<TlsVersion[]> => {
    const result = await decided;
    return 'carriedOver' in result ? [] : legacyVersions((version) => result.decisions.get(version)?.supported === true);
  };
  const handshakesEarly =
    early13 && options.handshakes !== false
      ? started(tasks, runHandshakes(context, settings, signal, { best: 'TLSv1.3', legacy: legacyDecided(), tls12: early12 }))
      : undefined;
  // Phase 4 (below) for TLS 1.2 as soon as its suites are known.
  const tls12FollowUps = early12 ? followUpsAt(context, en('TLSv1.2'), suiteLevel, tasks) : undefined;

  const outcome = await decided;
  if ('carriedOver' in outcome) return outcome.carriedOver;
  const { decisions, fingerprint } = outcome;
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
  const enumerations = inScope.map((version) => started(tasks, en(version).enumerate()));
  const best = supported('TLSv1.3') ? 'TLSv1.3' : legacyVersions(supported)[0];
  const handshakes =
    handshakesEarly ??
    (options.handshakes === false || best === undefined
      ? Promise.resolve<HandshakeFacts>({})
      : started(
          tasks,
          runHandshakes(context, settings, signal, { best, legacy: Promise.resolve(legacyVersions(supported)), tls12: false }),
        ));

  // Phase 4: what builds on the accepted suites; independent of each other, so side by side, each
  // as soon as the enumeration it builds on is done.
  const legacyFollowUps =
    tls12FollowUps ?? followUpsAt(context, highestLegacy === undefined ? undefined : en(highestLegacy), suiteLevel, tasks);
  const groupVersions = [highestLegacy, supported('TLSv1.3') ? 'TLSv1.3' : undefined].filter(
    (v): v is Exclude<HelloVersion, 'SSLv3'> => v !== undefined && v !== 'SSLv3',
  );
  const groupsTask =
    options.groups === true
      ? started(
          tasks,
          Promise.all(
            groupVersions.map((v) =>
              en(v)
                .enumerate()
                .then(() => enumerateGroups(context, en(v))),
            ),
          ).then((all) => all.filter((g): g is GroupEnumeration => g !== undefined)),
        )
      : Promise.resolve(undefined);
  // Awaited together, so that a failure in one never leaves another's rejection unhandled.
  const [facts, kexHash, cipherOrder, groups] = await Promise.all([
    handshakes,
    legacyFollowUps.kexHash,
    legacyFollowUps.cipherOrder,
    groupsTask,
    ...enumerations,
  ]);
  // Phase 5: 0-RTT, alone at the end: its early request may keep the server busy until the read
  // times out, which a server that serves one connection at a time would make other hellos wait for.
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

/**
 * The follow-ups at the highest version below TLS 1.3, started now: the key-exchange hash test
 * (TLS 1.2 only) and the cipher-order test, each once the version's suites are enumerated.
 */
function followUpsAt(
  context: ScanContext,
  legacy: SuiteEnumerator | undefined,
  suiteLevel: SuiteLevelLookup,
  tasks: Promise<unknown>[],
): { readonly kexHash: Promise<KexHashObservation>; readonly cipherOrder: Promise<CipherOrderObservation | undefined> } {
  const enumerated = legacy === undefined ? Promise.resolve() : legacy.enumerate();
  const tls12 = legacy?.version === 'TLSv1.2' ? legacy : undefined;
  return {
    kexHash: started(
      tasks,
      enumerated.then(() => testKexHash(context, tls12)),
    ),
    cipherOrder: started(
      tasks,
      enumerated.then(() => testCipherOrder(context, legacy, suiteLevel)),
    ),
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
  const legacy = legacyVersions(supported);
  const best = supported('TLSv1.3') ? 'TLSv1.3' : legacy[0];
  const facts: HandshakeFacts =
    options.handshakes === false || best === undefined
      ? {}
      : await runHandshakes(context, { ...settings, renegotiationAttempts: 0 }, signal, {
          best,
          legacy: Promise.resolve(legacy),
          tls12: false,
        });
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
