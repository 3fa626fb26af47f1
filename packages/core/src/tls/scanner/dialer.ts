/**
 * Opens the scanner's connections: through the network (so that the address policy and the
 * lab's address map apply), through the SMTP STARTTLS dialogue for mail, at most `slots` at a
 * time, and counted. Also sends one raw ClientHello and reads the answer.
 */
import type { Duplex } from 'node:stream';
import { negotiateStarttls } from '../../smtp/starttls.js';
import { ProbeFailure } from '../../model/evidence.js';
import type { Connection, Network } from '../../transport/network.js';
import type { Semaphore } from '../../util/semaphore.js';
import { CriticalPath } from '../../util/critical-path.js';
import type { StarttlsObservation, TlsEvidence } from '../types.js';
import { type FlightBounds, type FlightOutcome, defaultFlightBounds, readServerFlight } from './records.js';
import { StreamReader } from '../../transport/stream-reader.js';

/** SMTP dialogue settings. */
export interface SmtpSettings {
  /** The EHLO name. */
  readonly ehloName: string;
  /** Time limit for the banner, in milliseconds. */
  readonly bannerTimeoutMs: number;
  /** Time limit for each command's reply, in milliseconds. */
  readonly commandTimeoutMs: number;
}

/** What a dialer needs. */
export interface DialerOptions {
  /** The transport. */
  readonly network: Network;
  /** The address to connect to. */
  readonly ip: string;
  /** The port. */
  readonly port: number;
  /** STARTTLS protocol, if any. */
  readonly starttls?: 'smtp';
  /** SMTP settings, for STARTTLS. */
  readonly smtp: SmtpSettings;
  /** Limits concurrent connections (1 for mail servers). */
  readonly slots: Semaphore;
  /** Aborts everything. */
  readonly signal: AbortSignal;
  /** TCP connect time limit, in milliseconds. */
  readonly connectTimeoutMs: number;
}

/** Why a connection could not be made ready for TLS. */
export interface DialFailure {
  /** Where it failed. */
  readonly stage: 'connect' | 'starttls';
  /** A stable code: a ProbeErrorCode for connect, a STARTTLS failure code for starttls. */
  readonly code: string;
  /** One line for people. */
  readonly message: string;
}

/** The outcome of one raw hello: the server's answer, or why no hello could be sent. */
export type HelloOutcome = FlightOutcome | { readonly kind: 'unavailable'; readonly failure: DialFailure };

/**
 * Which connections get a free slot first (first come, first served within one). A scan lasts
 * as long as its longest chain of connections one after another, so the steps such chains run
 * through go first:
 * - `lead`: the next hello of a chunk that found a suite, the longest chain of the enumeration
 *   (more hellos of the chunk, then the follow-ups, which wait for it);
 * - `chain`: a step that others wait for: a version's first hellos and decision, a chunk's
 *   first hello (the follow-ups wait for every chunk), a follow-up, a node:tls handshake;
 * - `normal`: the rest, which nothing waits for (the SSLv2 hello).
 */
export type ConnectionPriority = 'lead' | 'chain' | 'normal';

const slotPriority: Readonly<Record<ConnectionPriority, number>> = { lead: 2, chain: 1, normal: 0 };

/** Opens connections for one endpoint and counts them. */
export class Dialer {
  readonly #options: DialerOptions;
  #connections = 0;
  readonly #rounds = new CriticalPath();
  #starttls: StarttlsObservation | undefined;

  /** @param options - where and how to connect */
  constructor(options: DialerOptions) {
    this.#options = options;
  }

  /** TCP connections opened so far. */
  get connections(): number {
    return this.#connections;
  }

  /** The longest chain of connections each opened after the one before it closed (see {@link TlsEvidence.connectionRounds}). */
  get connectionRounds(): number {
    return this.#rounds.length;
  }

  /** The first STARTTLS dialogue's observation (mail only). */
  get starttls(): StarttlsObservation | undefined {
    return this.#starttls;
  }

  /**
   * Runs `use` on a fresh connection ready for a ClientHello, holding one slot, and closes the
   * connection afterwards whatever happens. `use` gets the socket; its result is returned.
   */
  async withConnection<T>(
    use: (socket: Duplex) => Promise<T>,
    priority: ConnectionPriority = 'normal',
  ): Promise<T | { readonly kind: 'unavailable'; readonly failure: DialFailure }> {
    const o = this.#options;
    let release: () => void;
    try {
      release = await o.slots.acquire(o.signal, slotPriority[priority]);
    } catch {
      // Only an abort rejects a wait for a slot.
      return { kind: 'unavailable', failure: { stage: 'connect', code: 'aborted', message: 'the scan ended before this connection' } };
    }
    let connection: Connection | undefined;
    const round = this.#rounds.start();
    try {
      try {
        connection = await o.network.connect({ ip: o.ip, port: o.port, signal: o.signal, timeoutMs: o.connectTimeoutMs });
      } catch (error) {
        if (error instanceof ProbeFailure) {
          return { kind: 'unavailable', failure: { stage: 'connect', code: error.code, message: error.message } };
        }
        throw error;
      }
      this.#connections++;
      if (o.starttls === 'smtp') {
        const result = await negotiateStarttls(connection.socket, {
          ehloName: o.smtp.ehloName,
          signal: o.signal,
          bannerTimeoutMs: o.smtp.bannerTimeoutMs,
          commandTimeoutMs: o.smtp.commandTimeoutMs,
        });
        this.#starttls ??= result.observation;
        if (!result.ok) return { kind: 'unavailable', failure: { stage: 'starttls', code: result.code, message: result.message } };
      }
      return await use(connection.socket);
    } finally {
      connection?.close();
      if (connection !== undefined) this.#rounds.end(round);
      release();
    }
  }

  /** Sends one ClientHello (record bytes) and reads the server's answer. */
  async hello(
    record: Uint8Array,
    readTimeoutMs: number,
    priority: ConnectionPriority = 'normal',
    bounds: FlightBounds = defaultFlightBounds,
  ): Promise<HelloOutcome> {
    return this.withConnection(async (socket) => {
      // A whole flight is a handful of records; four maximal ones bound what one hello may cost.
      const reader = new StreamReader(socket, bounds.maxRecordBytes * 4 + bounds.maxHandshakeBytes);
      try {
        socket.write(record);
        return await readServerFlight(
          reader,
          { idleMs: readTimeoutMs, deadline: Date.now() + readTimeoutMs, signal: this.#options.signal },
          bounds,
        );
      } finally {
        reader.detach();
      }
    }, priority);
  }
}
