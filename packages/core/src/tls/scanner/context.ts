/**
 * The state one scan shares between its steps: the dialer, the hello profile (which drops to
 * `minimal` when the server turns out to be intolerant of the full hello), the X25519 key share,
 * every ServerHello seen (the facts of secure renegotiation, EMS and compression are read from
 * them), and the problems met.
 */
import { randomBytes } from 'node:crypto';
import type { TlsScanProblem, TlsVersion } from '../types.js';
import { type HelloProfile, type KeyShareEntry, buildClientHello, buildSslv2ClientHello } from './client-hello.js';
import { Group, defaultGroups, defaultSignatureSchemes } from './constants.js';
import type { ConnectionPriority, Dialer, HelloOutcome } from './dialer.js';
import type { ServerFlight } from './records.js';

/** A ServerHello the scan received, with what had been offered. */
export interface RecordedFlight {
  /** The version the hello offered. */
  readonly requested: Exclude<TlsVersion, 'SSLv2'>;
  /** Whether DEFLATE was offered. */
  readonly deflateOffered: boolean;
  /** The profile of the hello. */
  readonly profile: HelloProfile;
  /** What the server sent. */
  readonly flight: ServerFlight;
}

/** What one hello offers beyond the version. */
export interface HelloOffer {
  /** The version. */
  readonly version: Exclude<TlsVersion, 'SSLv2'>;
  /** The suites. */
  readonly suites: readonly number[];
  /** supported_groups; the default list when absent. */
  readonly groups?: readonly number[];
  /** signature_algorithms; the default list when absent. */
  readonly signatureSchemes?: readonly number[];
  /** TLS 1.3 key shares; one X25519 share when absent. */
  readonly keyShares?: readonly KeyShareEntry[];
  /** The profile; the scan's current one when absent. */
  readonly profile?: HelloProfile;
}

/** Limits that apply to every hello. */
export interface HelloLimits {
  /** Time limit for the server's answer, in milliseconds. */
  readonly readTimeoutMs: number;
  /** The most suites in one hello. */
  readonly chunkSize: number;
}

/** The state of one scan. */
export class ScanContext {
  /** The dialer. */
  readonly dialer: Dialer;
  /** SNI name, if the host is a name. */
  readonly serverName: string | undefined;
  /** Limits for hellos. */
  readonly limits: HelloLimits;
  /** The hello profile in force. */
  profile: HelloProfile = 'full';
  /** Every ServerHello received. */
  readonly flights: RecordedFlight[] = [];
  /** Problems met. */
  readonly problems: TlsScanProblem[] = [];
  /**
   * The X25519 share of every TLS 1.3 hello. These hellos never complete the exchange, so no
   * private key is needed: any 32 bytes are an X25519 public value, and making a real key pair
   * costs node:crypto a key import per scan.
   */
  readonly #keyShare: KeyShareEntry = { group: Group.x25519, publicKey: randomBytes(32) };
  /** Random bytes for the hellos, drawn a kilobyte at a time: one call to the system's generator serves a dozen hellos. */
  #random: Uint8Array = new Uint8Array(0);
  #randomUsed = 0;

  /**
   * @param dialer - opens connections
   * @param serverName - SNI
   * @param limits - per-hello limits
   */
  constructor(dialer: Dialer, serverName: string | undefined, limits: HelloLimits) {
    this.dialer = dialer;
    this.serverName = serverName;
    this.limits = limits;
  }

  /** Records a problem once per step and code. */
  problem(step: string, code: string, message: string): void {
    if (this.problems.some((p) => p.step === step && p.code === code)) return;
    this.problems.push({ step, code, message });
  }

  /** Sends one TLS hello and records any ServerHello; `priority` says how soon it gets a connection slot. */
  async hello(offer: HelloOffer, priority: ConnectionPriority = 'normal'): Promise<HelloOutcome> {
    const profile = offer.profile ?? this.profile;
    const tls13 = offer.version === 'TLSv1.3';
    const deflate = !tls13 && profile === 'full';
    const record = buildClientHello({
      version: offer.version,
      suites: offer.suites,
      ...(this.serverName === undefined ? {} : { serverName: this.serverName }),
      groups: offer.groups ?? defaultGroups,
      signatureSchemes: offer.signatureSchemes ?? defaultSignatureSchemes,
      keyShares: offer.keyShares ?? [this.#keyShare],
      deflate,
      profile,
      random: this.#randomBytes(32),
      // TLS 1.3 middlebox compatibility mode wants a session id; older versions would read it as a resumption attempt.
      ...(tls13 ? { sessionId: this.#randomBytes(32) } : {}),
    });
    const outcome = await this.dialer.hello(record, this.limits.readTimeoutMs, priority);
    if (outcome.kind === 'hello') this.flights.push({ requested: offer.version, deflateOffered: deflate, profile, flight: outcome.flight });
    return outcome;
  }

  /** Sends an SSLv2 CLIENT-HELLO. */
  sslv2Hello(): Promise<HelloOutcome> {
    return this.dialer.hello(buildSslv2ClientHello(this.#randomBytes(16)), this.limits.readTimeoutMs);
  }

  /** Fresh random bytes; a used byte is never handed out again (a refill is a new buffer). */
  #randomBytes(size: number): Uint8Array {
    if (this.#randomUsed + size > this.#random.length) {
      this.#random = randomBytes(Math.max(1024, size));
      this.#randomUsed = 0;
    }
    const out = this.#random.subarray(this.#randomUsed, this.#randomUsed + size);
    this.#randomUsed += size;
    return out;
  }
}

/** A one-line description of a hello outcome that produced no usable ServerHello. */
export function describeOutcome(outcome: HelloOutcome): { code: string; message: string } {
  switch (outcome.kind) {
    case 'hello':
      return { code: 'hello', message: 'a ServerHello' };
    case 'alert':
      return { code: 'alert', message: outcome.message };
    case 'sslv2':
      return { code: 'sslv2', message: `the server answered with ${outcome.message}` };
    case 'failure':
      return { code: outcome.code, message: outcome.message };
    case 'unavailable':
      return { code: outcome.failure.stage === 'starttls' ? 'starttls' : outcome.failure.code, message: outcome.failure.message };
  }
}
