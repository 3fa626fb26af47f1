import type { CliIo } from '../io.js';

/** What every command's action gets from `runCli`: where to write, when to stop, how to set the exit status. */
export interface CommandRuntime {
  /** Where the command writes. */
  readonly io: CliIo;
  /** Aborts when the command must stop (its output went away, or the caller stopped it). */
  readonly signal: AbortSignal | undefined;
  /** Sets the exit status `runCli` returns. */
  exit(status: number): void;
}
