import { declareProbe, type TcpReachabilityEvidence } from '@pastoe/core/model';

/** The port Internet.nl connects to on every mail server address: SMTP. */
export const mxReachabilityPort = 25;

/** How long each connection attempt may take, as Internet.nl's socket timeout: 4 s. */
export const mxReachabilityTimeoutMs = 4_000;

/**
 * A TCP connection to port 25 of every IPv6 and IPv4 address of every mail server (Internet.nl's
 * `ipv6.do_mx`), one subject per address from `mail-mx-addresses` (the MX host as its name, at
 * most 32 addresses per family and host). IPv4 counts too: a port open on IPv4 but not on IPv6
 * costs points.
 */
export const mxReachabilityDeclaration = declareProbe<TcpReachabilityEvidence>({
  id: 'mail-mx-reachability',
  description: 'Connects over TCP to port 25 of every mail server address',
  scope: 'each',
  needs: ['dns', 'tcp', 'smtp'],
});
