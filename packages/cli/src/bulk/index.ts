/**
 * The bulk engine behind `pastoe bulk`: read an input list, scan it into the results store with
 * resume, and write the outputs from the store. Their option and result types are exported from
 * the files beside this one.
 */
export { readDomainList } from './read-domain-list.js';
export { runBulk } from './run-bulk.js';
export type { BulkProgress } from './run-bulk.js';
export { runQueuedBulk } from './run-queued-bulk.js';
export { writeBulkOutputs } from './outputs.js';
