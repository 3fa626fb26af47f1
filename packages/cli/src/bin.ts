#!/usr/bin/env node
import { isBrokenPipe, processIo } from './process-io.js';
import { runCli } from './run.js';

/** How long the command may take to wind down after its output has gone before the process just exits. */
const windDownMs = 2_000;

const { io, outputClosed } = processIo(process.stdout, process.stderr);

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

runCli(process.argv.slice(2), io, outputClosed).then(
  (code) => {
    if (!outputClosed.aborted) process.exitCode = code;
  },
  (error: unknown) => {
    // A command stopped because its output went away ends as the abort listener decided.
    if (outputClosed.aborted) return;
    io.err(`pastoe: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
