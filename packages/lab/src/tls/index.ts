/**
 * The lab's TLS servers: node:tls servers of any configuration OpenSSL can serve, a scripted
 * server for what it cannot, the RFC 7919 groups, and name lookups over \@pastoe/core's TLS tables.
 */
export { startTlsServer, createTlsEngine } from './server.js';
export type {
  LabRenegotiation,
  LabServedCertificate,
  LabTlsEngine,
  LabTlsHandler,
  LabTlsServer,
  LabTlsSetup,
  StartTlsServerOptions,
} from './server.js';
export { negotiate, startScriptedTlsServer } from './scripted.js';
export type {
  ScriptedTlsAnswer,
  ScriptedTlsAction,
  ScriptedTlsBehaviour,
  ScriptedTlsContext,
  ScriptedTlsServer,
  ScriptedTlsServerOptions,
} from './scripted.js';
export { TlsDecodeError, parseClientHelloBody, parseSslv2ClientHello, readClientHello } from './wire.js';
export type { ClientHelloRead, OfferedKeyShare, ParsedClientHello, RawExtension } from './wire.js';
export { dhParametersPem, ffdhePrime, isFfdheName } from './ffdhe.js';
export type { FfdheBits, FfdheName } from './ffdhe.js';
export { groupCode, labTlsVersions, signallingSuites, suiteCode, tlsVersionFromCode } from './codes.js';
export type { LabTlsVersion } from './codes.js';
