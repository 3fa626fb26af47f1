import type { Writable } from 'node:stream';
import type { CliIo } from './io.js';

/** The process's standard streams as a {@link CliIo}, and a signal that aborts when standard output is gone. */
export interface ProcessIo {
  /** Writes to the streams; a stream that failed is written to no more. */
  readonly io: CliIo;
  /** Aborts, with the stream's error as its reason, when standard output fails: its reader went away (`EPIPE`) or worse. */
  readonly outputClosed: AbortSignal;
}

/**
 * Wraps standard output and error so that a closed pipe (`pastoe demo | head -2`) ends the run
 * quietly, as in other Unix tools: writing stops, `outputClosed` aborts so that the command winds
 * down, and no error escapes as an uncaught exception. Errors on standard error are dropped, as
 * there is nowhere left to report them.
 */
export function processIo(
  stdout: Writable & { readonly isTTY?: boolean },
  stderr: Writable & { readonly isTTY?: boolean; readonly columns?: number },
  env: Readonly<Record<string, string | undefined>> = {},
): ProcessIo {
  const closed = new AbortController();
  let stderrFailed = false;
  stdout.on('error', (error: Error) => {
    if (!closed.signal.aborted) closed.abort(error);
  });
  stderr.on('error', () => {
    stderrFailed = true;
  });
  return {
    io: {
      out: (text) => {
        if (!closed.signal.aborted) stdout.write(text);
      },
      err: (text) => {
        if (!stderrFailed) stderr.write(text);
      },
      outIsTty: stdout.isTTY === true,
      errIsTty: stderr.isTTY === true,
      ...(stderr.columns === undefined ? {} : { errColumns: stderr.columns }),
      env,
    },
    outputClosed: closed.signal,
  };
}

/** Whether an error is a write to a pipe or socket whose reader has gone: the normal end of `| head`. */
export function isBrokenPipe(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EPIPE';
}
