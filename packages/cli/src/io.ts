/** Where the command line reads and writes; tests pass their own. */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Whether standard output is a terminal (colours on). Default false. */
  readonly outIsTty?: boolean;
  /** Whether standard error is a terminal (a live progress bar). Default false. */
  readonly errIsTty?: boolean;
  /** The terminal's width in columns, when standard error is a terminal. */
  readonly errColumns?: number;
  /** The environment (`NO_COLOR`). Default: none set. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
