import { QueueError } from './errors.js';

/** The queue name when none is given. */
export const defaultQueueName = 'pastoe-scan';

/** What a scan job carries: the domain, and the measurement its report belongs to. */
export interface ScanJobData {
  /** The measurement in the results store. */
  readonly measurementId: number;
  /** The domain to scan. */
  readonly domain: string;
}

/** The longest domain a job takes (a DNS name is at most 253 characters). */
const maxDomainLength = 253;

/**
 * A job's id: the measurement and the domain, so enqueueing the same domain twice adds one job.
 * Joined by `/`: BullMQ refuses a `:` in a custom id (it separates Redis key parts), and a domain
 * never holds a `/`.
 */
export function scanJobId(measurementId: number, domain: string): string {
  checkJob(measurementId, domain);
  return `${measurementId}/${domain}`;
}

/** The measurement and domain of a job id made by {@link scanJobId}, or undefined for another id. */
export function parseScanJobId(id: string): ScanJobData | undefined {
  const match = /^(\d{1,15})\/([^/]{1,253})$/.exec(id);
  if (match === null) return undefined;
  return { measurementId: Number(match[1]), domain: match[2] as string };
}

/** Refuses a measurement id or domain a job cannot carry. */
export function checkJob(measurementId: number, domain: string): void {
  if (!Number.isSafeInteger(measurementId) || measurementId < 0)
    throw new QueueError('invalid-input', `a measurement id is a whole number, got ${String(measurementId)}`);
  if (typeof domain !== 'string' || domain === '' || domain.length > maxDomainLength || domain.includes('/'))
    throw new QueueError('invalid-input', `a domain is 1 to ${maxDomainLength} characters without "/", got ${JSON.stringify(domain)}`);
}
