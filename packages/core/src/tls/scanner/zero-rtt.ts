/**
 * The 0-RTT test, as Internet.nl runs it (sslyze's TLS_1_3_EARLY_DATA): a full TLS 1.3
 * handshake that keeps the server's session ticket, then a resumption that sends early data
 * (an HTTP request for web servers). The server accepted 0-RTT when its EncryptedExtensions
 * carry early_data; the HTTP status of the answer is read too (425 Too Early means the
 * application refused it after all). node:tls has no early-data API, so this runs the scanner's
 * own TLS 1.3 client ({@link ./tls13-client.js}), two connections, bounded in bytes and time.
 */
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { ByteReader } from '../../util/bytes.js';
import { DecodeError, decodeError } from './decode-error.js';
import { bindPsk, buildClientHello, helloMessage } from './client-hello.js';
import { ContentType, ExtensionType, HandshakeType, defaultSignatureSchemes } from './constants.js';
import type { Dialer } from './dialer.js';
import {
  type HandshakeKeys,
  type HandshakeMessage,
  Tls13Channel,
  Tls13Failure,
  changeCipherSpecRecord,
  clientFinished,
  handshakeMessage,
  readServerHandshake,
  readServerHello,
} from './tls13-client.js';
import {
  type ClientKeyShare,
  RecordProtection,
  type Tls13Suite,
  Transcript,
  clientEarlyTrafficSecret,
  clientKeyShares,
  earlySecret,
  finishedMac,
  resumptionBinderKey,
  resumptionMasterSecret,
  ticketPsk,
  tls13ClientSuite,
} from './tls13.js';

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

/** The most of the answer to the early request read to find its status line. */
const MAX_HTTP_BYTES = 16_384;

/** A TLS 1.3 ClientHello record for the test; with a ticket it resumes, offers early data and carries its PSK binder. */
function helloRecord(request: ZeroRttRequest, suites: readonly number[], shares: readonly ClientKeyShare[], ticket?: Ticket): Uint8Array {
  const record = buildClientHello({
    version: 'TLSv1.3',
    suites,
    ...(request.serverName === undefined ? {} : { serverName: request.serverName }),
    groups: shares.map((share) => share.group),
    signatureSchemes: defaultSignatureSchemes,
    keyShares: shares,
    profile: 'full',
    random: randomBytes(32),
    sessionId: randomBytes(32),
    ...(request.alpn === undefined ? {} : { alpn: request.alpn }),
    ...(ticket === undefined
      ? {}
      : {
          psk: {
            identity: ticket.identity,
            obfuscatedAge: (Date.now() - ticket.receivedAt + ticket.ageAdd) >>> 0,
            binderLength: ticket.suite.hashLength,
          },
          earlyData: true,
        }),
  });
  if (ticket === undefined) return record;
  const suite = ticket.suite;
  const binderKey = resumptionBinderKey(suite, earlySecret(suite, ticket.psk));
  return bindPsk(record, suite.hashLength, (partial) => {
    const transcript = new Transcript(suite);
    transcript.add(partial);
    return finishedMac(suite, binderKey, transcript.digest());
  });
}

/** Reads a NewSessionTicket (RFC 8446 §4.6.1): the PSK it stands for and its max_early_data. */
function parseTicket(body: Uint8Array, suite: Tls13Suite, resumptionMaster: Uint8Array): Ticket {
  const r = new ByteReader(body, decodeError);
  r.uint(4); // lifetime
  const ageAdd = r.uint(4);
  const nonce = r.vector(1);
  const identity = Buffer.from(r.vector(2));
  const extensions = new ByteReader(r.vector(2), decodeError);
  let maxEarlyData = 0;
  while (extensions.remaining > 0) {
    const type = extensions.uint(2);
    const data = extensions.vector(2);
    if (type === ExtensionType.earlyData && data.length === 4) maxEarlyData = new ByteReader(data, decodeError).uint(4);
  }
  return { suite, psk: ticketPsk(suite, resumptionMaster, nonce), identity, ageAdd, receivedAt: Date.now(), maxEarlyData };
}

/** Waits for the tickets that follow a handshake; keeps the first, or the first that allows early data. */
async function awaitTicket(
  channel: Tls13Channel,
  request: ZeroRttRequest,
  suite: Tls13Suite,
  resumptionMaster: Uint8Array,
): Promise<Ticket | undefined> {
  let ticket: Ticket | undefined;
  const deadline = Date.now() + request.ticketWaitMs;
  while (Date.now() < deadline) {
    let message: HandshakeMessage;
    try {
      message = await channel.handshake({ idleMs: Math.max(1, deadline - Date.now()), deadline, signal: request.signal });
    } catch (error) {
      if (error instanceof Tls13Failure && (error.code === 'timeout' || error.code === 'closed')) break;
      throw error;
    }
    if (message.type !== HandshakeType.newSessionTicket) continue;
    const parsed = parseTicket(message.body, suite, resumptionMaster);
    if (ticket === undefined || (ticket.maxEarlyData === 0 && parsed.maxEarlyData > 0)) ticket = parsed;
    if (ticket.maxEarlyData > 0) break;
  }
  return ticket;
}

/** The client's last flight of a full handshake: an empty Certificate when one was asked for, and Finished. */
function clientFlight(suite: Tls13Suite, keys: HandshakeKeys, transcript: Transcript, certificateRequested: boolean): Buffer {
  const send = new RecordProtection(suite, keys.handshake.client);
  const out: Buffer[] = [changeCipherSpecRecord];
  if (certificateRequested) {
    // No client certificate: an empty Certificate (empty context, empty list).
    const empty = handshakeMessage(HandshakeType.certificate, Uint8Array.from([0, 0, 0, 0]));
    transcript.add(empty);
    out.push(send.seal(ContentType.handshake, empty));
  }
  out.push(send.seal(ContentType.handshake, clientFinished(suite, keys, transcript)));
  return Buffer.concat(out);
}

/** Connection one: a full handshake, then the first session ticket. */
async function firstConnection(socket: Duplex, request: ZeroRttRequest, suites: readonly number[]): Promise<Ticket | { none: true }> {
  const channel = new Tls13Channel(socket, request.timeoutMs, request.signal);
  try {
    const shares = clientKeyShares();
    const hello = helloRecord(request, suites, shares);
    channel.send(hello);
    const serverHello = await readServerHello(channel, shares, suites);
    const suite = serverHello.suite;
    const transcript = new Transcript(suite);
    transcript.add(helloMessage(hello));
    transcript.add(serverHello.raw);
    const { flight, keys } = await readServerHandshake(channel, serverHello, earlySecret(suite), transcript);
    channel.send(clientFlight(suite, keys, transcript, flight.certificateRequested));
    const resumptionMaster = resumptionMasterSecret(suite, keys.master, transcript.digest());
    channel.receive = new RecordProtection(suite, keys.serverApplication);
    return (await awaitTicket(channel, request, suite, resumptionMaster)) ?? { none: true };
  } finally {
    channel.close();
  }
}

/** Reads the answer to the early request until its status line; the HTTP status, when one came. */
async function readHttpStatus(channel: Tls13Channel): Promise<number | undefined> {
  let answer = Buffer.alloc(0);
  try {
    while (answer.length < MAX_HTTP_BYTES && !answer.includes('\r\n')) {
      const { type, payload } = await channel.record();
      if (type === ContentType.applicationData) answer = Buffer.concat([answer, payload]);
    }
  } catch (error) {
    if (!(error instanceof Tls13Failure)) throw error;
  }
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(answer.toString('latin1'));
  return status?.[1] === undefined ? undefined : Number(status[1]);
}

/** Connection two: resume with the ticket, send early data, see whether the server took it. */
async function secondConnection(
  socket: Duplex,
  request: ZeroRttRequest,
  ticket: Ticket,
): Promise<{ accepted: boolean; httpStatus?: number }> {
  const channel = new Tls13Channel(socket, request.timeoutMs, request.signal);
  try {
    const suite = ticket.suite;
    const shares = clientKeyShares();
    const hello = helloRecord(request, [suite.code], shares, ticket);
    const transcript = new Transcript(suite);
    transcript.add(helloMessage(hello));
    const early = earlySecret(suite, ticket.psk);
    const earlyTraffic = new RecordProtection(suite, clientEarlyTrafficSecret(suite, early, transcript.digest()));
    const data = request.earlyData.subarray(0, Math.min(request.earlyData.length, ticket.maxEarlyData));
    channel.send(Buffer.concat([hello, changeCipherSpecRecord, earlyTraffic.seal(ContentType.applicationData, data)]));

    const serverHello = await readServerHello(channel, shares, [suite.code]);
    // Without the PSK the server made a full handshake and dropped the early data.
    if (serverHello.hello.pskIdentity !== 0) return { accepted: false };
    transcript.add(serverHello.raw);
    const { flight, keys } = await readServerHandshake(channel, serverHello, early, transcript);
    if (!flight.extensions.includes(ExtensionType.earlyData)) return { accepted: false };

    // Accepted: end the early data, finish the handshake and read the answer to the early request.
    const endOfEarlyData = handshakeMessage(HandshakeType.endOfEarlyData, new Uint8Array(0));
    transcript.add(endOfEarlyData);
    const finished = clientFinished(suite, keys, transcript);
    const send = new RecordProtection(suite, keys.handshake.client);
    channel.send(Buffer.concat([earlyTraffic.seal(ContentType.handshake, endOfEarlyData), send.seal(ContentType.handshake, finished)]));
    channel.receive = new RecordProtection(suite, keys.serverApplication);
    const httpStatus = await readHttpStatus(channel);
    return { accepted: true, ...(httpStatus === undefined ? {} : { httpStatus }) };
  } finally {
    channel.close();
  }
}

/** Why a step of the test stopped short. */
type Problem = { readonly code: string; readonly message: string };

/**
 * Runs one step of the test on a connection of its own. What the server did wrong, and a
 * connection that could not be had, come back as the problem to report.
 */
async function onConnection<T>(
  dialer: Dialer,
  step: (socket: Duplex) => Promise<T>,
): Promise<{ readonly value: T } | { readonly problem: Problem }> {
  const result = await dialer.withConnection(async (socket) => {
    try {
      return { value: await step(socket) };
    } catch (error) {
      if (error instanceof Tls13Failure) return { problem: { code: error.code, message: error.message } };
      if (error instanceof DecodeError) return { problem: { code: 'malformed', message: error.message } };
      throw error;
    }
  });
  if ('kind' in result) return { problem: { code: result.failure.code, message: result.failure.message } };
  return result;
}

/** Runs the 0-RTT test. Never throws for the server's behaviour. */
export async function testZeroRtt(request: ZeroRttRequest): Promise<ZeroRttResult> {
  const suites = request.suites.filter((code) => tls13ClientSuite(code) !== undefined);
  if (suites.length === 0)
    return { maxEarlyData: null, accepted: null, problem: { code: 'unsupported', message: 'no TLS 1.3 suite the 0-RTT test can use' } };
  const first = await onConnection(request.dialer, (socket) => firstConnection(socket, request, suites));
  if ('problem' in first) return { maxEarlyData: null, accepted: null, problem: first.problem };
  const ticket = first.value;
  if ('none' in ticket) return { maxEarlyData: null, accepted: null };
  // A ticket without early_data forbids 0-RTT: the server cannot accept what it did not offer.
  if (ticket.maxEarlyData === 0) return { maxEarlyData: 0, accepted: false };
  const second = await onConnection(request.dialer, (socket) => secondConnection(socket, request, ticket));
  if ('problem' in second) return { maxEarlyData: ticket.maxEarlyData, accepted: null, problem: second.problem };
  return { maxEarlyData: ticket.maxEarlyData, ...second.value };
}
