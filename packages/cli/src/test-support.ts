import type { CliIo } from './io.js';

/** A {@link CliIo} that keeps what is written, for tests. */
export interface CapturedIo {
  /** Pass to `runCli`. */
  readonly io: CliIo;
  /** Standard output so far. */
  out(): string;
  /** Standard error so far. */
  err(): string;
}

/** Captures standard output and error; `tty` and `env` set what the command sees of its terminal. */
export function capture(options: { readonly tty?: boolean; readonly env?: Readonly<Record<string, string | undefined>> } = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      outIsTty: options.tty === true,
      errIsTty: options.tty === true,
      env: options.env ?? {},
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
