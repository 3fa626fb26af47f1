/**
 * @packageDocumentation
 * A simulated internet on loopback for pastoe's tests, its demo and tools that embed it:
 * authoritative DNS with a DNSSEC signer and deliberate faults, TLS, HTTP and SMTP servers, and a
 * network that maps the lab's public-looking addresses to loopback listeners.
 */

/** The top-level domain under which every lab scenario lives (RFC 2606 reserves it for testing). */
export const labTopLevelDomain = 'test';

export * from './dns/index.js';
export * from './pki/index.js';
export * from './tls/index.js';
export * from './http/index.js';
export * from './smtp/index.js';
export * from './net/index.js';
export * from './external/index.js';
export * from './rpki/index.js';
export * from './bulk/index.js';
export { labDemoDomains, startLab } from './lab.js';
export type { Lab, LabAddresses, LabDomain, LabOptions, LabRpki, LabTransportOptions } from './lab.js';
export { labRpkiSources, labTransportsFrom } from './transports.js';
export type { LabRpkiUrls, LabTransportParts } from './transports.js';
