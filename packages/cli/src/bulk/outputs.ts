import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanReport } from '@pastoe/core';
import {
  type GroupBy,
  type Language,
  type SupplierCatalogue,
  defaultSupplierCatalogue,
  summarize,
  summaryToCsv,
  toCsv,
  toHtml,
} from '@pastoe/reporting';
import { type ResultStore, StoreError } from '@pastoe/store';

/** Options for {@link writeBulkOutputs}. */
export interface BulkOutputOptions {
  /** The language of the HTML summary. Default `en`. */
  readonly language?: Language;
  /** How to group the domains in the summary; default the group labels stored with the measurement. */
  readonly groupBy?: GroupBy<ScanReport>;
  /** The supplier catalogue of the summaries' supplier view; default the one pastoe ships (`defaultSupplierCatalogue`). */
  readonly suppliers?: SupplierCatalogue;
  /** Stops writing between files. */
  readonly signal?: AbortSignal;
}

/** The files {@link writeBulkOutputs} writes, in the order it writes them. */
const outputFiles = ['summary.json', 'summary.csv', 'results.csv', 'summary.html'] as const;

/**
 * Writes a measurement's outputs into `outDir` (made when absent) from the store: `summary.json`
 * (`summarize` over the stored reports, by group and by supplier), `summary.csv` (`summaryToCsv`),
 * `results.csv` (`toCsv`, a row per domain) and `summary.html`. Returns the paths written. Reads the reports
 * as a stream, once per file that needs them, so a measurement of any size is never held whole.
 */
export async function writeBulkOutputs(
  store: ResultStore,
  measurementId: number,
  outDir: string,
  options: BulkOutputOptions = {},
): Promise<string[]> {
  const measurement = store.measurement(measurementId);
  if (measurement === undefined) throw new StoreError('unknown-measurement', `${store.file} has no measurement ${measurementId}`);
  const groupBy =
    options.groupBy ?? new Map(measurement.domains.flatMap((entry) => (entry.group === undefined ? [] : [[entry.domain, entry.group]])));
  await mkdir(outDir, { recursive: true });
  const [jsonPath, summaryCsvPath, resultsPath, htmlPath] = outputFiles.map((name) => join(outDir, name)) as [
    string,
    string,
    string,
    string,
  ];

  const suppliers = options.suppliers ?? defaultSupplierCatalogue();
  const summary = summarize(storedReports(store, measurementId), { groupBy, suppliers });
  await writeFile(jsonPath, `${JSON.stringify(summary, null, 2)}\n`, options.signal === undefined ? {} : { signal: options.signal });
  options.signal?.throwIfAborted();
  await writeFile(summaryCsvPath, summaryToCsv(summary));
  options.signal?.throwIfAborted();
  await writeResultsCsv(() => storedReports(store, measurementId), resultsPath);
  options.signal?.throwIfAborted();
  const title = measurement.label ?? `pastoe ${measurement.startedAt.slice(0, 10)}`;
  await writeFile(htmlPath, toHtml([], { summary, language: options.language ?? 'en', title }));
  return [jsonPath, summaryCsvPath, resultsPath, htmlPath];
}

function* storedReports(store: ResultStore, measurementId: number): Generator<ScanReport> {
  for (const { report } of store.reports(measurementId)) yield report;
}

/**
 * Writes `toCsv`'s table a row at a time. Reports of one run have the same checks in the same
 * order, so each report's own table has the same header: its row is appended. Should a report's
 * checks differ (a store filled by hand), the file is written again by `toCsv` over all reports,
 * without their evidence, so that the columns are their union as `toCsv` defines it.
 */
async function writeResultsCsv(reports: () => Iterable<ScanReport>, path: string): Promise<void> {
  const file = await open(path, 'w');
  let header: string | undefined;
  let uniform = true;
  try {
    for (const report of reports()) {
      const table = toCsv([report]);
      const cut = table.indexOf('\r\n');
      const head = table.slice(0, cut + 2);
      if (header === undefined) {
        header = head;
        await file.write(head);
      } else if (head !== header) {
        uniform = false;
        break;
      }
      await file.write(table.slice(cut + 2));
    }
    if (header === undefined) await file.write(toCsv([]));
  } finally {
    await file.close();
  }
  if (!uniform) await writeFile(path, toCsv([...reports()].map((report) => ({ ...report, evidence: [] }))));
}
