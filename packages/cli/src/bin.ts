#!/usr/bin/env node
import { runCli } from './run.js';

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pastoe: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
