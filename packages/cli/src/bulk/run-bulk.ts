import { type ScanManyOptions, scanMany } from '@pastoe/core';
import { type Measurement, type MeasurementProgress, progressCounter, type ResultStore, StoreError } from '@pastoe/store';
import type { BulkInput } from './read-domain-list.js';

/**
 * How far a bulk run is, after each domain (`MeasurementProgress` of `@pastoe/store`): `done`
 * counts the domains a resumed run skipped, the rate only those this run scanned.
 */
export type BulkProgress = MeasurementProgress;

/** Options for {@link runBulk}. */
export interface BulkRunOptions {
  /** The input list (from `readDomainList`): each domain once, with its group. */
  readonly inputs: readonly BulkInput[];
  /** The store every finished domain is committed to as soon as it finishes. */
  readonly store: ResultStore;
  /**
   * Continue the latest unfinished measurement of the same input list (same domains, order and
   * groups), skipping the domains it has finished (reports and recorded failures); without one, a
   * new measurement starts.
   */
  readonly resume: boolean;
  /** What to scan with: preset, transports, vantage, concurrency, caches… */
  readonly scan: Omit<ScanManyOptions, 'signal'>;
  /** The policy recorded with a new measurement. Default `internetnl`. */
  readonly policy?: string;
  /** A label recorded with a new measurement. */
  readonly label?: string;
  /** Stops the run: the domains finished so far stay committed and `runBulk` rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called once before scanning and after every finished domain. */
  readonly onProgress?: (progress: BulkProgress) => void;
}

/** What a bulk run did. */
export interface BulkRunResult {
  /** The measurement the reports are in. */
  readonly measurementId: number;
  /** Domains scanned by this run, with a report. */
  readonly scanned: number;
  /** Domains skipped because the resumed measurement had finished them. */
  readonly skipped: number;
  /** Domains this run could not scan or store (their failure is recorded in the store). */
  readonly failed: number;
}

/**
 * Runs a bulk measurement: scans the input list with `scanMany` (one set of caches for the whole
 * run: DNS, per-address TLS, per-MX mail results) and commits every finished domain to the store
 * at once, in its own transaction, so an interrupted run loses no finished domain and a resumed
 * one (`resume: true`) scans only the rest. Reports are never held: each is saved and dropped.
 *
 * When the list is done the measurement is marked finished. When `signal` aborts, the scans in
 * flight are dropped (not recorded, so a resumed run scans them) and the promise rejects with the
 * signal's reason; a failed vantage check rejects with the `VantageError`, the measurement left
 * unfinished for a resumed run.
 */
export async function runBulk(options: BulkRunOptions): Promise<BulkRunResult> {
  const { inputs, store } = options;
  options.signal?.throwIfAborted();
  const { measurement, pending: pendingInputs } = openMeasurement({
    ...options,
    ...(typeof options.scan.vantage === 'object' ? { vantage: options.scan.vantage } : {}),
  });
  const groups = new Map(inputs.map((input) => [input.domain, input.group]));
  const pending = pendingInputs.map((input) => input.domain);
  const skipped = inputs.length - pending.length;

  const counter = progressCounter(inputs.length, skipped, options.onProgress);
  counter.report();

  const results = scanMany(pending, { ...options.scan, ...(options.signal === undefined ? {} : { signal: options.signal }) });
  for await (const result of results) {
    if (result.ok) {
      try {
        store.saveReport(measurement.id, result.report, groups.get(result.input));
        counter.scannedOne(result.input);
      } catch (error) {
        // A hostile domain can make a report larger than the store takes: that domain fails, the run goes on.
        if (!(error instanceof StoreError && error.code === 'too-large')) throw error;
        store.saveFailure(measurement.id, result.input, { code: 'too-large', message: error.message });
        counter.failedOne(result.input);
      }
    } else if (result.error.code === 'aborted') {
    } else {
      store.saveFailure(measurement.id, result.input, result.error);
      counter.failedOne(result.input);
    }
  }
  options.signal?.throwIfAborted();
  store.finishMeasurement(measurement.id);
  return { measurementId: measurement.id, scanned: counter.scanned, skipped, failed: counter.failed };
}

/**
 * The measurement a bulk run goes into: with `resume`, the latest unfinished one of the same
 * input list, else a new one; and the inputs it has not finished.
 */
export function openMeasurement(options: {
  readonly inputs: readonly BulkInput[];
  readonly store: ResultStore;
  readonly resume: boolean;
  readonly policy?: string;
  readonly label?: string;
  readonly vantage?: unknown;
}): { readonly measurement: Measurement; readonly pending: readonly BulkInput[] } {
  const { inputs, store } = options;
  const resumed = options.resume ? latestResumable(store.measurements(), inputs) : undefined;
  const measurement =
    resumed ??
    store.startMeasurement({
      domains: inputs,
      policy: options.policy ?? 'internetnl',
      ...(options.vantage === undefined ? {} : { vantage: options.vantage }),
      ...(options.label === undefined ? {} : { label: options.label }),
    });
  const finished = resumed === undefined ? new Set<string>() : store.finishedDomains(measurement.id);
  return { measurement, pending: inputs.filter((input) => !finished.has(input.domain)) };
}

/** The latest unfinished measurement started for this very input list (domains, order, groups), if any. */
function latestResumable(measurements: readonly Measurement[], inputs: readonly BulkInput[]): Measurement | undefined {
  for (let at = measurements.length - 1; at >= 0; at--) {
    const measurement = measurements[at];
    if (measurement === undefined || measurement.finishedAt !== undefined || measurement.domains.length !== inputs.length) continue;
    const same = measurement.domains.every(
      (entry, index) => entry.domain === inputs[index]?.domain && entry.group === inputs[index]?.group,
    );
    if (same) return measurement;
  }
  return undefined;
}
