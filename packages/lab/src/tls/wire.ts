/**
 * The TLS wire format the scripted server needs: reading a ClientHello (TLS records or the old
 * SSLv2-compatible form, bounded) and writing records, alerts and the plaintext handshake
 * messages a server sends up to ServerHelloDone (RFC 5246, RFC 8446, RFC 6101).
 */
import { tlsContentTypes as contentTypes, tlsExtensionTypes as extensionTypes, tlsHandshakeTypes as handshakeTypes } from '@pastoe/core';

/** A ClientHello the lab could not read. */
export class TlsDecodeError extends Error {
  override readonly name = 'TlsDecodeError';
}

/** One extension as sent: its code and raw data. */
export interface RawExtension {
  /** The extension code. */
  readonly type: number;
  /** The extension data. */
  readonly data: Buffer;
}

/** A key share a TLS 1.3 client offered. */
export interface OfferedKeyShare {
  /** The named group. */
  readonly group: number;
  /** The public key. */
  readonly key: Buffer;
}

/** A ClientHello, with the extensions the lab acts on decoded. */
export interface ParsedClientHello {
  /** `tls` for a normal record, `sslv2` for the SSLv2-compatible hello (RFC 5246 appendix E.2). */
  readonly format: 'tls' | 'sslv2';
  /** The version in the first record header (0x0002 for the SSLv2 form). */
  readonly recordVersion: number;
  /** client_version / legacy_version. */
  readonly legacyVersion: number;
  /** client random (the SSLv2 challenge, left-padded to 32 bytes). */
  readonly random: Buffer;
  /** legacy_session_id. */
  readonly sessionId: Buffer;
  /** Offered suites, in the client's order (SSLv2-only cipher kinds left out). */
  readonly cipherSuites: readonly number[];
  /** Offered compression methods. */
  readonly compressionMethods: readonly number[];
  /** All extensions, in order. */
  readonly extensions: readonly RawExtension[];
  /** server_name (the first host_name), if sent. */
  readonly serverName?: string;
  /** supported_versions, if sent. */
  readonly supportedVersions?: readonly number[];
  /** supported_groups, if sent. */
  readonly supportedGroups?: readonly number[];
  /** signature_algorithms, if sent. */
  readonly signatureAlgorithms?: readonly number[];
  /** key_share entries, if sent. */
  readonly keyShares?: readonly OfferedKeyShare[];
  /** ALPN protocol names, if sent. */
  readonly alpn?: readonly string[];
  /** ec_point_formats, if sent. */
  readonly ecPointFormats?: readonly number[];
  /** Whether status_request was sent. */
  readonly statusRequest: boolean;
  /** Whether extended_master_secret was sent. */
  readonly extendedMasterSecret: boolean;
  /** Whether renegotiation_info was sent (the SCSV counts: it is in `cipherSuites`). */
  readonly renegotiationInfo: boolean;
  /** Whether session_ticket was sent. */
  readonly sessionTicket: boolean;
}

/** Reads big-endian fields from a buffer, refusing to run past its end. */
class Reader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  take(length: number): Buffer {
    if (length > this.remaining) throw new TlsDecodeError(`needs ${length} bytes, ${this.remaining} left`);
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  u8(): number {
    return this.take(1).readUInt8(0);
  }

  u16(): number {
    return this.take(2).readUInt16BE(0);
  }

  u24(): number {
    return this.take(3).readUIntBE(0, 3);
  }

  vector8(): Buffer {
    return this.take(this.u8());
  }

  vector16(): Buffer {
    return this.take(this.u16());
  }
}

function u16List(bytes: Buffer): number[] {
  if (bytes.length % 2 !== 0) throw new TlsDecodeError('odd length in a list of 16-bit values');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) out.push(bytes.readUInt16BE(i));
  return out;
}

function decodeExtensions(
  extensions: readonly RawExtension[],
): Omit<
  ParsedClientHello,
  'format' | 'recordVersion' | 'legacyVersion' | 'random' | 'sessionId' | 'cipherSuites' | 'compressionMethods' | 'extensions'
> {
  const find = (type: number): Buffer | undefined => extensions.find((e) => e.type === type)?.data;
  const out: {
    serverName?: string;
    supportedVersions?: number[];
    supportedGroups?: number[];
    signatureAlgorithms?: number[];
    keyShares?: OfferedKeyShare[];
    alpn?: string[];
    ecPointFormats?: number[];
  } = {};
  const sni = find(extensionTypes.serverName);
  if (sni !== undefined && sni.length > 0) {
    const list = new Reader(new Reader(sni).vector16());
    while (list.remaining > 0) {
      const kind = list.u8();
      const name = list.vector16();
      if (kind === 0 && out.serverName === undefined) out.serverName = name.toString('latin1');
    }
  }
  const versions = find(extensionTypes.supportedVersions);
  if (versions !== undefined) out.supportedVersions = u16List(new Reader(versions).vector8());
  const groups = find(extensionTypes.supportedGroups);
  if (groups !== undefined) out.supportedGroups = u16List(new Reader(groups).vector16());
  const sigalgs = find(extensionTypes.signatureAlgorithms);
  if (sigalgs !== undefined) out.signatureAlgorithms = u16List(new Reader(sigalgs).vector16());
  const shares = find(extensionTypes.keyShare);
  if (shares !== undefined) {
    const list = new Reader(new Reader(shares).vector16());
    out.keyShares = [];
    while (list.remaining > 0) out.keyShares.push({ group: list.u16(), key: list.vector16() });
  }
  const alpn = find(extensionTypes.alpn);
  if (alpn !== undefined) {
    const list = new Reader(new Reader(alpn).vector16());
    out.alpn = [];
    while (list.remaining > 0) out.alpn.push(list.vector8().toString('latin1'));
  }
  const points = find(extensionTypes.ecPointFormats);
  if (points !== undefined) out.ecPointFormats = [...new Reader(points).vector8()];
  return {
    ...out,
    statusRequest: find(extensionTypes.statusRequest) !== undefined,
    extendedMasterSecret: find(extensionTypes.extendedMasterSecret) !== undefined,
    renegotiationInfo: find(extensionTypes.renegotiationInfo) !== undefined,
    sessionTicket: find(extensionTypes.sessionTicket) !== undefined,
  };
}

/** Parses the body of a ClientHello handshake message (after the 4-byte handshake header). */
export function parseClientHelloBody(body: Buffer, recordVersion: number): ParsedClientHello {
  const reader = new Reader(body);
  const legacyVersion = reader.u16();
  const random = Buffer.from(reader.take(32));
  const sessionId = Buffer.from(reader.vector8());
  if (sessionId.length > 32) throw new TlsDecodeError('session id longer than 32 bytes');
  const cipherSuites = u16List(reader.vector16());
  const compressionMethods = [...reader.vector8()];
  const extensions: RawExtension[] = [];
  if (reader.remaining > 0) {
    const block = new Reader(reader.vector16());
    while (block.remaining > 0) extensions.push({ type: block.u16(), data: Buffer.from(block.vector16()) });
  }
  return {
    format: 'tls',
    recordVersion,
    legacyVersion,
    random,
    sessionId,
    cipherSuites,
    compressionMethods,
    extensions,
    ...decodeExtensions(extensions),
  };
}

/** Parses an SSLv2-compatible ClientHello message (after its 2-byte record header). */
export function parseSslv2ClientHello(message: Buffer): ParsedClientHello {
  const reader = new Reader(message);
  if (reader.u8() !== 1) throw new TlsDecodeError('SSLv2 record is not a CLIENT-HELLO');
  const legacyVersion = reader.u16();
  const specLength = reader.u16();
  const sessionLength = reader.u16();
  const challengeLength = reader.u16();
  if (specLength % 3 !== 0) throw new TlsDecodeError('SSLv2 cipher specs are not a multiple of 3 bytes');
  const specs = reader.take(specLength);
  const sessionId = Buffer.from(reader.take(sessionLength));
  const challenge = reader.take(challengeLength);
  const cipherSuites: number[] = [];
  // Specs with a zero first byte are TLS suites; the others are SSLv2 kinds the lab never serves.
  for (let i = 0; i < specs.length; i += 3) if (specs[i] === 0) cipherSuites.push(specs.readUInt16BE(i + 1));
  const random = Buffer.alloc(32);
  challenge.subarray(-32).copy(random, 32 - Math.min(32, challenge.length));
  return {
    format: 'sslv2',
    recordVersion: 0x0002,
    legacyVersion,
    random,
    sessionId,
    cipherSuites,
    compressionMethods: [0],
    extensions: [],
    statusRequest: false,
    extendedMasterSecret: false,
    renegotiationInfo: false,
    sessionTicket: false,
  };
}

/** The outcome of trying to read a ClientHello from the bytes received so far. */
export type ClientHelloRead =
  | { readonly kind: 'need-more' }
  | { readonly kind: 'hello'; readonly hello: ParsedClientHello; readonly consumed: number }
  | { readonly kind: 'other-record'; readonly contentType: number; readonly consumed: number }
  | { readonly kind: 'error'; readonly reason: string; readonly alert: number };

/** The largest TLSPlaintext fragment (RFC 8446 §5.1). */
const maxFragment = 16_384;

/**
 * Reads one ClientHello from the start of `bytes`: either an SSLv2-compatible hello or a
 * handshake message spread over one or more handshake records. Records of another type before
 * it (a ChangeCipherSpec after a HelloRetryRequest) are reported so the caller can skip them.
 * Never reads more than `maxBytes`.
 */
export function readClientHello(bytes: Buffer, maxBytes: number): ClientHelloRead {
  if (bytes.length === 0) return { kind: 'need-more' };
  const first = bytes[0] as number;
  if (first & 0x80 && bytes.length >= 3 && bytes[2] === 1) {
    const length = ((first & 0x7f) << 8) | (bytes[1] as number);
    if (bytes.length < 2 + length) return bytes.length >= maxBytes ? tooLong() : { kind: 'need-more' };
    try {
      return { kind: 'hello', hello: parseSslv2ClientHello(bytes.subarray(2, 2 + length)), consumed: 2 + length };
    } catch (error) {
      return decodeFailure(error);
    }
  }
  if (first & 0x80) return bytes.length < 3 ? { kind: 'need-more' } : { kind: 'error', reason: 'not a TLS record', alert: 10 };
  let offset = 0;
  const fragments: Buffer[] = [];
  let recordVersion = 0;
  for (;;) {
    if (bytes.length < offset + 5) return bytes.length >= maxBytes ? tooLong() : { kind: 'need-more' };
    const type = bytes[offset] as number;
    const version = bytes.readUInt16BE(offset + 1);
    const length = bytes.readUInt16BE(offset + 3);
    if (type < 20 || type > 24 || (version >> 8 !== 3 && version >> 8 !== 0)) {
      return { kind: 'error', reason: 'not a TLS record', alert: 10 };
    }
    if (length > maxFragment + 2048) return { kind: 'error', reason: `record length ${length} exceeds the limit`, alert: 22 };
    if (bytes.length < offset + 5 + length) return offset + 5 + length > maxBytes ? tooLong() : { kind: 'need-more' };
    if (type !== contentTypes.handshake) {
      if (fragments.length > 0) return { kind: 'error', reason: 'handshake message interleaved with another record', alert: 10 };
      return { kind: 'other-record', contentType: type, consumed: offset + 5 + length };
    }
    if (fragments.length === 0) recordVersion = version;
    fragments.push(bytes.subarray(offset + 5, offset + 5 + length));
    offset += 5 + length;
    const message = Buffer.concat(fragments);
    if (message.length < 4) continue;
    if (message[0] !== handshakeTypes.clientHello)
      return { kind: 'error', reason: `handshake type ${message[0]} is not a ClientHello`, alert: 10 };
    const bodyLength = message.readUIntBE(1, 3);
    if (bodyLength + 4 > maxBytes) return tooLong();
    if (message.length < 4 + bodyLength) continue;
    if (message.length > 4 + bodyLength) return { kind: 'error', reason: 'data after the ClientHello in its record', alert: 10 };
    try {
      return { kind: 'hello', hello: parseClientHelloBody(message.subarray(4), recordVersion), consumed: offset };
    } catch (error) {
      return decodeFailure(error);
    }
  }
}

function tooLong(): ClientHelloRead {
  return { kind: 'error', reason: 'ClientHello exceeds the size limit', alert: 50 };
}

function decodeFailure(error: unknown): ClientHelloRead {
  return { kind: 'error', reason: error instanceof Error ? error.message : String(error), alert: 50 };
}

// --- writing ---

function u16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value);
  return out;
}

function u24(value: number): Buffer {
  const out = Buffer.alloc(3);
  out.writeUIntBE(value, 0, 3);
  return out;
}

/** A vector with a 1-, 2- or 3-byte length prefix. */
export function vector(lengthBytes: 1 | 2 | 3, content: Uint8Array): Buffer {
  const prefix = lengthBytes === 1 ? Buffer.from([content.length]) : lengthBytes === 2 ? u16(content.length) : u24(content.length);
  return Buffer.concat([prefix, content]);
}

/** TLS records of one content type, the content split into fragments of at most 2^14 bytes. */
export function records(contentType: number, version: number, content: Uint8Array): Buffer {
  const out: Buffer[] = [];
  for (let offset = 0; offset < content.length || offset === 0; offset += maxFragment) {
    const fragment = content.subarray(offset, offset + maxFragment);
    out.push(Buffer.concat([Buffer.from([contentType]), u16(version), u16(fragment.length), fragment]));
    if (content.length === 0) break;
  }
  return Buffer.concat(out);
}

/** An alert record. */
export function alertRecord(version: number, description: number, level: 1 | 2 = 2): Buffer {
  return records(contentTypes.alert, version, Buffer.from([level, description]));
}

/** A handshake message: type, 24-bit length, body. */
export function handshakeMessage(type: number, body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([type]), u24(body.length), body]);
}

/** An extension: code, 16-bit length, data. */
export function extension(type: number, data: Uint8Array = Buffer.alloc(0)): Buffer {
  return Buffer.concat([u16(type), vector(2, data)]);
}

/** What goes into a ServerHello. */
export interface ServerHelloFields {
  /** server_version / legacy_version. */
  readonly version: number;
  /** server random, 32 bytes. */
  readonly random: Buffer;
  /** The session id to echo or assign. */
  readonly sessionId: Buffer;
  /** The chosen suite. */
  readonly cipherSuite: number;
  /** The chosen compression method. */
  readonly compressionMethod: number;
  /** Encoded extensions; `undefined` leaves the extensions block out entirely (SSLv3 style). */
  readonly extensions?: readonly Buffer[];
}

/** A ServerHello (or HelloRetryRequest) handshake message. */
export function serverHello(fields: ServerHelloFields): Buffer {
  const parts = [
    u16(fields.version),
    fields.random,
    vector(1, fields.sessionId),
    u16(fields.cipherSuite),
    Buffer.from([fields.compressionMethod]),
  ];
  if (fields.extensions !== undefined) parts.push(vector(2, Buffer.concat(fields.extensions)));
  return handshakeMessage(handshakeTypes.serverHello, Buffer.concat(parts));
}

/** The fixed random that marks a ServerHello as a HelloRetryRequest: SHA-256 of "HelloRetryRequest" (RFC 8446 §4.1.3). */
export const helloRetryRequestRandom = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

/** A TLS ≤ 1.2 Certificate message with the given DER certificates, leaf first. */
export function certificateMessage(certificates: readonly Uint8Array[]): Buffer {
  return handshakeMessage(handshakeTypes.certificate, vector(3, Buffer.concat(certificates.map((c) => vector(3, c)))));
}

/** A CertificateStatus message carrying an OCSP response (RFC 6066 §8). */
export function certificateStatusMessage(ocspResponse: Uint8Array): Buffer {
  return handshakeMessage(handshakeTypes.certificateStatus, Buffer.concat([Buffer.from([1]), vector(3, ocspResponse)]));
}

/** An empty ServerHelloDone. */
export function serverHelloDone(): Buffer {
  return handshakeMessage(handshakeTypes.serverHelloDone, Buffer.alloc(0));
}

/** ServerECDHParams for a named curve (RFC 8422 §5.4): the part of a ServerKeyExchange that is signed. */
export function ecdheParams(group: number, publicKey: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([3]), u16(group), vector(1, publicKey)]);
}

/** ServerDHParams (RFC 5246 §7.4.3): prime, generator and the server's public value. */
export function dheParams(prime: Uint8Array, generator: Uint8Array, publicValue: Uint8Array): Buffer {
  return Buffer.concat([vector(2, prime), vector(2, generator), vector(2, publicValue)]);
}
