#!/usr/bin/env node
import { isBrokenPipe, processIo } from './process-io.js';
import { runCli } from './run.js';

/** How long the command may take to wind down after its output has gone before the process just exits. */
const windDownMs = 2_000;

/** The exit status after an interrupt, as shells report a process ended by SIGINT. */
const interruptedStatus = 130;

const { io, outputClosed } = processIo(process.stdout, process.stderr, process.env);

outputClosed.addEventListener(
  'abort',
  () => {
    // The reader took what it wanted (`| head`): that is success. Any other output failure is not.
    if (isBrokenPipe(outputClosed.reason)) process.exitCode = 0;
    else {
      const reason = outputClosed.reason instanceof Error ? outputClosed.reason.message : String(outputClosed.reason);
      io.err(`pastoe: cannot write the output: ${reason}\n`);
      process.exitCode = 1;
    }
    setTimeout(() => process.exit(), windDownMs).unref();
  },
  { once: true },
);

// SIGINT and SIGTERM stop the command: `pastoe lab` closes its servers, a scan winds down. A
// second signal ends the process at once.
const interrupted = new AbortController();
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    if (interrupted.signal.aborted) process.exit(interruptedStatus);
    interrupted.abort(new Error(`stopped by ${name}`));
  });
}

runCli(process.argv.slice(2), io, AbortSignal.any([outputClosed, interrupted.signal])).then(
  (code) => {
    if (!outputClosed.aborted) process.exitCode = code;
  },
  (error: unknown) => {
    // A command stopped because its output went away ends as the abort listener decided.
    if (outputClosed.aborted) return;
    if (interrupted.signal.aborted) {
      io.err(`pastoe: ${String((interrupted.signal.reason as Error).message)}\n`);
      process.exitCode = interruptedStatus;
      return;
    }
    io.err(`pastoe: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
