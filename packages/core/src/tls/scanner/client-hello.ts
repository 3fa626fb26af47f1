/**
 * ClientHellos built by hand, so that the scanner can offer what no TLS library offers any more
 * (SSLv3, RC4, EXPORT, DEFLATE, CAMELLIA-GCM, PQ groups ...) and read what the server picks.
 * The scanner never completes a handshake with these hellos: it reads the server's plaintext
 * answer and closes.
 */
import { isIP } from 'node:net';
import type { TlsVersion } from '../types.js';
import { ByteWriter, build, uint16List } from './bytes.js';
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
  readonly key: Uint8Array;
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
}

/** Lengths whose hellos some servers choke on (testssl.sh's observation: ≡ 10 or 14 mod 256). */
function awkwardLength(length: number): boolean {
  const rest = length % 256;
  return rest === 10 || rest === 14;
}

function extension(type: number, body: Uint8Array): Uint8Array {
  return build((w) => w.uint(type, 2).vector(body, 2));
}

function serverNameExtension(name: string): Uint8Array {
  const host = Buffer.from(name, 'ascii');
  const entry = build((w) => w.uint(0, 1).vector(host, 2));
  return extension(
    ExtensionType.serverName,
    build((w) => w.vector(entry, 2)),
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

/**
 * Builds a ClientHello record. Hellos whose handshake message would be 256–511 bytes long are
 * padded to 512 (RFC 7685's F5 case), and lengths that some servers mishandle are nudged, in the
 * `full` profile. Never more than one record: the caller keeps suite lists short.
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

  const extensions: Uint8Array[] = [];
  if (!ssl3) {
    const name = sniName(spec.serverName);
    if (name !== undefined) extensions.push(serverNameExtension(name));
    extensions.push(
      extension(
        ExtensionType.ecPointFormats,
        build((w) => w.vector(Uint8Array.from([0]), 1)),
      ),
    );
    extensions.push(
      extension(
        ExtensionType.supportedGroups,
        build((w) => w.vector(uint16List(spec.groups), 2)),
      ),
    );
    if (full) extensions.push(extension(ExtensionType.sessionTicket, new Uint8Array(0)));
    extensions.push(extension(ExtensionType.extendedMasterSecret, new Uint8Array(0)));
    // RFC 5246 §7.4.1.4.1: not meaningful before TLS 1.2, and clients offering only older versions must not send it.
    if (spec.version === 'TLSv1.2' || tls13) {
      extensions.push(
        extension(
          ExtensionType.signatureAlgorithms,
          build((w) => w.vector(uint16List(spec.signatureSchemes), 2)),
        ),
      );
    }
    if (full) {
      // status_request: OCSP, no responder ids, no request extensions.
      extensions.push(extension(ExtensionType.statusRequest, Uint8Array.from([1, 0, 0, 0, 0])));
      if (!tls13) extensions.push(extension(ExtensionType.renegotiationInfo, Uint8Array.from([0])));
    }
    if (tls13) {
      extensions.push(
        extension(
          ExtensionType.supportedVersions,
          build((w) => w.vector(uint16List([versionCode['TLSv1.3']]), 1)),
        ),
      );
      extensions.push(
        extension(
          ExtensionType.pskKeyExchangeModes,
          build((w) => w.vector(Uint8Array.from([1]), 1)),
        ),
      );
      const shares = build((w) => {
        for (const share of spec.keyShares ?? []) w.uint(share.group, 2).vector(share.key, 2);
      });
      extensions.push(
        extension(
          ExtensionType.keyShare,
          build((w) => w.vector(shares, 2)),
        ),
      );
    }
  }

  const sessionId = spec.sessionId ?? new Uint8Array(0);
  const body = (padding: Uint8Array | undefined): Uint8Array =>
    build((w) => {
      w.uint(legacyVersion, 2).bytes(spec.random).vector(sessionId, 1).vector(uint16List(suites), 2).vector(compression, 1);
      if (!ssl3) {
        const all = new ByteWriter();
        for (const e of extensions) all.bytes(e);
        if (padding !== undefined) all.bytes(extension(ExtensionType.padding, padding));
        w.vector(all.finish(), 2);
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
