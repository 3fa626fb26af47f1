import { createSocket, type Socket as UdpSocket, type SocketOptions } from 'node:dgram';
import type { Buffer } from 'node:buffer';
import { parseAddress, type ParsedAddress } from './address-policy.js';

/**
 * How far UDP exchanges to one server may share a socket (and so a source port). Only exchanges
 * in flight at the same time share: a socket closes as soon as its last exchange ends, so none
 * is ever left open between exchanges.
 */
export interface UdpSocketSharing {
  /** At most this many exchanges use one socket; the next one opens another. */
  readonly maxExchanges: number;
  /** No exchange joins a socket opened longer ago than this, in milliseconds. */
  readonly maxAgeMs: number;
}

/** An endpoint with its address parsed. */
export interface UdpPeer {
  /** The IP address, as the socket connects to it. */
  readonly ip: string;
  /** The UDP port. */
  readonly port: number;
  /** The address parsed: its family picks the socket type, its bytes check each sender. */
  readonly address: ParsedAddress;
}

function sameAddress(a: ParsedAddress, b: ParsedAddress): boolean {
  if (a.family !== b.family || a.bytes.length !== b.bytes.length) return false;
  return a.bytes.every((byte, i) => byte === b.bytes[i]);
}

/** One exchange on a shared socket. */
export interface UdpWaiter {
  /**
   * Offered each datagram that came from the peer, in the order the exchanges joined, until one
   * takes it. Returns true when this exchange took it (and so ended).
   */
  readonly offer: (datagram: Uint8Array) => boolean;
  /** The socket failed (an ICMP refusal, for one); every exchange on it gets the error. */
  readonly fail: (error: unknown) => void;
}

/** What an exchange holds on the socket it was given. */
export interface UdpLease {
  /**
   * Sends the datagram once the socket is connected. A send error fails every exchange on the
   * socket, like an error of the socket itself: all of them talk to the same peer, and a refusal
   * the kernel holds for the socket (an ICMP port-unreachable earlier) is reported by whichever
   * call comes next.
   */
  send(datagram: Buffer): void;
  /** Ends the exchange's use of the socket; the last one to leave closes it. Safe to call twice. */
  release(): void;
}

/** Hands out sockets connected to a peer, shared by the exchanges in flight to it. */
export interface UdpSockets {
  /** A lease on a socket connected to `peer`, with `waiter` offered what it receives. */
  lease(peer: UdpPeer, waiter: UdpWaiter): UdpLease;
}

interface QueuedSend {
  readonly waiter: UdpWaiter;
  readonly datagram: Buffer;
}

interface SharedSocket {
  readonly key: string;
  readonly socket: UdpSocket;
  readonly openedAt: number;
  /** Exchanges that have joined, ended or not. */
  joined: number;
  readonly waiters: Set<UdpWaiter>;
  /** Sends waiting for the connect to finish; undefined once connected. */
  queued: QueuedSend[] | undefined;
  closed: boolean;
}

/**
 * Creates the socket sharing of one network. A cold DNSSEC validation sends its DS and DNSKEY
 * queries to a server together; on a socket each, most of a query's own cost is opening and
 * closing the socket.
 *
 * Why sharing stays this narrow (RFC 5452): a spoofed answer must hit the query's source port as
 * well as its ID. Exchanges share a port only while they are all in flight, and only for a bounded
 * number and time, so the port is open at most `maxAgeMs` longer than one exchange's time limit
 * would keep it, and it never outlives them to be probed for later queries.
 *
 * @param limits - how many exchanges may share a socket, and for how long new ones may join
 * @param lookup - the host name lookup the sockets use (the network's, which resolves nothing)
 * @returns the sharing
 */
export function createUdpSockets(limits: UdpSocketSharing, lookup: SocketOptions['lookup']): UdpSockets {
  const open = new Map<string, SharedSocket>();

  function close(shared: SharedSocket): void {
    if (shared.closed) return;
    shared.closed = true;
    if (open.get(shared.key) === shared) open.delete(shared.key);
    try {
      shared.socket.close();
    } catch {
      // Closing a socket that never got going throws; there is nothing left to release.
    }
  }

  function fail(shared: SharedSocket, error: unknown): void {
    const waiters = [...shared.waiters];
    close(shared);
    for (const waiter of waiters) waiter.fail(error);
  }

  function start(key: string, peer: UdpPeer): SharedSocket {
    const socket = createSocket({ type: peer.address.family === 4 ? 'udp4' : 'udp6', lookup });
    const shared: SharedSocket = {
      key,
      socket,
      openedAt: performance.now(),
      joined: 0,
      waiters: new Set(),
      queued: [],
      closed: false,
    };
    // Stays attached after the socket closes: a late error on a closing socket must not become
    // an unhandled 'error' event that takes the process down.
    socket.on('error', (error: unknown) => fail(shared, error));
    socket.on('message', (message: Buffer, from: { address: string; port: number }) => {
      // The socket is connected, so the kernel already drops datagrams from other peers;
      // checking again keeps the spoofing defence independent of that.
      if (shared.waiters.size === 0 || from.port !== peer.port) return;
      const sender = parseAddress(from.address);
      if (sender === undefined || !sameAddress(sender, peer.address)) return;
      const datagram = new Uint8Array(message);
      for (const waiter of shared.waiters) if (waiter.offer(datagram)) return;
    });
    // Connecting the socket binds an ephemeral port of the right family and tells the kernel
    // to deliver datagrams from this peer only.
    socket.connect(peer.port, peer.ip, () => {
      const queued = shared.queued ?? [];
      shared.queued = undefined;
      if (shared.closed) return;
      for (const item of queued) if (shared.waiters.has(item.waiter)) transmit(shared, item.datagram);
    });
    return shared;
  }

  function transmit(shared: SharedSocket, datagram: Buffer): void {
    try {
      shared.socket.send(datagram, (error) => {
        if (error !== null && error !== undefined) fail(shared, error);
      });
    } catch (error) {
      fail(shared, error);
    }
  }

  function lease(peer: UdpPeer, waiter: UdpWaiter): UdpLease {
    const key = `${peer.address.family}|${peer.ip}|${peer.port}`;
    let shared = open.get(key);
    if (shared === undefined || shared.joined >= limits.maxExchanges || performance.now() - shared.openedAt >= limits.maxAgeMs) {
      // A socket that may take no one else stays open for the exchanges it has.
      shared = start(key, peer);
      open.set(key, shared);
    }
    const own = shared;
    own.joined++;
    own.waiters.add(waiter);
    return {
      send(datagram) {
        if (own.closed || !own.waiters.has(waiter)) return;
        if (own.queued !== undefined) own.queued.push({ waiter, datagram });
        else transmit(own, datagram);
      },
      release() {
        if (!own.waiters.delete(waiter)) return;
        if (own.waiters.size === 0) close(own);
      },
    };
  }

  return { lease };
}
