/**
 * One domain, start to finish: where the time of a full scan (web + mail) of one lab domain goes,
 * as `pastoe scan` would run it with empty caches. Each measured scan gets fresh DNS, DNSSEC and
 * scan caches; V8 is warmed by unmeasured scans first, as in a long-running process (a one-shot
 * `pastoe scan` pays for module loading and compilation on top; this does not measure that).
 * Prints the wall time and CPU time per scan, connections, and the main thread's CPU profile
 * (self time by function, inclusive time by pastoe module) of the measured scans. The lab runs in
 * a child process. Run with `npm run bench -- one-domain`; not a test.
 *
 * Flags: `--scans=N` measured scans (default 20), `--warmup=N` unmeasured scans before (default 5).
 */
import { Session } from 'node:inspector/promises';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import { createScanCaches, scan } from '@pastoe/core';
import { type CpuProfile, printProfile } from './support/cpu-profile.js';
import { integerFlag } from './support/integer-flag.js';
import { processCpuMs, startLabProcess } from './support/lab-process.js';
import { labTransports } from './support/lab-transports.js';

const { values: flags } = parseArgs({ options: { scans: { type: 'string' }, warmup: { type: 'string' } }, strict: true });
const scans = integerFlag('scans', flags.scans, 20, 1, 1000);
const warmup = integerFlag('warmup', flags.warmup, 5, 0, 1000);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const work = await mkdtemp(join(tmpdir(), 'pastoe-bench-one-'));
const { child, hello } = await startLabProcess(1, join(work, 'domains.csv'));
try {
  const domain = (await readFile(hello.list, 'utf8')).trim().split('\n')[1]?.split(',')[0];
  if (domain === undefined || domain === '') throw new Error('the lab listed no domain');

  /**
   * One scan with empty caches: its wall time, the connections it made and its error verdicts.
   * The transports (a fresh resolver and validator) are made before, outside the profile.
   */
  const scanOnce = async ({ transports, connections }: ReturnType<typeof labTransports>) => {
    try {
      const started = performance.now();
      const report = await scan(domain, {
        checks: [...webPreset.checks, ...mailPreset.checks],
        probes: [...webPreset.probes, ...mailPreset.probes],
        transports,
        vantage: hello.vantage,
        caches: createScanCaches(),
      });
      const ms = performance.now() - started;
      const errors = report.verdicts.filter((verdict) => verdict.status === 'error').length;
      return { ms, tcp: connections.tcp, udp: connections.udp, errors, checks: report.verdicts.length };
    } finally {
      transports.resolver.close();
      await transports.http.close();
    }
  };

  for (let i = 0; i < warmup; i++) await scanOnce(labTransports(hello));
  const prepared = Array.from({ length: scans }, () => labTransports(hello));
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  const labCpuBefore = await processCpuMs(child.pid);
  const cpuBefore = process.cpuUsage();
  await session.post('Profiler.start');
  const samples = [];
  for (const transports of prepared) samples.push(await scanOnce(transports));
  const { profile } = await session.post('Profiler.stop');
  const cpu = process.cpuUsage(cpuBefore);
  const labCpuMs = (await processCpuMs(child.pid)) - labCpuBefore;
  session.disconnect();

  const last = samples[samples.length - 1];
  console.log(
    `bench/one-domain: ${domain}, web + mail (${last?.checks ?? 0} verdicts), ${scans} scans with empty caches after ${warmup} unmeasured; Node ${process.version}`,
  );
  console.log(
    `  wall time per scan, median     ${median(samples.map((s) => s.ms))
      .toFixed(0)
      .padStart(
        6,
      )} ms (min ${Math.min(...samples.map((s) => s.ms)).toFixed(0)}, max ${Math.max(...samples.map((s) => s.ms)).toFixed(0)}; under the profiler)`,
  );
  console.log(
    `  CPU time per scan              ${((cpu.user + cpu.system) / 1000 / scans).toFixed(0).padStart(6)} ms (user ${(cpu.user / 1000 / scans).toFixed(0)}, system ${(cpu.system / 1000 / scans).toFixed(0)}; all threads, with the profiler)`,
  );
  console.log(`  lab CPU time per scan          ${(labCpuMs / scans).toFixed(0).padStart(6)} ms (the child's, from /proc)`);
  console.log(`  connections per scan           ${String(last?.tcp ?? 0).padStart(6)} TCP, ${last?.udp ?? 0} UDP exchanges`);
  console.log(`  error verdicts                 ${String(samples.reduce((sum, s) => sum + s.errors, 0)).padStart(6)}`);
  printProfile(profile as CpuProfile, scans, `CPU profile of the main thread over the ${scans} measured scans, per scan:`);
} finally {
  child.stdin?.end();
  child.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}
