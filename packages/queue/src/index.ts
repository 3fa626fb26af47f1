/**
 * @packageDocumentation
 * pastoe over several machines. A coordinator puts a bulk measurement's domains in a BullMQ
 * queue on Redis ({@link createQueue}), workers on any number of machines scan them
 * ({@link runWorker}) and return each report as the job's result, and the coordinator commits
 * every finished domain to the results store ({@link collectResults}). Workers open one SMTP
 * connection at a time per mail server address between them ({@link lockSmtpConnections}).
 */
export { parseRedisUrl } from './connection.js';
export type { QueueConnection } from './connection.js';
export { createQueue } from './create-queue.js';
export type { CreateQueueOptions, ScanQueue } from './create-queue.js';
export { runWorker } from './run-worker.js';
export type { RunWorkerOptions, WorkerJobEvent, WorkerResult } from './run-worker.js';
export { collectResults } from './collect.js';
export type { CollectOptions, CollectProgress, CollectResult } from './collect.js';
export { lockSmtpConnections } from './smtp-lock.js';
export type { SmtpLockedNetwork, SmtpLockOptions } from './smtp-lock.js';
export { QueueError } from './errors.js';
export type { QueueErrorCode } from './errors.js';
export { defaultQueueName, parseScanJobId, scanJobId } from './jobs.js';
export type { ScanJobData } from './jobs.js';
