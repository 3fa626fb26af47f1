/**
 * @packageDocumentation
 * The `pastoe` command line: `check`, `bulk`, `demo` and `lab`.
 */
export { runCli } from './run.js';
export type { CliIo } from './run.js';
