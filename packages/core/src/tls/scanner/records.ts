/**
 * Reads a server's first flight after a ClientHello, strictly bounded: records of at most
 * 16 KiB plus overhead, handshake messages of bounded size, a bounded number of records, and
 * the stream reader's total byte budget and time limits. It stops at ServerHelloDone (TLS ≤ 1.2)
 * or right after the ServerHello or HelloRetryRequest (TLS 1.3, whose later messages are
 * encrypted). Every way it can end is a typed outcome; it never throws for the peer's bytes.
 */
import { DecodeError } from './decode-error.js';
import { ContentType, HandshakeType, alertName, versionCode } from './constants.js';
import {
  type ServerHello,
  type ServerKeyExchange,
  type Sslv2ServerHello,
  parseCertificateList,
  parseCertificateStatus,
  parseServerHello,
  parseServerKeyExchange,
  parseSslv2ServerHello,
} from './server-messages.js';
import type { ReadFailureCode, ReadLimits, StreamReader } from '../../transport/stream-reader.js';

/** Size limits for reading a flight. */
export interface FlightBounds {
  /** The largest record payload accepted (TLS allows 2^14 plus 2048 for ciphertext expansion). */
  readonly maxRecordBytes: number;
  /** The largest handshake message accepted (a certificate chain is the big one). */
  readonly maxHandshakeBytes: number;
  /** The most records read before giving up. */
  readonly maxRecords: number;
  /** The most certificates accepted in one Certificate message. */
  readonly maxCertificates: number;
}

/** Default bounds: generous for real chains, small enough that a hostile server cannot make the scanner hoard memory. */
export const defaultFlightBounds: FlightBounds = Object.freeze({
  maxRecordBytes: 16_384 + 2_048,
  maxHandshakeBytes: 65_536,
  maxRecords: 64,
  maxCertificates: 16,
});

/** What the server sent up to where the scanner stops. */
export interface ServerFlight {
  /** The ServerHello (or HelloRetryRequest). */
  readonly serverHello: ServerHello;
  /** The Certificate message's chain (TLS ≤ 1.2). */
  readonly certificates?: readonly Uint8Array[];
  /** The ServerKeyExchange, when sent and understood. */
  readonly keyExchange?: ServerKeyExchange;
  /** Whether a ServerKeyExchange was sent at all (even one the parser could not explain). */
  readonly keyExchangeSent: boolean;
  /** The stapled OCSP response (CertificateStatus, TLS ≤ 1.2). */
  readonly ocspResponse?: Uint8Array;
  /** Whether the server asked for a client certificate. */
  readonly certificateRequested: boolean;
  /** True when reading reached its planned end (ServerHelloDone, or the TLS 1.3 ServerHello). */
  readonly complete: boolean;
  /** What ended the flight early, when it was not complete. */
  readonly stop?: string;
}

/** How reading a flight ended. */
export type FlightOutcome =
  | { readonly kind: 'hello'; readonly flight: ServerFlight }
  | { readonly kind: 'alert'; readonly level: number; readonly description: number; readonly message: string }
  | { readonly kind: 'sslv2'; readonly hello?: Sslv2ServerHello; readonly message: string }
  | { readonly kind: 'failure'; readonly code: ReadFailureCode | 'malformed'; readonly message: string };

const RECORD_HEADER = 5;

function malformed(message: string): FlightOutcome {
  return { kind: 'failure', code: 'malformed', message };
}

/** Whether a record header looks like TLS at all (content type and major version 3). */
function plausibleHeader(header: Buffer): boolean {
  const type = header[0] as number;
  return type >= ContentType.changeCipherSpec && type <= ContentType.applicationData && header[1] === 3 && (header[2] as number) <= 4;
}

/** Reads an SSLv2-format answer (2-byte header with the top bit set). */
async function readSslv2(reader: StreamReader, limits: ReadLimits, bounds: FlightBounds): Promise<FlightOutcome> {
  const header = reader.peek(2);
  const length = (((header[0] as number) & 0x7f) << 8) | (header[1] as number);
  if (length > bounds.maxRecordBytes) return { kind: 'sslv2', message: `an SSLv2 record of ${length} bytes` };
  const failure = await reader.fill(2 + length, limits);
  if (failure !== undefined) return { kind: 'sslv2', message: `a truncated SSLv2 record (${failure.message})` };
  const message = reader.take(2 + length).subarray(2);
  try {
    const hello = parseSslv2ServerHello(message);
    return { kind: 'sslv2', hello, message: 'an SSLv2 SERVER-HELLO' };
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    // MSG-ERROR (type 0) is how an SSLv2 server refuses; anything else is just SSLv2 framing.
    return { kind: 'sslv2', message: message[0] === 0 ? 'an SSLv2 ERROR' : `an SSLv2 message (${error.message})` };
  }
}

/**
 * Reads the server's answer to a ClientHello. `expectSslv2` allows an SSLv2 answer to be parsed
 * as one (for the SSLv2 hello); otherwise an SSLv2 answer is reported as such too.
 */
export async function readServerFlight(
  reader: StreamReader,
  limits: ReadLimits,
  bounds: FlightBounds = defaultFlightBounds,
): Promise<FlightOutcome> {
  const first = await reader.fill(1, limits);
  if (first !== undefined) return { kind: 'failure', code: first.code, message: first.message };
  const lead = reader.peek(1)[0] as number;
  if ((lead & 0x80) !== 0) {
    const failure = await reader.fill(3, limits);
    if (failure !== undefined) return malformed(`a truncated answer (${failure.message})`);
    return readSslv2(reader, limits, bounds);
  }

  let serverHello: ServerHello | undefined;
  let certificates: Uint8Array[] | undefined;
  let keyExchange: ServerKeyExchange | undefined;
  let keyExchangeSent = false;
  let ocspResponse: Uint8Array | undefined;
  let certificateRequested = false;
  let pending: Buffer = Buffer.alloc(0);
  let records = 0;

  const flight = (complete: boolean, stop?: string): FlightOutcome => {
    if (serverHello === undefined) throw new Error('flight without ServerHello');
    return {
      kind: 'hello',
      flight: {
        serverHello,
        keyExchangeSent,
        certificateRequested,
        complete,
        ...(certificates === undefined ? {} : { certificates }),
        ...(keyExchange === undefined ? {} : { keyExchange }),
        ...(ocspResponse === undefined ? {} : { ocspResponse }),
        ...(stop === undefined ? {} : { stop }),
      },
    };
  };
  // After the ServerHello, a stop is an incomplete flight; before it, the outcome itself.
  const stopped = (outcome: FlightOutcome, why: string): FlightOutcome => (serverHello === undefined ? outcome : flight(false, why));

  for (;;) {
    if (records >= bounds.maxRecords) return stopped(malformed(`more than ${bounds.maxRecords} records`), 'too many records');
    const headerFailure = await reader.fill(RECORD_HEADER, limits);
    if (headerFailure !== undefined) {
      const outcome: FlightOutcome =
        reader.buffered > 0 && headerFailure.code !== 'timeout' && headerFailure.code !== 'aborted'
          ? malformed(`a truncated record header (${headerFailure.message})`)
          : { kind: 'failure', code: headerFailure.code, message: headerFailure.message };
      return stopped(outcome, headerFailure.message);
    }
    const header = reader.peek(RECORD_HEADER);
    if (!plausibleHeader(header))
      return stopped(malformed(`bytes that are not a TLS record (starting ${header.toString('hex')})`), 'garbage');
    const type = header[0] as number;
    const length = header.readUInt16BE(3);
    if (length > bounds.maxRecordBytes) {
      return stopped({ kind: 'failure', code: 'too-large', message: `a record of ${length} bytes` }, 'oversized record');
    }
    const bodyFailure = await reader.fill(RECORD_HEADER + length, limits);
    if (bodyFailure !== undefined) {
      const outcome: FlightOutcome =
        bodyFailure.code === 'timeout' || bodyFailure.code === 'aborted'
          ? { kind: 'failure', code: bodyFailure.code, message: bodyFailure.message }
          : malformed(`a truncated record (${bodyFailure.message})`);
      return stopped(outcome, bodyFailure.message);
    }
    const payload = reader.take(RECORD_HEADER + length).subarray(RECORD_HEADER);
    records++;

    if (type === ContentType.alert) {
      if (payload.length < 2) return stopped(malformed('a short alert'), 'short alert');
      const level = payload[0] as number;
      const description = payload[1] as number;
      const message = `${level === 1 ? 'warning' : 'fatal'} alert ${alertName(description)}`;
      // A warning (other than close_notify) does not end the handshake.
      if (level === 1 && description !== 0) continue;
      return stopped({ kind: 'alert', level, description, message }, message);
    }
    if (type !== ContentType.handshake) {
      if (serverHello !== undefined && type === ContentType.changeCipherSpec)
        return flight(false, 'ChangeCipherSpec before ServerHelloDone');
      return stopped(
        malformed(`a ${type === ContentType.changeCipherSpec ? 'ChangeCipherSpec' : 'application data'} record before the ServerHello`),
        'unexpected record',
      );
    }

    pending = pending.length === 0 ? payload : Buffer.concat([pending, payload]);
    while (pending.length >= 4) {
      const messageType = pending[0] as number;
      const messageLength = pending.readUIntBE(1, 3);
      if (messageLength > bounds.maxHandshakeBytes) {
        return stopped(
          { kind: 'failure', code: 'too-large', message: `a handshake message of ${messageLength} bytes` },
          'oversized message',
        );
      }
      if (pending.length < 4 + messageLength) break;
      const body = pending.subarray(4, 4 + messageLength);
      pending = pending.subarray(4 + messageLength);
      try {
        if (serverHello === undefined) {
          if (messageType === HandshakeType.helloRequest) continue;
          if (messageType !== HandshakeType.serverHello) return malformed(`handshake message ${messageType} before the ServerHello`);
          serverHello = parseServerHello(body);
          // TLS 1.3 encrypts everything after the ServerHello; a HelloRetryRequest ends the flight.
          if (serverHello.version === versionCode['TLSv1.3'] || serverHello.helloRetry) return flight(true);
          continue;
        }
        const tls12 = serverHello.version === versionCode['TLSv1.2'];
        switch (messageType) {
          case HandshakeType.certificate:
            certificates = parseCertificateList(body, bounds.maxCertificates);
            break;
          case HandshakeType.serverKeyExchange:
            keyExchangeSent = true;
            keyExchange = parseServerKeyExchange(body, tls12);
            break;
          case HandshakeType.certificateStatus:
            ocspResponse = parseCertificateStatus(body);
            break;
          case HandshakeType.certificateRequest:
            certificateRequested = true;
            break;
          case HandshakeType.serverHelloDone:
            return flight(true);
          default:
            // NewSessionTicket or anything else here means an abbreviated or odd handshake: stop.
            return flight(false, `handshake message ${messageType} before ServerHelloDone`);
        }
      } catch (error) {
        if (!(error instanceof DecodeError)) throw error;
        return stopped(malformed(`a handshake message that does not parse: ${error.message}`), error.message);
      }
    }
  }
}
