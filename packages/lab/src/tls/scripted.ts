/**
 * A scripted TLS server for what no TLS library will serve: SSLv3, RC4 and 3DES suites, DEFLATE,
 * a ServerHello without renegotiation_info or extended_master_secret, any ECDHE group or DH
 * prime, a ServerKeyExchange signed with SHA-1, HelloRetryRequests, alerts, garbage, truncated
 * and oversized records, resets and silence.
 *
 * It reads the ClientHello (bounded), decides as a real server would — highest common version,
 * first acceptable suite by server or client preference, a shared group and signature scheme —
 * and answers with real records up to ServerHelloDone (TLS ≤ 1.2) or the ServerHello (TLS 1.3).
 * Everything a scanner reads in plaintext is genuine, signatures included; the handshake itself
 * never completes, because nothing after the key exchange is implemented. That is all a raw
 * ClientHello scanner needs, and it makes enumeration against the server work.
 */
import { type KeyObject, constants, createECDH, createHash, createPrivateKey, privateEncrypt, randomBytes, sign } from 'node:crypto';
import { type Socket, createServer } from 'node:net';
import {
  namedGroups,
  tlsContentTypes as contentTypes,
  tlsExtensionTypes as extensionTypes,
  tlsHandshakeTypes as handshakeTypes,
  tlsVersionCodes,
} from '@pastoe/core';
import { certificatesFromPem } from '../pki/ca.js';
import { type LabListener, listenTracked, resetSocket } from '../net/listener.js';
import { type LabTlsVersion, alertCode, labTlsVersions, signallingSuites, suiteHandshake } from './codes.js';
import { type FfdheBits, type FfdheName, ffdhePrime } from './ffdhe.js';
import type { LabServedCertificate } from './server.js';
import {
  type ParsedClientHello,
  type RawExtension,
  alertRecord,
  certificateMessage,
  certificateStatusMessage,
  dheParams,
  ecdheParams,
  extension,
  handshakeMessage,
  helloRetryRequestRandom,
  readClientHello,
  records,
  serverHello,
  serverHelloDone,
  vector,
} from './wire.js';

/** How the scripted server negotiates when it does negotiate. */
export interface ScriptedTlsBehaviour {
  /** The versions it supports. */
  readonly versions: readonly LabTlsVersion[];
  /** The suites it accepts (IANA codes), in its order of preference; TLS 1.3 suites count for TLS 1.3 only. */
  readonly suites: readonly number[];
  /**
   * Per-version suite lists that replace `suites` for that version. Without one, suites only
   * TLS 1.2 can use (AEAD, SHA-2 MACs) are left out below TLS 1.2, as OpenSSL does.
   */
  readonly suitesByVersion?: Partial<Readonly<Record<LabTlsVersion, readonly number[]>>>;
  /** Whose order decides, for suites, groups and signature schemes; default `server`. */
  readonly preference?: 'server' | 'client';
  /** Certificate chains: an RSA one for RSA suites, an EC or Ed25519 one for ECDSA suites. */
  readonly certificates?: readonly LabServedCertificate[];
  /** Named groups (IANA codes) for ECDHE and TLS 1.3, in preference order; default X25519, P-256, P-384. */
  readonly groups?: readonly number[];
  /** DHE parameters: an RFC 7919 group or any prime and generator; default `ffdhe2048`. */
  readonly dh?: FfdheName | { readonly prime: Uint8Array; readonly generator: Uint8Array };
  /**
   * Signature schemes (IANA codes) for the TLS 1.2 ServerKeyExchange, in preference order.
   * Default by key: RSA-PSS then PKCS #1 with SHA-256/384/512 for RSA, ECDSA with SHA-2 for EC,
   * Ed25519. Add `0x0201` to sign with SHA-1 for clients that offer only SHA-1.
   */
  readonly signatureSchemes?: readonly number[];
  /**
   * Sign the ServerKeyExchange with this scheme whatever the client offered (a server that
   * ignores the client's signature_algorithms).
   */
  readonly forceSignatureScheme?: number;
  /** Accept DEFLATE compression when offered; default false. */
  readonly compression?: boolean;
  /** Answer renegotiation_info (RFC 5746); default true. */
  readonly secureRenegotiation?: boolean;
  /** Answer extended_master_secret (RFC 7627); default true. */
  readonly extendedMasterSecret?: boolean;
  /** Answer session_ticket; default true. */
  readonly sessionTickets?: boolean;
  /** An OCSP response to send in a CertificateStatus message when the client asks. */
  readonly ocspStaple?: Uint8Array;
  /** ALPN protocols it accepts, in preference order. */
  readonly alpn?: readonly string[];
  /** Refuse a client that signals a fallback (TLS_FALLBACK_SCSV) below the server's best; default true. */
  readonly fallbackScsv?: boolean;
  /** More extensions for every TLS ≤ 1.2 ServerHello. */
  readonly extraExtensions?: readonly RawExtension[];
  /** The alert for "no common suite, group or signature scheme"; default handshake_failure (40). */
  readonly noMatchAlert?: number;
  /** The alert for "no common version"; default protocol_version (70). */
  readonly versionAlert?: number;
  /**
   * What to do after answering: `wait` for the client to close (default; the connection is
   * dropped after `lingerMs`), `close` at once, or `reset`.
   */
  readonly afterResponse?: 'wait' | 'close' | 'reset';
}

/** What the server does with one ClientHello. */
export type ScriptedTlsAction =
  /** Negotiate per the behaviour, with some fields overridden for this connection. */
  | { readonly kind: 'negotiate'; readonly behaviour?: Partial<ScriptedTlsBehaviour> }
  /** Send one alert record, then close. */
  | { readonly kind: 'alert'; readonly description: number; readonly level?: 1 | 2; readonly recordVersion?: number }
  /** Send bytes that are not TLS (default: a plaintext HTTP error), then close. */
  | { readonly kind: 'garbage'; readonly bytes?: Uint8Array }
  /** Send the first half of a ServerHello record, then close. */
  | { readonly kind: 'truncated' }
  /** Send a handshake record header whose length (65 535) exceeds the limit, and some bytes, then close. */
  | { readonly kind: 'oversize' }
  /** Reset the connection. */
  | { readonly kind: 'reset' }
  /** Close the connection without a word. */
  | { readonly kind: 'close' }
  /** Say nothing and keep the connection open until the client or the server closes it. */
  | { readonly kind: 'silence' }
  /** Send a HelloRetryRequest naming this group (and the first TLS 1.3 suite it accepts), whatever the client offered. */
  | { readonly kind: 'hello-retry'; readonly group: number; readonly cipherSuite?: number }
  /** Send these bytes, then wait like `negotiate`. */
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

/** Facts about the connection a script function can use. */
export interface ScriptedTlsContext {
  /** The connection's number, from 1, counted over the server's life. */
  readonly connection: number;
  /** Whether this ClientHello follows a HelloRetryRequest on the same connection. */
  readonly afterRetry: boolean;
}

/** Options for {@link startScriptedTlsServer}. */
export interface ScriptedTlsServerOptions extends ScriptedTlsBehaviour {
  /** The loopback address to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** The port; default an ephemeral one. */
  readonly port?: number;
  /** What to do per ClientHello: an action, or a function choosing one. Default `negotiate`. */
  readonly action?: ScriptedTlsAction | ((hello: ParsedClientHello, context: ScriptedTlsContext) => ScriptedTlsAction);
  /** Bytes to send as soon as a client connects, before it says anything (a server that talks first). */
  readonly onConnect?: Uint8Array;
  /** The largest ClientHello read, in bytes; default 65 536. Larger ones get a decode_error alert. */
  readonly maxHelloBytes?: number;
  /** How long to wait for a ClientHello, in milliseconds; default 5 000. */
  readonly helloTimeoutMs?: number;
  /** How long to keep a connection open after answering, in milliseconds; default 5 000. */
  readonly lingerMs?: number;
  /** How many received ClientHellos to keep in {@link ScriptedTlsServer.received}; default 100. */
  readonly keepHellos?: number;
}

/** A running scripted TLS server. */
export interface ScriptedTlsServer extends LabListener {
  /** The most recent ClientHellos it received, oldest first. */
  readonly received: readonly ParsedClientHello[];
  /** Connections accepted so far. */
  readonly connections: number;
}

/** A chain ready for the wire: DER certificates and the key. */
interface WireChain {
  readonly der: readonly Buffer[];
  readonly key: KeyObject;
  readonly kind: 'rsa' | 'ec';
}

const defaultGroups = [29, 23, 24];

function toWireChain(served: LabServedCertificate): WireChain {
  const key = createPrivateKey(served.privateKeyPem);
  const type = key.asymmetricKeyType;
  return { der: certificatesFromPem(served.chainPem), key, kind: type === 'rsa' || type === 'rsa-pss' ? 'rsa' : 'ec' };
}

/** The versions a client offers: supported_versions when sent, else everything up to its legacy version. */
function offeredVersions(hello: ParsedClientHello): number[] {
  if (hello.supportedVersions !== undefined) return [...hello.supportedVersions];
  return labTlsVersions.map((v) => tlsVersionCodes[v]).filter((code) => code <= hello.legacyVersion);
}

/** Picks from `mine` and `theirs` by whose order counts. */
function pick<T>(
  mine: readonly T[],
  theirs: readonly T[],
  preference: 'server' | 'client',
  ok: (value: T) => boolean = () => true,
): T | undefined {
  const [first, second] = preference === 'server' ? [mine, theirs] : [theirs, mine];
  return first.find((value) => second.includes(value) && ok(value));
}

/**
 * The length of a server's key share for the ML-KEM hybrids (the classical share plus the KEM
 * ciphertext, draft-ietf-tls-ecdhe-mlkem): the lab cannot encapsulate, so random bytes of this
 * length stand in.
 */
const hybridShareLengths: ReadonlyMap<number, number> = new Map([
  [0x11eb, 65 + 1088],
  [0x11ec, 1088 + 32],
  [0x11ed, 97 + 1568],
]);

/** A public key for a group (the lab keeps no secrets: the handshake never gets that far). */
function publicKeyFor(group: number): Buffer {
  const info = namedGroups.get(group);
  if (info === undefined) return randomBytes(65);
  switch (info.kind) {
    case 'ec': {
      // The TLS 1.3 brainpool code points use the same curves as the TLS 1.2 ones.
      const curve = info.openssl ?? (info.name.endsWith('tls13') ? info.name.slice(0, -'tls13'.length) : undefined);
      return curve === undefined ? randomBytes(65) : createECDH(curve).generateKeys();
    }
    case 'ecx':
      // Every string of the length is an X25519 or X448 public value. Made without generateKeyPairSync, whose
      // export can deadlock Node 20 when a garbage collection finalises the key-generation job meanwhile.
      return randomBytes(info.name === 'x25519' ? 32 : 56);
    case 'ffdhe':
      return dhPublicValue(ffdhePrime(info.bits as FfdheBits), Buffer.from([2]));
    case 'hybrid':
      return randomBytes(hybridShareLengths.get(group) ?? 65);
  }
}

/** The hash and padding of a TLS 1.2 signature scheme, and which key kind it needs. */
function schemeSpec(scheme: number): { hash: string | null; key: 'rsa' | 'ec' | 'ed25519'; pss: boolean } | undefined {
  const hashes: Record<number, string> = { 1: 'md5', 2: 'sha1', 3: 'sha224', 4: 'sha256', 5: 'sha384', 6: 'sha512' };
  if (scheme === 0x0807 /* ed25519 */) return { hash: null, key: 'ed25519', pss: false };
  if (scheme >= 0x0804 && scheme <= 0x0806) return { hash: hashes[scheme - 0x0800] ?? 'sha256', key: 'rsa', pss: true };
  const hash = hashes[scheme >> 8];
  if (hash === undefined) return undefined;
  if ((scheme & 0xff) === 1) return { hash, key: 'rsa', pss: false };
  if ((scheme & 0xff) === 3) return { hash, key: 'ec', pss: false };
  return undefined;
}

function keyKind(key: KeyObject): 'rsa' | 'ec' | 'ed25519' | 'other' {
  const type = key.asymmetricKeyType;
  if (type === 'rsa' || type === 'rsa-pss') return 'rsa';
  if (type === 'ec') return 'ec';
  if (type === 'ed25519') return 'ed25519';
  return 'other';
}

/** The schemes a key can sign with, best first: the defaults when a script names none. */
function defaultSchemes(key: KeyObject): number[] {
  switch (keyKind(key)) {
    case 'rsa':
      return [0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601];
    case 'ec':
      return [0x0403, 0x0503, 0x0603];
    case 'ed25519':
      return [0x0807];
    default:
      return [];
  }
}

/** Signs with a TLS 1.2 scheme; random bytes when the scheme does not fit the key (a deliberately bad server). */
function signWithScheme(scheme: number, data: Buffer, key: KeyObject): Buffer {
  const spec = schemeSpec(scheme);
  if (spec === undefined || spec.key !== keyKind(key)) return randomBytes(keyKind(key) === 'rsa' ? 256 : 72);
  if (spec.pss) {
    const saltLength = createHash(spec.hash ?? 'sha256').digest().length;
    return sign(spec.hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
  }
  return sign(spec.hash, data, key);
}

/** A TLS 1.0/1.1 (and SSLv3) signature: MD5+SHA-1 with raw PKCS #1 padding for RSA, SHA-1 for ECDSA. */
function signLegacy(data: Buffer, key: KeyObject): Buffer {
  if (keyKind(key) === 'rsa') {
    const digest = Buffer.concat([createHash('md5').update(data).digest(), createHash('sha1').update(data).digest()]);
    return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digest);
  }
  return sign('sha1', data, key);
}

/** g^x mod p for a random 256-bit x: the server's DH public value, in BigInt so that any prime (or non-prime) a script names works. */
function dhPublicValue(prime: Buffer, generator: Buffer): Buffer {
  const p = BigInt(`0x${prime.toString('hex') || '0'}`);
  let base = BigInt(`0x${generator.toString('hex') || '0'}`) % (p === 0n ? 1n : p);
  let exponent = BigInt(`0x${randomBytes(32).toString('hex')}`);
  let result = 1n;
  if (p <= 1n) return Buffer.alloc(prime.length);
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % p;
    base = (base * base) % p;
    exponent >>= 1n;
  }
  return Buffer.from(result.toString(16).padStart(prime.length * 2, '0'), 'hex');
}

/** The outcome of negotiating one ClientHello: the bytes to send, and the group a HelloRetryRequest asked for. */
export type ScriptedTlsAnswer =
  | { readonly kind: 'bytes'; readonly bytes: Buffer; readonly retryGroup?: number }
  | { readonly kind: 'alert'; readonly bytes: Buffer };

/** Decides and writes the answer to a ClientHello under a behaviour. */
export function negotiate(hello: ParsedClientHello, behaviour: ScriptedTlsBehaviour, afterRetry = false): ScriptedTlsAnswer {
  const preference = behaviour.preference ?? 'server';
  const offered = offeredVersions(hello);
  const serverCodes = behaviour.versions.map((v) => tlsVersionCodes[v]).sort((a, b) => b - a);
  const chosenCode = serverCodes.find((code) => offered.includes(code));
  const alertVersion = Math.min(Math.max(hello.legacyVersion, 0x0300), 0x0303);
  const fail = (description: number): ScriptedTlsAnswer => ({ kind: 'alert', bytes: alertRecord(alertVersion, description) });
  if (chosenCode === undefined) return fail(behaviour.versionAlert ?? alertCode('protocol_version'));
  const best = serverCodes[0] as number;
  const clientBest = Math.max(...offered);
  if ((behaviour.fallbackScsv ?? true) && hello.cipherSuites.includes(signallingSuites.fallback) && clientBest < best) {
    return fail(alertCode('inappropriate_fallback'));
  }
  const version = labTlsVersions.find((v) => tlsVersionCodes[v] === chosenCode) as LabTlsVersion;
  const noMatch = (): ScriptedTlsAnswer => fail(behaviour.noMatchAlert ?? alertCode('handshake_failure'));
  const groups = behaviour.groups ?? defaultGroups;
  const clientGroups = hello.supportedGroups;

  if (version === 'TLSv1.3') {
    const suites = (behaviour.suitesByVersion?.['TLSv1.3'] ?? behaviour.suites).filter((s) => suiteHandshake(s).keyExchange === 'tls13');
    const suite = pick(suites, hello.cipherSuites, preference);
    const group = clientGroups === undefined ? undefined : pick(groups, clientGroups, preference);
    if (suite === undefined || group === undefined) return noMatch();
    const share = hello.keyShares?.find((s) => s.group === group);
    const supportedVersions = extension(extensionTypes.supportedVersions, Buffer.from([0x03, 0x04]));
    if (share === undefined) {
      // A second hello without the share asked for is a protocol error (RFC 8446 §4.1.4).
      if (afterRetry) return fail(alertCode('illegal_parameter'));
      return { kind: 'bytes', bytes: helloRetry(hello, suite, group), retryGroup: group };
    }
    const keyShare = extension(extensionTypes.keyShare, Buffer.concat([u16(group), vector(2, publicKeyFor(group))]));
    const message = serverHello({
      version: 0x0303,
      random: randomBytes(32),
      sessionId: hello.sessionId,
      cipherSuite: suite,
      compressionMethod: 0,
      extensions: [supportedVersions, keyShare],
    });
    // The ChangeCipherSpec of middlebox compatibility mode (RFC 8446 appendix D.4) follows, as servers send it.
    return {
      kind: 'bytes',
      bytes: Buffer.concat([
        records(contentTypes.handshake, 0x0303, message),
        records(contentTypes.changeCipherSpec, 0x0303, Buffer.from([1])),
      ]),
    };
  }

  const chains = (behaviour.certificates ?? []).map(toWireChain);
  const ecGroups = groups.filter((g) => g < 256);
  const ecGroup = pick(ecGroups, clientGroups ?? ecGroups, preference);
  const listed = behaviour.suitesByVersion?.[version];
  const candidates = (listed ?? behaviour.suites.filter((s) => chosenCode >= 0x0303 || !suiteHandshake(s).tls12Only)).filter(
    (s) => suiteHandshake(s).keyExchange !== 'tls13',
  );
  const suite = pick(candidates, hello.cipherSuites, preference, (s) => suiteHandshake(s).keyExchange !== 'ecdhe' || ecGroup !== undefined);
  if (suite === undefined) return noMatch();
  const info = suiteHandshake(suite);
  const chain =
    info.authentication === 'anon'
      ? undefined
      : (chains.find((c) => c.kind === (info.authentication === 'ecdsa' ? 'ec' : 'rsa')) ?? chains[0]);

  // TLS 1.2 key exchange signature scheme, decided before anything is written so a mismatch can still fail cleanly.
  let scheme: number | undefined;
  const signs = (info.keyExchange === 'ecdhe' || info.keyExchange === 'dhe') && chain !== undefined;
  if (signs && chosenCode === 0x0303) {
    if (behaviour.forceSignatureScheme !== undefined) {
      scheme = behaviour.forceSignatureScheme;
    } else {
      const key = (chain as WireChain).key;
      const mine = behaviour.signatureSchemes ?? defaultSchemes(key);
      // Without signature_algorithms a TLS 1.2 client is taken to allow SHA-1 only (RFC 5246 §7.4.1.4.1).
      const theirs = hello.signatureAlgorithms ?? [0x0201, 0x0203] /* rsa_pkcs1_sha1, ecdsa_sha1 */;
      scheme = pick(mine, theirs, preference, (s) => schemeSpec(s)?.key === keyKind(key));
      if (scheme === undefined) return noMatch();
    }
  }

  const extensions: Buffer[] = [];
  const clientRenegotiation = hello.renegotiationInfo || hello.cipherSuites.includes(signallingSuites.emptyRenegotiationInfo);
  if ((behaviour.secureRenegotiation ?? true) && clientRenegotiation) {
    extensions.push(extension(extensionTypes.renegotiationInfo, Buffer.from([0])));
  }
  if (info.keyExchange === 'ecdhe' && hello.ecPointFormats !== undefined)
    extensions.push(extension(extensionTypes.ecPointFormats, Buffer.from([1, 0])));
  if ((behaviour.sessionTickets ?? true) && hello.sessionTicket) extensions.push(extension(extensionTypes.sessionTicket));
  const staple = behaviour.ocspStaple !== undefined && hello.statusRequest && chain !== undefined ? behaviour.ocspStaple : undefined;
  if (staple !== undefined) extensions.push(extension(extensionTypes.statusRequest));
  if ((behaviour.extendedMasterSecret ?? true) && hello.extendedMasterSecret && chosenCode >= 0x0301) {
    extensions.push(extension(extensionTypes.extendedMasterSecret));
  }
  const protocol = hello.alpn === undefined || behaviour.alpn === undefined ? undefined : pick(behaviour.alpn, hello.alpn, preference);
  if (protocol !== undefined) extensions.push(extension(extensionTypes.alpn, vector(2, vector(1, Buffer.from(protocol, 'latin1')))));
  for (const extra of behaviour.extraExtensions ?? []) extensions.push(extension(extra.type, extra.data));

  const random = randomBytes(32);
  const compressionMethod = (behaviour.compression ?? false) && hello.compressionMethods.includes(1) ? 1 : 0;
  const messages: Buffer[] = [
    serverHello({
      version: chosenCode,
      random,
      sessionId: randomBytes(32),
      cipherSuite: suite,
      compressionMethod,
      // A ServerHello with nothing to say leaves the block out, as SSLv3-era servers do.
      ...(extensions.length === 0 ? {} : { extensions }),
    }),
  ];
  if (chain !== undefined) messages.push(certificateMessage(chain.der));
  if (staple !== undefined) messages.push(certificateStatusMessage(staple));
  if (info.keyExchange === 'ecdhe' || info.keyExchange === 'dhe') {
    let params: Buffer;
    if (info.keyExchange === 'ecdhe') {
      const group = ecGroup as number;
      params = ecdheParams(group, publicKeyFor(group));
    } else {
      const dh = behaviour.dh ?? 'ffdhe2048';
      const { prime, generator } =
        typeof dh === 'string'
          ? { prime: ffdhePrime(Number(dh.slice(5)) as FfdheBits), generator: Buffer.from([2]) }
          : { prime: Buffer.from(dh.prime), generator: Buffer.from(dh.generator) };
      params = dheParams(prime, generator, dhPublicValue(prime, generator));
    }
    let signature: Buffer = Buffer.alloc(0);
    if (chain !== undefined) {
      const signed = Buffer.concat([hello.random, random, params]);
      signature =
        scheme !== undefined
          ? Buffer.concat([u16(scheme), vector(2, signWithScheme(scheme, signed, chain.key))])
          : vector(2, signLegacy(signed, chain.key));
    }
    messages.push(handshakeMessage(handshakeTypes.serverKeyExchange, Buffer.concat([params, signature])));
  }
  messages.push(serverHelloDone());
  return { kind: 'bytes', bytes: records(contentTypes.handshake, chosenCode, Buffer.concat(messages)) };
}

function u16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value);
  return out;
}

/** A HelloRetryRequest record naming a group (RFC 8446 §4.1.4). */
function helloRetry(hello: ParsedClientHello, suite: number, group: number): Buffer {
  const message = serverHello({
    version: 0x0303,
    random: helloRetryRequestRandom,
    sessionId: hello.sessionId,
    cipherSuite: suite,
    compressionMethod: 0,
    extensions: [extension(extensionTypes.supportedVersions, Buffer.from([0x03, 0x04])), extension(extensionTypes.keyShare, u16(group))],
  });
  return records(contentTypes.handshake, 0x0303, message);
}

/**
 * Starts a scripted TLS server on loopback. Each connection: read one ClientHello (bounded, with
 * a time limit), pick the action, answer, then linger, close or reset. After a
 * HelloRetryRequest it reads the client's second hello on the same connection.
 */
export async function startScriptedTlsServer(options: ScriptedTlsServerOptions): Promise<ScriptedTlsServer> {
  const maxHelloBytes = options.maxHelloBytes ?? 65_536;
  const helloTimeoutMs = options.helloTimeoutMs ?? 5_000;
  const lingerMs = options.lingerMs ?? 5_000;
  const keepHellos = options.keepHellos ?? 100;
  const received: ParsedClientHello[] = [];
  let connections = 0;
  // Validate the chains once, so that a bad PEM fails at start rather than per connection.
  for (const served of options.certificates ?? []) toWireChain(served);

  const server = createServer((socket: Socket) => {
    connections++;
    const connection = connections;
    socket.setNoDelay(true);
    socket.on('error', () => socket.destroy());
    let buffer = Buffer.alloc(0);
    let afterRetry = false;
    let answered = false;
    let silent = false;
    const timer = setTimeout(() => socket.destroy(), helloTimeoutMs);
    socket.once('close', () => clearTimeout(timer));
    const linger = (how: 'wait' | 'close' | 'reset'): void => {
      clearTimeout(timer);
      answered = true;
      if (how === 'close') socket.end();
      else if (how === 'reset') resetSocket(socket);
      else socket.setTimeout(lingerMs, () => socket.destroy());
    };
    if (options.onConnect !== undefined) socket.write(options.onConnect);

    const respond = (hello: ParsedClientHello): void => {
      received.push(hello);
      if (received.length > keepHellos) received.shift();
      const chosen = typeof options.action === 'function' ? options.action(hello, { connection, afterRetry }) : options.action;
      const action: ScriptedTlsAction = chosen ?? { kind: 'negotiate' };
      const afterResponse = (action.kind === 'negotiate' ? action.behaviour?.afterResponse : undefined) ?? options.afterResponse ?? 'wait';
      switch (action.kind) {
        case 'negotiate': {
          const answer = negotiate(hello, { ...options, ...action.behaviour }, afterRetry);
          socket.write(answer.bytes);
          if (answer.kind === 'alert') {
            linger('close');
          } else if (answer.retryGroup !== undefined) {
            afterRetry = true;
            // Keep reading: the client's second ClientHello comes on this connection.
          } else {
            linger(afterResponse);
          }
          return;
        }
        case 'alert':
          socket.write(alertRecord(action.recordVersion ?? 0x0303, action.description, action.level ?? 2));
          linger('close');
          return;
        case 'garbage':
          socket.write(action.bytes ?? Buffer.from('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
          linger('close');
          return;
        case 'truncated': {
          const full = records(
            contentTypes.handshake,
            0x0303,
            serverHello({
              version: 0x0303,
              random: randomBytes(32),
              sessionId: Buffer.alloc(0),
              cipherSuite: 0xc02f,
              compressionMethod: 0,
            }),
          );
          socket.write(full.subarray(0, Math.floor(full.length / 2)));
          linger('close');
          return;
        }
        case 'oversize':
          socket.write(Buffer.concat([Buffer.from([contentTypes.handshake, 0x03, 0x03, 0xff, 0xff]), randomBytes(64)]));
          linger('close');
          return;
        case 'reset':
          linger('reset');
          return;
        case 'close':
          linger('close');
          return;
        case 'silence':
          clearTimeout(timer);
          answered = true;
          silent = true;
          return;
        case 'hello-retry': {
          const suite = action.cipherSuite ?? options.suites.find((s) => suiteHandshake(s).keyExchange === 'tls13') ?? 0x1301;
          socket.write(helloRetry(hello, suite, action.group));
          afterRetry = true;
          return;
        }
        case 'bytes':
          socket.write(action.bytes);
          linger(afterResponse);
          return;
      }
    };

    socket.on('data', (chunk: Buffer) => {
      if (answered && silent) return;
      if (answered) {
        // The client went on with the handshake (a real TLS client would); a script cannot finish
        // it, so end it at once the way a refusing server does instead of leaving the client waiting.
        if (!socket.destroyed && socket.writable) {
          socket.end(alertRecord(0x0303, alertCode('handshake_failure')));
        }
        return;
      }
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const read = readClientHello(buffer, maxHelloBytes);
        if (read.kind === 'need-more') return;
        if (read.kind === 'error') {
          socket.write(alertRecord(0x0303, read.alert));
          linger('close');
          return;
        }
        buffer = buffer.subarray(read.consumed);
        // A ChangeCipherSpec between HelloRetryRequest and the second hello is middlebox compatibility; skip it.
        if (read.kind === 'other-record') {
          if (afterRetry && read.contentType === contentTypes.changeCipherSpec) continue;
          socket.write(alertRecord(0x0303, alertCode('unexpected_message')));
          linger('close');
          return;
        }
        try {
          respond(read.hello);
        } catch {
          // A script that throws, or parameters crypto refuses, must not take the lab down: tell the client and hang up.
          socket.write(alertRecord(0x0303, alertCode('internal_error')));
          linger('close');
        }
        if (answered) return;
      }
    });
  });
  const listener = await listenTracked(server, options.host ?? '127.0.0.1', options.port ?? 0);
  return {
    ...listener,
    get received() {
      return [...received];
    },
    get connections() {
      return connections;
    },
  };
}
