/**
 * Website test benchmark: a full scan with the web preset of the lab's good domain and of its
 * weakest domain, on loopback. Prints per domain the wall time, the TCP connections and UDP
 * exchanges the scan opened (counted by a wrapper around the lab's network that every transport
 * sends through) and the DNS queries the resolver was asked and sent upstream.
 * Run with `npm run bench -- web`; not a test.
 *
 * Each domain is scanned `--runs` times (default 5) with fresh transports, so that no run reuses
 * another's DNS cache or connections; one unmeasured scan first lets V8 compile the code paths,
 * as in a running scanner. The figures are medians. The target is under 2 s for the good domain.
 *
 * Flags (after `npm run bench -- web`): `--runs=N`; `--domains=a.test,b.test` to scan others.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { webPreset } from '@pastoe/checks-web';
import { policies, scan, score } from '@pastoe/core';
import { countingNetwork, type Lab, startLab } from '@pastoe/lab';
import { integerFlag } from './support/integer-flag.js';

const { values: flags } = parseArgs({
  options: { runs: { type: 'string' }, domains: { type: 'string' } },
  strict: true,
});
const runs = integerFlag('runs', flags.runs, 5, 1, 50);

/** The good domain and the weakest one (SSLv3, RC4, RSA-1024 with SHA-1, no HSTS, no redirect). */
const domains = flags.domains?.split(',').map((d) => d.trim()) ?? ['modern.test', 'ancient.test'];
const targetMs = 2_000;

interface Measurement {
  readonly millis: number;
  readonly connections: number;
  readonly udpExchanges: number;
  readonly queries: number;
  readonly upstreamQueries: number;
  readonly score: string;
  readonly verdicts: number;
}

async function measure(lab: Lab, domain: string): Promise<Measurement> {
  const counts = countingNetwork(lab.network);
  const transports = lab.transports({ network: counts.network });
  const started = performance.now();
  const report = await scan(domain, { preset: webPreset, transports, vantage: lab.vantage });
  const millis = performance.now() - started;
  const stats = transports.resolver.stats();
  const suite = score(report, policies.internetnlWeb).suites[0];
  return {
    millis,
    connections: counts.connections(),
    udpExchanges: counts.udpExchanges(),
    queries: stats.queries,
    upstreamQueries: stats.upstreamQueries,
    score: suite === undefined ? '-' : `${suite.percentage}%${suite.complete ? '' : ' (partial)'}`,
    verdicts: report.verdicts.length,
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const lab = await startLab();
try {
  const known = new Set(lab.web.map((scenario) => scenario.domain));
  for (const domain of domains) if (!known.has(domain)) throw new Error(`${domain} is not a lab web scenario`);
  await measure(lab, domains[0] ?? 'modern.test');
  console.log(`web preset: ${webPreset.checks.length} checks; ${runs} runs per domain, medians\n`);
  console.log(
    'domain'.padEnd(22),
    'wall ms'.padStart(8),
    'TCP conns'.padStart(10),
    'UDP'.padStart(5),
    'DNS asked'.padStart(10),
    'upstream'.padStart(9),
    ' score',
  );
  let goodMillis = Number.NaN;
  for (const domain of domains) {
    const samples: Measurement[] = [];
    for (let run = 0; run < runs; run++) samples.push(await measure(lab, domain));
    const millis = median(samples.map((s) => s.millis));
    if (domain === domains[0]) goodMillis = millis;
    const last = samples[samples.length - 1];
    console.log(
      domain.padEnd(22),
      millis.toFixed(0).padStart(8),
      String(median(samples.map((s) => s.connections))).padStart(10),
      String(median(samples.map((s) => s.udpExchanges))).padStart(5),
      String(median(samples.map((s) => s.queries))).padStart(10),
      String(median(samples.map((s) => s.upstreamQueries))).padStart(9),
      ` ${last?.score ?? '-'} (${last?.verdicts ?? 0} verdicts)`,
    );
  }
  const verdict = goodMillis < targetMs ? 'meets' : 'misses';
  console.log(`\n${domains[0]}: ${goodMillis.toFixed(0)} ms, ${verdict} the ${targetMs} ms target for the good domain on loopback.`);
} finally {
  await lab.close();
}
