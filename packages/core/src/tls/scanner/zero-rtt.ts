/**
 * The 0-RTT test, as Internet.nl runs it (sslyze's TLS_1_3_EARLY_DATA): a full TLS 1.3
 * handshake that keeps the server's session ticket, then a resumption that sends early data
 * (an HTTP request for web servers). The server accepted 0-RTT when its EncryptedExtensions
 * carry early_data; the HTTP status of the answer is read too (425 Too Early means the
 * application refused it after all). node:tls has no early-data API, so this runs the scanner's
 * own TLS 1.3 client ({@link ./tls13.js}), two connections, bounded in bytes and time.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { ByteReader, DecodeError, ByteWriter, build, uint16List } from './bytes.js';
import { ContentType, ExtensionType, HandshakeType, alertName, defaultSignatureSchemes, versionCode } from './constants.js';
import type { Dialer } from './dialer.js';
import { parseServerHello } from './server-messages.js';
import { type ReadLimits, StreamReader } from './stream-reader.js';
import {
  type ClientKeyShare,
  RecordProtection,
  type Tls13Suite,
  Transcript,
  clientKeyShares,
  deriveSecret,
  emptyHash,
  expandLabel,
  hkdfExtract,
  tls13ClientSuite,
} from './tls13.js';
import { sniName } from './client-hello.js';

/** What the 0-RTT test needs. */
export interface ZeroRttRequest {
  /** Opens connections. */
  readonly dialer: Dialer;
  /** SNI. */
  readonly serverName?: string;
  /** The TLS 1.3 suites the server accepted; the test uses the first one it supports. */
  readonly suites: readonly number[];
  /** ALPN to offer (the ticket remembers it), e.g. `['http/1.1']`. */
  readonly alpn?: readonly string[];
  /** The early data to send (an HTTP request). */
  readonly earlyData: Uint8Array;
  /** Time limit for each read, in milliseconds. */
  readonly timeoutMs: number;
  /** How long to wait for a session ticket after the handshake, in milliseconds. */
  readonly ticketWaitMs: number;
  /** Aborts. */
  readonly signal: AbortSignal;
}

/** What the 0-RTT test found. */
export interface ZeroRttResult {
  /** The ticket's max_early_data (0 without the early_data extension); null when no ticket came. */
  readonly maxEarlyData: number | null;
  /** Whether the server accepted early data on resumption; null when not tested. */
  readonly accepted: boolean | null;
  /** The HTTP status of the answer to the early request, when one came. */
  readonly httpStatus?: number;
  /** Why the test stopped short, if it did. */
  readonly problem?: { readonly code: string; readonly message: string };
}

/** A session ticket and what resuming with it needs. */
interface Ticket {
  readonly suite: Tls13Suite;
  readonly psk: Buffer;
  readonly identity: Uint8Array;
  readonly ageAdd: number;
  readonly receivedAt: number;
  readonly maxEarlyData: number;
}

/** A step failed; carries the problem to report. */
class Stop extends Error {
  readonly code: string;
  /**
   * @param code - a stable code
   * @param message - one line
   */
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const MAX_RECORD = 16_384 + 256;
const MAX_MESSAGE = 65_536;
const MAX_BYTES = 262_144;
const MAX_HTTP_BYTES = 16_384;

/** A handshake message: its type, body, and the bytes as they enter the transcript. */
interface Message {
  readonly type: number;
  readonly body: Uint8Array;
  readonly raw: Uint8Array;
}

function message(type: number, body: Uint8Array): Uint8Array {
  return build((w) => w.uint(type, 1).vector(body, 3));
}

function uint32(data: Uint8Array): number {
  return (((data[0] as number) << 24) >>> 0) + ((data[1] as number) << 16) + ((data[2] as number) << 8) + (data[3] as number);
}

/** Reads records and handshake messages from one connection, decrypting when keys are set. */
class Channel {
  readonly #socket: Duplex;
  readonly #reader: StreamReader;
  readonly #limits: () => ReadLimits;
  #pending: Buffer = Buffer.alloc(0);
  /** Keys for what the server sends; plaintext until set. */
  receive: RecordProtection | undefined;

  constructor(socket: Duplex, timeoutMs: number, signal: AbortSignal) {
    this.#socket = socket;
    this.#reader = new StreamReader(socket, MAX_BYTES);
    this.#limits = () => ({ idleMs: timeoutMs, deadline: Date.now() + timeoutMs, signal });
  }

  send(data: Uint8Array): void {
    if (!this.#socket.writable) throw new Stop('closed', 'the connection closed');
    this.#socket.write(data);
  }

  /** The next record's content type and (decrypted) payload; CCS records are skipped. */
  async record(limits: ReadLimits = this.#limits()): Promise<{ type: number; payload: Buffer }> {
    for (;;) {
      const headerFailure = await this.#reader.fill(5, limits);
      if (headerFailure !== undefined) throw new Stop(headerFailure.code, headerFailure.message);
      const header = this.#reader.peek(5);
      const length = header.readUInt16BE(3);
      if (header[1] !== 3 || length > MAX_RECORD) throw new Stop('malformed', 'a record that is not TLS 1.3');
      const bodyFailure = await this.#reader.fill(5 + length, limits);
      if (bodyFailure !== undefined) throw new Stop(bodyFailure.code, bodyFailure.message);
      const record = this.#reader.take(5 + length);
      const type = record[0] as number;
      const body = record.subarray(5);
      if (type === ContentType.changeCipherSpec) continue;
      if (type === ContentType.alert) throw new Stop('alert', `alert ${alertName(body[1] ?? 0)}`);
      if (this.receive === undefined) {
        if (type !== ContentType.handshake) throw new Stop('malformed', `an unexpected record of type ${type}`);
        return { type, payload: body };
      }
      if (type !== ContentType.applicationData) throw new Stop('malformed', `a plaintext record of type ${type} after the ServerHello`);
      const opened = this.receive.open(record.subarray(0, 5), body);
      if (opened === undefined) throw new Stop('malformed', 'a record that does not decrypt');
      if (opened.type === ContentType.alert) throw new Stop('alert', `alert ${alertName(opened.plaintext[1] ?? 0)}`);
      return { type: opened.type, payload: opened.plaintext };
    }
  }

  /** The next handshake message (reassembled across records). */
  async handshake(limits: ReadLimits = this.#limits()): Promise<Message> {
    for (;;) {
      if (this.#pending.length >= 4) {
        const length = this.#pending.readUIntBE(1, 3);
        if (length > MAX_MESSAGE) throw new Stop('too-large', `a handshake message of ${length} bytes`);
        if (this.#pending.length >= 4 + length) {
          const raw = this.#pending.subarray(0, 4 + length);
          this.#pending = this.#pending.subarray(4 + length);
          return { type: raw[0] as number, body: raw.subarray(4), raw };
        }
      }
      const { type, payload } = await this.record(limits);
      if (type !== ContentType.handshake) throw new Stop('malformed', `content type ${type} inside the handshake`);
      this.#pending = Buffer.concat([this.#pending, payload]);
    }
  }

  close(): void {
    this.#reader.detach();
  }
}

/** Options for one ClientHello of the test. */
interface HelloSpec {
  readonly serverName?: string;
  readonly suites: readonly number[];
  readonly shares: readonly ClientKeyShare[];
  readonly alpn?: readonly string[];
  /** Resume with this ticket and offer early data. */
  readonly ticket?: Ticket;
}

function ext(type: number, body: Uint8Array): Uint8Array {
  return build((w) => w.uint(type, 2).vector(body, 2));
}

/** Builds a TLS 1.3 ClientHello handshake message; with a ticket, its PSK binder is computed. */
function clientHello(spec: HelloSpec): Uint8Array {
  const extensions: Uint8Array[] = [];
  const name = sniName(spec.serverName);
  if (name !== undefined) {
    const entry = build((w) => w.uint(0, 1).vector(Buffer.from(name, 'ascii'), 2));
    extensions.push(
      ext(
        ExtensionType.serverName,
        build((w) => w.vector(entry, 2)),
      ),
    );
  }
  extensions.push(
    ext(
      ExtensionType.supportedGroups,
      build((w) => w.vector(uint16List(spec.shares.map((s) => s.group)), 2)),
    ),
  );
  extensions.push(
    ext(
      ExtensionType.signatureAlgorithms,
      build((w) => w.vector(uint16List(defaultSignatureSchemes), 2)),
    ),
  );
  extensions.push(
    ext(
      ExtensionType.supportedVersions,
      build((w) => w.vector(uint16List([versionCode['TLSv1.3']]), 1)),
    ),
  );
  extensions.push(
    ext(
      ExtensionType.pskKeyExchangeModes,
      build((w) => w.vector(Uint8Array.from([1]), 1)),
    ),
  );
  const shares = build((w) => {
    for (const share of spec.shares) w.uint(share.group, 2).vector(share.publicKey, 2);
  });
  extensions.push(
    ext(
      ExtensionType.keyShare,
      build((w) => w.vector(shares, 2)),
    ),
  );
  if (spec.alpn !== undefined && spec.alpn.length > 0) {
    const names = build((w) => {
      for (const protocol of spec.alpn ?? []) w.vector(Buffer.from(protocol, 'ascii'), 1);
    });
    extensions.push(
      ext(
        ExtensionType.alpn,
        build((w) => w.vector(names, 2)),
      ),
    );
  }
  const ticket = spec.ticket;
  if (ticket !== undefined) extensions.push(ext(ExtensionType.earlyData, new Uint8Array(0)));

  const assemble = (padding: number, psk: Uint8Array | undefined): Uint8Array => {
    const all = new ByteWriter();
    for (const e of extensions) all.bytes(e);
    if (padding > 0) all.bytes(ext(ExtensionType.padding, new Uint8Array(padding)));
    // pre_shared_key must be the last extension (RFC 8446 §4.2.11).
    if (psk !== undefined) all.bytes(ext(ExtensionType.preSharedKey, psk));
    const body = build((w) =>
      w
        .uint(versionCode['TLSv1.2'], 2)
        .bytes(randomBytes(32))
        .vector(randomBytes(32), 1)
        .vector(uint16List(spec.suites), 2)
        .vector(Uint8Array.from([0]), 1)
        .vector(all.finish(), 2),
    );
    return message(HandshakeType.clientHello, body);
  };

  const pskExtension = (binder: Uint8Array): Uint8Array | undefined => {
    if (ticket === undefined) return undefined;
    const age = (Date.now() - ticket.receivedAt + ticket.ageAdd) >>> 0;
    const identities = build((w) =>
      w.vector(
        build((i) => i.vector(ticket.identity, 2).uint(age, 4)),
        2,
      ),
    );
    const binders = build((w) =>
      w.vector(
        build((b) => b.vector(binder, 1)),
        2,
      ),
    );
    return Buffer.concat([identities, binders]);
  };

  // Pad hellos of 256–511 bytes to 512, as the raw scanner does (RFC 7685).
  const zeroBinder = new Uint8Array(ticket?.suite.hashLength ?? 0);
  const unpadded = assemble(0, pskExtension(zeroBinder)).length;
  const padding = unpadded >= 256 && unpadded < 512 ? Math.max(1, 512 - unpadded - 4) : 0;
  if (ticket === undefined) return assemble(padding, undefined);

  // The binder is the Finished MAC over the hello up to (not including) the binders list.
  const draft = assemble(padding, pskExtension(zeroBinder));
  const bindersLength = 2 + 1 + ticket.suite.hashLength;
  const truncated = draft.subarray(0, draft.length - bindersLength);
  const suite = ticket.suite;
  const early = hkdfExtract(suite.hash, new Uint8Array(suite.hashLength), ticket.psk);
  const binderKey = deriveSecret(suite, early, 'res binder', emptyHash(suite));
  const finishedKey = expandLabel(suite.hash, binderKey, 'finished', new Uint8Array(0), suite.hashLength);
  const transcript = new Transcript(suite);
  transcript.add(truncated);
  const binder = hmac(suite, finishedKey, transcript.digest());
  const out = Buffer.from(draft);
  out.set(binder, draft.length - suite.hashLength);
  return out;
}

/** HMAC with the suite's hash: Finished and binder values are HMACs over a transcript hash. */
function hmac(suite: Tls13Suite, key: Uint8Array, data: Uint8Array): Buffer {
  return createHmac(suite.hash, key).update(data).digest();
}

function record(type: number, payload: Uint8Array): Buffer {
  return Buffer.from(build((w) => w.uint(type, 1).uint(0x0303, 2).vector(payload, 2)));
}

const CHANGE_CIPHER_SPEC = record(ContentType.changeCipherSpec, Uint8Array.from([1]));

/** Reads and checks the ServerHello; returns it with the shared secret. */
async function readServerHello(channel: Channel, shares: readonly ClientKeyShare[], suites: readonly number[]) {
  const sh = await channel.handshake();
  if (sh.type !== HandshakeType.serverHello) throw new Stop('malformed', `handshake message ${sh.type} instead of ServerHello`);
  const hello = parseServerHello(sh.body);
  if (hello.helloRetry) throw new Stop('hello-retry', 'the server asked for another key share');
  if (hello.version !== versionCode['TLSv1.3']) throw new Stop('malformed', 'the server did not choose TLS 1.3');
  const suite = tls13ClientSuite(hello.suite);
  if (suite === undefined || !suites.includes(hello.suite)) throw new Stop('malformed', 'the server chose a suite that was not offered');
  const share = shares.find((s) => s.group === hello.keyShareGroup);
  const secret = share === undefined || hello.keyShare === undefined ? undefined : share.secret(hello.keyShare);
  if (secret === undefined) throw new Stop('malformed', 'the server key share is missing or invalid');
  return { raw: sh.raw, hello, suite, secret };
}

/** Handshake traffic secrets and the next secret in the schedule. */
function handshakeSecrets(suite: Tls13Suite, early: Uint8Array, shared: Uint8Array, transcript: Transcript) {
  const derived = deriveSecret(suite, early, 'derived', emptyHash(suite));
  const handshake = hkdfExtract(suite.hash, derived, shared);
  const hash = transcript.digest();
  return {
    handshake,
    client: deriveSecret(suite, handshake, 'c hs traffic', hash),
    server: deriveSecret(suite, handshake, 's hs traffic', hash),
  };
}

function finishedMac(suite: Tls13Suite, trafficSecret: Uint8Array, transcriptHash: Uint8Array): Buffer {
  const key = expandLabel(suite.hash, trafficSecret, 'finished', new Uint8Array(0), suite.hashLength);
  return hmac(suite, key, transcriptHash);
}

function encryptedExtensions(body: Uint8Array): number[] {
  const r = new ByteReader(body);
  const list = new ByteReader(r.vector(2));
  const types: number[] = [];
  while (list.remaining > 0) {
    types.push(list.uint(2));
    list.vector(2);
  }
  return types;
}

/** Reads the server's encrypted flight through Finished, checking the Finished MAC. */
async function serverFlight(
  channel: Channel,
  suite: Tls13Suite,
  serverSecret: Uint8Array,
  transcript: Transcript,
): Promise<{ extensions: number[]; certificateRequested: boolean }> {
  let extensions: number[] | undefined;
  let certificateRequested = false;
  for (let i = 0; i < 8; i++) {
    const m = await channel.handshake();
    if (m.type === HandshakeType.finished) {
      const expected = finishedMac(suite, serverSecret, transcript.digest());
      if (!expected.equals(Buffer.from(m.body))) throw new Stop('malformed', 'the server Finished does not verify');
      transcript.add(m.raw);
      if (extensions === undefined) throw new Stop('malformed', 'Finished before EncryptedExtensions');
      return { extensions, certificateRequested };
    }
    transcript.add(m.raw);
    if (m.type === HandshakeType.encryptedExtensions) extensions = encryptedExtensions(m.body);
    else if (m.type === HandshakeType.certificateRequest) certificateRequested = true;
    else if (m.type !== HandshakeType.certificate && m.type !== HandshakeType.certificateVerify) {
      throw new Stop('malformed', `handshake message ${m.type} in the server flight`);
    }
  }
  throw new Stop('malformed', 'too many handshake messages');
}

/** Connection one: a full handshake, then the first session ticket. */
async function firstConnection(socket: Duplex, request: ZeroRttRequest, suites: readonly number[]): Promise<Ticket | { none: true }> {
  const channel = new Channel(socket, request.timeoutMs, request.signal);
  try {
    const shares = clientKeyShares();
    const ch = clientHello({
      ...(request.serverName === undefined ? {} : { serverName: request.serverName }),
      suites,
      shares,
      ...(request.alpn === undefined ? {} : { alpn: request.alpn }),
    });
    channel.send(record(ContentType.handshake, ch));
    const sh = await readServerHello(channel, shares, suites);
    const suite = sh.suite;
    const transcript = new Transcript(suite);
    transcript.add(ch);
    transcript.add(sh.raw);
    const early = hkdfExtract(suite.hash, new Uint8Array(suite.hashLength), new Uint8Array(suite.hashLength));
    const secrets = handshakeSecrets(suite, early, sh.secret, transcript);
    channel.receive = new RecordProtection(suite, secrets.server);
    const flight = await serverFlight(channel, suite, secrets.server, transcript);

    const master = hkdfExtract(
      suite.hash,
      deriveSecret(suite, secrets.handshake, 'derived', emptyHash(suite)),
      new Uint8Array(suite.hashLength),
    );
    const afterServerFinished = transcript.digest();
    const serverApplication = deriveSecret(suite, master, 's ap traffic', afterServerFinished);
    const send = new RecordProtection(suite, secrets.client);
    const out: Buffer[] = [CHANGE_CIPHER_SPEC];
    if (flight.certificateRequested) {
      // No client certificate: an empty Certificate (empty context, empty list).
      const empty = message(HandshakeType.certificate, Uint8Array.from([0, 0, 0, 0]));
      transcript.add(empty);
      out.push(send.seal(ContentType.handshake, empty));
    }
    const finished = message(HandshakeType.finished, finishedMac(suite, secrets.client, transcript.digest()));
    transcript.add(finished);
    out.push(send.seal(ContentType.handshake, finished));
    channel.send(Buffer.concat(out));
    const resumption = deriveSecret(suite, master, 'res master', transcript.digest());
    channel.receive = new RecordProtection(suite, serverApplication);

    // Tickets follow the handshake; keep the first one, preferring one that allows early data.
    let ticket: Ticket | undefined;
    const deadline = Date.now() + request.ticketWaitMs;
    while (Date.now() < deadline) {
      let m: Message;
      try {
        m = await channel.handshake({ idleMs: Math.max(1, deadline - Date.now()), deadline, signal: request.signal });
      } catch (error) {
        if (error instanceof Stop && (error.code === 'timeout' || error.code === 'closed')) break;
        throw error;
      }
      if (m.type !== HandshakeType.newSessionTicket) continue;
      const parsed = parseTicket(m.body, suite, resumption);
      if (ticket === undefined || (ticket.maxEarlyData === 0 && parsed.maxEarlyData > 0)) ticket = parsed;
      if (ticket.maxEarlyData > 0) break;
    }
    return ticket ?? { none: true };
  } finally {
    channel.close();
  }
}

function parseTicket(body: Uint8Array, suite: Tls13Suite, resumption: Uint8Array): Ticket {
  const r = new ByteReader(body);
  r.bytes(4); // lifetime
  const ageAdd = uint32(r.bytes(4));
  const nonce = r.vector(1);
  const identity = Buffer.from(r.vector(2));
  const extensions = new ByteReader(r.vector(2));
  let maxEarlyData = 0;
  while (extensions.remaining > 0) {
    const type = extensions.uint(2);
    const data = extensions.vector(2);
    if (type === ExtensionType.earlyData && data.length === 4) maxEarlyData = uint32(data);
  }
  const psk = expandLabel(suite.hash, resumption, 'resumption', nonce, suite.hashLength);
  return { suite, psk, identity, ageAdd, receivedAt: Date.now(), maxEarlyData };
}

/** Connection two: resume with the ticket, send early data, see whether the server took it. */
async function secondConnection(
  socket: Duplex,
  request: ZeroRttRequest,
  ticket: Ticket,
): Promise<{ accepted: boolean; httpStatus?: number }> {
  const channel = new Channel(socket, request.timeoutMs, request.signal);
  try {
    const suite = ticket.suite;
    const shares = clientKeyShares();
    const ch = clientHello({
      ...(request.serverName === undefined ? {} : { serverName: request.serverName }),
      suites: [suite.code],
      shares,
      ticket,
      ...(request.alpn === undefined ? {} : { alpn: request.alpn }),
    });
    const transcript = new Transcript(suite);
    transcript.add(ch);
    const early = hkdfExtract(suite.hash, new Uint8Array(suite.hashLength), ticket.psk);
    const earlyTraffic = new RecordProtection(suite, deriveSecret(suite, early, 'c e traffic', transcript.digest()));
    const data = request.earlyData.subarray(0, Math.min(request.earlyData.length, ticket.maxEarlyData));
    channel.send(
      Buffer.concat([record(ContentType.handshake, ch), CHANGE_CIPHER_SPEC, earlyTraffic.seal(ContentType.applicationData, data)]),
    );

    const sh = await readServerHello(channel, shares, [suite.code]);
    // Without the PSK the server made a full handshake and dropped the early data.
    if (sh.hello.pskIdentity !== 0) return { accepted: false };
    transcript.add(sh.raw);
    const secrets = handshakeSecrets(suite, early, sh.secret, transcript);
    channel.receive = new RecordProtection(suite, secrets.server);
    const flight = await serverFlight(channel, suite, secrets.server, transcript);
    if (!flight.extensions.includes(ExtensionType.earlyData)) return { accepted: false };

    // Accepted: finish the handshake and read the answer to the early request.
    const master = hkdfExtract(
      suite.hash,
      deriveSecret(suite, secrets.handshake, 'derived', emptyHash(suite)),
      new Uint8Array(suite.hashLength),
    );
    const afterServerFinished = transcript.digest();
    const serverApplication = deriveSecret(suite, master, 's ap traffic', afterServerFinished);
    const endOfEarlyData = message(HandshakeType.endOfEarlyData, new Uint8Array(0));
    transcript.add(endOfEarlyData);
    const send = new RecordProtection(suite, secrets.client);
    const finished = message(HandshakeType.finished, finishedMac(suite, secrets.client, transcript.digest()));
    channel.send(Buffer.concat([earlyTraffic.seal(ContentType.handshake, endOfEarlyData), send.seal(ContentType.handshake, finished)]));
    channel.receive = new RecordProtection(suite, serverApplication);
    let answer = Buffer.alloc(0);
    try {
      while (answer.length < MAX_HTTP_BYTES && !answer.includes('\r\n')) {
        const { type, payload } = await channel.record();
        if (type === ContentType.applicationData) answer = Buffer.concat([answer, payload]);
      }
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
    }
    const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(answer.toString('latin1'));
    return { accepted: true, ...(status?.[1] === undefined ? {} : { httpStatus: Number(status[1]) }) };
  } finally {
    channel.close();
  }
}

async function guarded<T>(run: () => Promise<T>): Promise<T | Stop> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Stop) return error;
    if (error instanceof DecodeError) return new Stop('malformed', error.message);
    throw error;
  }
}

/** Runs the 0-RTT test. Never throws for the server's behaviour. */
export async function testZeroRtt(request: ZeroRttRequest): Promise<ZeroRttResult> {
  const suites = request.suites.filter((code) => tls13ClientSuite(code) !== undefined);
  if (suites.length === 0)
    return { maxEarlyData: null, accepted: null, problem: { code: 'unsupported', message: 'no TLS 1.3 suite the 0-RTT test can use' } };
  const first = await request.dialer.withConnection((socket) => guarded(() => firstConnection(socket, request, suites)));
  if (first instanceof Stop) return { maxEarlyData: null, accepted: null, problem: { code: first.code, message: first.message } };
  if ('kind' in first) return { maxEarlyData: null, accepted: null, problem: { code: first.failure.code, message: first.failure.message } };
  if ('none' in first) return { maxEarlyData: null, accepted: null };
  // A ticket without early_data forbids 0-RTT: the server cannot accept what it did not offer.
  if (first.maxEarlyData === 0) return { maxEarlyData: 0, accepted: false };
  const second = await request.dialer.withConnection((socket) => guarded(() => secondConnection(socket, request, first)));
  if (second instanceof Stop)
    return { maxEarlyData: first.maxEarlyData, accepted: null, problem: { code: second.code, message: second.message } };
  if ('kind' in second) {
    return { maxEarlyData: first.maxEarlyData, accepted: null, problem: { code: second.failure.code, message: second.failure.message } };
  }
  return { maxEarlyData: first.maxEarlyData, ...second };
}
