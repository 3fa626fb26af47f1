/**
 * Parsers for what a server sends in plaintext: ServerHello (and HelloRetryRequest), Certificate,
 * ServerKeyExchange, CertificateStatus, and the SSLv2 SERVER-HELLO. Each throws a
 * {@link DecodeError} on bytes that do not parse; nothing reads past its input.
 */
import { ByteReader, toHex } from '../../util/bytes.js';
import { DecodeError, decodeError } from './decode-error.js';
import { ExtensionType, isHelloRetryRandom } from './constants.js';

/** A parsed ServerHello or HelloRetryRequest. */
export interface ServerHello {
  /** legacy_version as sent. */
  readonly legacyVersion: number;
  /** The negotiated version: supported_versions when present, else legacy_version. */
  readonly version: number;
  /** Whether this is a HelloRetryRequest (TLS 1.3). */
  readonly helloRetry: boolean;
  /** The chosen cipher suite. */
  readonly suite: number;
  /** The chosen compression method (0 none, 1 DEFLATE). */
  readonly compression: number;
  /** Extension codes in the order sent. */
  readonly extensions: readonly number[];
  /** renegotiation_info was present (RFC 5746). */
  readonly secureRenegotiation: boolean;
  /** extended_master_secret was present (RFC 7627). */
  readonly extendedMasterSecret: boolean;
  /** status_request was acknowledged (a CertificateStatus will follow in TLS ≤ 1.2). */
  readonly statusRequest: boolean;
  /** The key_share group (ServerHello) or selected group (HelloRetryRequest), TLS 1.3. */
  readonly keyShareGroup?: number;
  /** The server's key_share public key (TLS 1.3 ServerHello). */
  readonly keyShare?: Uint8Array;
  /** The PSK identity the server selected (pre_shared_key, TLS 1.3 resumption). */
  readonly pskIdentity?: number;
}

/** Parses a ServerHello handshake body. */
export function parseServerHello(body: Uint8Array): ServerHello {
  const r = new ByteReader(body, decodeError);
  const legacyVersion = r.uint(2);
  const random = r.bytesOf(32);
  r.vector(1); // session id
  const suite = r.uint(2);
  const compression = r.uint(1);
  const helloRetry = isHelloRetryRandom(random);
  const extensions: number[] = [];
  let version = legacyVersion;
  let secureRenegotiation = false;
  let extendedMasterSecret = false;
  let statusRequest = false;
  let keyShareGroup: number | undefined;
  let keyShare: Uint8Array | undefined;
  let pskIdentity: number | undefined;
  // SSLv3 and some old TLS servers send no extensions block at all.
  if (r.remaining > 0) {
    const block = new ByteReader(r.vector(2), decodeError);
    r.end('ServerHello');
    while (block.remaining > 0) {
      const type = block.uint(2);
      const data = block.vector(2);
      if (extensions.includes(type)) throw new DecodeError(`extension ${type} appears twice in the ServerHello`);
      extensions.push(type);
      const e = new ByteReader(data, decodeError);
      switch (type) {
        case ExtensionType.renegotiationInfo:
          // An initial handshake carries an empty renegotiated_connection.
          e.vector(1);
          e.end('renegotiation_info');
          secureRenegotiation = true;
          break;
        case ExtensionType.extendedMasterSecret:
          extendedMasterSecret = true;
          break;
        case ExtensionType.statusRequest:
          statusRequest = true;
          break;
        case ExtensionType.supportedVersions:
          version = e.uint(2);
          e.end('supported_versions');
          break;
        case ExtensionType.keyShare:
          keyShareGroup = e.uint(2);
          if (!helloRetry) keyShare = e.vector(2);
          e.end('key_share');
          break;
        case ExtensionType.preSharedKey:
          pskIdentity = e.uint(2);
          e.end('pre_shared_key');
          break;
        default:
          break;
      }
    }
  }
  return {
    legacyVersion,
    version,
    helloRetry,
    suite,
    compression,
    extensions,
    secureRenegotiation,
    extendedMasterSecret,
    statusRequest,
    ...(keyShareGroup === undefined ? {} : { keyShareGroup }),
    ...(keyShare === undefined ? {} : { keyShare }),
    ...(pskIdentity === undefined ? {} : { pskIdentity }),
  };
}

/** Parses a TLS ≤ 1.2 Certificate message: the DER certificates in the order sent. */
export function parseCertificateList(body: Uint8Array, maxCertificates: number): Uint8Array[] {
  const r = new ByteReader(body, decodeError);
  const list = new ByteReader(r.vector(3), decodeError);
  r.end('Certificate');
  const out: Uint8Array[] = [];
  while (list.remaining > 0) {
    if (out.length >= maxCertificates) throw new DecodeError(`more than ${maxCertificates} certificates`);
    const der = list.vector(3);
    if (der.length === 0) throw new DecodeError('empty certificate');
    out.push(der);
  }
  return out;
}

/** Parses a CertificateStatus message (RFC 6066 §8): the OCSP response. */
export function parseCertificateStatus(body: Uint8Array): Uint8Array {
  const r = new ByteReader(body, decodeError);
  const type = r.uint(1);
  if (type !== 1) throw new DecodeError(`CertificateStatus of unknown type ${type}`);
  const response = r.vector(3);
  r.end('CertificateStatus');
  return response;
}

/** What a ServerKeyExchange revealed. */
export interface ServerKeyExchange {
  /** The kind of key exchange the message's structure shows. */
  readonly kind: 'ecdhe' | 'dhe' | 'rsa-export';
  /** The named curve, for ECDHE. */
  readonly group?: number;
  /** The DH prime and generator (lowercase hex) and the prime's size in bits, for DHE. */
  readonly dh?: { readonly primeHex: string; readonly generatorHex: string; readonly bits: number };
  /** The signature scheme (TLS 1.2 only). */
  readonly signatureScheme?: number;
  /** Whether the parameters were signed at all (anonymous suites are not). */
  readonly signed: boolean;
}

function bitLength(value: Uint8Array): number {
  let i = 0;
  while (i < value.length && value[i] === 0) i++;
  if (i === value.length) return 0;
  return (value.length - i - 1) * 8 + (32 - Math.clz32(value[i] as number));
}

function stripLeadingZeros(value: Uint8Array): Uint8Array {
  let i = 0;
  while (i < value.length - 1 && value[i] === 0) i++;
  return value.subarray(i);
}

/** Reads the signature after the parameters; false when there is none (anonymous). */
function readSignature(r: ByteReader, tls12: boolean): { signed: boolean; scheme?: number } {
  if (r.remaining === 0) return { signed: false };
  if (tls12) {
    const scheme = r.uint(2);
    r.vector(2);
    r.end('ServerKeyExchange signature');
    return { signed: true, scheme };
  }
  r.vector(2);
  r.end('ServerKeyExchange signature');
  return { signed: true };
}

type SkeAttempt = (body: Uint8Array, tls12: boolean) => ServerKeyExchange;

const ecdhe: SkeAttempt = (body, tls12) => {
  const r = new ByteReader(body, decodeError);
  const curveType = r.uint(1);
  if (curveType !== 3) throw new DecodeError(`curve type ${curveType} is not named_curve`);
  const group = r.uint(2);
  const point = r.vector(1);
  if (point.length === 0) throw new DecodeError('empty ECDH point');
  const signature = readSignature(r, tls12);
  return {
    kind: 'ecdhe',
    group,
    signed: signature.signed,
    ...(signature.scheme === undefined ? {} : { signatureScheme: signature.scheme }),
  };
};

const dhe: SkeAttempt = (body, tls12) => {
  const r = new ByteReader(body, decodeError);
  const p = r.vector(2);
  const g = r.vector(2);
  const ys = r.vector(2);
  if (p.length === 0 || g.length === 0 || ys.length === 0) throw new DecodeError('empty DH parameter');
  const signature = readSignature(r, tls12);
  const prime = stripLeadingZeros(p);
  return {
    kind: 'dhe',
    dh: { primeHex: toHex(prime), generatorHex: toHex(stripLeadingZeros(g)), bits: bitLength(prime) },
    signed: signature.signed,
    ...(signature.scheme === undefined ? {} : { signatureScheme: signature.scheme }),
  };
};

const rsaExport: SkeAttempt = (body, tls12) => {
  const r = new ByteReader(body, decodeError);
  const modulus = r.vector(2);
  const exponent = r.vector(2);
  if (modulus.length === 0 || exponent.length === 0) throw new DecodeError('empty RSA parameter');
  const signature = readSignature(r, tls12);
  if (!signature.signed) throw new DecodeError('unsigned RSA parameters');
  return { kind: 'rsa-export', signed: true, ...(signature.scheme === undefined ? {} : { signatureScheme: signature.scheme }) };
};

/** With a PSK identity hint in front (RFC 4279, RFC 5489): the same, after the hint. */
function afterHint(attempt: SkeAttempt): SkeAttempt {
  return (body, tls12) => {
    const r = new ByteReader(body, decodeError);
    r.vector(2);
    return attempt(r.rest(), tls12);
  };
}

/**
 * Parses a ServerKeyExchange without knowing the suite's key exchange: the message's structure
 * tells ECDHE (named curve), DHE (p, g, Ys) and RSA-EXPORT apart, with or without a PSK hint,
 * and an interpretation counts only when it consumes the message exactly. Returns `undefined`
 * for a structure none explains (SRP, GOST, PSK-only hints): not an error, just not a key
 * exchange the evidence describes.
 */
export function parseServerKeyExchange(body: Uint8Array, tls12: boolean): ServerKeyExchange | undefined {
  const attempts: SkeAttempt[] = [ecdhe, dhe, afterHint(ecdhe), afterHint(dhe), rsaExport];
  for (const attempt of attempts) {
    try {
      return attempt(body, tls12);
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
    }
  }
  return undefined;
}

/** A parsed SSLv2 SERVER-HELLO. */
export interface Sslv2ServerHello {
  /** The version the server named (2 for SSL 2.0). */
  readonly version: number;
  /** The SSLv2 cipher kinds the server offered (3-byte codes). */
  readonly cipherKinds: readonly number[];
}

/** Parses an SSLv2 SERVER-HELLO message (after the 2- or 3-byte record header). */
export function parseSslv2ServerHello(message: Uint8Array): Sslv2ServerHello {
  const r = new ByteReader(message, decodeError);
  const type = r.uint(1);
  if (type !== 4) throw new DecodeError(`SSLv2 message type ${type} is not SERVER-HELLO`);
  r.uint(1); // session id hit
  r.uint(1); // certificate type
  const version = r.uint(2);
  const certificateLength = r.uint(2);
  const specsLength = r.uint(2);
  const connectionIdLength = r.uint(2);
  r.bytesOf(certificateLength);
  if (specsLength % 3 !== 0) throw new DecodeError('SSLv2 cipher specs are not a multiple of 3 bytes');
  const specs = new ByteReader(r.bytesOf(specsLength), decodeError);
  r.bytesOf(connectionIdLength);
  const cipherKinds: number[] = [];
  while (specs.remaining > 0) cipherKinds.push(specs.uint(3));
  return { version, cipherKinds };
}
