/**
 * The TLS scanner: raw ClientHellos for what is plaintext (versions, suites, key exchange,
 * renegotiation indication, EMS, compression, TLS ≤ 1.2 chains), node:tls handshakes for the rest.
 */
export { scanTls } from './scan-tls.js';
export type { ScanTlsOptions, TlsScanScope } from './scan-tls.js';
export { defineTlsEndpointProbe, defineTlsProbe, probeTls, tlsCacheTtlMs } from './probe.js';
export type { TlsEndpointProbeInput, TlsProbeInput, TlsProbeOptions } from './probe.js';
export type { SuiteLevel, SuiteLevelLookup } from './followups.js';
