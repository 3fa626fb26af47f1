/**
 * Scale-out benchmark: the same lab bulk domains (web and mail test) scanned by `pastoe bulk` in
 * one process, then by `pastoe bulk --queue` with two `pastoe worker` processes over a Redis of
 * the bench's own (`redis-server`, skipped with a message when it is not installed). The lab runs
 * in a child process (bench/support/bulk-lab.ts) and every pastoe process is a child too, so each
 * is measured the same way: domains per second (wall time of the bulk command), and CPU time per
 * domain summed over the processes (Linux /proc), whose difference is the queue's overhead per
 * domain (Redis round trips, BullMQ, moving each report through Redis, the SMTP locks, and the
 * start of two more processes). Run with
 * `npm run bench -- scale`; not a test.
 *
 * Flags (after `npm run bench -- scale`): `--domains=N` (default 1000), `--concurrency=N` domains
 * at a time per process (default 16).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatEndpoint, formatMapRoute } from '../packages/cli/src/flags.js';
import { processCpuMs, startLabProcess } from './support/lab-process.js';
import { redisSkipReason, startTestRedis } from '../packages/queue/src/test-support/redis-server.js';
import { integerFlag } from './support/integer-flag.js';

const { values: flags } = parseArgs({ options: { domains: { type: 'string' }, concurrency: { type: 'string' } }, strict: true });
const count = integerFlag('domains', flags.domains, 1000, 1, 99_999);
const concurrency = integerFlag('concurrency', flags.concurrency, 16, 1, 256);

const skip = redisSkipReason();
if (skip !== undefined) {
  console.log(`bench/scale skipped: ${skip}`);
  process.exit(0);
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = join(root, 'packages/cli/src/bin.ts');
const env = { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') };

/** A pastoe child whose CPU time is sampled until it exits (the last sample stands for its total). */
function pastoe(args: readonly string[]): { child: ChildProcess; cpuMs(): number; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let cpu = 0;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2_000);
  });
  const sampler = setInterval(() => {
    void processCpuMs(child.pid).then((ms) => {
      if (Number.isFinite(ms)) cpu = ms;
    });
  }, 200);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0 && code !== null) console.log(`  pastoe ${args[0]} exited ${code}: ${stderr.split('\n').slice(-3).join(' ')}`);
      resolve(code);
    }),
  );
  return { child, cpuMs: () => cpu, exited };
}

const work = await mkdtemp(join(tmpdir(), 'pastoe-bench-scale-'));
const { child: lab, hello } = await startLabProcess(count, join(work, 'domains.csv'));
const redis = await startTestRedis();
try {
  const files = { trustAnchor: join(work, 'trust-anchor.txt'), ca: join(work, 'ca.pem') };
  await Promise.all([writeFile(files.trustAnchor, `${hello.trustAnchors}\n`), writeFile(files.ca, hello.caPem)]);
  const { tcpEndpoints = [], tcp6Endpoints = [], smtpEndpoints = [] } = hello.vantage;
  const scanFlags = [
    ...['--resolver', hello.resolverUrl, '--trust-anchor', files.trustAnchor, '--ca', files.ca, '--allow-private'],
    ...['--vantage', [...tcpEndpoints, ...tcp6Endpoints, ...smtpEndpoints].map(formatEndpoint).join(',')],
    ...['--routinator', hello.rpki.routinatorUrl, '--ripestat', hello.rpki.ripestatUrl],
    ...hello.routes.flatMap((route) => ['--map', formatMapRoute({ from: route.public, to: route.local, protocol: route.protocol })]),
    ...['--concurrency', String(concurrency)],
  ];
  const bulkArgs = (out: string): string[] => ['bulk', hello.list, '--group-column', 'group', '--out', join(work, out)];

  console.log(`${count} lab domains, web and mail test, ${concurrency} at a time per process`);
  const single = pastoe([...bulkArgs('single'), ...scanFlags]);
  let started = performance.now();
  await single.exited;
  const singleSeconds = (performance.now() - started) / 1000;
  const singleCpu = single.cpuMs();
  console.log(`  one process:       ${(count / singleSeconds).toFixed(1)} domains/s, ${(singleCpu / count).toFixed(0)} ms CPU per domain`);

  const workers = [0, 1].map(() => pastoe(['worker', '--queue', redis.url, ...scanFlags]));
  const coordinator = pastoe([...bulkArgs('queue'), '--queue', redis.url]);
  started = performance.now();
  await coordinator.exited;
  const queueSeconds = (performance.now() - started) / 1000;
  const queueCpu = coordinator.cpuMs() + workers.reduce((sum, worker) => sum + worker.cpuMs(), 0);
  for (const worker of workers) worker.child.kill('SIGTERM');
  await Promise.all(workers.map((worker) => worker.exited));
  console.log(
    `  two workers/Redis: ${(count / queueSeconds).toFixed(1)} domains/s, ${(queueCpu / count).toFixed(0)} ms CPU per domain (coordinator ${(coordinator.cpuMs() / count).toFixed(1)})`,
  );
  console.log(`  queue overhead:    ${((queueCpu - singleCpu) / count).toFixed(1)} ms CPU per domain`);
} finally {
  lab.stdin?.end();
  lab.kill('SIGTERM');
  await redis.stop();
  await rm(work, { recursive: true, force: true });
}
