import { pastoeVersion } from '@pastoe/core';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './commands/command.js';
import { demoCommand } from './commands/demo.js';

/** Where the command line reads and writes; tests pass their own. */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
}

const commands: readonly Command[] = [demoCommand];

/** Named in the help so that nobody looks for them in vain; calling one is an unknown command. */
const plannedCommands = ['check', 'bulk', 'lab'];

const commandList = commands.map((command) => `  ${command.name.padEnd(8)}${command.summary}`).join('\n');

const usage = `pastoe ${pastoeVersion} — checks domains against the Dutch comply-or-explain internet standards

Usage: pastoe <command> [options]

Commands:
${commandList}

Planned, not in this version: ${plannedCommands.join(', ')}

Options:
  -h, --help       show this help (pastoe <command> --help: that command's help)
  -v, --version    print the version

Exit status: 0 done, 1 failed, 2 usage error.
`;

const globalOptions = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } as const;
const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Runs the command line with the given arguments (without `node` and the script) and returns
 * the exit status: 0 done, 1 failed, 2 usage error (an unknown command or option, reported in one
 * line on `err` with a pointer to `--help`). `--help` on any command prints its help and returns 0.
 * When `signal` aborts, the running command stops early.
 */
export async function runCli(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(usage);
    return 2;
  }
  let context = 'pastoe';
  try {
    if (first.startsWith('-')) {
      const { values } = parseCommandArgs(argv, globalOptions, 0);
      if (values.help === true) io.out(usage);
      else if (values.version === true) io.out(`${pastoeVersion}\n`);
      return 0;
    }
    if (first === 'help') {
      const { positionals } = parseCommandArgs(rest, {}, 1);
      const [topic] = positionals;
      io.out(topic === undefined ? usage : commandNamed(topic).help);
      return 0;
    }
    const command = commandNamed(first);
    context = `pastoe ${command.name}`;
    const args = parseCommandArgs(rest, { ...command.options, ...helpOption }, command.maxPositionals);
    if (args.values.help === true) {
      io.out(command.help);
      return 0;
    }
    return await command.run(args, io, signal);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${context}: ${error.message}\nRun '${context} --help' for usage.\n`);
    return 2;
  }
}

function commandNamed(name: string): Command {
  const command = commands.find((c) => c.name === name);
  if (command !== undefined) return command;
  const planned = plannedCommands.includes(name) ? ' (planned, not in this version)' : '';
  throw new UsageError(`unknown command ${JSON.stringify(name)}${planned}`);
}
