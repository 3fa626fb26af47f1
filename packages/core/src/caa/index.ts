/**
 * CAA (RFC 8659): record checks with Internet.nl's rules, the pure tree-climbing plan (which
 * names to query, and which answer is the relevant record set), and the verdict.
 */
export { acmeValidationMethods, checkCaaRecord, isEmailAddress } from './parse.js';
export type { CaaIssue, CaaRecord } from './parse.js';
export { caaLookupNames, selectCaaRRset } from './lookup.js';
export type { CaaLookup, CaaSelection } from './lookup.js';
export { caaMaxRecords, evaluateCaa, judgeCaa } from './evaluate.js';
export type { CaaEvaluation, CaaJudgement } from './evaluate.js';
