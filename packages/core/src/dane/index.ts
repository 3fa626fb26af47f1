/**
 * DANE (RFC 6698, 7671, 7672): TLSA matching against the chain a server sent, and the
 * existence, validity and rollover verdicts of Internet.nl's DANE subtests. Pure: the TLSA
 * records and their DNSSEC state come in as data.
 */
export { isSupportedTlsa, tlsaAssociation, tlsaMatches, tlsaRecords, tlsaText } from './tlsa.js';
export type { TlsaRecord } from './tlsa.js';
export { evaluateDane } from './evaluate.js';
export type { DaneInput, DaneResult, TlsaOutcome } from './evaluate.js';
export { evaluateEndpointDane } from './endpoint.js';
export { judgeDaneExists, judgeDaneRollover, judgeDaneValid } from './judge.js';
export type { DaneJudgement } from './judge.js';
