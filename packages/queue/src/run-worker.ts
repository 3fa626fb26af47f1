import { type AddressMap, createNodeNetwork, type ScanCaches, type ScanManyOptions, createScanCaches, scanMany } from '@pastoe/core';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { type QueueConnection, redisOptions } from './connection.js';
import { DomainChannel } from './domain-channel.js';
import { QueueError } from './errors.js';
import { failedReason } from './failure.js';
import { checkJob, defaultQueueName, type ScanJobData } from './jobs.js';
import { lockSmtpConnections } from './smtp-lock.js';

/** Options for {@link runWorker}. */
export interface RunWorkerOptions {
  /** The Redis the coordinator and the workers share. */
  readonly connection: QueueConnection;
  /** The queue's name. Default `pastoe-scan`. */
  readonly name?: string;
  /** Domains scanned at once by this worker. Default 4. */
  readonly concurrency?: number;
  /** What to scan with: checks and probes (or a preset), transports, vantage, time limits… */
  readonly scan: Omit<ScanManyOptions, 'signal' | 'domainConcurrency' | 'caches'>;
  /** The caches all of this worker's scans share; a fresh set by default. */
  readonly caches?: ScanCaches;
  /**
   * How often this worker looks for jobs whose worker died (its lock on the job not renewed), in
   * milliseconds; such a job goes back to the queue. Also how long a job's lock lasts without
   * renewal. Default 30 000; a test sets it short.
   */
  readonly stalledIntervalMs?: number;
  /**
   * One SMTP connection at a time per mail server address across all workers (see
   * `lockSmtpConnections`), the lock's TTL in milliseconds; `false` turns it off. Default 30 000.
   */
  readonly smtpLockTtlMs?: number | false;
  /** The address map of the scan's network, if it has one: SMTP locks are keyed by the server really contacted. */
  readonly addressMap?: AddressMap;
  /** Stops the worker: it takes no new job, finishes the jobs it runs, closes its connections and resolves. */
  readonly signal?: AbortSignal;
  /** Called when a job finished here, for a log line. */
  readonly onJob?: (event: WorkerJobEvent) => void;
}

/** One job this worker finished. */
export interface WorkerJobEvent {
  /** The job's measurement. */
  readonly measurementId: number;
  /** The domain. */
  readonly domain: string;
  /** `scanned` with a report, else why not. */
  readonly outcome: 'scanned' | 'invalid-input' | 'internal' | 'aborted';
}

/** What a worker did before it stopped. */
export interface WorkerResult {
  /** Jobs that ended with a report. */
  readonly scanned: number;
  /** Jobs that ended without one. */
  readonly failed: number;
}

const maxConcurrency = 256;

/**
 * Runs a scan worker until its signal aborts: takes jobs from the queue, scans each domain in one
 * long `scanMany` run (one set of caches, transports and one vantage check for all of this
 * worker's domains) and returns the report as the job's result, which the coordinator's
 * `collectResults` commits. A domain that is not a domain fails its job for good; an internal
 * error fails the attempt and BullMQ tries again (`attempts` of `createQueue`). A job whose worker
 * was killed is taken up again after `stalledIntervalMs`.
 *
 * Connections to port 25 take a lock in Redis per address first (`smtpLockTtlMs`). When the
 * signal aborts, the worker finishes its running jobs and resolves; when the scan run fails (a
 * failed vantage check throws `VantageError`), the running jobs are left to go back to the
 * queue and the promise rejects with that error.
 */
export async function runWorker(options: RunWorkerOptions): Promise<WorkerResult> {
  options.signal?.throwIfAborted();
  const concurrency = options.concurrency ?? 4;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > maxConcurrency)
    throw new QueueError('invalid-input', `concurrency must be a whole number from 1 to ${maxConcurrency}, got ${String(concurrency)}`);
  const stalledIntervalMs = options.stalledIntervalMs ?? 30_000;
  if (!Number.isSafeInteger(stalledIntervalMs) || stalledIntervalMs < 500)
    throw new QueueError('invalid-input', `stalledIntervalMs must be a whole number of at least 500, got ${String(stalledIntervalMs)}`);

  const network = options.scan.transports?.network ?? createNodeNetwork();
  const locked =
    options.smtpLockTtlMs === false
      ? undefined
      : lockSmtpConnections(network, {
          connection: options.connection,
          ttlMs: options.smtpLockTtlMs ?? 30_000,
          ...(options.addressMap === undefined ? {} : { addressMap: options.addressMap }),
        });
  const channel = new DomainChannel();
  // The run is not given the caller's signal: stopping lets the running scans finish.
  const runStop = new AbortController();
  const results = scanMany(channel, {
    ...options.scan,
    transports: { ...options.scan.transports, network: locked?.network ?? network },
    caches: options.caches ?? createScanCaches(),
    domainConcurrency: concurrency,
    signal: runStop.signal,
  });
  const pump = (async () => {
    for await (const result of results) channel.deliver(result);
  })();
  let runFailure: { readonly error: unknown } | undefined;
  const runEnded = pump.catch((error: unknown) => {
    runFailure = { error };
    channel.fail(error);
  });

  let scanned = 0;
  let failed = 0;
  const processJob = async (job: Job<ScanJobData>): Promise<unknown> => {
    const { measurementId, domain } = job.data;
    try {
      checkJob(measurementId, domain);
    } catch (error) {
      throw new UnrecoverableError(failedReason('invalid-input', error instanceof Error ? error.message : String(error)));
    }
    const result = await channel.submit(domain);
    const outcome = result.ok ? 'scanned' : result.error.code;
    options.onJob?.({ measurementId, domain, outcome });
    if (result.ok) {
      scanned += 1;
      return result.report;
    }
    failed += 1;
    if (result.error.code === 'invalid-input') throw new UnrecoverableError(failedReason('invalid-input', result.error.message));
    throw new Error(failedReason('internal', result.error.message));
  };

  const worker = new Worker<ScanJobData>(options.name ?? defaultQueueName, processJob, {
    connection: redisOptions(options.connection),
    concurrency,
    stalledInterval: stalledIntervalMs,
    lockDuration: stalledIntervalMs,
    maxStalledCount: 2,
  });
  // Errors of the connection are retried by ioredis; a listener keeps them from being thrown.
  worker.on('error', () => undefined);
  try {
    const stopped = new Promise<void>((resolve) => {
      if (options.signal === undefined) return;
      if (options.signal.aborted) resolve();
      options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await Promise.race([stopped, runEnded]);
    // A failed run cannot finish its jobs: they are left to stall and go back to the queue.
    await worker.close(runFailure !== undefined);
    channel.end();
    await runEnded;
    if (runFailure !== undefined) throw runFailure.error;
    return { scanned, failed };
  } finally {
    runStop.abort(new Error('the worker stopped'));
    channel.end();
    await runEnded;
    await locked?.close();
    await worker.close(true).catch(() => undefined);
  }
}
