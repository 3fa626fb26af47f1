/**
 * @packageDocumentation
 * The `pastoe` command line: `check`, `bulk`, `report`, `worker`, `demo` and `lab`. `runCli` runs it in-process.
 */
export { boundHeapGrowth } from './heap.js';
export { runCli } from './run.js';
export type { CliIo } from './io.js';
