import { open } from 'node:fs/promises';
import {
  type Comparison,
  comparisonDomainsToCsv,
  comparisonToCsv,
  comparisonToHtml,
  comparisonToMarkdown,
  compare,
  defaultSupplierCatalogue,
  type Language,
  languages,
} from '@pastoe/reporting';
import { type Measurement, openStore, type ResultStore, StoreError } from '@pastoe/store';
import { type Command, Option } from 'commander';
import { measurementSummary, resultsCsvText, storedReports, summaryText } from '../bulk/outputs.js';
import { positiveInteger } from '../flags.js';
import { readSupplierCatalogue } from '../supplier-catalogue-file.js';
import { UsageError } from '../usage-error.js';
import type { CommandRuntime } from './runtime.js';

/** What `pastoe report` writes: a summary or comparison (`html`, `md`, `csv`, `json`) or an export (`jsonl`, `csv-domains`). */
const reportFormats = ['html', 'md', 'csv', 'json', 'jsonl', 'csv-domains'] as const;
type ReportFormat = (typeof reportFormats)[number];

/** The flags of `pastoe report`. */
interface ReportFlags {
  readonly store: string;
  readonly measurement?: number;
  readonly compare?: number;
  readonly format: ReportFormat;
  readonly lang: Language;
  readonly out?: string;
  /** A supplier catalogue (JSON) for the supplier view; default the one pastoe ships. */
  readonly suppliers?: string;
}

/** The largest measurement id the flags take (the store's ids count up from 1). */
const maxId = 999_999_999;

/** Adds `pastoe report --store FILE`. */
export function addReportCommand(program: Command, runtime: CommandRuntime): void {
  program
    .command('report')
    .description('write a measurement’s adoption summary, compare two measurements, or export a measurement, from a results store')
    .requiredOption('--store <file>', 'the results store (SQLite) a `pastoe bulk` run wrote; opened read-only')
    .addOption(new Option('--measurement <id>', 'the measurement (default: the latest finished one)').argParser(positiveInteger(maxId)))
    .addOption(
      new Option('--compare <id>', 'compare with this earlier measurement (A) against --measurement (B)').argParser(positiveInteger(maxId)),
    )
    .addOption(new Option('--format <format>', 'the output format').choices(reportFormats).default('md'))
    .addOption(new Option('--lang <language>', 'the language of html and md').choices(languages).default('en'))
    .option('--out <file>', 'write to a file instead of standard output')
    .option(
      '--suppliers <file>',
      'a supplier catalogue (JSON) for the supplier view of the summary and the comparison; default the one pastoe ships',
    )
    .addHelpText(
      'after',
      `
Without --compare: the measurement's adoption summary, as 'pastoe bulk' writes it
(html: summary.html, csv: summary.csv, json: summary.json; md: the Markdown tables).

With --compare ID: measurement ID (A, the earlier one) against --measurement (B): the share
meeting each streefbeeld suite, standard and check in A, in B and the change, overall and per
group, and per domain what improved (not met in A, met in B) and what regressed (met in A, not
in B). What pastoe could not judge, what did not apply and what was missing counts as neither.
csv is the adoption table, csv-domains a row per domain and item that changed, json all of it.

Both the summary and the comparison have the supplier view: per mail, DNS and web hosting
supplier the domains using it and the share meeting each standard of the role (in A, in B and
the change), attributed with the catalogue pastoe ships or the one --suppliers FILE names.

Export (without --compare): jsonl writes the measurement's reports, one JSON report a line as
stored; csv-domains a row per domain as results.csv. Both stream: a measurement of any size.

Examples:
  pastoe report --store pastoe-bulk/results.sqlite --format html --lang nl --out summary.html
  pastoe report --store results.sqlite --measurement 2 --compare 1 --format html --out trend.html
  pastoe report --store results.sqlite --compare 1 --suppliers my-suppliers.json --format html --out trend.html
  pastoe report --store results.sqlite --measurement 2 --format jsonl --out najaar.jsonl
`,
    )
    .action(async (flags: ReportFlags) => runtime.exit(await runReport(flags, runtime)));
}

async function runReport(flags: ReportFlags, runtime: CommandRuntime): Promise<number> {
  if (flags.compare !== undefined && flags.format === 'jsonl')
    throw new UsageError('--format jsonl exports one measurement: drop --compare');
  if (flags.compare !== undefined && flags.compare === flags.measurement)
    throw new UsageError('--compare names the measurement itself; give an earlier one');
  const suppliers = flags.suppliers === undefined ? defaultSupplierCatalogue() : await readSupplierCatalogue(flags.suppliers);
  const store = openReadOnly(flags.store);
  try {
    const measurement = chosenMeasurement(store, flags.measurement);
    const sink = await openSink(flags.out, runtime);
    try {
      if (flags.compare !== undefined) {
        const earlier = knownMeasurement(store, flags.compare);
        await sink.write(comparisonText(compare(store, earlier.id, measurement.id, { suppliers }), flags));
      } else if (flags.format === 'jsonl') {
        for (const report of storedReports(store, measurement.id)) await sink.write(`${JSON.stringify(report)}\n`);
      } else if (flags.format === 'csv-domains') {
        for (const text of resultsCsvText(() => storedReports(store, measurement.id))) await sink.write(text);
      } else {
        const summary = measurementSummary(store, measurement, { suppliers });
        await sink.write(summaryText(summary, flags.format, { measurement, language: flags.lang }));
      }
    } finally {
      await sink.close();
    }
  } finally {
    store.close();
  }
  return 0;
}

function comparisonText(comparison: Comparison, flags: ReportFlags): string {
  const language = flags.lang;
  switch (flags.format) {
    case 'html':
      return comparisonToHtml(comparison, { language });
    case 'md':
      return comparisonToMarkdown(comparison, { language });
    case 'csv':
      return comparisonToCsv(comparison);
    case 'csv-domains':
      return comparisonDomainsToCsv(comparison);
    default:
      return `${JSON.stringify(comparison, null, 2)}\n`;
  }
}

/** The store, read-only; a file that is missing, not a store, or of another schema is a usage error. */
function openReadOnly(file: string): ResultStore {
  try {
    return openStore(file, { readonly: true });
  } catch (error) {
    if (error instanceof StoreError) throw new UsageError(`--store: ${error.message}`);
    throw error;
  }
}

function knownMeasurement(store: ResultStore, id: number): Measurement {
  const measurement = store.measurement(id);
  if (measurement === undefined) throw new UsageError(`${store.file} has no measurement ${id}`);
  return measurement;
}

/** The measurement named, or the latest finished one. */
function chosenMeasurement(store: ResultStore, id: number | undefined): Measurement {
  if (id !== undefined) return knownMeasurement(store, id);
  const latest = store.measurements().findLast((measurement) => measurement.finishedAt !== undefined);
  if (latest === undefined) throw new UsageError(`${store.file} has no finished measurement; name one with --measurement`);
  return latest;
}

/** Where the output goes, a piece at a time: standard output, or a file opened before any is written. */
interface Sink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

async function openSink(out: string | undefined, { io, signal }: CommandRuntime): Promise<Sink> {
  if (out === undefined) {
    return {
      write: async (text) => {
        signal?.throwIfAborted();
        io.out(text);
      },
      close: async () => {},
    };
  }
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(out, 'w');
  } catch (error) {
    throw new UsageError(`cannot write --out ${JSON.stringify(out)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    write: async (text) => {
      signal?.throwIfAborted();
      await file.write(text);
    },
    close: () => file.close(),
  };
}
