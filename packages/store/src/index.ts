/**
 * @packageDocumentation
 * pastoe's results store: bulk measurements in one SQLite file. A measurement is one bulk run
 * (its input list with group labels, the pastoe version, policy and ruleset versions, vantage,
 * start and end); each domain's report is kept whole (JSON) and as verdict rows for SQL, committed
 * in its own transaction, so the store is the checkpoint an interrupted run resumes from.
 */
export { openStore } from './open-store.js';
export { StoreError } from './errors.js';
export type { StoreErrorCode } from './errors.js';
export { currentSchemaVersion } from './migrations.js';
export type {
  MeasuredDomain,
  Measurement,
  OpenStoreOptions,
  ResultStore,
  ScanFailure,
  StartMeasurementInput,
  StoredReport,
} from './types.js';
export { progressCounter } from './progress.js';
export type { MeasurementProgress, ProgressCounter } from './progress.js';
