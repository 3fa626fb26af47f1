/**
 * The lab's DNS: zones, a zone-file reader and writer, a DNSSEC signer with deliberate faults,
 * an authoritative-and-helpful server over UDP, TCP and DoH, and the scenario catalogue.
 */
export { LabDnsError } from './names.js';
export type { Zone, ZoneRecord, ZoneServingFaults } from './zone.js';
export { parseZoneFile, zoneToText } from './zonefile.js';
export type { ParseZoneOptions } from './zonefile.js';
export { computeDs, computeKeyTag, dnskeyData, dnssecKeyFromPrivateKey, generateDnssecKey, signingAlgorithms } from './keys.js';
export type { DnssecKey, DnssecKeyRole, GenerateDnssecKeyOptions } from './keys.js';
export { nsec3Hash, rrsigSignedData, signRRset, signZone } from './signer.js';
export type { DenialOptions, SignRRsetOptions, SignZoneOptions, SigningFault } from './signer.js';
export { encodeRdata } from './rdata.js';
export { createDnsResponder, labUdpPayloadSize } from './responder.js';
export type { DnsResponder, RespondOptions, TimedResponse } from './responder.js';
export { startDnsServer } from './server.js';
export { startLyingResolver } from './lying-resolver.js';
export type { LyingResolver, LyingResolverAnswer, LyingResolverOptions } from './lying-resolver.js';
export type { DnsServerHandle, DnsServerLimits, DnsServerOptions } from './server.js';
export {
  createLabDnsZones,
  createUnsignedLabZones,
  labDnsScenarios,
  labRootTrustAnchor,
  labZoneCatalogue,
  trustAnchorFor,
} from './catalogue.js';
export type {
  CreateLabDnsZonesOptions,
  LabDnsScenario,
  LabDnsZones,
  LabTrustAnchor,
  LabUnsignedZone,
  LabZoneSigning,
  LabZoneSpec,
} from './catalogue.js';
