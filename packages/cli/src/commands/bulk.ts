import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { VantageError } from '@pastoe/core';
import type { QueueConnection } from '@pastoe/queue';
import { type Language, type SupplierCatalogue, languages } from '@pastoe/reporting';
import { openStore } from '@pastoe/store';
import { type Command, Option } from 'commander';
import { boundHeapGrowth } from '../heap.js';
import { createProgress, type Progress } from '../progress.js';
import { addScanOptions, type ScanFlags, scanSetup } from '../scan-setup.js';
import { readSupplierCatalogue } from '../supplier-catalogue-file.js';
import { UsageError } from '../usage-error.js';
import { runQueuedBulk } from '../bulk/index.js';
import { type BulkEngine, type BulkEngineInput, type BulkEngineResult, type BulkEngineStore, loadBulkEngine } from './bulk-engine.js';
import type { CommandRuntime } from './runtime.js';
import { queueUrl } from './worker.js';

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
  /** `--queue`: scan on `pastoe worker`s through this Redis instead of in this process. */
  readonly queue?: QueueConnection;
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
    .addOption(new Option('--lang <language>', 'the language of the summary').choices(languages).default('en'))
    .addOption(
      new Option('--queue <url>', 'let `pastoe worker`s scan, through this Redis (redis://HOST:PORT); the scan flags are theirs then')
        .argParser(queueUrl)
        .conflicts('lab'),
    );
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
  pastoe bulk domains.csv --out result --queue redis://10.0.0.5:6379   (and pastoe worker on each machine)
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
  const storeFile = flags.store ?? join(flags.out, 'results.sqlite');
  const progress = createProgress({
    write: io.err,
    isTTY: io.errIsTty === true,
    ...(io.errColumns === undefined ? {} : { columns: io.errColumns }),
  });
  if (flags.queue !== undefined) return runOnWorkers(inputs, storeFile, flags, flags.queue, { io, signal }, engine, progress, suppliers);
  const store = engine.openStore(storeFile);
  boundHeapGrowth();
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
    return await writeOutputs(inputs, store, result, flags, io, engine, suppliers);
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

/** Writes the summaries of a finished run and says what it did; 1 when a domain failed. */
async function writeOutputs(
  inputs: readonly BulkEngineInput[],
  store: BulkEngineStore,
  result: BulkEngineResult,
  flags: BulkFlags,
  io: CommandRuntime['io'],
  engine: BulkEngine,
  suppliers: SupplierCatalogue | undefined,
): Promise<number> {
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
}

/** `--queue`: the domains go to the queue, the workers scan them, this process commits and summarises. */
async function runOnWorkers(
  inputs: readonly BulkEngineInput[],
  storeFile: string,
  flags: BulkFlags,
  queue: QueueConnection,
  { io, signal }: Pick<CommandRuntime, 'io' | 'signal'>,
  engine: BulkEngine,
  progress: Progress,
  suppliers: SupplierCatalogue | undefined,
): Promise<number> {
  const store = openStore(storeFile);
  try {
    io.err(`pastoe bulk: queueing ${inputs.length} domains on redis://${queue.host}:${queue.port ?? 6379} for pastoe worker\n`);
    let result: BulkEngineResult;
    try {
      result = await runQueuedBulk({
        inputs,
        store,
        resume: flags.resume === true,
        queue,
        ...(flags.policy === undefined ? {} : { policy: flags.policy }),
        ...(signal === undefined ? {} : { signal }),
        onProgress: (state) => progress.update({ ...state, etaSeconds: state.etaSeconds ?? Number.POSITIVE_INFINITY }),
      });
    } finally {
      progress.finish();
    }
    return await writeOutputs(inputs, store, result, flags, io, engine, suppliers);
  } finally {
    store.close();
  }
}
