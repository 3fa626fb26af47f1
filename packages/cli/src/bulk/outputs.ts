import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanReport } from '@pastoe/core';
import {
  type AdoptionSummary,
  checkOrder,
  type GroupBy,
  type Language,
  type SupplierCatalogue,
  defaultSupplierCatalogue,
  summarize,
  summaryToCsv,
  summaryToMarkdown,
  toCsv,
  toHtml,
} from '@pastoe/reporting';
import { type Measurement, type ResultStore, StoreError } from '@pastoe/store';

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
  await mkdir(outDir, { recursive: true });
  const [jsonPath, summaryCsvPath, resultsPath, htmlPath] = outputFiles.map((name) => join(outDir, name)) as [
    string,
    string,
    string,
    string,
  ];

  const summary = measurementSummary(store, measurement, options);
  const text = (format: SummaryFormat) => summaryText(summary, format, { measurement, language: options.language ?? 'en' });
  await writeFile(jsonPath, text('json'), options.signal === undefined ? {} : { signal: options.signal });
  options.signal?.throwIfAborted();
  await writeFile(summaryCsvPath, text('csv'));
  options.signal?.throwIfAborted();
  await writeResultsCsv(() => storedReports(store, measurementId), resultsPath);
  options.signal?.throwIfAborted();
  await writeFile(htmlPath, text('html'));
  return [jsonPath, summaryCsvPath, resultsPath, htmlPath];
}

/**
 * The adoption summary of a measurement, by group (`groupBy`, else the group labels stored with
 * its input list) and by supplier (`suppliers`, else the catalogue pastoe ships).
 */
export function measurementSummary(
  store: ResultStore,
  measurement: Measurement,
  options: Pick<BulkOutputOptions, 'groupBy' | 'suppliers'> = {},
): AdoptionSummary {
  const groupBy =
    options.groupBy ?? new Map(measurement.domains.flatMap((entry) => (entry.group === undefined ? [] : [[entry.domain, entry.group]])));
  const suppliers = options.suppliers ?? defaultSupplierCatalogue();
  return summarize(storedReports(store, measurement.id), { groupBy, suppliers });
}

/** The formats a summary is written in. */
export type SummaryFormat = 'json' | 'csv' | 'html' | 'md';

/** A measurement's summary as the text of `summary.json`, `summary.csv` or `summary.html` (titled with the measurement's label or date), or as Markdown. */
export function summaryText(
  summary: AdoptionSummary,
  format: SummaryFormat,
  options: { readonly measurement: Measurement; readonly language: Language },
): string {
  const { measurement, language } = options;
  const title = measurement.label ?? `pastoe ${measurement.startedAt.slice(0, 10)}`;
  switch (format) {
    case 'json':
      return `${JSON.stringify(summary, null, 2)}\n`;
    case 'csv':
      return summaryToCsv(summary);
    case 'html':
      return toHtml([], { summary, language, title });
    case 'md':
      return summaryToMarkdown(summary, { language, headingLevel: 1 });
  }
}

/** The reports of a measurement, read from the store one at a time. */
export function* storedReports(store: ResultStore, measurementId: number): Generator<ScanReport> {
  for (const { report } of store.reports(measurementId)) yield report;
}

/**
 * `toCsv`'s table of a run in pieces, without holding the reports: one pass for the check
 * columns (their union, as `toCsv` orders it), then a row per report.
 */
export function* resultsCsvText(reports: () => Iterable<ScanReport>): Generator<string> {
  const checks = checkOrder(reports());
  yield toCsv([], { checks });
  for (const report of reports()) {
    const table = toCsv([report], { checks });
    yield table.slice(table.indexOf('\r\n') + 2);
  }
}

/**
 * Writes `toCsv`'s table a row at a time. Reports of one run have the same checks in the same
 * order, so each report's own table has the same header: its row is appended. Should a report's
 * checks differ (a store filled by hand), the file is written again by {@link resultsCsvText},
 * so that the columns are their union as `toCsv` defines it.
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
  if (!uniform) {
    const again = await open(path, 'w');
    try {
      for (const text of resultsCsvText(reports)) await again.write(text);
    } finally {
      await again.close();
    }
  }
}
