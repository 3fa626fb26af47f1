/**
 * ClientHellos built by hand, so that the scanner can offer what no TLS library offers any more
 * (SSLv3, RC4, EXPORT, DEFLATE, CAMELLIA-GCM, PQ groups ...) and read what the server picks.
 * The scanner never completes a handshake with these hellos: it reads the server's plaintext
 * answer and closes.
 */
import { isIP } from 'node:net';
import type { TlsVersion } from '../types.js';
import { ByteWriter, build, uint16List } from '../../util/bytes.js';
import { ContentType, ExtensionType, HandshakeType, RENEGOTIATION_SCSV, sslv2CipherKinds, versionCode } from './constants.js';

/**
 * `full`: every extension a modern client sends, plus DEFLATE and padding.
 * `minimal`: only what the version needs, for servers intolerant of uncommon extensions
 * (secure renegotiation is then signalled with the SCSV).
 */
export type HelloProfile = 'full' | 'minimal';

/** A key share to put in a TLS 1.3 hello. */
export interface KeyShareEntry {
  /** The named group. */
  readonly group: number;
  /** The public key in the group's wire format. */
  readonly publicKey: Uint8Array;
}

/** A resumption offer (RFC 8446 §4.2.11): one ticket, its binder written as zeros until {@link bindPsk} fills it in. */
export interface PskOffer {
  /** The ticket, as the server sent it. */
  readonly identity: Uint8Array;
  /** The ticket's age in milliseconds plus the server's ticket_age_add, modulo 2^32. */
  readonly obfuscatedAge: number;
  /** The binder length: the hash length of the ticket's suite. */
  readonly binderLength: number;
}

/** What a ClientHello offers. */
export interface ClientHelloSpec {
  /** The highest version offered (TLS 1.3 is offered through supported_versions only). */
  readonly version: Exclude<TlsVersion, 'SSLv2'>;
  /** The cipher suites, in preference order. */
  readonly suites: readonly number[];
  /** The host name for SNI; omitted when it is an IP address or empty. */
  readonly serverName?: string;
  /** supported_groups, in preference order. */
  readonly groups: readonly number[];
  /** signature_algorithms (TLS 1.2 and 1.3 only). */
  readonly signatureSchemes: readonly number[];
  /** TLS 1.3 key shares; an empty list asks the server for a HelloRetryRequest naming its group. */
  readonly keyShares?: readonly KeyShareEntry[];
  /** Offer DEFLATE besides no compression (TLS ≤ 1.2 only; TLS 1.3 forbids it). */
  readonly deflate?: boolean;
  /** Which extensions to send. */
  readonly profile: HelloProfile;
  /** The 32-byte client random. */
  readonly random: Uint8Array;
  /** The legacy session id (TLS 1.3 middlebox compatibility); empty when absent. */
  readonly sessionId?: Uint8Array;
  /** ALPN protocol names to offer, in preference order. */
  readonly alpn?: readonly string[];
  /** TLS 1.3 only: resume with this ticket (pre_shared_key, always the last extension). */
  readonly psk?: PskOffer;
  /** TLS 1.3 only, with `psk`: announce early data (the early_data extension). */
  readonly earlyData?: boolean;
}

/** Lengths whose hellos some servers choke on (testssl.sh's observation: ≡ 10 or 14 mod 256). */
function awkwardLength(length: number): boolean {
  const rest = length % 256;
  return rest === 10 || rest === 14;
}

function extension(type: number, body: Uint8Array): Uint8Array {
  return build((w) => w.uint(type, 2).vector(body, 2));
}

/** An extension whose body is one vector (a list with its length prefix). */
function listExtension(type: number, list: Uint8Array, lengthSize: 1 | 2): Uint8Array {
  return extension(
    type,
    build((w) => w.vector(list, lengthSize)),
  );
}

function serverNameExtension(name: string): Uint8Array {
  const host = Buffer.from(name, 'ascii');
  return listExtension(
    ExtensionType.serverName,
    build((w) => w.uint(0, 1).vector(host, 2)),
    2,
  );
}

function alpnExtension(protocols: readonly string[]): Uint8Array {
  const names = build((w) => {
    for (const protocol of protocols) w.vector(Buffer.from(protocol, 'ascii'), 1);
  });
  return listExtension(ExtensionType.alpn, names, 2);
}

function keyShareExtension(shares: readonly KeyShareEntry[]): Uint8Array {
  const entries = build((w) => {
    for (const share of shares) w.uint(share.group, 2).vector(share.publicKey, 2);
  });
  return listExtension(ExtensionType.keyShare, entries, 2);
}

/** pre_shared_key with one identity and a zero binder of the right length. */
function pskExtension(psk: PskOffer): Uint8Array {
  const identities = build((w) => w.vector(psk.identity, 2).uint(psk.obfuscatedAge >>> 0, 4));
  const binders = build((w) => w.vector(new Uint8Array(psk.binderLength), 1));
  return extension(
    ExtensionType.preSharedKey,
    build((w) => w.vector(identities, 2).vector(binders, 2)),
  );
}

/** The name to send as SNI: a DNS name without trailing dot; IP addresses are never sent (RFC 6066 §3). */
export function sniName(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name === '' || isIP(name) !== 0 || name.length > 253) return undefined;
  // Only what a DNS A-label may hold; anything else would make a hello some servers reject.
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) return undefined;
  return name;
}

/** The extensions of a hello, in the order sent, without padding and pre_shared_key. */
function helloExtensions(spec: ClientHelloSpec): Uint8Array[] {
  const tls13 = spec.version === 'TLSv1.3';
  const full = spec.profile === 'full';
  const extensions: Uint8Array[] = [];
  const name = sniName(spec.serverName);
  if (name !== undefined) extensions.push(serverNameExtension(name));
  extensions.push(listExtension(ExtensionType.ecPointFormats, Uint8Array.from([0]), 1));
  extensions.push(listExtension(ExtensionType.supportedGroups, uint16List(spec.groups), 2));
  if (full) extensions.push(extension(ExtensionType.sessionTicket, new Uint8Array(0)));
  extensions.push(extension(ExtensionType.extendedMasterSecret, new Uint8Array(0)));
  // RFC 5246 §7.4.1.4.1: not meaningful before TLS 1.2, and clients offering only older versions must not send it.
  if (spec.version === 'TLSv1.2' || tls13) {
    extensions.push(listExtension(ExtensionType.signatureAlgorithms, uint16List(spec.signatureSchemes), 2));
  }
  if (full) {
    // status_request: OCSP, no responder ids, no request extensions.
    extensions.push(extension(ExtensionType.statusRequest, Uint8Array.from([1, 0, 0, 0, 0])));
    if (!tls13) extensions.push(extension(ExtensionType.renegotiationInfo, Uint8Array.from([0])));
  }
  if (spec.alpn !== undefined && spec.alpn.length > 0) extensions.push(alpnExtension(spec.alpn));
  if (tls13) {
    extensions.push(listExtension(ExtensionType.supportedVersions, uint16List([versionCode['TLSv1.3']]), 1));
    extensions.push(listExtension(ExtensionType.pskKeyExchangeModes, Uint8Array.from([1]), 1));
    extensions.push(keyShareExtension(spec.keyShares ?? []));
    if (spec.psk !== undefined && spec.earlyData === true) extensions.push(extension(ExtensionType.earlyData, new Uint8Array(0)));
  }
  return extensions;
}

/**
 * Builds a ClientHello record. Hellos whose handshake message would be 256–511 bytes long are
 * padded to 512 (RFC 7685's F5 case), and lengths that some servers mishandle are nudged, in the
 * `full` profile. Never more than one record: the caller keeps suite lists short. With a
 * {@link PskOffer} the binder is zeros: {@link bindPsk} computes it.
 */
export function buildClientHello(spec: ClientHelloSpec): Uint8Array {
  const tls13 = spec.version === 'TLSv1.3';
  const legacyVersion = tls13 ? versionCode['TLSv1.2'] : versionCode[spec.version];
  const full = spec.profile === 'full';
  const ssl3 = spec.version === 'SSLv3';

  const suites = [...spec.suites];
  // The SCSV stands in for the extension where extensions are not sent.
  if (!tls13 && (ssl3 || !full)) suites.push(RENEGOTIATION_SCSV);
  const compression = !tls13 && spec.deflate === true ? Uint8Array.from([1, 0]) : Uint8Array.from([0]);
  const extensions = ssl3 ? [] : helloExtensions(spec);
  // pre_shared_key must be the last extension (RFC 8446 §4.2.11), after any padding.
  const psk = tls13 && spec.psk !== undefined ? pskExtension(spec.psk) : undefined;

  const sessionId = spec.sessionId ?? new Uint8Array(0);
  const body = (padding: Uint8Array | undefined): Uint8Array =>
    build((w) => {
      w.uint(legacyVersion, 2).bytes(spec.random).vector(sessionId, 1).vector(uint16List(suites), 2).vector(compression, 1);
      if (!ssl3) {
        const all = new ByteWriter();
        for (const e of extensions) all.bytes(e);
        if (padding !== undefined) all.bytes(extension(ExtensionType.padding, padding));
        if (psk !== undefined) all.bytes(psk);
        w.vector(all.toBytes(), 2);
      }
    });

  let hello = body(undefined);
  if (full && !ssl3) {
    // Handshake message length = body + 4-byte header.
    const length = hello.length + 4;
    if (length >= 256 && length < 512) hello = body(new Uint8Array(Math.max(0, 512 - length - 4)));
    else if (awkwardLength(length)) hello = body(new Uint8Array(1));
  }
  const handshake = build((w) => w.uint(HandshakeType.clientHello, 1).vector(hello, 3));
  // Record version 0x0301 for TLS hellos: what browsers send, and what old servers expect.
  const recordVersion = ssl3 ? versionCode.SSLv3 : versionCode['TLSv1.0'];
  return build((w) => w.uint(ContentType.handshake, 1).uint(recordVersion, 2).vector(handshake, 2));
}

/** The handshake message inside a ClientHello record from {@link buildClientHello}: what enters the transcript. */
export function helloMessage(record: Uint8Array): Uint8Array {
  return record.subarray(5);
}

/**
 * Fills in the PSK binder of a hello built with a {@link PskOffer}. The binder covers the
 * handshake message up to the binders list (RFC 8446 §4.2.11.2); `binder` computes it from those
 * bytes and must return `binderLength` bytes. Returns a new record.
 */
export function bindPsk(record: Uint8Array, binderLength: number, binder: (partialHello: Uint8Array) => Uint8Array): Uint8Array {
  // The binders list, last in the hello: a 2-byte list length, a 1-byte binder length, the binder.
  const partial = helloMessage(record).subarray(0, record.length - 5 - (2 + 1 + binderLength));
  const value = binder(partial);
  if (value.length !== binderLength) throw new RangeError(`a binder of ${value.length} bytes, not ${binderLength}`);
  const out = Uint8Array.from(record);
  out.set(value, out.length - binderLength);
  return out;
}

/**
 * Builds an SSL 2.0 CLIENT-HELLO (2-byte record header), offering every SSLv2 cipher kind.
 * A server that speaks SSLv2 answers with a SERVER-HELLO; any other answer means it does not.
 */
export function buildSslv2ClientHello(challenge: Uint8Array): Uint8Array {
  const specs = build((w) => {
    for (const kind of sslv2CipherKinds) w.uint(kind, 3);
  });
  const message = build((w) =>
    w
      .uint(1, 1) // MSG-CLIENT-HELLO
      .uint(0x0002, 2) // version SSL 2.0
      .uint(specs.length, 2)
      .uint(0, 2) // no session id
      .uint(challenge.length, 2)
      .bytes(specs)
      .bytes(challenge),
  );
  return build((w) => w.uint(0x8000 | message.length, 2).bytes(message));
}
