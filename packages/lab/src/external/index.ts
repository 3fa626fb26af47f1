/**
 * Independent software as a second opinion on pastoe: for DNSSEC verdicts, the lab's zones
 * signed by BIND's tools, served by Knot DNS and validated by Unbound; for the TLS scanner,
 * nginx, openssl s_server and gnutls-serv as servers and sslscan as a second scanner. All on loopback.
 */
export { ExternalToolError, ExternalToolMissingError, missingTools, unboundLabTools } from './process.js';
export type { ExternalTool } from './process.js';
export type { Endpoint } from './servers.js';
export { startUnboundLab } from './unbound-lab.js';
export type { UnboundLab, UnboundLabOptions, UnboundLabScenario } from './unbound-lab.js';
export { gnutlsLegacyPriority, startTlsPeerLab, tlsPeerLabTools } from './tls-peers.js';
export type { TlsPeerEndpoint, TlsPeerEndpoints, TlsPeerLab, TlsPeerLabOptions } from './tls-peers.js';
export { legacyProfile, modernProfile } from './tls-peer-nginx.js';
export type { NginxTlsProfile } from './tls-peer-nginx.js';
export { compareWithSslscan, parseSslscanXml, runSslscan } from './tls-sslscan.js';
export type { SslscanReport, SslscanRun, SslscanTarget } from './tls-sslscan.js';
export { parseNginxWebSites, startNginxWebPeer } from './web-peer-nginx.js';
export type { NginxWebPeer, NginxWebPeerOptions, NginxWebSite } from './web-peer-nginx.js';
export {
  postfixLegacyProfile,
  postfixModernProfile,
  postfixPeerTools,
  postfixPeerUnavailable,
  startPostfixPeer,
} from './mail-peer-postfix.js';
export type { PostfixPeer, PostfixPeerEndpoints, PostfixPeerOptions, PostfixTlsProfile } from './mail-peer-postfix.js';
