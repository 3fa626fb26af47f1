import type { Lab } from '@pastoe/lab';
import { UsageError } from '../usage-error.js';

/*
 * The seam for helper labbulk's `startLab({ bulk })` and `writeBulkDomainList(lab, file)`, which
 * this branch does not have yet. At merge the lead replaces the two bodies with
 * `return startLab({ bulk: count, ...(signal === undefined ? {} : { signal }) });` and
 * `await writeBulkDomainList(lab, file);`, both imported from '@pastoe/lab'.
 */

const notInThisBuild = '--bulk is not in this build: it arrives with the lab’s bulk domains';

/** Starts the lab with `count` generated bulk domains (`d00001.bulk.test`, …). */
export async function startBulkLab(_count: number, _signal: AbortSignal | undefined): Promise<Lab> {
  throw new UsageError(notInThisBuild);
}

/** Writes the lab's bulk domains as a CSV list with a `domain,group` header. */
export async function writeBulkList(_lab: Lab, _file: string): Promise<void> {
  throw new UsageError(notInThisBuild);
}
