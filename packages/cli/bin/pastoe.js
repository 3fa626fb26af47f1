#!/usr/bin/env node
// The file npm links as `pastoe`. It is plain JavaScript kept in git, so it exists when npm links
// the command at install time, before anything is built; the command itself is dist/bin.js.
import('../dist/bin.js').catch((error) => {
  // In a source checkout that is not built yet, dist/ (this package's or a dependency's) is missing.
  const hint = error?.code === 'ERR_MODULE_NOT_FOUND' ? "\nIn a source checkout, run 'npm run build' first." : '';
  process.stderr.write(`pastoe cannot start: ${error instanceof Error ? error.message : String(error)}${hint}\n`);
  process.exitCode = 1;
});
