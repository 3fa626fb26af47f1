/**
 * The bulk engine behind `pastoe bulk`: read an input list, scan it into the results store with
 * resume, and write the outputs from the store.
 */
export { readDomainList } from './read-domain-list.js';
export type { BulkInput, ReadDomainListOptions } from './read-domain-list.js';
export { runBulk } from './run-bulk.js';
export type { BulkProgress, BulkRunOptions, BulkRunResult } from './run-bulk.js';
export { writeBulkOutputs } from './outputs.js';
export type { BulkOutputOptions } from './outputs.js';
