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
import { integerFlag } from './support/integer-flag.js';

const { values: flags } = parseArgs({ options: { domains: { type: 'string' }, keep: { type: 'boolean' } }, strict: true });
const domains = integerFlag('domains', flags.domains, 300, 1, 10_000);

/** The parts of a `.cpuprofile` this reads. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A script URL as a short path: `core/src/tls/…` for pastoe's own files, `node:…` for Node's. */
function shortUrl(url: string): string {
  const own = /\/packages\/([^/]+)\/(?:src|dist)\/(.*)$/.exec(url);
  if (own !== null) return `${own[1]}/${own[2]}`;
  const dependency = /\/node_modules\/(.*)$/.exec(url);
  return dependency?.[1] ?? url;
}

/** The pastoe module a script belongs to (`core/tls`, `store`), or undefined for Node's and the bench's. */
function moduleOf(url: string): string | undefined {
  const own = /\/packages\/([^/]+)\/(?:src|dist)\/(?:([^/]+)\/)?/.exec(url);
  if (own === null) return undefined;
  return own[2] === undefined ? own[1] : `${own[1]}/${own[2]}`;
}

function table(rows: readonly (readonly [string, number])[], perDomain: number, total: number): void {
  for (const [label, microseconds] of rows) {
    const ms = microseconds / 1000 / perDomain;
    console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${((100 * microseconds) / total).toFixed(1).padStart(5)} %  ${label}`);
  }
}

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

    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const selfTime = new Map<number, number>();
    let total = 0;
    profile.samples.forEach((id, index) => {
      const delta = profile.timeDeltas[index] ?? 0;
      selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
      total += delta;
    });

    const byFunction = new Map<string, number>();
    const byModule = new Map<string, number>();
    let idle = 0;
    for (const [id, time] of selfTime) {
      const frame = byId.get(id)?.callFrame;
      if (frame === undefined) continue;
      if (frame.functionName === '(idle)') {
        idle += time;
        continue;
      }
      const label =
        frame.url === '' ? frame.functionName : `${frame.functionName || '(anonymous)'}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
      byFunction.set(label, (byFunction.get(label) ?? 0) + time);
      // Inclusive: each pastoe module on the stack once.
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const module = moduleOf(byId.get(at)?.callFrame.url ?? '');
        if (module !== undefined && !seen.has(module)) {
          seen.add(module);
          byModule.set(module, (byModule.get(module) ?? 0) + time);
        }
      }
    }
    const busy = total - idle;
    console.log(`\nCPU profile of the scanner's main thread, ${domains} lab domains (web + mail), per domain:`);
    console.log(
      `  busy ${(busy / 1000 / domains).toFixed(1)} ms, idle ${(idle / 1000 / domains).toFixed(1)} ms (waiting for the network and the lab)`,
    );
    console.log('\nby function (self time; share of the busy time):');
    table([...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 20), domains, busy);
    console.log('\nby pastoe module (inclusive: the module or what it calls):');
    table([...byModule].sort((a, b) => b[1] - a[1]).slice(0, 15), domains, busy);
    if (flags.keep === true) console.log(`\nprofiles kept in ${dir} (open them in Chrome DevTools, Performance tab)`);
  } finally {
    if (flags.keep !== true) await rm(dir, { recursive: true, force: true });
  }
}

await main();
