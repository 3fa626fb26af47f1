import type { Duplex } from 'node:stream';

/** The kinds of address the address policy tells apart (IANA special-purpose registries). */
export type AddressCategory =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'documentation'
  | 'shared'
  | 'benchmarking'
  | 'reserved'
  | 'unique-local'
  | 'ipv4-mapped'
  | 'nat64'
  | 'invalid';

/** The answer of an address policy for one address. */
export type AddressDecision =
  | { readonly allowed: true; readonly category: AddressCategory }
  | { readonly allowed: false; readonly category: AddressCategory; readonly reason: string };

/** Decides which addresses pastoe may contact. By default only public unicast addresses. */
export interface AddressPolicy {
  /** Classifies the address and says whether it may be contacted. */
  check(ip: string): AddressDecision;
}

/** A transport endpoint: an IP address and a port. */
export interface Endpoint {
  /** The IP address (IPv4 dotted quad or IPv6 text). */
  readonly ip: string;
  /** The port. */
  readonly port: number;
}

/**
 * Maps the address pastoe means to contact to the address it actually connects to. The lab maps
 * its public-looking addresses (documentation ranges) to loopback listeners this way. Return
 * `undefined` to connect to the address as it is.
 */
export type AddressMap = (target: Endpoint, protocol: 'tcp' | 'udp') => Endpoint | undefined;

/** Options for opening a TCP connection. */
export interface ConnectOptions extends Endpoint {
  /**
   * The operator named this endpoint in pastoe's configuration (a resolver spec or its bootstrap
   * addresses), so the address policy does not apply to it; the address map still does. Set it
   * only for such endpoints, never for an address learned from DNS data or from scan input.
   */
  readonly configured?: boolean;
  /** Aborts the connection attempt and closes an open connection. */
  readonly signal?: AbortSignal;
  /** Time limit for the TCP handshake, in milliseconds. */
  readonly timeoutMs?: number;
}

/** An open TCP connection. */
export interface Connection {
  /** The byte stream. Whoever holds the connection must call {@link Connection.close}. */
  readonly socket: Duplex;
  /** The endpoint pastoe meant to contact (before any address map). */
  readonly remote: Endpoint;
  /** Closes the connection and releases its socket; safe to call more than once. */
  close(): void;
}

/** Options for one UDP request/response exchange. */
export interface UdpExchangeOptions extends Endpoint {
  /** The operator named this endpoint; the address policy does not apply. See {@link ConnectOptions.configured}. */
  readonly configured?: boolean;
  /** The datagram to send. */
  readonly payload: Uint8Array;
  /** Aborts the exchange. */
  readonly signal?: AbortSignal;
  /** Time limit for the answer, in milliseconds. */
  readonly timeoutMs?: number;
  /**
   * Decides whether a received datagram is the answer (e.g. the DNS message ID matches).
   * Datagrams it rejects are ignored and the wait goes on. Defaults to accepting the first one.
   */
  readonly accept?: (datagram: Uint8Array) => boolean;
  /** The largest datagram accepted; larger ones are ignored. */
  readonly maxBytes?: number;
}

/**
 * How pastoe reaches the network. Probes get it from their context, never from a global.
 *
 * Every endpoint is checked against the {@link Network.policy} before it is contacted, with one
 * exception: an endpoint the operator named in configuration, passed with `configured: true`
 * (the resolver does so for the servers of its spec, such as a local Unbound at
 * `udp://127.0.0.1:53`). The policy guards what pastoe learns from DNS data and scan input,
 * which someone else controls; the operator's own servers need no guard against the operator.
 */
export interface Network {
  /** The policy that decides which addresses may be contacted. */
  readonly policy: AddressPolicy;
  /**
   * Opens a TCP connection, after checking the address against the policy (unless `configured`).
   * Rejects with a `ProbeFailure` (`forbidden-address`, `refused`, `unreachable`, `timeout`, `aborted`).
   */
  connect(options: ConnectOptions): Promise<Connection>;
  /**
   * Sends one UDP datagram and waits for the answer, after checking the address against the
   * policy (unless `configured`). Rejects with a `ProbeFailure` like {@link Network.connect}.
   */
  udpExchange(options: UdpExchangeOptions): Promise<Uint8Array>;
}
