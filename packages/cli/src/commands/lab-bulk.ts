import { type Lab, startLab, writeBulkDomainList } from '@pastoe/lab';

/** Starts the lab with `count` generated bulk domains (`d00001.bulk.test`, …). */
export function startBulkLab(count: number, signal: AbortSignal | undefined): Promise<Lab> {
  return startLab({ bulk: count, ...(signal === undefined ? {} : { signal }) });
}

/** Writes the lab's bulk domains as a CSV list with a `domain,group` header. */
export function writeBulkList(lab: Lab, file: string): Promise<void> {
  return writeBulkDomainList(lab, file);
}
