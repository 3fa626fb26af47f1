import { access, constants, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { normalizeDomain, type ScanReport, type StandardId, scanMany, VantageError } from '@pastoe/core';
import { type Language, languages } from '@pastoe/reporting';
import { type Command, Option } from 'commander';
import { percentage, standardList } from '../flags.js';
import { scoreShortfalls, standardShortfalls } from '../monitoring.js';
import { useColour } from '../output/colour.js';
import { type OutputFormat, outputFormats, renderReports } from '../output/formats.js';
import { addScanOptions, type ScanFlags, scanSetup } from '../scan-setup.js';
import { UsageError } from '../usage-error.js';
import type { CommandRuntime } from './runtime.js';

/** The flags of `pastoe check`. */
interface CheckFlags extends ScanFlags {
  readonly format: OutputFormat;
  readonly lang: Language;
  readonly out?: string;
  readonly failUnder?: number;
  readonly require?: readonly StandardId[];
}

/** The most domains one `pastoe check` takes; a longer list is what `pastoe bulk` is for. */
const maxDomains = 1_000;

/** Adds `pastoe check <domain...>`. */
export function addCheckCommand(program: Command, runtime: CommandRuntime): void {
  const command = program
    .command('check')
    .description('scan domains and report their verdicts, scores and what to fix')
    .argument('<domain...>', 'domains to scan (a URL or e-mail address gives its domain)')
    .option('--web', 'run the website test (with neither --web nor --mail: both)')
    .option('--mail', 'run the email test')
    .addOption(new Option('--format <format>', 'the report format').choices(outputFormats).default('text'))
    .addOption(new Option('--lang <language>', 'the language of titles and findings').choices(languages).default('en'))
    .option('--out <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('--fail-under <score>', 'exit 1 when an Internet.nl score of a tested suite is below SCORE').argParser(percentage),
    )
    .addOption(
      new Option('--require <standards>', 'exit 1 when a named standard is not met under the streefbeeld (comma-separated)').argParser(
        standardList,
      ),
    );
  addScanOptions(command)
    .addHelpText(
      'after',
      `
Exit status: 0 done and thresholds met, 1 a scan failed or a threshold was not met, 2 usage error.

Examples:
  pastoe check example.nl
  pastoe check example.nl --mail --format json --out example.json
  pastoe check example.nl --fail-under 80 --require dnssec,tls,dmarc   # for a scheduler or Nagios
  pastoe check modern.test --lab                                       # against the in-process lab
`,
    )
    .action(async (domains: string[], flags: CheckFlags) => runtime.exit(await runCheck(domains, flags, runtime)));
}

async function runCheck(inputs: readonly string[], flags: CheckFlags, { io, signal }: CommandRuntime): Promise<number> {
  // Everything that can be refused is refused before any network I/O.
  const domains = validDomains(inputs);
  const kind = flags.web === true && flags.mail !== true ? 'web' : flags.mail === true && flags.web !== true ? 'mail' : undefined;
  if (flags.format === 'internetnl' && kind === undefined)
    throw new UsageError('--format internetnl reports one test: add --web or --mail');
  if (flags.out !== undefined) await requireWritable(flags.out);

  const setup = await scanSetup(flags, signal === undefined ? {} : { signal });
  const reports: (ScanReport | undefined)[] = [];
  let failed = false;
  try {
    for await (const result of scanMany(domains, { ...setup.scan, ...(signal === undefined ? {} : { signal }) })) {
      if (result.ok) reports[result.index] = result.report;
      else {
        failed = true;
        io.err(`pastoe check: could not scan ${result.input}: ${result.error.message}\n`);
      }
    }
  } catch (error) {
    if (!(error instanceof VantageError)) throw error;
    io.err(`pastoe check: ${error.message}\n`);
    return 1;
  } finally {
    await setup.close();
  }
  signal?.throwIfAborted();
  const done = reports.filter((report): report is ScanReport => report !== undefined);
  if (done.length > 0) {
    const text = renderReports(done, flags.format, {
      language: flags.lang,
      policy: flags.policy ?? 'internetnl',
      colour: flags.out === undefined && flags.format === 'text' && useColour(io),
      ...(kind === undefined ? {} : { kind }),
    });
    if (flags.out === undefined) io.out(text);
    else await writeFile(flags.out, text);
  }
  const shortfalls = [...scoreShortfalls(done, flags.failUnder), ...standardShortfalls(done, flags.require)];
  for (const shortfall of shortfalls) io.err(`pastoe check: ${shortfall}\n`);
  return failed || shortfalls.length > 0 ? 1 : 0;
}

/** The domains to scan, each once, or a usage error naming the first that is not a domain. */
function validDomains(inputs: readonly string[]): string[] {
  if (inputs.length > maxDomains) throw new UsageError(`at most ${maxDomains} domains; use 'pastoe bulk' for a list`);
  const domains = inputs.map((input) => {
    const parsed = normalizeDomain(input);
    if (!parsed.ok) throw new UsageError(parsed.reason);
    return parsed.domain;
  });
  return [...new Set(domains)];
}

/** Refuses an `--out` file in a folder that is not there or not writable, so no scan is wasted. */
async function requireWritable(file: string): Promise<void> {
  try {
    await access(dirname(file), constants.W_OK);
  } catch {
    throw new UsageError(`cannot write --out ${JSON.stringify(file)}: its folder does not exist or is not writable`);
  }
}
