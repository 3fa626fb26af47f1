import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { VantageError } from '@pastoe/core';
import { type Language, languages } from '@pastoe/reporting';
import { type Command, Option } from 'commander';
import { boundHeapGrowth } from '../heap.js';
import { createProgress } from '../progress.js';
import { addScanOptions, type ScanFlags, scanSetup } from '../scan-setup.js';
import { readSupplierCatalogue } from '../supplier-catalogue-file.js';
import { UsageError } from '../usage-error.js';
import { type BulkEngine, loadBulkEngine } from './bulk-engine.js';
import type { CommandRuntime } from './runtime.js';

/** The flags of `pastoe bulk`. */
export interface BulkFlags extends ScanFlags {
  /** The CSV column holding the group label. */
  readonly groupColumn?: string;
  /** The folder the summary goes to. */
  readonly out: string;
  /** The results store; default `<out>/results.sqlite`. */
  readonly store?: string;
  /** Resume the last unfinished measurement. */
  readonly resume?: boolean;
  /** The language of the summary. */
  readonly lang: Language;
  /** A supplier catalogue (JSON) for the summary's supplier view; default the one pastoe ships. */
  readonly suppliers?: string;
}

/** Adds `pastoe bulk <file>`; `engine` replaces the bulk engine in tests. */
export function addBulkCommand(program: Command, runtime: CommandRuntime, engine: () => Promise<BulkEngine> = loadBulkEngine): void {
  const command = program
    .command('bulk')
    .description('scan a list of domains into a results store and write the adoption summary')
    .argument('<file>', 'a CSV file with a header, or one domain a line (# starts a comment)')
    .option('--group-column <name>', 'the CSV column with each domain’s group (e.g. gemeenten, provincies)')
    .option('--out <dir>', 'where summary.html, summary.csv, results.csv and summary.json go', 'pastoe-bulk')
    .option('--store <file>', 'the results store (SQLite); default <out>/results.sqlite')
    .option('--resume', 'go on with the last unfinished measurement in the store, skipping finished domains')
    .option('--suppliers <file>', 'a supplier catalogue (JSON) for the summary’s supplier view; default the one pastoe ships')
    .addOption(new Option('--lang <language>', 'the language of the summary').choices(languages).default('en'));
  addScanOptions(command)
    .addHelpText(
      'after',
      `
Every finished domain is committed to the store at once, so an interrupted run loses none:
run the same command with --resume to go on. A progress bar (done/total, rate, ETA) shows on a
terminal; otherwise a plain line every few seconds.

Examples:
  pastoe bulk domains.csv --group-column group --out result
  pastoe bulk domains.csv --group-column group --out result --resume
  pastoe bulk domains.csv --out result --suppliers my-suppliers.json
`,
    )
    .action(async (file: string, flags: BulkFlags) => runtime.exit(await runBulkCommand(file, flags, runtime, await engine())));
}

async function runBulkCommand(file: string, flags: BulkFlags, { io, signal }: CommandRuntime, engine: BulkEngine): Promise<number> {
  if (flags.groupColumn?.trim() === '') throw new UsageError('--group-column needs a column name');
  // Read before the run, so that a bad catalogue stops it at once rather than after hours of scanning.
  const suppliers = flags.suppliers === undefined ? undefined : await readSupplierCatalogue(flags.suppliers);
  const inputs = await engine.readDomainList(file, flags.groupColumn === undefined ? {} : { groupColumn: flags.groupColumn });
  if (inputs.length === 0) throw new UsageError(`${JSON.stringify(file)} lists no domains`);
  try {
    await mkdir(flags.out, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create --out ${JSON.stringify(flags.out)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const store = engine.openStore(flags.store ?? join(flags.out, 'results.sqlite'));
  boundHeapGrowth();
  const progress = createProgress({
    write: io.err,
    isTTY: io.errIsTty === true,
    ...(io.errColumns === undefined ? {} : { columns: io.errColumns }),
  });
  const setup = await scanSetup(flags, signal === undefined ? {} : { signal });
  try {
    const result = await engine.runBulk({
      inputs,
      store,
      resume: flags.resume === true,
      // Recorded with the measurement, so a later reading knows which policy it was run for.
      ...(flags.policy === undefined ? {} : { policy: flags.policy }),
      scan: setup.scan,
      ...(signal === undefined ? {} : { signal }),
      onProgress: (state) => progress.update(state),
    });
    progress.finish();
    const groups = new Map(inputs.flatMap((input) => (input.group === undefined ? [] : [[input.domain, input.group] as const])));
    const paths = await engine.writeBulkOutputs(store, result.measurementId, flags.out, {
      language: flags.lang,
      groupBy: groups,
      ...(suppliers === undefined ? {} : { suppliers }),
    });
    io.out(
      `pastoe bulk: measurement ${result.measurementId}: ${result.scanned} scanned, ${result.skipped} finished earlier, ${result.failed} failed\n`,
    );
    for (const path of paths) io.out(`${path}\n`);
    return result.failed > 0 ? 1 : 0;
  } catch (error) {
    progress.finish();
    if (!(error instanceof VantageError)) throw error;
    io.err(`pastoe bulk: ${error.message}\n`);
    return 1;
  } finally {
    await setup.close();
    store.close();
  }
}
