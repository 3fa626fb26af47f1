/**
 * The lab's network side: the address map from documentation addresses to loopback listeners,
 * tracked listeners, and the web and mail scenario world.
 */
export { canonicalIp, createLabAddressMap } from './address-map.js';
export type { LabAddressMap, LabAddressMapOptions, LabRoute, LabRouteProtocol } from './address-map.js';
export { countingNetwork } from './counting-network.js';
export type { CountingNetwork } from './counting-network.js';
export { listenTracked } from './listener.js';
export type { LabListener } from './listener.js';
export { startLabScenarios } from './scenarios/start.js';
export type {
  LabCertificateExpectation,
  LabIpv6Setup,
  LabMailScenario,
  LabSmtpSessions,
  LabNameServerSetup,
  LabRpkiCase,
  LabScenarioWorld,
  LabServiceEndpoint,
  LabTlsExpectation,
  LabWebScenario,
  LabWwwSetup,
  LabScenarioCopies,
  StartLabScenariosOptions,
} from './scenarios/types.js';
export { expectedWebVerdicts, webExpectationAreas } from './scenarios/expected/index.js';
export { expectedMailVerdicts, mailExpectationAreas } from './scenarios/expected/mail/index.js';
export { describeMismatch, verdictMismatches } from './scenarios/expected/compare.js';
export type { ComparedVerdict, VerdictMismatch } from './scenarios/expected/compare.js';
export { mailIpv6RpkiExpectations } from './scenarios/expected/mail/ipv6-rpki.js';
export type { ExpectedSubtests, ExpectedVerdict, WebAreaExpectations } from './scenarios/expected/index.js';
export { expectedMailScores } from './scenarios/expected/mail/scores.js';
export type { ExpectedMailScore } from './scenarios/expected/mail/scores.js';
