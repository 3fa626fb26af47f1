/**
 * Test-side TLS bytes: a ClientHello parser (to check what the scanner sends) and builders for
 * server messages (ServerHello, Certificate, ServerKeyExchange, CertificateStatus,
 * ServerHelloDone, alerts, records) that the parser tests feed the scanner. Test code only.
 */
import { ByteReader, build, uint16List } from '../../../util/bytes.js';
import { decodeError } from '../decode-error.js';
import { ExtensionType, helloRetryRandom } from '../constants.js';

/** A parsed ClientHello. */
export interface ParsedClientHello {
  /** The record's version field. */
  readonly recordVersion: number;
  /** legacy_version. */
  readonly version: number;
  /** The handshake message length (body + 4). */
  readonly messageLength: number;
  /** Session id. */
  readonly sessionId: Uint8Array;
  /** Suites offered. */
  readonly suites: number[];
  /** Compression methods. */
  readonly compression: number[];
  /** Extensions by code, in order. */
  readonly extensions: Map<number, Uint8Array>;
  /** SNI host name. */
  readonly serverName?: string;
  /** supported_versions. */
  readonly supportedVersions?: number[];
  /** supported_groups. */
  readonly groups?: number[];
  /** signature_algorithms. */
  readonly signatureSchemes?: number[];
  /** key_share groups. */
  readonly keyShareGroups?: number[];
}

function list16(data: Uint8Array, lengthSize: 1 | 2): number[] {
  const r = new ByteReader(data, decodeError);
  const inner = new ByteReader(r.vector(lengthSize), decodeError);
  const out: number[] = [];
  while (inner.remaining > 0) out.push(inner.uint(2));
  return out;
}

/** Parses a ClientHello record (one record). */
export function parseClientHelloRecord(record: Uint8Array): ParsedClientHello {
  const r = new ByteReader(record, decodeError);
  if (r.uint(1) !== 22) throw new Error('not a handshake record');
  const recordVersion = r.uint(2);
  const payload = new ByteReader(r.vector(2), decodeError);
  if (payload.uint(1) !== 1) throw new Error('not a ClientHello');
  const body = payload.vector(3);
  const h = new ByteReader(body, decodeError);
  const version = h.uint(2);
  h.bytesOf(32);
  const sessionId = h.vector(1);
  const suites: number[] = [];
  const suiteBytes = new ByteReader(h.vector(2), decodeError);
  while (suiteBytes.remaining > 0) suites.push(suiteBytes.uint(2));
  const compression = [...h.vector(1)];
  const extensions = new Map<number, Uint8Array>();
  if (h.remaining > 0) {
    const block = new ByteReader(h.vector(2), decodeError);
    while (block.remaining > 0) {
      const type = block.uint(2);
      extensions.set(type, block.vector(2));
    }
  }
  const sni = extensions.get(ExtensionType.serverName);
  let serverName: string | undefined;
  if (sni !== undefined) {
    const s = new ByteReader(new ByteReader(sni, decodeError).vector(2), decodeError);
    s.uint(1);
    serverName = Buffer.from(s.vector(2)).toString('ascii');
  }
  const sv = extensions.get(ExtensionType.supportedVersions);
  const groups = extensions.get(ExtensionType.supportedGroups);
  const sigs = extensions.get(ExtensionType.signatureAlgorithms);
  const ks = extensions.get(ExtensionType.keyShare);
  let keyShareGroups: number[] | undefined;
  if (ks !== undefined) {
    keyShareGroups = [];
    const k = new ByteReader(new ByteReader(ks, decodeError).vector(2), decodeError);
    while (k.remaining > 0) {
      keyShareGroups.push(k.uint(2));
      k.vector(2);
    }
  }
  return {
    recordVersion,
    version,
    messageLength: body.length + 4,
    sessionId,
    suites,
    compression,
    extensions,
    ...(serverName === undefined ? {} : { serverName }),
    ...(sv === undefined ? {} : { supportedVersions: list16(sv, 1) }),
    ...(groups === undefined ? {} : { groups: list16(groups, 2) }),
    ...(sigs === undefined ? {} : { signatureSchemes: list16(sigs, 2) }),
    ...(keyShareGroups === undefined ? {} : { keyShareGroups }),
  };
}

/** A TLS record. */
export function record(type: number, payload: Uint8Array, version = 0x0303): Buffer {
  return Buffer.from(build((w) => w.uint(type, 1).uint(version, 2).vector(payload, 2)));
}

/** A handshake message. */
export function handshake(type: number, body: Uint8Array): Uint8Array {
  return build((w) => w.uint(type, 1).vector(body, 3));
}

/** An alert record. */
export function alertRecord(description: number, level = 2): Buffer {
  return record(21, Uint8Array.from([level, description]));
}

/** Options for {@link serverHello}. */
export interface ServerHelloOptions {
  /** legacy_version. */
  readonly version: number;
  /** Chosen suite. */
  readonly suite: number;
  /** Compression method. */
  readonly compression?: number;
  /** Include renegotiation_info. */
  readonly renegotiationInfo?: boolean;
  /** Include extended_master_secret. */
  readonly ems?: boolean;
  /** Include status_request. */
  readonly statusRequest?: boolean;
  /** supported_versions (TLS 1.3). */
  readonly supportedVersion?: number;
  /** key_share group (with a dummy 32-byte key unless HRR). */
  readonly keyShareGroup?: number;
  /** Make it a HelloRetryRequest. */
  readonly helloRetry?: boolean;
  /** No extensions block at all. */
  readonly noExtensions?: boolean;
  /** Extra raw extensions. */
  readonly extra?: readonly { type: number; data: Uint8Array }[];
}

/** A ServerHello handshake message. */
export function serverHello(o: ServerHelloOptions): Uint8Array {
  const extensions = build((w) => {
    if (o.renegotiationInfo === true) w.uint(ExtensionType.renegotiationInfo, 2).vector(Uint8Array.from([0]), 2);
    if (o.ems === true) w.uint(ExtensionType.extendedMasterSecret, 2).uint(0, 2);
    if (o.statusRequest === true) w.uint(ExtensionType.statusRequest, 2).uint(0, 2);
    if (o.supportedVersion !== undefined) w.uint(ExtensionType.supportedVersions, 2).uint(2, 2).uint(o.supportedVersion, 2);
    if (o.keyShareGroup !== undefined) {
      const share =
        o.helloRetry === true
          ? uint16List([o.keyShareGroup])
          : build((s) => s.uint(o.keyShareGroup ?? 0, 2).vector(new Uint8Array(32).fill(9), 2));
      w.uint(ExtensionType.keyShare, 2).vector(share, 2);
    }
    for (const e of o.extra ?? []) w.uint(e.type, 2).vector(e.data, 2);
  });
  const body = build((w) => {
    w.uint(o.version, 2)
      .bytes(o.helloRetry === true ? helloRetryRandom() : new Uint8Array(32).fill(7))
      .vector(new Uint8Array(0), 1)
      .uint(o.suite, 2)
      .uint(o.compression ?? 0, 1);
    if (o.noExtensions !== true) w.vector(extensions, 2);
  });
  return handshake(2, body);
}

/** A Certificate message (TLS ≤ 1.2). */
export function certificateMessage(ders: readonly Uint8Array[]): Uint8Array {
  const list = build((w) => {
    for (const der of ders) w.vector(der, 3);
  });
  return handshake(
    11,
    build((w) => w.vector(list, 3)),
  );
}

/** An ECDHE ServerKeyExchange with a dummy point and signature. */
export function ecdheKeyExchange(group: number, scheme: number | undefined): Uint8Array {
  return handshake(
    12,
    build((w) => {
      w.uint(3, 1).uint(group, 2).vector(new Uint8Array(65).fill(4), 1);
      if (scheme !== undefined) w.uint(scheme, 2).vector(new Uint8Array(64).fill(1), 2);
    }),
  );
}

/** A DHE ServerKeyExchange with the given prime and generator. */
export function dheKeyExchange(prime: Uint8Array, generator: Uint8Array, scheme: number | undefined): Uint8Array {
  return handshake(
    12,
    build((w) => {
      w.vector(prime, 2).vector(generator, 2).vector(new Uint8Array(prime.length).fill(3), 2);
      if (scheme !== undefined) w.uint(scheme, 2).vector(new Uint8Array(64).fill(1), 2);
    }),
  );
}

/** A CertificateStatus message with an OCSP response. */
export function certificateStatus(response: Uint8Array): Uint8Array {
  return handshake(
    22,
    build((w) => w.uint(1, 1).vector(response, 3)),
  );
}

/** ServerHelloDone. */
export function serverHelloDone(): Uint8Array {
  return handshake(14, new Uint8Array(0));
}
