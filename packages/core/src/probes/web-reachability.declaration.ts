import { declareProbe } from '../model/probe-declaration.js';

import type { TcpReachabilityEvidence } from './tcp-reachability.declaration.js';

/** Whether one web server address accepts TCP connections on ports 80 and 443 (in that order). */
export type WebReachabilityEvidence = TcpReachabilityEvidence;

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
