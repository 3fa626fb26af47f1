import { collectResults, createQueue, type QueueConnection } from '@pastoe/queue';
import type { ResultStore } from '@pastoe/store';
import type { BulkInput } from './read-domain-list.js';
import { type BulkProgress, type BulkRunResult, openMeasurement } from './run-bulk.js';

/** Options for {@link runQueuedBulk}. */
export interface QueuedBulkOptions {
  /** The input list (from `readDomainList`): each domain once, with its group. */
  readonly inputs: readonly BulkInput[];
  /** The store every finished domain is committed to as soon as a worker finishes it. */
  readonly store: ResultStore;
  /** Continue the latest unfinished measurement of the same input list (see `runBulk`). */
  readonly resume: boolean;
  /** The Redis the workers (`pastoe worker`) take their jobs from. */
  readonly queue: QueueConnection;
  /** The queue's name. Default `pastoe-scan`. */
  readonly queueName?: string;
  /** The policy recorded with a new measurement. Default `internetnl`. */
  readonly policy?: string;
  /** Stops collecting: what was committed stays, jobs stay queued, and the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called once before collecting and after every committed domain. */
  readonly onProgress?: (progress: BulkProgress) => void;
}

/**
 * Runs a bulk measurement over several machines: puts the domains not yet finished in the queue
 * on Redis (a resumed run adds no domain twice: a job's id is its measurement and domain) and
 * commits every report the workers return to the store as it comes, with progress over the whole
 * list. When every domain is in, the measurement is marked finished.
 */
export async function runQueuedBulk(options: QueuedBulkOptions): Promise<BulkRunResult> {
  options.signal?.throwIfAborted();
  const { inputs, store } = options;
  const { measurement, pending } = openMeasurement(options);
  const skipped = inputs.length - pending.length;
  const name = options.queueName === undefined ? {} : { name: options.queueName };
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  const queue = createQueue({ connection: options.queue, ...name, ...signal });
  try {
    await queue.enqueue(
      measurement.id,
      pending.map((input) => input.domain),
      signal,
    );
  } finally {
    await queue.close();
  }
  const collected = await collectResults({
    connection: options.queue,
    ...name,
    ...signal,
    store,
    measurementId: measurement.id,
    domains: pending,
    onProgress: (state) =>
      options.onProgress?.({
        ...state,
        done: skipped + state.done,
        total: inputs.length,
      }),
  });
  store.finishMeasurement(measurement.id);
  return { measurementId: measurement.id, scanned: collected.scanned, skipped, failed: collected.failed };
}
