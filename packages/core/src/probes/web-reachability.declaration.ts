import { declareProbe } from '../model/probe-declaration.js';

/**
 * What a TCP connection attempt to one port came to: `open` (the handshake completed), or why
 * not, in the network's words (`refused`, `timeout`, `unreachable`, `forbidden-address` when
 * pastoe's address policy does not let it contact the address, `error` for anything else).
 */
export type PortReachability = 'open' | 'refused' | 'timeout' | 'unreachable' | 'forbidden-address' | 'error';

/** One port of one web server address. */
export interface PortAttempt {
  /** The TCP port. */
  readonly port: number;
  /** What the connection attempt came to. */
  readonly result: PortReachability;
  /** The network's one-line reason when the port did not open. */
  readonly message?: string;
}

/** Whether one web server address accepts TCP connections on ports 80 and 443. */
export interface WebReachabilityEvidence {
  /** The address. */
  readonly ip: string;
  /** Its family. */
  readonly family: 4 | 6;
  /** Ports 80 and 443, in that order. */
  readonly ports: readonly PortAttempt[];
}

/** The ports Internet.nl connects to on every web server address. */
export const webReachabilityPorts: readonly number[] = Object.freeze([80, 443]);

/** The most addresses per family connected to (the first in answer order): a hostile zone could list hundreds. */
export const maxReachabilityAddresses = 32;

/** How long each connection attempt may take, as Internet.nl's socket timeout: 4 s. */
export const webReachabilityTimeoutMs = 4_000;

/**
 * A TCP connection to ports 80 and 443 of every web server address of the domain, IPv6 and IPv4
 * (Internet.nl's `ipv6.do_web` connectivity test), one subject per address from `web-addresses`
 * (at most {@link maxReachabilityAddresses} per family).
 */
export const webReachabilityDeclaration = declareProbe<WebReachabilityEvidence>({
  id: 'web-reachability',
  description: 'Connects over TCP to ports 80 and 443 of every web server address',
  scope: 'each',
  needs: ['dns', 'tcp', 'ipv6'],
});
