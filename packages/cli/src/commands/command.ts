import type { OptionSpecs, ParsedArgs } from '../args.js';
import type { CliIo } from '../run.js';

/** A `pastoe` subcommand: what `pastoe <name> --help` shows, the options it accepts, and what it does. */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  /** The word that selects it, e.g. `demo`. */
  readonly name: string;
  /** One line for the command list in `pastoe --help`. */
  readonly summary: string;
  /** The text `pastoe <name> --help` prints, ending in a newline. */
  readonly help: string;
  /** The options it accepts besides `--help`, which every command has. */
  readonly options: O;
  /** How many positional arguments it accepts at most. */
  readonly maxPositionals: number;
  /** Runs it and returns the exit status; it stops early when `signal` aborts. */
  run(args: ParsedArgs<O>, io: CliIo, signal: AbortSignal | undefined): Promise<number>;
}
