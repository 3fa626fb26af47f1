/**
 * Helpers for the lab's own tests (not exported from the package): real clients against the
 * lab's servers — node:tls, `openssl s_client` and a raw TLS record reader.
 */
import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { type ConnectionOptions, type TLSSocket, connect } from 'node:tls';

/** The outcome of one node:tls client handshake. */
export interface HandshakeResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly protocol?: string | null;
  readonly cipher?: string;
  readonly authorized?: boolean;
  readonly authorizationError?: string;
  readonly ocsp?: Buffer;
  readonly ephemeral?: { type?: string; name?: string; size?: number };
  readonly alpn?: string | false | null;
  readonly peerSubject?: string;
  readonly peerKeyType?: string;
}

/** node:tls client options, with `requestOCSP`, which node takes but its types leave out. */
export type ClientOptions = ConnectionOptions & { readonly requestOCSP?: boolean };

/** Connects with node:tls, reports the handshake, and closes. */
export function tlsHandshake(port: number, options: ClientOptions = {}, host = '127.0.0.1'): Promise<HandshakeResult> {
  return new Promise((resolve) => {
    let ocsp: Buffer | undefined;
    const socket: TLSSocket = connect({ host, port, rejectUnauthorized: false, ...options }, () => {
      const peer = socket.getPeerX509Certificate();
      const error = socket.authorizationError;
      resolve({
        ok: true,
        protocol: socket.getProtocol(),
        cipher: socket.getCipher().standardName,
        authorized: socket.authorized,
        ...(error === null || error === undefined ? {} : { authorizationError: String((error as NodeJS.ErrnoException).code ?? error) }),
        ...(ocsp === undefined ? {} : { ocsp }),
        ephemeral: socket.getEphemeralKeyInfo() as HandshakeResult['ephemeral'] & object,
        alpn: socket.alpnProtocol,
        ...(peer === undefined ? {} : { peerSubject: peer.subject, peerKeyType: peer.publicKey.asymmetricKeyType ?? '' }),
      });
      socket.destroy();
    });
    socket.on('OCSPResponse', (response: Buffer | null) => {
      // Node reports "no staple" as null.
      if (response !== null) ocsp = response;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, error: error.code ?? error.message }));
    socket.setTimeout(5_000, () => {
      socket.destroy();
      resolve({ ok: false, error: 'timeout' });
    });
  });
}

/** Runs `openssl s_client` against a loopback port with extra arguments; resolves with its output. */
export function sClient(
  port: number,
  args: readonly string[],
  input = '',
  host = '127.0.0.1',
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', ['s_client', '-connect', `${host}:${port}`, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('latin1');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('latin1');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end(input);
  });
}

/** Opens a plain TCP connection to a loopback port. */
export function tcpConnect(port: number, host = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.once('error', reject);
    socket.connect(port, host, () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

/** What a raw exchange received: the bytes, and how the connection ended. */
export interface RawReceipt {
  readonly bytes: Buffer;
  readonly ended: 'end' | 'reset' | 'timeout' | 'enough';
}

/**
 * Sends bytes on a fresh connection and collects what comes back until the peer closes, resets,
 * `enough` says the bytes are complete, or the time runs out.
 */
export async function rawExchange(
  port: number,
  payload: Uint8Array,
  options: { timeoutMs?: number; enough?: (bytes: Buffer) => boolean; host?: string } = {},
): Promise<RawReceipt> {
  const socket = await tcpConnect(port, options.host);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (ended: RawReceipt['ended']): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ bytes: Buffer.concat(chunks), ended });
    };
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs ?? 2_000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (options.enough?.(Buffer.concat(chunks)) === true) finish('enough');
    });
    socket.on('end', () => finish('end'));
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNRESET' ? 'reset' : 'end'));
    socket.write(payload);
  });
}

/** What a raw ClientHello offers. */
export interface RawHelloOptions {
  readonly version?: number;
  readonly recordVersion?: number;
  readonly suites: readonly number[];
  readonly compression?: readonly number[];
  readonly serverName?: string;
  readonly groups?: readonly number[];
  readonly signatureAlgorithms?: readonly number[];
  readonly supportedVersions?: readonly number[];
  readonly keyShares?: readonly { group: number; key: Buffer }[];
  readonly statusRequest?: boolean;
  readonly extendedMasterSecret?: boolean;
  readonly renegotiationInfo?: boolean;
  readonly ecPointFormats?: boolean;
  readonly alpn?: readonly string[];
  readonly sessionTicket?: boolean;
  readonly random?: Buffer;
}

function be16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value);
  return out;
}

function vec(bytes: 1 | 2 | 3, content: Buffer): Buffer {
  const prefix = Buffer.alloc(bytes);
  prefix.writeUIntBE(content.length, 0, bytes);
  return Buffer.concat([prefix, content]);
}

function ext(type: number, data: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([be16(type), vec(2, data)]);
}

const list16 = (values: readonly number[]): Buffer => Buffer.concat(values.map(be16));

/** A ClientHello record, written independently of the lab's own encoder. */
export function rawClientHello(options: RawHelloOptions): Buffer {
  const extensions: Buffer[] = [];
  if (options.serverName !== undefined) {
    const name = Buffer.from(options.serverName, 'latin1');
    extensions.push(ext(0, vec(2, Buffer.concat([Buffer.from([0]), vec(2, name)]))));
  }
  if (options.groups !== undefined) extensions.push(ext(10, vec(2, list16(options.groups))));
  if (options.ecPointFormats === true) extensions.push(ext(11, vec(1, Buffer.from([0]))));
  if (options.signatureAlgorithms !== undefined) extensions.push(ext(13, vec(2, list16(options.signatureAlgorithms))));
  if (options.statusRequest === true) extensions.push(ext(5, Buffer.from([1, 0, 0, 0, 0])));
  if (options.alpn !== undefined) extensions.push(ext(16, vec(2, Buffer.concat(options.alpn.map((p) => vec(1, Buffer.from(p)))))));
  if (options.extendedMasterSecret === true) extensions.push(ext(23));
  if (options.sessionTicket === true) extensions.push(ext(35));
  if (options.supportedVersions !== undefined) extensions.push(ext(43, vec(1, list16(options.supportedVersions))));
  if (options.keyShares !== undefined) {
    extensions.push(ext(51, vec(2, Buffer.concat(options.keyShares.map((s) => Buffer.concat([be16(s.group), vec(2, s.key)]))))));
  }
  if (options.renegotiationInfo === true) extensions.push(ext(0xff01, Buffer.from([0])));
  const body = Buffer.concat([
    be16(options.version ?? 0x0303),
    options.random ?? Buffer.alloc(32, 7),
    vec(1, Buffer.alloc(32, 9)),
    vec(2, list16(options.suites)),
    vec(1, Buffer.from(options.compression ?? [0])),
    ...(extensions.length === 0 ? [] : [vec(2, Buffer.concat(extensions))]),
  ]);
  const handshake = Buffer.concat([Buffer.from([1]), vec(3, body)]);
  return Buffer.concat([Buffer.from([22]), be16(options.recordVersion ?? 0x0301), vec(2, handshake)]);
}

/** A server's plaintext flight, as a raw client reads it. */
export interface ServerFlight {
  readonly records: readonly { type: number; version: number; length: number }[];
  readonly alert?: { level: number; description: number };
  readonly serverHello?: {
    version: number;
    random: Buffer;
    sessionId: Buffer;
    suite: number;
    compression: number;
    extensions?: Map<number, Buffer>;
  };
  readonly certificates?: Buffer[];
  readonly ocsp?: Buffer;
  readonly serverKeyExchange?: Buffer;
  readonly done: boolean;
  /** Bytes that did not form complete records. */
  readonly trailing: number;
}

/** Parses what a server sent before the client's key exchange. */
export function parseServerFlight(bytes: Buffer): ServerFlight {
  const recs: { type: number; version: number; length: number }[] = [];
  const handshake: Buffer[] = [];
  let alert: ServerFlight['alert'];
  let offset = 0;
  while (offset + 5 <= bytes.length) {
    const type = bytes[offset] as number;
    const version = bytes.readUInt16BE(offset + 1);
    const length = bytes.readUInt16BE(offset + 3);
    if (offset + 5 + length > bytes.length) break;
    const body = bytes.subarray(offset + 5, offset + 5 + length);
    recs.push({ type, version, length });
    if (type === 22) handshake.push(body);
    if (type === 21) alert = { level: body[0] as number, description: body[1] as number };
    offset += 5 + length;
  }
  const stream = Buffer.concat(handshake);
  const flight: {
    serverHello?: ServerFlight['serverHello'];
    certificates?: Buffer[];
    ocsp?: Buffer;
    serverKeyExchange?: Buffer;
    done: boolean;
  } = { done: false };
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = stream[at] as number;
    const length = stream.readUIntBE(at + 1, 3);
    const body = stream.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    if (type === 2) {
      let p = 0;
      const version = body.readUInt16BE(p);
      p += 2;
      const random = body.subarray(p, p + 32);
      p += 32;
      const sessionId = body.subarray(p + 1, p + 1 + (body[p] as number));
      p += 1 + sessionId.length;
      const suite = body.readUInt16BE(p);
      const compression = body[p + 2] as number;
      p += 3;
      let extensions: Map<number, Buffer> | undefined;
      if (p < body.length) {
        extensions = new Map();
        const end = p + 2 + body.readUInt16BE(p);
        p += 2;
        while (p < end) {
          const t = body.readUInt16BE(p);
          const l = body.readUInt16BE(p + 2);
          extensions.set(t, body.subarray(p + 4, p + 4 + l));
          p += 4 + l;
        }
      }
      flight.serverHello = { version, random, sessionId, suite, compression, ...(extensions === undefined ? {} : { extensions }) };
    } else if (type === 11) {
      const certificates: Buffer[] = [];
      for (let p = 3; p < body.length; ) {
        const l = body.readUIntBE(p, 3);
        certificates.push(body.subarray(p + 3, p + 3 + l));
        p += 3 + l;
      }
      flight.certificates = certificates;
    } else if (type === 22) {
      flight.ocsp = body.subarray(4);
    } else if (type === 12) {
      flight.serverKeyExchange = body;
    } else if (type === 14) {
      flight.done = true;
    }
  }
  return { records: recs, ...(alert === undefined ? {} : { alert }), ...flight, trailing: bytes.length - offset };
}

/** Whether a server flight is complete: ServerHelloDone, a TLS 1.3 ServerHello, or an alert. */
export function flightComplete(bytes: Buffer): boolean {
  const flight = parseServerFlight(bytes);
  return (
    flight.done ||
    flight.alert !== undefined ||
    (flight.serverHello !== undefined && flight.serverHello.version === 0x0303 && flight.serverHello.extensions?.has(43) === true)
  );
}

/** A line-oriented reader over a socket for SMTP dialogues in tests. */
export interface ReplyReader {
  /** Resolves with the next complete SMTP reply (all its lines), or rejects on close or timeout. */
  reply(timeoutMs?: number): Promise<string[]>;
  /** Stops reading from the socket (before handing it to TLS). */
  detach(): void;
}

/** Reads SMTP replies from a socket. */
export function replyReader(socket: Socket | TLSSocket): ReplyReader {
  let buffer = '';
  const waiting: (() => void)[] = [];
  let ended = false;
  const onData = (chunk: Buffer): void => {
    buffer += chunk.toString('latin1');
    for (const wake of waiting.splice(0)) wake();
  };
  const onEnd = (): void => {
    ended = true;
    for (const wake of waiting.splice(0)) wake();
  };
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('close', onEnd);
  const complete = (): string[] | undefined => {
    const lines: string[] = [];
    let at = 0;
    for (;;) {
      const newline = buffer.indexOf('\r\n', at);
      if (newline < 0) return undefined;
      const line = buffer.slice(at, newline);
      lines.push(line);
      at = newline + 2;
      if (line[3] !== '-') {
        buffer = buffer.slice(at);
        return lines;
      }
    }
  };
  return {
    async reply(timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const lines = complete();
        if (lines !== undefined) return lines;
        if (ended) throw new Error(`connection closed; unread: ${JSON.stringify(buffer)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('timeout waiting for an SMTP reply');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiting.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    detach() {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
    },
  };
}
