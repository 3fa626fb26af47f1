// Runs every benchmark in this folder (`*.ts` through tsx, `*.mjs` as is), one after another,
// each in its own Node process so that one bench's warm caches and JIT cannot flatter the next.
// `npm run bench` runs all; `npm run bench -- dns` runs those whose file name contains "dns".
// Arguments that start with "-" are not filters: they are passed on to every bench that runs
// (`npm run bench -- tls --testssl-once`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('-'));
const benches = readdirSync(here)
  .filter((file) => /\.(ts|mjs)$/.test(file) && file !== basename(fileURLToPath(import.meta.url)) && !file.endsWith('.d.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

let failed = 0;
for (const file of benches) {
  const args = [...(file.endsWith('.ts') ? ['--import', 'tsx', join(here, file)] : [join(here, file)]), ...flags];
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: join(here, '..') });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${file} failed (${result.signal ?? `exit ${result.status}`})`);
  }
}
if (benches.length === 0) console.log('no benchmarks match');
process.exitCode = failed === 0 ? 0 : 1;
