import { pastoeVersion } from '@pastoe/core';
import { Command, CommanderError } from 'commander';
import { addBulkCommand } from './commands/bulk.js';
import { addCheckCommand } from './commands/check.js';
import { addDemoCommand } from './commands/demo.js';
import { addLabCommand } from './commands/lab.js';
import { addReportCommand } from './commands/report.js';
import { addWorkerCommand } from './commands/worker.js';
import type { CommandRuntime } from './commands/runtime.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export type { CliIo } from './io.js';

/** Commander's codes for help and the version printed on request: the run succeeded. */
const shownOnRequest = new Set(['commander.helpDisplayed', 'commander.version']);

/**
 * Runs the command line with the given arguments (without `node` and the script) and returns
 * the exit status: 0 done (and monitoring thresholds met), 1 a threshold not met or a scan
 * failed, 2 a usage error (an unknown command or option, a bad value, a bad domain, an unreadable
 * file), reported in one line on `err` with a pointer to `--help`. `--help` on any command prints
 * its help and returns 0. When `signal` aborts, the running command stops early.
 */
export async function runCli(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  let status = 0;
  let commanderMessage = '';
  const runtime: CommandRuntime = {
    io,
    signal,
    exit: (code) => {
      status = code;
    },
  };
  const program = new Command('pastoe')
    .description('checks domains against the Dutch comply-or-explain ("pas toe of leg uit") internet security standards')
    .version(pastoeVersion, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help (pastoe <command> --help: that command’s help)')
    .helpCommand('help [command]', 'show the help of a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      // Errors are reported below in one line; commander's own text is kept for that line.
      outputError: (text) => {
        commanderMessage = text;
      },
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .addHelpText('after', '\nExit status: 0 done, 1 a scan failed or a threshold was not met, 2 usage error.\n');
  for (const add of [addCheckCommand, addBulkCommand, addDemoCommand, addLabCommand, addWorkerCommand]) add(program, runtime);
  addReportCommand(program, runtime);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    const context = contextOf(program, argv);
    if (error instanceof CommanderError) {
      if (shownOnRequest.has(error.code)) return 0;
      // The usage on request (`pastoe help`) is 0; on stderr because no command was given, a usage error.
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      reportUsage(io, context, commanderMessage || error.message);
      return 2;
    }
    // By name as well: the bulk engine's list reader reports a bad line as a usage error of its own.
    if (error instanceof UsageError || (error instanceof Error && error.name === 'UsageError')) {
      reportUsage(io, context, error.message);
      return 2;
    }
    throw error;
  }
}

/** `pastoe <command>` when the arguments name a command, else `pastoe`. */
function contextOf(program: Command, argv: readonly string[]): string {
  const [first] = argv;
  const command = program.commands.find((candidate) => candidate.name() === first);
  return command === undefined ? 'pastoe' : `pastoe ${command.name()}`;
}

/** One line of reason (commander's suggestion kept on it) and a pointer to the help. */
function reportUsage(io: CliIo, context: string, message: string): void {
  const reason = message
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  io.err(`${context}: ${reason}\nRun '${context} --help' for usage.\n`);
}
