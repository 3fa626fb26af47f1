/**
 * Where a scan's CPU time goes: runs bench/bulk.ts (lab domains, web + mail, the lab in a child
 * process) under V8's CPU profiler and prints, per domain, the main thread's time by function
 * (self time, top 20) and by pastoe module (inclusive), with the garbage collector and the idle
 * time apart. Run with `npm run bench -- profile`; not a test.
 *
 * Flags (after `npm run bench -- profile`): `--domains=N` (default 300), `--keep` to keep the
 * `.cpuprofile` files (they open in Chrome's DevTools) and print where they are.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CpuProfile, printProfile } from './support/cpu-profile.js';
import { integerFlag } from './support/integer-flag.js';

const { values: flags } = parseArgs({ options: { domains: { type: 'string' }, keep: { type: 'boolean' } }, strict: true });
const domains = integerFlag('domains', flags.domains, 300, 1, 10_000);

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = await mkdtemp(join(tmpdir(), 'pastoe-profile-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', join(here, 'bulk.ts'), `--domains=${domains}`],
      { stdio: 'inherit', cwd: join(here, '..') },
    );
    if (run.status !== 0) throw new Error(`bench/bulk.ts failed (${run.signal ?? `exit ${run.status}`})`);
    // The main thread's profile is by far the largest; the others are the module loader's.
    const files = await Promise.all((await readdir(dir)).map(async (file) => ({ file, size: (await stat(join(dir, file))).size })));
    const main = files.sort((a, b) => b.size - a.size)[0];
    if (main === undefined) throw new Error('no profile was written');
    const profile = JSON.parse(await readFile(join(dir, main.file), 'utf8')) as CpuProfile;

    printProfile(profile, domains, `CPU profile of the scanner's main thread, ${domains} lab domains (web + mail), per domain:`);
    if (flags.keep === true) console.log(`\nprofiles kept in ${dir} (open them in Chrome DevTools, Performance tab)`);
  } finally {
    if (flags.keep !== true) await rm(dir, { recursive: true, force: true });
  }
}

await main();
