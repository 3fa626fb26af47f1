/**
 * @packageDocumentation
 * The `pastoe` command line; today its one command is `demo`.
 */
export { runCli } from './run.js';
export type { CliIo } from './run.js';
