import type { ScanReport } from '@pastoe/core';
import { type MeasurementProgress, progressCounter, type ResultStore, StoreError } from '@pastoe/store';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { sleep } from './abortable.js';
import { openRedis, type QueueConnection, redisOptions } from './connection.js';
import { defaultQueueName, parseScanJobId } from './jobs.js';
import { parseFailedReason } from './failure.js';

/** How far a collection is, after each committed domain (`MeasurementProgress` of `@pastoe/store`). */
export type CollectProgress = MeasurementProgress;

/** Options for {@link collectResults}. */
export interface CollectOptions {
  /** The Redis the workers share. */
  readonly connection: QueueConnection;
  /** The queue's name. Default `pastoe-scan`. */
  readonly name?: string;
  /** The store every finished domain is committed to. */
  readonly store: ResultStore;
  /** The measurement the domains belong to. */
  readonly measurementId: number;
  /** The domains to wait for, each with its group label (the input list's, when it has one). */
  readonly domains: readonly { readonly domain: string; readonly group?: string }[];
  /** The largest report taken from Redis, in bytes of JSON; a larger one is recorded as a `too-large` failure. Default 16 MiB. */
  readonly maxReportBytes?: number;
  /** How long to wait when nothing has finished, in milliseconds. Default 200. */
  readonly pollMs?: number;
  /** Stops collecting: what was committed stays, and the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called once before collecting and after every committed domain. */
  readonly onProgress?: (progress: CollectProgress) => void;
}

/** What a collection committed. */
export interface CollectResult {
  /** Domains with a report. */
  readonly scanned: number;
  /** Domains with a recorded failure. */
  readonly failed: number;
}

const defaultMaxReportBytes = 16 * 1024 * 1024;
/** Job ids read per scan of a finished-jobs set. */
const scanCount = 500;

/**
 * The coordinator's side: waits for the jobs of a measurement's domains to finish on any worker
 * and commits each to the store as it comes, a report with `saveReport`, a job that failed for
 * good with `saveFailure`, then removes the job from Redis. Committing comes first, so a
 * collector killed between the two commits the domain again when restarted; `saveReport`
 * replaces, so the domain is in the store once. A result is read from Redis only after its size
 * is checked against `maxReportBytes`, and must be a scan report of the job's domain.
 *
 * Resolves when every domain listed is committed (the measurement is not marked finished: that
 * is the caller's). Rejects with the signal's reason when it aborts; the connection is closed.
 */
export async function collectResults(options: CollectOptions): Promise<CollectResult> {
  options.signal?.throwIfAborted();
  const maxReportBytes = options.maxReportBytes ?? defaultMaxReportBytes;
  const pollMs = options.pollMs ?? 200;
  const name = options.name ?? defaultQueueName;
  const { store, measurementId } = options;
  const groups = new Map(options.domains.map((entry) => [entry.domain, entry.group]));
  const pending = new Set(groups.keys());
  const queue = new Queue(name, { connection: redisOptions(options.connection) });
  // Reads of finished jobs go through a client of our own, to check a result's size before reading it.
  const client = openRedis(options.connection);
  const onAbort = (): void => {
    void queue.close();
    client.disconnect();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const counter = progressCounter(groups.size, 0, options.onProgress);

  try {
    const keys = { completed: queue.toKey('completed'), failed: queue.toKey('failed') };
    counter.report();
    while (pending.size > 0) {
      options.signal?.throwIfAborted();
      let committed = 0;
      for (const id of await finishedIds(client, keys.completed, measurementId)) {
        const job = parseScanJobId(id);
        if (job === undefined) continue;
        if (pending.has(job.domain)) {
          const outcome = await readReport(client, queue.toKey(id), job.domain, maxReportBytes);
          if (outcome.ok) commitReport(store, measurementId, outcome.report, groups.get(job.domain));
          else store.saveFailure(measurementId, job.domain, outcome.error);
          pending.delete(job.domain);
          committed += 1;
          if (outcome.ok) counter.scannedOne(job.domain);
          else counter.failedOne(job.domain);
        }
        await queue.remove(id);
      }
      for (const id of await finishedIds(client, keys.failed, measurementId)) {
        const job = parseScanJobId(id);
        if (job === undefined) continue;
        if (pending.has(job.domain)) {
          const reason = await client.hget(queue.toKey(id), 'failedReason');
          store.saveFailure(measurementId, job.domain, parseFailedReason(reason ?? ''));
          pending.delete(job.domain);
          committed += 1;
          counter.failedOne(job.domain);
        }
        await queue.remove(id);
      }
      if (committed === 0 && pending.size > 0) await sleep(pollMs, options.signal);
    }
    return { scanned: counter.scanned, failed: counter.failed };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await queue.close();
    await client.quit().catch(() => client.disconnect());
  }
}

/** The ids in a finished-jobs set that belong to the measurement. */
async function finishedIds(client: Redis, key: string, measurementId: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '0';
  do {
    const [next, entries] = await client.zscan(key, cursor, 'MATCH', `${measurementId}/*`, 'COUNT', scanCount);
    cursor = next;
    // ZSCAN answers member, score, member, score…
    for (let at = 0; at < entries.length; at += 2) ids.push(entries[at] as string);
  } while (cursor !== '0');
  return ids;
}

type ReadOutcome =
  | { readonly ok: true; readonly report: ScanReport }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/** A finished job's report, its size checked before it is read and its shape after. */
async function readReport(client: Redis, jobKey: string, domain: string, maxBytes: number): Promise<ReadOutcome> {
  const bytes = await client.hstrlen(jobKey, 'returnvalue');
  if (bytes > maxBytes)
    return {
      ok: false,
      error: { code: 'too-large', message: `the report of ${domain} is ${bytes} bytes of JSON, over the limit of ${maxBytes}` },
    };
  const text = await client.hget(jobKey, 'returnvalue');
  let report: unknown;
  try {
    report = JSON.parse(text ?? '');
  } catch {
    return { ok: false, error: { code: 'corrupt', message: `the result of ${domain} in Redis is not JSON` } };
  }
  if (!isReportOf(report, domain))
    return { ok: false, error: { code: 'corrupt', message: `the result of ${domain} in Redis is not a scan report of ${domain}` } };
  return { ok: true, report };
}

function isReportOf(value: unknown, domain: string): value is ScanReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as { target?: { domain?: unknown }; verdicts?: unknown };
  return report.target?.domain === domain && Array.isArray(report.verdicts);
}

/** Saves the report; one the store finds too large is recorded as that domain's failure. */
function commitReport(store: ResultStore, measurementId: number, report: ScanReport, group: string | undefined): void {
  try {
    store.saveReport(measurementId, report, group);
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'too-large')) throw error;
    store.saveFailure(measurementId, report.target.domain, { code: 'too-large', message: error.message });
  }
}
