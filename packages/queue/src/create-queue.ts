import { Queue } from 'bullmq';
import { type QueueConnection, redisOptions } from './connection.js';
import { QueueError } from './errors.js';
import { defaultQueueName, type ScanJobData, scanJobId } from './jobs.js';

/** Options for {@link createQueue}. */
export interface CreateQueueOptions {
  /** The Redis the workers and the collector share. */
  readonly connection: QueueConnection;
  /** The queue's name. Default `pastoe-scan`. */
  readonly name?: string;
  /** How often a job is tried before it counts as failed (an internal error, a worker lost). Default 3. */
  readonly attempts?: number;
  /** Closes the queue's connection when it aborts. */
  readonly signal?: AbortSignal;
}

/** The scan queue, as the coordinator fills it; see {@link createQueue}. */
export interface ScanQueue {
  /** The queue's name. */
  readonly name: string;
  /**
   * Adds a job for every domain of a measurement, in chunks. A domain that already has a job of
   * that measurement (waiting, running or finished and not yet collected) is not added twice.
   * Resolves with the number of domains handed to Redis; rejects with the signal's reason when it
   * aborts between chunks.
   */
  enqueue(measurementId: number, domains: Iterable<string>, options?: { readonly signal?: AbortSignal }): Promise<number>;
  /** Closes the connection; a second call does nothing. */
  close(): Promise<void>;
}

/** Domains added per round trip. */
const chunkSize = 500;

/**
 * Opens the scan queue on Redis (BullMQ). Each job is one domain of one measurement, its id
 * `<measurementId>/<domain>` (see `scanJobId`), so enqueueing a measurement twice, or resuming
 * it, adds no domain twice. Finished jobs are kept until the collector has committed them.
 */
export function createQueue(options: CreateQueueOptions): ScanQueue {
  const attempts = options.attempts ?? 3;
  if (!Number.isSafeInteger(attempts) || attempts < 1 || attempts > 100)
    throw new QueueError('invalid-input', `attempts must be a whole number from 1 to 100, got ${String(attempts)}`);
  const name = options.name ?? defaultQueueName;
  const queue = new Queue<ScanJobData, unknown, string>(name, { connection: redisOptions(options.connection) });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= queue.close();
    return closing;
  };
  options.signal?.addEventListener('abort', () => void close(), { once: true });
  return {
    name,
    async enqueue(measurementId, domains, enqueueOptions = {}) {
      let added = 0;
      let chunk: { name: string; data: ScanJobData; opts: { jobId: string; attempts: number } }[] = [];
      const flush = async (): Promise<void> => {
        enqueueOptions.signal?.throwIfAborted();
        options.signal?.throwIfAborted();
        if (chunk.length === 0) return;
        await queue.addBulk(chunk);
        added += chunk.length;
        chunk = [];
      };
      for (const domain of domains) {
        chunk.push({ name: 'scan', data: { measurementId, domain }, opts: { jobId: scanJobId(measurementId, domain), attempts } });
        if (chunk.length >= chunkSize) await flush();
      }
      await flush();
      return added;
    },
    close,
  };
}
