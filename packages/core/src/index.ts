/**
 * @packageDocumentation
 * pastoe core: the check model, the runner, scoring policies, transports, and the DNS, DNSSEC
 * and TLS engines shared by the website and mail tests.
 */

// Everything a check needs, with no I/O: the pure entry `@pastoe/core/model`, re-exported whole.
export * from './model.js';

export type { CheckResult, InternetNlRef, SubjectResult, Verdict, VerdictError } from './model/verdict.js';
export { defineProbe, implementProbe } from './model/probe.js';
export type {
  AnyProbe,
  EachProbeImplementation,
  EvidenceSource,
  EachProbeInput,
  PlanContext,
  ProbeContext,
  ProbeDefinition,
  ProbeSettings,
  TlsSharing,
  ProbeUses,
  TargetProbeImplementation,
  TargetProbeInput,
  Transports,
} from './model/probe.js';
export { createScanCaches } from './runner/caches.js';
export { sharedOnce } from './runner/shared-once.js';
export type { SharedOnceOptions } from './runner/shared-once.js';
export type { ScanCaches, ScanCachesOptions } from './runner/caches.js';
export { KeyedLock } from './util/keyed-lock.js';
export { TtlCache } from './util/ttl-cache.js';
export type { TtlCacheOptions } from './util/ttl-cache.js';
export type {
  AddressCategory,
  AddressDecision,
  AddressMap,
  AddressPolicy,
  ConnectOptions,
  Connection,
  Endpoint,
  Network,
  UdpExchangeOptions,
} from './transport/network.js';
export type {
  DnsAttempt,
  DnsError,
  DnsErrorCode,
  DnsFlags,
  DnsMessage,
  DnsQuestion,
  DnsRecord,
  DnsResult,
  ExtendedDnsError,
  KnownRecordType,
  QueryOptions,
  Rcode,
  RecordData,
  RecordType,
  Resolver,
  ResolverStats,
} from './dns/types.js';
export { normalizeDomain } from './input/domain.js';
export type { DomainParseResult } from './input/domain.js';
export { scan } from './runner/scan.js';
export type { ScanSelection } from './runner/input.js';
export { scanMany } from './runner/scan-many.js';
export type { ScanManyOptions, ScanManyResult } from './runner/scan-many.js';
export { defaultProbeSettings, runnerDefaults } from './runner/options.js';
export type { ScanOptions } from './runner/options.js';
export type { ScanEvent, ScanEventListener } from './runner/events.js';
export {
  checkVantage,
  defaultVantageSmtpHosts,
  defaultVantageTcp6Endpoints,
  defaultVantageTcpEndpoints,
  defaultVantageTimeoutMs,
  maxVantageTcpEndpoints,
  VantageError,
} from './runner/vantage.js';
export type { CheckVantageOptions, VantageTransports } from './runner/vantage.js';
export type { CheckError } from './model/verdict.js';
export { dnssecOwnFailure, ownFailureReasons } from './dnssec/state.js';
export { pastoeVersion } from './version.js';
export { classifyAddress, createAddressPolicy } from './transport/address-policy.js';
export type { AddressPolicyOptions } from './transport/address-policy.js';
export { createNodeNetwork } from './transport/node-network.js';
export type { NodeNetworkOptions } from './transport/node-network.js';
export type { UdpSocketSharing } from './transport/udp-socket-sharing.js';
export { createTrustStore, mozillaTrustStore } from './trust/index.js';
export type {
  ChainProblem,
  ChainVerification,
  TrustedCertificate,
  TrustStore,
  TrustStoreDescription,
  TrustStoreKind,
  TrustStoreOptions,
  VerifyChainOptions,
} from './trust/index.js';
export * from './http/index.js';
export { dnssecProbe, probeDnssec } from './probes/dnssec.probe.js';
export { probeAddresses, webAddressesProbe } from './probes/addresses.probe.js';
export type { AddressEvidence } from './probes/addresses.probe.js';
export { webTlsProbe } from './probes/tls-web.probe.js';
export { probeTlsa, webTlsaProbe } from './probes/dane-web.probe.js';
export { caaProbe, probeCaa } from './probes/caa.probe.js';
export { internetnlAcceptEncoding, maxRedirectHops, probeWebHttp, webHttpProbe } from './probes/web-http.probe.js';
export { verifySecurityTxtSignature } from './securitytxt/verify.js';
export { defineSecurityTxtProbe, probeSecurityTxt, securityTxtProbe } from './probes/securitytxt.probe.js';
export type { SecurityTxtProbeOptions } from './probes/securitytxt.probe.js';
export { armoredOpenPgpPublicKey, clearsignSecurityTxt, openPgpFingerprint } from './securitytxt/sign.js';
export type { ClearsignOptions, OpenPgpHash, OpenPgpSigningKey } from './securitytxt/sign.js';
export { nameServersProbe, probeNameServers } from './probes/name-servers.probe.js';
export { nameServerReachabilityProbe, probeNameServerReachability } from './probes/name-server-reachability.probe.js';
export { probeWebReachability, webReachabilityProbe } from './probes/web-reachability.probe.js';
export { probeWebSameSite, webSameSiteProbe } from './probes/web-same-site.probe.js';
export {
  nameServerRouteOriginProbe,
  probeNameServerRouteOrigin,
  probeRouteOrigin,
  webRouteOriginProbe,
} from './probes/route-origin.probe.js';
export { defaultReachabilitySharing, probeTcpReachability } from './probes/tcp-reachability.probe.js';
export type { ReachabilitySharing } from './probes/tcp-reachability.probe.js';
export * from './rpki/sources/index.js';
export { dnssecState } from './dnssec/state.js';
export { createResolver } from './dns/resolver/create-resolver.js';
export { defaultBootstrap, defaultResolverSpecs, parseResolverSpec } from './dns/resolver/endpoints.js';
export type { ClosableResolver, CreateResolverOptions } from './dns/resolver/create-resolver.js';
export type { ResolverEndpoint } from './dns/resolver/endpoints.js';
export { followCnames, maxCnameChain } from './dns/resolver/cnames.js';
export type { CnameChain } from './dns/resolver/cnames.js';
export { defaultCacheTtlBounds } from './dns/resolver/cache.js';
export type { CachedAnswer, CacheTtlBounds } from './dns/resolver/cache.js';
export { checkResponse, decodeMessage, encodeMessage, encodeQuery, normalizeQuestion } from './dns/wire/message.js';
export type {
  DecodeMessageOptions,
  DecodeMessageResult,
  EncodableEdnsOption,
  EncodableMessage,
  EncodableRecord,
  EncodedQuery,
  EncodeMessageOptions,
  EncodeQueryOptions,
  EncodeQueryResult,
  NormalizedQuestion,
  NormalizeQuestionResult,
} from './dns/wire/message.js';
export { canonicalName } from './dns/wire/names.js';
export { fromBase32Hex, rdataToWire, resolveSerialTime, toBase32Hex } from './dns/wire/records.js';
export { bitmapHasType, typeBitmapOf, typesInBitmap } from './dns/wire/type-bitmap.js';
export { recordTypeName, recordTypeNumber } from './dns/wire/constants.js';
export { createValidator, defaultValidatorLimits, isUsable } from './dnssec/validator.js';
export type {
  AnswerKind,
  ValidateOptions,
  ValidationResult,
  Validator,
  ValidatorLimits,
  ValidatorOptions,
  ValidatorStats,
} from './dnssec/validator.js';
export { ianaRootTrustAnchors, parseTrustAnchors, TrustAnchorSyntaxError } from './dnssec/trust-anchors.js';
export type { DnskeyAnchor, DsAnchor, ZoneTrustAnchor } from './dnssec/trust-anchors.js';
export { edeCodeForReason, reasonForEdeCode, validationStatuses } from './dnssec/reasons.js';
export type {
  BogusReason,
  IndeterminateReason,
  InsecureReason,
  SecureReason,
  ValidationReason,
  ValidationStatus,
} from './dnssec/reasons.js';
export type { ChainStep, DnskeyStatus, DsStatus } from './dnssec/zone-state.js';
export { algorithmName, dsDigest, supportedAlgorithms, supportedDigestTypes } from './dnssec/crypto.js';
export { keyTag } from './dnssec/keytag.js';
export { defaultMaxNsec3Iterations, nsec3HashLabel } from './dnssec/nsec3.js';
export * from './tls/tables/index.js';
export * from './x509/index.js';
export * from './dane/index.js';
export * from './caa/index.js';
export { tlsVersions } from './tls/types.js';
export type {
  CertificateChainObservation,
  CipherOrderObservation,
  GroupEnumeration,
  KexHashObservation,
  KeyExchangeObservation,
  OcspObservation,
  RenegotiationObservation,
  StarttlsObservation,
  SuiteEnumeration,
  TlsEndpoint,
  TlsEvidence,
  TlsScanProblem,
  TlsVersion,
  TrustObservation,
  VersionSupport,
  ZeroRttObservation,
} from './tls/types.js';
export { defineTlsEndpointProbe, defineTlsProbe, probeTls, scanTls, tlsCacheTtlMs } from './tls/scanner/index.js';
/**
 * TLS wire numbers (RFC 5246, RFC 8446, RFC 5746 and the IANA TLS registries) for code that
 * reads or writes TLS records itself, such as a test lab's scripted TLS server: record content
 * types, handshake message types, extension codes, alert names by number, and the
 * TLS_EMPTY_RENEGOTIATION_INFO_SCSV code.
 */
export {
  ContentType as tlsContentTypes,
  ExtensionType as tlsExtensionTypes,
  HandshakeType as tlsHandshakeTypes,
  RENEGOTIATION_SCSV as tlsRenegotiationScsv,
  alertNames as tlsAlertNames,
} from './tls/scanner/constants.js';
export type {
  ScanTlsOptions,
  SuiteLevel,
  SuiteLevelLookup,
  TlsEndpointProbeInput,
  TlsProbeInput,
  TlsProbeOptions,
  TlsScanScope,
} from './tls/scanner/index.js';
export { isValidEhloName, negotiateStarttls } from './smtp/index.js';
export type { ReplyBounds, ReplyFailure, SmtpReply, StarttlsFailureCode, StarttlsOptions, StarttlsResult } from './smtp/index.js';
export { defaultReplyBounds } from './smtp/index.js';
export type { ReadFailureCode } from './transport/stream-reader.js';
