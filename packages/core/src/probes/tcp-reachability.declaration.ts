/**
 * What a TCP connection test of one address finds, port by port: the evidence of the IPv6 tests'
 * reachability probes (web servers on 80 and 443, mail servers on 25). Pure types.
 */

/**
 * What a TCP connection attempt to one port came to: `open` (the handshake completed), or why
 * not, in the network's words (`refused`, `timeout`, `unreachable`, `forbidden-address` when
 * pastoe's address policy does not let it contact the address, `error` for anything else).
 */
export type PortReachability = 'open' | 'refused' | 'timeout' | 'unreachable' | 'forbidden-address' | 'error';

/** One port of one address. */
export interface PortAttempt {
  /** The TCP port. */
  readonly port: number;
  /** What the connection attempt came to. */
  readonly result: PortReachability;
  /** The network's one-line reason when the port did not open. */
  readonly message?: string;
}

/** Whether one address accepts TCP connections on the ports tried. */
export interface TcpReachabilityEvidence {
  /** The address. */
  readonly ip: string;
  /** Its family. */
  readonly family: 4 | 6;
  /** The ports tried, in the order tried. */
  readonly ports: readonly PortAttempt[];
}
