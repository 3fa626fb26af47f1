/**
 * @packageDocumentation
 * `@pastoe/core/model`: everything a check needs and nothing that does I/O. The check and probe
 * declaration model, presets, offline re-evaluation of saved evidence, scoring policies, the
 * Internet.nl catalogue, and the pure DNSSEC, TLS, certificate, DANE and CAA evaluators. Nothing
 * imported from here opens a socket, reads a file or resolves a name, so checks (and tools that
 * re-judge saved evidence) carry no network code.
 */

export type { JsonObject, JsonPrimitive, JsonValue } from './model/json.js';
export {
  checkLevels,
  clampStatus,
  compareStatus,
  isVerdictStatus,
  verdictStatuses,
  worstStatus,
  worstStatusForLevel,
} from './model/status.js';
export type { CheckLevel, VerdictStatus } from './model/status.js';
export { subjectKey, subjectLabel } from './model/subject.js';
export type { Subject, SubjectRole } from './model/subject.js';
export { ProbeFailure } from './model/evidence.js';
export type {
  Evidence,
  EvidenceEnvelope,
  EvidenceFailure,
  EvidenceSuccess,
  ProbeError,
  ProbeErrorCode,
} from './model/evidence.js';
export type { Finding, MessageParams, Reference, StandardId } from './model/finding.js';
export type { ScanTarget } from './model/target.js';
export type { CheckError, CheckResult, InternetNlRef, SubjectResult, Verdict, VerdictError } from './model/verdict.js';
export { declareProbe, probeNeedsOf } from './model/probe-declaration.js';
export type { AnyProbeDeclaration, ProbeData, ProbeDeclaration, ProbeDeclarationInput, ProbeScope } from './model/probe-declaration.js';
export type {
  AnyProbe,
  EachProbeImplementation,
  EvidenceSource,
  PlanContext,
  ProbeContext,
  ProbeDefinition,
  ProbeSettings,
  TlsSharing,
  ProbeUses,
  TargetProbeImplementation,
  Transports,
} from './model/probe.js';
export { defineCheck, selectAddresses } from './model/check.js';
export type {
  AddressSelection,
  AnyCheck,
  CheckDefinition,
  CheckEvidence,
  CheckEvidenceItem,
  CheckInput,
  CheckMeta,
  EvaluateContext,
  InternetNlCheckInput,
  OwnCheckInput,
  ProbeMap,
} from './model/check.js';
export { definePreset } from './model/preset.js';
export type { Preset } from './model/preset.js';
export { reportSchema } from './model/report.js';
export type { EvidenceBundle, ScanReport, ScanStats } from './model/report.js';
export { rulesetVersions } from './model/provenance.js';
export type { DnssecProvenance, RulesetVersions, ScanProvenance } from './model/provenance.js';
export { probeNeeds, vantageStepNeed } from './model/vantage.js';
export type { ProbeNeed, VantageReport, VantageSettings, VantageStep, VantageStepResult } from './model/vantage.js';
export { evaluate } from './runner/evaluate.js';
export { ScanInputError } from './runner/input.js';
export { score } from './scoring/score.js';
export type { ScorableReport } from './scoring/score.js';
export { policies } from './scoring/policies.js';
export type { Policies } from './scoring/policies.js';
export { derivePointsPolicy } from './scoring/derive.js';
export type { PointsPolicyChanges, PointsTestChange } from './scoring/derive.js';
export { toInternetNlStatus } from './scoring/internetnl-status.js';
export type { InternetNlStatus } from './scoring/internetnl-status.js';
export {
  findInternetNlCategory,
  findInternetNlSubtest,
  internetnlCatalogue,
  internetnlVerdict,
} from './scoring/internetnl-catalogue.js';
export type { InternetNlCategory, InternetNlOutcome, InternetNlSubtest, LevelRaise } from './scoring/internetnl-catalogue.js';
export type {
  CategoryGate,
  OutcomeCondition,
  OutcomeRule,
  PointsCategoryPolicy,
  PointsPolicy,
  PointsSuitePolicy,
  PointsTestPolicy,
  ScoringPolicy,
  TargetStandardPolicy,
  TargetStatePolicy,
  TargetSuitePolicy,
  TargetTestPolicy,
} from './scoring/policy.js';
export type {
  CategoryScore,
  CategoryStatus,
  Coverage,
  DecisionProblem,
  FailingTest,
  Meets,
  PointsScoreResult,
  ScoreProblem,
  ScoreResult,
  ServerScore,
  StandardResult,
  SuiteScore,
  TargetStateResult,
  TargetSuiteResult,
  TestScore,
  UnscoredVerdict,
} from './scoring/result.js';
export { dnssecDeclaration } from './probes/dnssec.declaration.js';
export type { DnssecEvidence } from './probes/dnssec.declaration.js';
export { webAddressesDeclaration } from './probes/addresses.declaration.js';
export type { AddressEvidence } from './probes/addresses.declaration.js';
export { webTlsDeclaration } from './probes/tls-web.declaration.js';
export { webHttpDeclaration } from './probes/web-http.declaration.js';
export type { HttpHeader } from './http/types.js';
export type {
  WebHomePage,
  WebHttpEvidence,
  WebHttpsFailure,
  WebHttpsResult,
  WebRedirectChain,
  WebRedirectEnd,
  WebRedirectHop,
} from './probes/web-http.declaration.js';
export { parseSecurityTxt, securityTxtMaxBytes } from './securitytxt/parse.js';
export type { SecurityTxtSignatureStatus, SecurityTxtSignatureVerification } from './securitytxt/verification.js';
export { securityTxtDeclaration } from './probes/securitytxt.declaration.js';
export type {
  SecurityTxtEvidence,
  SecurityTxtRequest,
  SecurityTxtRetrievalCode,
  SecurityTxtRetrievalError,
} from './probes/securitytxt.declaration.js';
export type {
  ParseSecurityTxtOptions,
  SecurityTxt,
  SecurityTxtErrorCode,
  SecurityTxtField,
  SecurityTxtNotificationCode,
  SecurityTxtProblem,
  SecurityTxtRecommendationCode,
  SecurityTxtSignature,
} from './securitytxt/parse.js';
export { maxNameServerAddresses, maxNameServers, nameServersDeclaration } from './probes/name-servers.declaration.js';
export type { NameServerAddresses, NameServerEvidence } from './probes/name-servers.declaration.js';
export { nameServerQueryTimeoutMs, nameServerReachabilityDeclaration } from './probes/name-server-reachability.declaration.js';
export type { NameServerReachabilityEvidence } from './probes/name-server-reachability.declaration.js';
export {
  maxReachabilityAddresses,
  webReachabilityDeclaration,
  webReachabilityPorts,
  webReachabilityTimeoutMs,
} from './probes/web-reachability.declaration.js';
export type { WebReachabilityEvidence } from './probes/web-reachability.declaration.js';
export type { PortAttempt, PortReachability, TcpReachabilityEvidence } from './probes/tcp-reachability.declaration.js';
export { webSameSiteDeclaration } from './probes/web-same-site.declaration.js';
export type { SameSiteFailure, SameSiteResponse, WebSameSiteEvidence } from './probes/web-same-site.declaration.js';
export {
  contentDistance,
  quickRatio,
  sameSiteBodyLimit,
  sameSiteHistogram,
  sameSiteMaxDistance,
  stripVolatileHtml,
} from './ipv6/same-site-content.js';
export type { ByteHistogram } from './ipv6/same-site-content.js';
export {
  averagedMailServerPoints,
  averagedNameServerPoints,
  hasIpv4,
  hasIpv6,
  hostReachPoints,
  hostReachSubject,
  summariseHostReach,
} from './ipv6/reach.js';
export type { AddressReach, HostReach } from './ipv6/reach.js';
export { judgeNameServerAddresses, judgeNameServerReach, nameServerReach } from './ipv6/name-server-judgement.js';
export type { NameServerReachabilityItem } from './ipv6/name-server-judgement.js';
export { dnssecOwnFailure, dnssecState, ownFailureReasons } from './dnssec/state.js';
export type { DnssecState } from './dnssec/state.js';
export { dnssecFacts, judgeDnssecExists, judgeDnssecValid } from './dnssec/results.js';
export type { DnssecJudgement } from './dnssec/results.js';
export { judgeDnssecAlgorithms, minimumRsaBits, rateDnskeyAlgorithm, rateDsDigestType } from './dnssec/algorithm-quality.js';
export type { AlgorithmRating, ChainZoneScope } from './dnssec/algorithm-quality.js';
export type { DnskeyInfo } from './dnssec/zone-state.js';
export type { ValidationReason, ValidationStatus } from './dnssec/reasons.js';
export type { ValidationResult } from './dnssec/types.js';
export * from './tls/evaluate/index.js';
export type { TlsEvidence, TlsVersion } from './tls/types.js';
export { webTlsaDeclaration } from './probes/dane-web.declaration.js';
export type { TlsaLookupEvidence } from './probes/dane-web.declaration.js';
export { caaDeclaration } from './probes/caa.declaration.js';
export type { CaaEvidence } from './probes/caa.declaration.js';
export { evaluateDane, evaluateEndpointDane, judgeDaneExists, judgeDaneRollover, judgeDaneValid } from './dane/index.js';
export type { DaneInput, DaneJudgement, DaneResult, TlsaOutcome } from './dane/index.js';
export { caaMaxRecords, evaluateCaa, judgeCaa, selectCaaRRset } from './caa/index.js';
export type { CaaEvaluation, CaaJudgement, CaaLookup, CaaSelection } from './caa/index.js';
export { webRouteOriginDeclaration, nameServerRouteOriginDeclaration } from './probes/route-origin.declaration.js';
export type { NameServerRouteOriginEvidence } from './probes/route-origin.declaration.js';
export {
  addressBits,
  formatPrefix,
  parseIpAddress,
  parsePrefix,
  prefixAddress,
  prefixContains,
  prefixOf,
  routedPrefixLength,
  routedPrefixOf,
  unwrapIpv4Mapped,
} from './rpki/prefix.js';
export type { IpAddress, IpFamily, IpPrefix } from './rpki/prefix.js';
export { coveringVrps, isAsn, isValidVrp, maxAsn, parseAsn, validateOrigin } from './rpki/origin-validation.js';
export type { Route, RouteOriginState, Vrp } from './rpki/origin-validation.js';
export { addressRpkiReport, roaExistenceReport, routeValidityReport } from './rpki/report.js';
export type {
  AddressRpkiReport,
  RoaExistenceOutcome,
  RoaExistenceReport,
  RouteOriginEvidence,
  RouteOriginRow,
  RouteValidityOutcome,
  RouteValidityReport,
} from './rpki/report.js';
export type { RouteSource, RpkiSourceContext, RpkiSources, VrpSource } from './rpki/types.js';
export { judgeRoaExistence, judgeRouteValidity, nameServerAddressEvidence, rpkiEvidenceProblem } from './rpki/judge.js';
export { rpkiReferences } from './rpki/references.js';
