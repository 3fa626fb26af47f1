import { VantageError } from '@pastoe/core';
import { parseRedisUrl, type QueueConnection, runWorker } from '@pastoe/queue';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { timeoutMs } from '../flags.js';
import { boundHeapGrowth } from '../heap.js';
import { addScanOptions, type ScanFlags, scanSetup } from '../scan-setup.js';
import type { CommandRuntime } from './runtime.js';

/** The flags of `pastoe worker`. */
interface WorkerFlags extends ScanFlags {
  readonly queue: QueueConnection;
  readonly stalledInterval?: number;
}

/** `--queue redis://HOST:PORT`: the Redis of the queue; anything else is a usage error of one line. */
export function queueUrl(value: string): QueueConnection {
  try {
    return parseRedisUrl(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

/** Adds `pastoe worker`. */
export function addWorkerCommand(program: Command, runtime: CommandRuntime): void {
  const command = program
    .command('worker')
    .description('scan the domains of `pastoe bulk --queue` runs from a queue on Redis, until stopped')
    .addOption(
      new Option('--queue <url>', 'the Redis the coordinator queues domains on: redis://HOST:PORT')
        .argParser(queueUrl)
        .makeOptionMandatory(),
    )
    .option('--web', 'run the website test (with neither --web nor --mail: both)')
    .option('--mail', 'run the email test')
    .addOption(
      new Option(
        '--stalled-interval <seconds>',
        'how soon the jobs and mail server locks of a worker that died are taken up by others (default 30)',
      ).argParser(timeoutMs),
    );
  addScanOptions(command)
    .addHelpText(
      'after',
      `
Takes domains from the queue, scans them (--concurrency at a time; one SMTP connection at a time
per mail server address across all workers) and hands each report back to the coordinator,
which commits it to its results store. SIGINT or SIGTERM: the running scans finish, then the
worker stops; a second signal stops it at once (its jobs go back to the queue).

Examples:
  pastoe worker --queue redis://10.0.0.5:6379 --concurrency 16
  pastoe bulk domains.csv --queue redis://10.0.0.5:6379 --out result
`,
    )
    .action(async (flags: WorkerFlags) => runtime.exit(await runWorkerCommand(flags, runtime)));
}

async function runWorkerCommand(flags: WorkerFlags, { io, signal }: CommandRuntime): Promise<number> {
  boundHeapGrowth();
  const setup = await scanSetup(flags, signal === undefined ? {} : { signal });
  const where = `${flags.queue.host}:${flags.queue.port ?? 6379}`;
  try {
    io.err(`pastoe worker: taking domains from redis://${where}\n`);
    const result = await runWorker({
      connection: flags.queue,
      ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
      // A dead worker's mail server locks are given up about as soon as its jobs are; not sooner
      // than 10 s, so that a busy worker's renewals, late on a loaded machine, still hold them.
      ...(flags.stalledInterval === undefined
        ? {}
        : { stalledIntervalMs: flags.stalledInterval, smtpLockTtlMs: Math.max(10_000, flags.stalledInterval) }),
      scan: setup.scan,
      ...(setup.addressMap === undefined ? {} : { addressMap: setup.addressMap }),
      ...(signal === undefined ? {} : { signal }),
    });
    io.out(`pastoe worker: ${result.scanned} scanned, ${result.failed} failed\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof VantageError)) throw error;
    io.err(`pastoe worker: ${error.message}\n`);
    return 1;
  } finally {
    await setup.close();
  }
}
