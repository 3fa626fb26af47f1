import { Buffer } from 'node:buffer';
import { Socket } from 'node:net';
import type { LookupAddress } from 'node:dns';
import type { JsonObject } from '../model/json.js';
import { ProbeFailure } from '../model/evidence.js';
import { createAddressPolicy, parseAddress, type ParsedAddress } from './address-policy.js';
import type { AddressMap, AddressPolicy, Connection, ConnectOptions, Endpoint, Network, UdpExchangeOptions } from './network.js';
import { createUdpSockets, type UdpSocketSharing } from './udp-socket-sharing.js';

/** Options for {@link createNodeNetwork}. */
export interface NodeNetworkOptions {
  /** Which addresses may be contacted. Default: {@link createAddressPolicy}`()`, public only. */
  readonly policy?: AddressPolicy;
  /**
   * Redirects endpoints after the policy has approved them; the lab maps its documentation
   * range addresses to loopback listeners this way. The policy sees the original endpoint,
   * never the mapped one.
   */
  readonly map?: AddressMap;
  /** Default time limit for a TCP handshake, in milliseconds. Default 10 000. */
  readonly connectTimeoutMs?: number;
  /** Default time limit for a UDP answer, in milliseconds. Default 5 000. */
  readonly udpTimeoutMs?: number;
  /** Default largest UDP answer accepted, in bytes; larger datagrams are ignored. Default 65 535. */
  readonly maxUdpBytes?: number;
  /**
   * Lets UDP exchanges to the same server that are in flight together share a socket, at most
   * 16 on one socket and joining only in its first second by default; `false` gives every
   * exchange a socket of its own. A socket closes when its last exchange ends either way.
   */
  readonly udpSocketSharing?: UdpSocketSharing | false;
}

const DEFAULT_UDP_SOCKET_SHARING: UdpSocketSharing = Object.freeze({ maxExchanges: 16, maxAgeMs: 1_000 });

// Node turns a delay above 2^31 - 1 ms into 1 ms, which would make a huge limit fire at once.
const MAX_TIMER_MS = 2_147_483_647;
const MAX_UDP_BYTES = 65_535;
// The largest UDP payload that fits in one IPv4 or IPv6 packet without jumbograms.
const MAX_UDP_PAYLOAD = { 4: 65_507, 6: 65_527 } as const;

/** An endpoint whose address has been parsed. */
interface Target extends Endpoint {
  readonly address: ParsedAddress;
}

function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function isByteLimit(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_UDP_BYTES;
}

function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65_535;
}

/** Shows untrusted input in a message on one line and at a bounded length. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
  if (typeof value === 'number') return String(value);
  return typeof value;
}

function formatEndpoint(endpoint: Endpoint): string {
  return endpoint.ip.includes(':') ? `[${endpoint.ip}]:${endpoint.port}` : `${endpoint.ip}:${endpoint.port}`;
}

function toTarget(endpoint: Endpoint): Target | undefined {
  const address = typeof endpoint.ip === 'string' ? parseAddress(endpoint.ip) : undefined;
  if (address === undefined || !isPort(endpoint.port)) return undefined;
  return { ip: endpoint.ip, port: endpoint.port, address };
}

/** The system error code of a Node socket error (`ECONNREFUSED`, ...), if it has one. */
function systemCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

const REFUSED = new Set(['ECONNREFUSED', 'ECONNRESET']);

/**
 * Turns a socket error into a typed failure. Unknown system errors count as `unreachable`: for
 * a check, all that matters is that the peer could not be talked to, and the code is kept.
 */
function socketFailure(error: unknown, what: string, remote: Endpoint, via: Endpoint | undefined): ProbeFailure {
  const code = systemCode(error);
  const detail: JsonObject = {
    ...(code === undefined ? {} : { systemError: code }),
    ...(via === undefined ? {} : { via: formatEndpoint(via) }),
  };
  const suffix = code === undefined ? '' : ` (${code})`;
  const where = formatEndpoint(remote);
  if (code !== undefined && REFUSED.has(code)) {
    return new ProbeFailure('refused', `${where} refused the ${what}${suffix}`, detail);
  }
  if (code === 'ETIMEDOUT') {
    return new ProbeFailure('timeout', `${where} did not answer the ${what}${suffix}`, detail);
  }
  if (code === undefined || code.startsWith('ERR_')) {
    const message = error instanceof Error ? error.message : String(error);
    return new ProbeFailure('internal', `${what} to ${where} failed: ${message}`, detail);
  }
  return new ProbeFailure('unreachable', `${where} is unreachable for the ${what}${suffix}`, detail);
}

function abortedFailure(what: string, remote: Endpoint): ProbeFailure {
  return new ProbeFailure('aborted', `the ${what} to ${formatEndpoint(remote)} was aborted`);
}

/**
 * The host name lookup for TCP sockets. Only IP addresses reach a socket, and Node does not
 * look those up, so this never runs; it exists to make sure no name is ever resolved here.
 */
function refuseLookup(
  hostname: string,
  _options: unknown,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  const error: NodeJS.ErrnoException = new Error(`refusing to resolve ${show(hostname)}: only IP addresses are contacted`);
  error.code = 'EAI_NONAME';
  callback(error, '');
}

/**
 * The host name lookup for UDP sockets, which Node consults even for IP addresses: it hands
 * back the address as is and refuses anything else, so no name is ever resolved here.
 */
function literalLookup(
  hostname: string,
  _options: unknown,
  callback: (error: NodeJS.ErrnoException | null, address: string, family: number) => void,
): void {
  const parsed = parseAddress(hostname);
  if (parsed === undefined) {
    const error: NodeJS.ErrnoException = new Error(`refusing to resolve ${show(hostname)}: only IP addresses are contacted`);
    error.code = 'EAI_NONAME';
    callback(error, '', 0);
    return;
  }
  callback(null, hostname, parsed.family);
}

/**
 * Creates the real network transport for Node: TCP with `node:net`, UDP with `node:dgram`.
 *
 * Every call checks the endpoint it is given against the address policy before anything else,
 * unless the call says the operator configured it (`configured: true`, see
 * {@link ConnectOptions.configured}), then applies the address map, then opens a socket. Only
 * IP addresses are accepted, never host names, so what the policy approved is what is
 * contacted (no DNS rebinding). Failures
 * reject with a {@link ProbeFailure}: `malformed` (bad input), `forbidden-address`, `refused`,
 * `unreachable`, `timeout` or `aborted`. No socket, timer or abort listener outlives the call
 * that failed, nor a connection after {@link Connection.close}.
 *
 * @param options - policy, address map and default limits
 * @returns the network
 * @throws RangeError when a default limit is not a positive number
 */
export function createNodeNetwork(options: NodeNetworkOptions = {}): Network {
  const policy = options.policy ?? createAddressPolicy();
  const map = options.map;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const udpTimeoutMs = options.udpTimeoutMs ?? 5_000;
  const maxUdpBytes = options.maxUdpBytes ?? MAX_UDP_BYTES;
  if (!isPositiveNumber(connectTimeoutMs)) throw new RangeError('connectTimeoutMs must be a positive number');
  if (!isPositiveNumber(udpTimeoutMs)) throw new RangeError('udpTimeoutMs must be a positive number');
  if (!isByteLimit(maxUdpBytes)) throw new RangeError(`maxUdpBytes must be an integer from 1 to ${MAX_UDP_BYTES}`);
  const sharing =
    options.udpSocketSharing === false ? { maxExchanges: 1, maxAgeMs: 1 } : (options.udpSocketSharing ?? DEFAULT_UDP_SOCKET_SHARING);
  if (!Number.isInteger(sharing.maxExchanges) || sharing.maxExchanges < 1) {
    throw new RangeError('udpSocketSharing.maxExchanges must be a positive integer');
  }
  if (!isPositiveNumber(sharing.maxAgeMs)) throw new RangeError('udpSocketSharing.maxAgeMs must be a positive number');
  const udpSockets = createUdpSockets(sharing, literalLookup);

  /**
   * Validates, applies the policy (to an endpoint the operator did not configure), then the map:
   * the order matters for safety.
   */
  function resolveTarget(endpoint: Endpoint, protocol: 'tcp' | 'udp', configured: boolean | undefined): { remote: Target; actual: Target } {
    const remote = toTarget(endpoint);
    if (remote === undefined) {
      if (typeof endpoint.ip !== 'string' || parseAddress(endpoint.ip) === undefined) {
        throw new ProbeFailure(
          'malformed',
          `${show(endpoint.ip)} is not an IP address; the network takes IP addresses only, never host names`,
        );
      }
      throw new ProbeFailure('malformed', `${show(endpoint.port)} is not a port number from 1 to 65535`);
    }
    const decision = configured === true ? undefined : policy.check(remote.ip);
    if (decision !== undefined && !decision.allowed) {
      throw new ProbeFailure('forbidden-address', decision.reason, { category: decision.category });
    }
    const original: Endpoint = Object.freeze({ ip: remote.ip, port: remote.port });
    const mapped = map?.(original, protocol);
    if (mapped === undefined) return { remote, actual: remote };
    const actual = toTarget(mapped);
    if (actual === undefined) {
      throw new ProbeFailure(
        'malformed',
        `the address map turned ${formatEndpoint(original)} into ${show(mapped.ip)} port ${show(mapped.port)}, which is not a valid endpoint`,
      );
    }
    return { remote, actual };
  }

  function timeLimit(value: number | undefined, fallback: number): number {
    if (value === undefined) return Math.min(fallback, MAX_TIMER_MS);
    if (!isPositiveNumber(value)) {
      throw new ProbeFailure('malformed', `${show(value)} is not a valid time limit in milliseconds`);
    }
    return Math.min(value, MAX_TIMER_MS);
  }

  function connect(request: ConnectOptions): Promise<Connection> {
    const { remote, actual } = resolveTarget(request, 'tcp', request.configured);
    const timeoutMs = timeLimit(request.timeoutMs, connectTimeoutMs);
    const signal = request.signal;
    if (signal?.aborted === true) throw abortedFailure('TCP connection', remote);
    const via = actual === remote ? undefined : actual;
    const original: Endpoint = Object.freeze({ ip: remote.ip, port: remote.port });

    return new Promise<Connection>((resolve, reject) => {
      const socket = new Socket();
      // Probes write small protocol messages (ClientHello, SMTP commands) and wait for the
      // answer; Nagle's algorithm would hold them back. Set before connecting, Node applies it
      // to the handle it creates.
      socket.setNoDelay(true);
      let settled = false;

      const cleanup = (): void => {
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.off('error', onError);
        socket.off('connect', onConnect);
      };
      const fail = (failure: ProbeFailure): void => {
        if (settled) return;
        cleanup();
        // Nobody else holds this socket, so nobody would handle an error it still emits.
        socket.on('error', ignore);
        socket.destroy();
        reject(failure);
      };
      const onAbort = (): void => fail(abortedFailure('TCP connection', remote));
      const onError = (error: unknown): void => fail(socketFailure(error, 'TCP connection', remote, via));
      const onConnect = (): void => {
        if (settled) return;
        cleanup();
        resolve(openConnection(socket, original, signal));
      };
      const timer = setTimeout(() => {
        fail(new ProbeFailure('timeout', `no TCP connection to ${formatEndpoint(remote)} within ${timeoutMs} ms`));
      }, timeoutMs);

      signal?.addEventListener('abort', onAbort, { once: true });
      socket.on('error', onError);
      socket.once('connect', onConnect);
      socket.connect({ host: actual.ip, port: actual.port, lookup: refuseLookup });
    });
  }

  function udpExchange(request: UdpExchangeOptions): Promise<Uint8Array> {
    const { remote, actual } = resolveTarget(request, 'udp', request.configured);
    const timeoutMs = timeLimit(request.timeoutMs, udpTimeoutMs);
    const maxBytes = request.maxBytes ?? maxUdpBytes;
    if (!isByteLimit(maxBytes)) {
      throw new ProbeFailure('malformed', `${show(maxBytes)} is not a datagram size from 1 to ${MAX_UDP_BYTES}`);
    }
    const payload = request.payload;
    if (!(payload instanceof Uint8Array) || payload.byteLength > MAX_UDP_PAYLOAD[actual.address.family]) {
      throw new ProbeFailure('malformed', 'the UDP payload must be a Uint8Array that fits in one datagram');
    }
    const accept = request.accept;
    const signal = request.signal;
    if (signal?.aborted === true) throw abortedFailure('UDP exchange', remote);
    const via = actual === remote ? undefined : actual;
    // A copy, so that the caller changing its buffer while the send is queued changes nothing.
    const datagram = Buffer.from(payload);

    return new Promise<Uint8Array>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: { answer: Uint8Array } | { failure: ProbeFailure }): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        lease.release();
        if ('answer' in outcome) resolve(outcome.answer);
        else reject(outcome.failure);
      };
      const onAbort = (): void => finish({ failure: abortedFailure('UDP exchange', remote) });
      const onError = (error: unknown): void => {
        finish({ failure: socketFailure(error, 'UDP exchange', remote, via) });
      };
      const lease = udpSockets.lease(
        { ip: actual.ip, port: actual.port, address: actual.address },
        {
          // Only an exchange still on the socket is offered datagrams: finishing releases the lease first.
          offer: (datagram) => {
            if (datagram.byteLength > maxBytes) return false;
            let accepted = true;
            if (accept !== undefined) {
              try {
                accepted = accept(datagram) === true;
              } catch {
                // An answer the caller cannot even inspect is not the answer; keep waiting.
                accepted = false;
              }
            }
            if (accepted) finish({ answer: datagram });
            return accepted;
          },
          fail: onError,
        },
      );
      const timer = setTimeout(() => {
        finish({ failure: new ProbeFailure('timeout', `no UDP answer from ${formatEndpoint(remote)} within ${timeoutMs} ms`) });
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      lease.send(datagram);
    });
  }

  return Object.freeze({
    policy,
    connect: (request: ConnectOptions): Promise<Connection> => settle(() => connect(request)),
    udpExchange: (request: UdpExchangeOptions): Promise<Uint8Array> => settle(() => udpExchange(request)),
  });
}

/** An error listener for sockets whose errors have already been reported another way. */
function ignore(): void {}

/** Runs a function that may throw before it returns a promise, so that callers only see rejections. */
function settle<T>(run: () => Promise<T>): Promise<T> {
  try {
    return run();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Wraps a connected socket; the signal, if any, closes it when it fires. */
function openConnection(socket: Socket, remote: Endpoint, signal: AbortSignal | undefined): Connection {
  let closed = false;
  const release = (): void => {
    closed = true;
    signal?.removeEventListener('abort', onAbort);
  };
  const onAbort = (): void => {
    if (closed) return;
    release();
    // Destroying with a typed failure lets a reader that is waiting for data see why.
    socket.destroy(abortedFailure('TCP connection', remote));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  // The holder may not listen for errors at every moment; without a listener a late reset
  // would be an unhandled 'error' event and crash the process. The holder still sees the error
  // through its own listeners and the stream's state.
  socket.on('error', ignore);
  // When the peer or the holder ends the socket, the abort listener must go with it.
  socket.once('close', release);
  return Object.freeze({
    socket,
    remote,
    close(): void {
      if (closed) return;
      release();
      socket.destroy();
    },
  });
}
