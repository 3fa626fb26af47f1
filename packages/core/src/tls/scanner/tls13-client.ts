/**
 * The steps of the scanner's own TLS 1.3 client, for the one test node:tls cannot do (0-RTT):
 * a channel that reads records and handshake messages (decrypting once keys are set), the
 * ServerHello and the server's encrypted flight up to a verified Finished, and the client's
 * Finished. Every read is bounded in bytes and time; anything the server does wrong becomes a
 * {@link Tls13Failure}. Certificates are not verified: the scanner only needs the server to talk.
 */
import type { Duplex } from 'node:stream';
import { ByteReader, build } from '../../util/bytes.js';
import { decodeError } from './decode-error.js';
import { ContentType, HandshakeType, alertName, versionCode } from './constants.js';
import { type ServerHello, parseServerHello } from './server-messages.js';
import { type ReadLimits, StreamReader } from '../../transport/stream-reader.js';
import {
  type ClientKeyShare,
  RecordProtection,
  type Tls13Suite,
  type TrafficSecrets,
  type Transcript,
  finishedMac,
  handshakeSecret,
  masterSecret,
  tls13ClientSuite,
  trafficSecrets,
} from './tls13.js';

/** A step of the TLS 1.3 client failed; carries the problem to report. */
export class Tls13Failure extends Error {
  /** A stable code: `malformed`, `alert`, `timeout`, `closed`, `too-large`, `hello-retry`, ... */
  readonly code: string;
  /**
   * @param code - a stable code
   * @param message - one line
   */
  constructor(code: string, message: string) {
    super(message);
    this.name = 'Tls13Failure';
    this.code = code;
  }
}

const MAX_RECORD = 16_384 + 256;
const MAX_MESSAGE = 65_536;
const MAX_BYTES = 262_144;
/** The server's flight holds EncryptedExtensions, CertificateRequest, Certificate, CertificateVerify and Finished. */
const MAX_FLIGHT_MESSAGES = 8;

/** A handshake message: its type, body, and the bytes as they enter the transcript. */
export interface HandshakeMessage {
  /** The handshake type. */
  readonly type: number;
  /** The body, without the 4-byte header. */
  readonly body: Uint8Array;
  /** The whole message, header included. */
  readonly raw: Uint8Array;
}

/** A handshake message with its 4-byte header. */
export function handshakeMessage(type: number, body: Uint8Array): Uint8Array {
  return build((w) => w.uint(type, 1).vector(body, 3));
}

function plaintextRecord(type: number, payload: Uint8Array): Buffer {
  return Buffer.from(build((w) => w.uint(type, 1).uint(versionCode['TLSv1.2'], 2).vector(payload, 2)));
}

/** The ChangeCipherSpec record of middlebox compatibility mode (RFC 8446 appendix D.4). */
export const changeCipherSpecRecord: Buffer = plaintextRecord(ContentType.changeCipherSpec, Uint8Array.from([1]));

/** Reads records and handshake messages from one connection, decrypting when keys are set. */
export class Tls13Channel {
  readonly #socket: Duplex;
  readonly #reader: StreamReader;
  readonly #limits: () => ReadLimits;
  #pending: Buffer = Buffer.alloc(0);
  /** Keys for what the server sends; plaintext until set. */
  receive: RecordProtection | undefined;

  /**
   * @param socket - the connection
   * @param timeoutMs - the time limit of each read
   * @param signal - aborts reads
   */
  constructor(socket: Duplex, timeoutMs: number, signal: AbortSignal) {
    this.#socket = socket;
    this.#reader = new StreamReader(socket, MAX_BYTES);
    this.#limits = () => ({ idleMs: timeoutMs, deadline: Date.now() + timeoutMs, signal });
  }

  /** Writes bytes as they are. */
  send(data: Uint8Array): void {
    if (!this.#socket.writable) throw new Tls13Failure('closed', 'the connection closed');
    this.#socket.write(data);
  }

  /** The next record's content type and (decrypted) payload; CCS records are skipped, alerts throw. */
  async record(limits: ReadLimits = this.#limits()): Promise<{ type: number; payload: Buffer }> {
    for (;;) {
      const headerFailure = await this.#reader.fill(5, limits);
      if (headerFailure !== undefined) throw new Tls13Failure(headerFailure.code, headerFailure.message);
      const header = this.#reader.peek(5);
      const length = header.readUInt16BE(3);
      if (header[1] !== 3 || length > MAX_RECORD) throw new Tls13Failure('malformed', 'a record that is not TLS 1.3');
      const bodyFailure = await this.#reader.fill(5 + length, limits);
      if (bodyFailure !== undefined) throw new Tls13Failure(bodyFailure.code, bodyFailure.message);
      const record = this.#reader.take(5 + length);
      const type = record[0] as number;
      const body = record.subarray(5);
      if (type === ContentType.changeCipherSpec) continue;
      if (type === ContentType.alert) throw new Tls13Failure('alert', `alert ${alertName(body[1] ?? 0)}`);
      if (this.receive === undefined) {
        if (type !== ContentType.handshake) throw new Tls13Failure('malformed', `an unexpected record of type ${type}`);
        return { type, payload: body };
      }
      if (type !== ContentType.applicationData)
        throw new Tls13Failure('malformed', `a plaintext record of type ${type} after the ServerHello`);
      const opened = this.receive.open(record.subarray(0, 5), body);
      if (opened === undefined) throw new Tls13Failure('malformed', 'a record that does not decrypt');
      if (opened.type === ContentType.alert) throw new Tls13Failure('alert', `alert ${alertName(opened.plaintext[1] ?? 0)}`);
      return { type: opened.type, payload: opened.plaintext };
    }
  }

  /** The next handshake message (reassembled across records). */
  async handshake(limits: ReadLimits = this.#limits()): Promise<HandshakeMessage> {
    for (;;) {
      if (this.#pending.length >= 4) {
        const length = this.#pending.readUIntBE(1, 3);
        if (length > MAX_MESSAGE) throw new Tls13Failure('too-large', `a handshake message of ${length} bytes`);
        if (this.#pending.length >= 4 + length) {
          const raw = this.#pending.subarray(0, 4 + length);
          this.#pending = this.#pending.subarray(4 + length);
          return { type: raw[0] as number, body: raw.subarray(4), raw };
        }
      }
      const { type, payload } = await this.record(limits);
      if (type !== ContentType.handshake) throw new Tls13Failure('malformed', `content type ${type} inside the handshake`);
      this.#pending = Buffer.concat([this.#pending, payload]);
    }
  }

  /** Stops reading; the socket itself belongs to the dialer. */
  close(): void {
    this.#reader.detach();
  }
}

/** A ServerHello the client can go on from: the suite it chose and the (EC)DHE shared secret. */
export interface AcceptedServerHello {
  /** The message as it enters the transcript. */
  readonly raw: Uint8Array;
  /** What it says. */
  readonly hello: ServerHello;
  /** The suite chosen. */
  readonly suite: Tls13Suite;
  /** The (EC)DHE shared secret. */
  readonly shared: Buffer;
}

/** Reads the ServerHello and checks it against what the client offered. */
export async function readServerHello(
  channel: Tls13Channel,
  shares: readonly ClientKeyShare[],
  suites: readonly number[],
): Promise<AcceptedServerHello> {
  const message = await channel.handshake();
  if (message.type !== HandshakeType.serverHello)
    throw new Tls13Failure('malformed', `handshake message ${message.type} instead of ServerHello`);
  const hello = parseServerHello(message.body);
  if (hello.helloRetry) throw new Tls13Failure('hello-retry', 'the server asked for another key share');
  if (hello.version !== versionCode['TLSv1.3']) throw new Tls13Failure('malformed', 'the server did not choose TLS 1.3');
  const suite = tls13ClientSuite(hello.suite);
  if (suite === undefined || !suites.includes(hello.suite))
    throw new Tls13Failure('malformed', 'the server chose a suite that was not offered');
  const share = shares.find((s) => s.group === hello.keyShareGroup);
  const shared = share === undefined || hello.keyShare === undefined ? undefined : share.secret(hello.keyShare);
  if (shared === undefined) throw new Tls13Failure('malformed', 'the server key share is missing or invalid');
  return { raw: message.raw, hello, suite, shared };
}

/** What the server's encrypted flight said. */
export interface ServerFlightFacts {
  /** The extension types of EncryptedExtensions. */
  readonly extensions: readonly number[];
  /** Whether the server asked for a client certificate. */
  readonly certificateRequested: boolean;
}

/** The keys of a connection after the server's Finished. */
export interface HandshakeKeys {
  /** The handshake traffic secrets: the client's Finished is sent under `client`. */
  readonly handshake: TrafficSecrets;
  /** The Master Secret. */
  readonly master: Buffer;
  /** The server's application traffic secret. */
  readonly serverApplication: Buffer;
}

function encryptedExtensionTypes(body: Uint8Array): number[] {
  const r = new ByteReader(body, decodeError);
  const list = new ByteReader(r.vector(2), decodeError);
  const types: number[] = [];
  while (list.remaining > 0) {
    types.push(list.uint(2));
    list.vector(2);
  }
  return types;
}

/** Reads the server's encrypted flight through Finished, checking the Finished MAC, and adds it to the transcript. */
async function readEncryptedFlight(
  channel: Tls13Channel,
  suite: Tls13Suite,
  serverSecret: Uint8Array,
  transcript: Transcript,
): Promise<ServerFlightFacts> {
  let extensions: number[] | undefined;
  let certificateRequested = false;
  for (let i = 0; i < MAX_FLIGHT_MESSAGES; i++) {
    const m = await channel.handshake();
    if (m.type === HandshakeType.finished) {
      const expected = finishedMac(suite, serverSecret, transcript.digest());
      if (!expected.equals(Buffer.from(m.body))) throw new Tls13Failure('malformed', 'the server Finished does not verify');
      transcript.add(m.raw);
      if (extensions === undefined) throw new Tls13Failure('malformed', 'Finished before EncryptedExtensions');
      return { extensions, certificateRequested };
    }
    transcript.add(m.raw);
    if (m.type === HandshakeType.encryptedExtensions) extensions = encryptedExtensionTypes(m.body);
    else if (m.type === HandshakeType.certificateRequest) certificateRequested = true;
    else if (m.type !== HandshakeType.certificate && m.type !== HandshakeType.certificateVerify) {
      throw new Tls13Failure('malformed', `handshake message ${m.type} in the server flight`);
    }
  }
  throw new Tls13Failure('malformed', 'too many handshake messages');
}

/**
 * From the ServerHello (already in the transcript) to the server's Finished: derives the
 * handshake keys from `early` and the shared secret, reads and verifies the server's flight, and
 * derives the master and server application secrets. The channel is left reading under the
 * server's handshake keys.
 */
export async function readServerHandshake(
  channel: Tls13Channel,
  serverHello: AcceptedServerHello,
  early: Uint8Array,
  transcript: Transcript,
): Promise<{ readonly flight: ServerFlightFacts; readonly keys: HandshakeKeys }> {
  const suite = serverHello.suite;
  const handshake = handshakeSecret(suite, early, serverHello.shared);
  const handshakeTraffic = trafficSecrets(suite, handshake, 'hs', transcript.digest());
  channel.receive = new RecordProtection(suite, handshakeTraffic.server);
  const flight = await readEncryptedFlight(channel, suite, handshakeTraffic.server, transcript);
  const master = masterSecret(suite, handshake);
  const serverApplication = trafficSecrets(suite, master, 'ap', transcript.digest()).server;
  return { flight, keys: { handshake: handshakeTraffic, master, serverApplication } };
}

/** The client's Finished message over the transcript so far; adds it to the transcript. */
export function clientFinished(suite: Tls13Suite, keys: HandshakeKeys, transcript: Transcript): Uint8Array {
  const finished = handshakeMessage(HandshakeType.finished, finishedMac(suite, keys.handshake.client, transcript.digest()));
  transcript.add(finished);
  return finished;
}
