/**
 * Bulk benchmark: lab bulk domains (`d00001.bulk.test` …, copies of four web and mail scenarios)
 * scanned with the web and mail checks by `scanMany` with shared caches, each report handed to
 * `persist` as it arrives, as `pastoe bulk` does, with V8's heap growth bounded as `pastoe bulk`
 * bounds it (`boundHeapGrowth`). The lab runs in a child process
 * (bench/support/bulk-lab.ts), so that the figures are the scanner's alone: domains per second,
 * CPU time per domain (`process.cpuUsage`), and peak RSS, sampled every 100 ms and as the kernel's
 * `resourceUsage().maxRSS`. Targets on a 2-core machine: at least 20 domains/s, and under 400 MB
 * peak RSS at 10 000 domains. Run with `npm run bench -- bulk`; not a test.
 *
 * Flags (after `npm run bench -- bulk`): `--domains=N` (default 1000; 10000 for the memory
 * figure), `--concurrency=N` domains at a time (default 16), `--out=FILE` the results store the reports go
 * to (default a SQLite file in the temporary directory, removed afterwards), `--max-seconds=S` to stop the
 * scan after S seconds and report what was done, `--probes` to print the time each probe took.
 * When no domain finishes for a minute, it prints the probes in flight (a watchdog for stalls).
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mailPreset } from '@pastoe/checks-mail';
import { boundHeapGrowth } from 'pastoe';
import { webPreset } from '@pastoe/checks-web';
import { openStore } from '@pastoe/store';
import { createScanCaches, type ScanEvent, type ScanReport, scanMany } from '@pastoe/core';
import { processCpuMs, startLabProcess } from './support/lab-process.js';
import { labTransports } from './support/lab-transports.js';
import { integerFlag } from './support/integer-flag.js';

const { values: flags } = parseArgs({
  options: {
    domains: { type: 'string' },
    concurrency: { type: 'string' },
    out: { type: 'string' },
    probes: { type: 'boolean' },
    'max-seconds': { type: 'string' },
    'cache-entries': { type: 'string' },
  },
  strict: true,
});
const count = integerFlag('domains', flags.domains, 1000, 1, 99_999);
const concurrency = integerFlag('concurrency', flags.concurrency, 16, 1, 256);

const maxSeconds = Number(flags['max-seconds'] ?? Number.POSITIVE_INFINITY);
if (!(maxSeconds > 0)) throw new RangeError(`--max-seconds must be a positive number, got ${String(flags['max-seconds'])}`);

const cacheEntries = flags['cache-entries'] === undefined ? undefined : Number(flags['cache-entries']);
if (cacheEntries !== undefined && !(Number.isInteger(cacheEntries) && cacheEntries > 0))
  throw new RangeError(`--cache-entries must be a positive integer, got ${String(flags['cache-entries'])}`);

const targets = { domainsPerSecond: 20, peakRssMb: 400 } as const;
boundHeapGrowth();
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

const work = await mkdtemp(join(tmpdir(), 'pastoe-bench-bulk-'));
const { child, hello } = await startLabProcess(count, join(work, 'domains.csv'));
const { transports, connections } = labTransports(hello);
const storeFile = flags.out ?? join(work, 'results.sqlite');
const store = openStore(storeFile);
try {
  const rows = (await readFile(hello.list, 'utf8')).trim().split('\n').slice(1);
  const listed = rows.map((row) => {
    const [domain = '', group = ''] = row.split(',');
    return { domain, group };
  });
  const domains = listed.map((entry) => entry.domain);
  const groupOf = new Map(listed.map((entry) => [entry.domain, entry.group]));
  const measurement = store.startMeasurement({ domains: listed, policy: 'internetnl', label: 'bench/bulk' });
  // As `pastoe bulk` does: each finished domain committed to the results store in its own transaction.
  const persist = (report: ScanReport): void => store.saveReport(measurement.id, report, groupOf.get(report.target.domain));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const labCpuBefore = await processCpuMs(child.pid);
  const caches = createScanCaches(cacheEntries === undefined ? {} : { maxEntries: cacheEntries });
  let tlsEvidenceBytes = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let ok = 0;
  let failed = 0;
  let errorVerdicts = 0;
  // With --probes: the time each probe took, summed over its runs (runs overlap, so the sums exceed the wall time).
  const probeTimes = new Map<string, { runs: number; millis: number }>();
  const timeProbes = (event: ScanEvent): void => {
    if (event.type !== 'probe-finished') return;
    const entry = probeTimes.get(event.probe) ?? { runs: 0, millis: 0 };
    entry.runs += 1;
    entry.millis += event.durationMs;
    probeTimes.set(event.probe, entry);
  };
  // A watchdog: one 10,000-domain run once stopped at 0% CPU for minutes, unexplained and not seen
  // again. If no domain finishes for a minute, say which probes are in flight, and for how long.
  const inFlight = new Map<string, number>();
  const probeKey = (event: { domain: string; probe: string; subject: { name: string; ip?: string } }): string =>
    `${event.domain} ${event.probe} ${event.subject.name} ${event.subject.ip ?? ''}`;
  let lastFinished = Date.now();
  const watchdog = setInterval(() => {
    if (Date.now() - lastFinished < 60_000) return;
    console.log(`  STALLED: no domain finished for 60 s; ${inFlight.size} probes in flight, ${caches.locks.size} keys locked`);
    for (const [key, since] of [...inFlight].slice(0, 20)) console.log(`    ${key}: ${Math.round((Date.now() - since) / 1000)} s`);
    lastFinished = Date.now();
  }, 5_000);
  watchdog.unref();
  const onEvent = (event: ScanEvent): void => {
    if (event.type === 'probe-started') inFlight.set(probeKey(event), Date.now());
    if (event.type === 'probe-finished') inFlight.delete(probeKey(event));
    if (flags.probes === true) timeProbes(event);
  };
  const errorsByCheck = new Map<string, number>();
  let bytes = 0;
  for await (const result of scanMany(domains, {
    checks: [...webPreset.checks, ...mailPreset.checks],
    probes: [...webPreset.probes, ...mailPreset.probes],
    transports,
    vantage: hello.vantage,
    caches,
    domainConcurrency: concurrency,
    onEvent,
  })) {
    lastFinished = Date.now();
    if (!result.ok) {
      failed += 1;
      continue;
    }
    ok += 1;
    for (const verdict of result.report.verdicts) {
      if (verdict.status !== 'error') continue;
      errorVerdicts += 1;
      const key = `${verdict.check} (${verdict.outcome})`;
      errorsByCheck.set(key, (errorsByCheck.get(key) ?? 0) + 1);
    }
    // The TLS evidence of one domain's web addresses, as the shared TLS cache keeps it per host name.
    tlsEvidenceBytes = JSON.stringify(result.report.evidence.filter((evidence) => evidence.probe === 'tls-web')).length;
    persist(result.report);
    if (ok % 500 === 0)
      console.log(
        `  … ${ok} domains in ${((performance.now() - started) / 1000).toFixed(0)} s, RSS now ${mb(process.memoryUsage().rss)} MB`,
      );
    // Leaving the loop stops scanMany: the scans in flight are aborted.
    if (performance.now() - started > maxSeconds * 1000) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const labCpuMs = (await processCpuMs(child.pid)) - labCpuBefore;
  clearInterval(sampler);
  clearInterval(watchdog);
  store.finishMeasurement(measurement.id);
  bytes = (await stat(storeFile)).size;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const rate = ok / seconds;
  const cpuMs = (cpu.user + cpu.system) / 1000 / Math.max(ok, 1);
  const peak = Math.max(peakRss, maxRss);
  if (ok + failed < count) console.log(`Stopped after --max-seconds=${maxSeconds}: ${ok + failed} of ${count} domains done.`);
  console.log(
    `Bulk run: ${count} lab domains, web + mail (${webPreset.checks.length + mailPreset.checks.length} checks), scanMany with shared caches, ${concurrency} domains at a time`,
  );
  console.log(`  lab (child process)          started in ${hello.startupMs} ms, RSS ${mb(hello.rssBytes)} MB after start`);
  console.log(`  domains scanned              ${String(ok).padStart(7)} (${failed} failed, ${errorVerdicts} error verdicts)`);
  const worst = [...errorsByCheck].sort((a, b) => b[1] - a[1]).slice(0, 6);
  if (worst.length > 0) console.log(`  error verdicts by check      ${worst.map(([key, n]) => `${key}: ${n}`).join(', ')}`);
  console.log(`  wall time                    ${seconds.toFixed(1).padStart(7)} s, ${rate.toFixed(1)} domains/s`);
  console.log(
    `  CPU time per domain          ${cpuMs.toFixed(1).padStart(7)} ms (user ${(cpu.user / 1000 / Math.max(ok, 1)).toFixed(1)}, system ${(cpu.system / 1000 / Math.max(ok, 1)).toFixed(1)})`,
  );
  console.log(`  lab CPU time per domain      ${(labCpuMs / Math.max(ok, 1)).toFixed(1).padStart(7)} ms (the child's, from /proc)`);
  console.log(
    `  connections per domain       ${(connections.tcp / Math.max(ok, 1)).toFixed(0).padStart(7)} TCP, ${(connections.udp / Math.max(ok, 1)).toFixed(0)} UDP exchanges`,
  );
  console.log(`  peak RSS, sampled every 100 ms ${mb(peakRss).padStart(5)} MB; resourceUsage().maxRSS ${mb(maxRss)} MB`);
  console.log(
    `  shared caches at the end     ${caches.tls.size} TLS entries (a domain's web ones: ${(tlsEvidenceBytes / 1024).toFixed(0)} KB of JSON), ${caches.dns.size} DNS, ${caches.shared.size} other${cacheEntries === undefined ? '' : `; --cache-entries=${cacheEntries}`}`,
  );
  console.log(`  results store (SQLite, WAL)  ${mb(bytes).padStart(7)} MB for ${ok} reports with their verdict rows`);
  const meets = (ok: boolean): string => (ok ? 'meets' : 'MISSES');
  console.log(`  ${meets(rate >= targets.domainsPerSecond)} the ${targets.domainsPerSecond} domains/s target`);
  if (count >= 10_000)
    console.log(`  ${meets(peak < targets.peakRssMb * 1024 * 1024)} the ${targets.peakRssMb} MB peak RSS target at ${count} domains`);
  if (flags.probes === true) {
    console.log('  probes by time summed over their runs (they overlap):');
    for (const [probe, { runs, millis }] of [...probeTimes].sort((a, b) => b[1].millis - a[1].millis).slice(0, 12))
      console.log(
        `    ${probe.padEnd(34)} ${(millis / 1000).toFixed(1).padStart(7)} s in ${runs} runs, ${(millis / runs).toFixed(0)} ms each`,
      );
  }
  console.log(`  command: npm run bench -- bulk --domains=${count} --concurrency=${concurrency}`);
} finally {
  store.close();
  transports.resolver.close();
  await transports.http.close();
  child.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}
