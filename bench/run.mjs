// Runs every benchmark in this folder (`*.ts` through tsx, `*.mjs` as is), one after another,
// each in its own Node process so that one bench's warm caches and JIT cannot flatter the next.
// `npm run bench` runs all; `npm run bench -- dns` runs those whose file name contains "dns".
// Arguments that start with "-" are not filters: they are passed on to every bench that runs
// (`npm run bench -- tls --testssl-once`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('-'));
const benches = readdirSync(here)
  .filter((file) => /\.(ts|mjs)$/.test(file) && file !== basename(fileURLToPath(import.meta.url)) && !file.endsWith('.d.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

/**
 * The newest modification time of the files below `dir` (0 when it is missing), to tell whether a
 * package's build is older than its source.
 */
function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

// The benches measure what users run: the packages' built dist/, not their TypeScript source
// (tsx would compile it with helpers of its own). bench/tsconfig.json has no paths to src/, so
// `@pastoe/*` resolves through node_modules to dist/; a dist/ older than its src/ is rebuilt first.
const root = join(here, '..');
const packages = readdirSync(join(root, 'packages')).filter((name) => {
  try {
    return JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')).scripts?.build !== undefined;
  } catch {
    return false;
  }
});
const stale = packages.filter((name) => newest(join(root, 'packages', name, 'src')) > newest(join(root, 'packages', name, 'dist')));
if (benches.length > 0 && stale.length > 0) {
  console.log(`building first: dist/ is older than src/ in ${stale.join(', ')}`);
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const env = { ...process.env, TSX_TSCONFIG_PATH: join(here, 'tsconfig.json') };
// The profiling benches run the TypeScript source instead (the root tsconfig.json maps @pastoe/*
// to src/), so that a profile names pastoe's modules and files rather than bundled chunks.
const fromSource = new Set(['profile.ts', 'one-domain.ts']);

let failed = 0;
for (const file of benches) {
  const args = [...(file.endsWith('.ts') ? ['--import', 'tsx', join(here, file)] : [join(here, file)]), ...flags];
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root, env: fromSource.has(file) ? process.env : env });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${file} failed (${result.signal ?? `exit ${result.status}`})`);
  }
}
if (benches.length === 0) console.log('no benchmarks match');
process.exitCode = failed === 0 ? 0 : 1;
