/**
 * The heap of a long bulk run. After each full garbage collection V8 lets the heap grow to up to
 * four times the live data when the program allocates fast, which a bulk run does: at 1,000 lab
 * domains the live data was about 70 MB and the heap grew to over 300 MB, most of the process's
 * RSS. Bounding the growth to the live data plus as much again keeps the heap near twice the live
 * data at no measurable cost in speed (bench/bulk.ts: 338 MB peak RSS instead of about 470 MB).
 */
import { setFlagsFromString } from 'node:v8';

/** How far the heap may grow past the live data after a full collection, in percent: +100% is twice the live data. */
const bulkHeapGrowingPercent = 100;

/**
 * Bounds V8's heap growth for the rest of the process, as `pastoe bulk` does before it scans.
 * A process-wide setting, for an application's entry point (the command line, a bench), not for
 * a library: V8 reads the flag at each collection, and an engine that lacks it ignores it.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${bulkHeapGrowingPercent}`);
}
