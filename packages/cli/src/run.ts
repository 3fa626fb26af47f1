import { pastoeVersion } from '@pastoe/core';
import { runDemo } from './commands/demo.js';

/** Where the command line reads and writes; tests pass their own. */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
}

const usage = `pastoe ${pastoeVersion} — checks domains against the Dutch comply-or-explain internet standards

Usage:
  pastoe check <domain> [--web|--mail]   scan one domain
  pastoe bulk <file>                     scan a list of domains
  pastoe demo                            scan the lab's demo domains on loopback
  pastoe lab                             start the lab (a simulated internet on loopback)
  pastoe --version | --help
`;

const plannedCommands = new Set(['check', 'bulk', 'lab']);

/**
 * Runs the command line with the given arguments (without `node` and the script) and returns
 * the exit code: 0 success, 1 findings or failure, 2 usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(usage);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${pastoeVersion}\n`);
    return 0;
  }
  if (command === 'demo') return runDemo(io);
  if (plannedCommands.has(command)) {
    io.err(`pastoe ${command}: not available in this version yet; it arrives with the website and mail tests.\n`);
    return 2;
  }
  io.err(`pastoe: unknown command ${JSON.stringify(command)}\n\n${usage}`);
  return 2;
}
