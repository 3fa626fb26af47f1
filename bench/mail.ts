/**
 * Mail test benchmark, three parts:
 * 1. SPF evaluations per second on the RFC 7208 suite. Every test of the suite is evaluated with
 *    `evaluateSpf` against the lab's DNS server on loopback, serving that scenario's zonedata:
 *    once through a resolver without a cache (every evaluation asks the server all its
 *    questions), once through a resolver whose cache the first pass filled (the evaluator's own
 *    cost). Tests that wait for a silent server (the suite's TIMEOUT entries) measure the
 *    resolver's timeout, not the evaluator, so the unmeasured first pass finds them (over 200 ms)
 *    and the measured passes leave them out. Skipped when ../shared/testsuites/spf is absent.
 * 2. The full mail test (`mailPreset`) of the lab's good domain, mail-modern.test: TCP
 *    connections (by port), DNS queries sent upstream, wall time; each run with fresh transports
 *    (an empty DNS cache), the median of the runs.
 * 3. A bulk run of 200 generated domains `bulk-<n>.test` (signed zones the lab serves through its
 *    `extraZones` option) whose MX is the hosted mx.mail-modern.test, scanned with `scanMany`:
 *    how often that MX was scanned (port-25 connections, TLS cache entries) and domains per second.
 * Needs no peer. Run with `npm run bench -- mail`; not a test.
 *
 * Flags (after `npm run bench -- mail`): `--runs=N` passes over the SPF suite and runs of the mail
 * test (default 5); the figures are medians. `--bulk=N` domains in the bulk run (default 200).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { evaluateSpf, mailPreset } from '@pastoe/checks-mail';
import { createResolver, createScanCaches, type Endpoint, type Resolver, scan, scanMany } from '@pastoe/core';
import { countingNetwork, createDnsResponder, type DnsResponder, type LabZoneSpec, startDnsServer, startLab } from '@pastoe/lab';
import { readSpfSuite, spfSuiteDir } from '../packages/integration/test/spf/suite.js';
import { integerFlag } from './support/integer-flag.js';

const { values: flags } = parseArgs({ options: { runs: { type: 'string' }, bulk: { type: 'string' } }, strict: true });
const runs = integerFlag('runs', flags.runs, 5, 1, 50);
const bulkSize = Number(flags.bulk ?? 200);
if (!Number.isInteger(bulkSize) || bulkSize < 1 || bulkSize > 2_000)
  throw new RangeError(`--bulk must be an integer from 1 to 2000, got ${String(flags.bulk)}`);

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Part 1: SPF evaluations per second on the RFC 7208 suite. */
async function benchSpf(scenarios: NonNullable<ReturnType<typeof readSpfSuite>>): Promise<void> {
  let current: DnsResponder = createDnsResponder([]);
  const server = await startDnsServer({
    responder: {
      respond: (query, options) => current.respond(query, options),
      answer: (query, options) => current.answer(query, options),
      get origins() {
        return current.origins;
      },
    },
  });
  const resolverOptions = { timeoutMs: 250, queryTimeoutMs: 400, retries: 0 };
  const uncached = createResolver(`udp://127.0.0.1:${server.udp.port}`, { ...resolverOptions, cache: false });
  // Scenarios reuse names with other data, so each has its own cache.
  const prepared = scenarios.map((scenario) => ({
    responder: createDnsResponder([scenario.zone]),
    tests: [...scenario.tests],
    cached: createResolver(`udp://127.0.0.1:${server.udp.port}`, resolverOptions),
  }));
  /** Evaluations slower than this waited for a silent server. */
  const waitedMs = 200;

  interface Pass {
    evaluations: number;
    millis: number;
    queries: number;
    dropped: number;
  }

  /** One pass over the suite: evaluations done, milliseconds taken, queries asked. */
  async function pass(useCache: boolean, dropSlow: boolean): Promise<Pass> {
    const result: Pass = { evaluations: 0, millis: 0, queries: 0, dropped: 0 };
    for (const scenario of prepared) {
      current = scenario.responder;
      const resolver: Resolver = useCache ? scenario.cached : uncached;
      const before = resolver.stats().queries;
      for (const test of [...scenario.tests]) {
        const started = performance.now();
        await evaluateSpf({ ip: test.host, sender: test.mailfrom, helo: test.helo, resolver, timeoutMs: 5_000 });
        const took = performance.now() - started;
        if (dropSlow && took > waitedMs) {
          scenario.tests.splice(scenario.tests.indexOf(test), 1);
          result.dropped += 1;
          continue;
        }
        result.millis += took;
        result.evaluations += 1;
      }
      result.queries += resolver.stats().queries - before;
    }
    return result;
  }

  interface Rate {
    median: number;
    low: number;
    high: number;
    queriesPerEvaluation: number;
    evaluations: number;
  }

  async function measure(useCache: boolean): Promise<Rate> {
    const rates: number[] = [];
    let last: Pass = { evaluations: 0, millis: 0, queries: 0, dropped: 0 };
    for (let run = 0; run < runs; run++) {
      last = await pass(useCache, false);
      rates.push((last.evaluations / last.millis) * 1000);
    }
    rates.sort((a, b) => a - b);
    return {
      median: rates[Math.floor(rates.length / 2)] ?? 0,
      low: rates[0] ?? 0,
      high: rates[rates.length - 1] ?? 0,
      queriesPerEvaluation: last.queries / last.evaluations,
      evaluations: last.evaluations,
    };
  }

  const line = (label: string, m: Rate): string =>
    `  ${label.padEnd(46)} ${m.median.toFixed(0).padStart(6)} evaluations/s (range ${m.low.toFixed(0)}–${m.high.toFixed(0)}), ${m.queriesPerEvaluation.toFixed(1)} queries each`;

  try {
    // Unmeasured: compiles the code paths, finds the tests that wait for a silent server, fills the cache.
    const first = await pass(false, true);
    await pass(true, false);
    const cold = await measure(false);
    const warm = await measure(true);
    console.log(
      `SPF on the RFC 7208 suite: ${cold.evaluations} evaluations per pass (${first.dropped} that wait for a silent server left out), ${runs} passes, medians`,
    );
    console.log(line("no cache: UDP to the lab's server on loopback", cold));
    console.log(line('cache filled: the evaluator itself', warm));
    console.log('  (queries each: asked of the resolver, answered by the server or the cache)');
    console.log('  command: npm run bench -- mail');
  } finally {
    uncached.close();
    for (const scenario of prepared) scenario.cached.close();
    await server.close();
  }
}

/** The hosted MX every bulk domain names. */
const sharedMx = 'mx.mail-modern.test';

/** The bulk domains' zones: an MX on the shared host, SPF and DMARC, signed like the scenarios'. */
function bulkZones(count: number): LabZoneSpec[] {
  return Array.from({ length: count }, (_, index) => ({
    origin: `bulk-${index + 1}.test`,
    content: [`@ 300 IN MX 10 ${sharedMx}.`, '@ 300 IN TXT "v=spf1 mx -all"', '_dmarc 300 IN TXT "v=DMARC1; p=reject"'].join('\n'),
    dnssec: { algorithm: 13 },
  }));
}

/** Parts 2 and 3: the full mail test of mail-modern.test, then a bulk run of domains sharing its MX. */
async function benchMailTest(): Promise<void> {
  const labStarted = performance.now();
  const lab = await startLab({ extraZones: bulkZones(bulkSize) });
  const labMs = performance.now() - labStarted;
  const smtp = (endpoint: Endpoint): boolean => endpoint.port === 25;
  const mxAddresses = new Set([...(lab.addressOf(sharedMx)?.ipv4 ?? []), ...(lab.addressOf(sharedMx)?.ipv6 ?? [])]);
  const toMx = (endpoint: Endpoint): boolean => smtp(endpoint) && mxAddresses.has(endpoint.ip);
  try {
    // Unmeasured: compiles the code paths.
    await scan('mail-modern.test', { preset: mailPreset, transports: lab.transports(), vantage: lab.vantage });
    const samples: { millis: number; connections: number; smtp: number; mx: number; queries: number; udp: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const counting = countingNetwork(lab.network);
      const transports = lab.transports({ network: counting.network });
      const started = performance.now();
      await scan('mail-modern.test', { preset: mailPreset, transports, vantage: lab.vantage });
      samples.push({
        millis: performance.now() - started,
        connections: counting.connections(),
        smtp: counting.connections(smtp),
        mx: counting.connections(toMx),
        queries: transports.resolver.stats().upstreamQueries,
        udp: counting.udpExchanges(),
      });
    }
    const pick = (key: keyof (typeof samples)[number]): number => median(samples.map((sample) => sample[key]));
    console.log(`\nThe full mail test (mailPreset, ${mailPreset.checks.length} checks) of mail-modern.test, ${runs} runs, medians:`);
    console.log(`  wall time                    ${pick('millis').toFixed(0).padStart(6)} ms`);
    console.log(
      `  TCP connections              ${String(pick('connections')).padStart(6)} (${pick('smtp')} to port 25: ${pick('mx')} to the MX for STARTTLS and reachability, the rest the vantage check)`,
    );
    console.log(
      `  DNS queries sent upstream    ${String(pick('queries')).padStart(6)} (${pick('udp')} UDP exchanges; fresh resolver cache each run)`,
    );

    const domains = Array.from({ length: bulkSize }, (_, index) => `bulk-${index + 1}.test`);
    const counting = countingNetwork(lab.network);
    const transports = lab.transports({ network: counting.network });
    const caches = createScanCaches();
    const started = performance.now();
    let ok = 0;
    let starttlsPass = 0;
    for await (const result of scanMany(domains, { preset: mailPreset, transports, vantage: lab.vantage, caches, domainConcurrency: 16 })) {
      if (!result.ok) continue;
      ok += 1;
      if (result.report.verdicts.find((verdict) => verdict.internetnl?.name === 'mail_starttls_tls_version')?.status === 'pass')
        starttlsPass += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const bulkToMx = counting.connections(toMx);
    const tlsEntries = caches.tls.size;
    console.log(
      `\nA bulk run of ${bulkSize} domains sharing ${sharedMx} (scanMany, 16 domains at a time; the lab started in ${labMs.toFixed(0)} ms with their zones):`,
    );
    console.log(`  domains scanned              ${String(ok).padStart(6)} (${starttlsPass} with STARTTLS TLS version pass)`);
    console.log(`  port-25 connections to the MX ${String(bulkToMx).padStart(5)} (one mail test of mail-modern.test alone: ${pick('mx')})`);
    console.log(`  TLS cache entries            ${String(tlsEntries).padStart(6)} (one per scanned MX address: the MX was scanned once)`);
    console.log(`  DNS queries sent upstream    ${String(transports.resolver.stats().upstreamQueries).padStart(6)}`);
    console.log(`  wall time                    ${(seconds * 1000).toFixed(0).padStart(6)} ms, ${(ok / seconds).toFixed(1)} domains/s`);
    console.log('  command: npm run bench -- mail');
  } finally {
    await lab.close();
  }
}

const scenarios = readSpfSuite('rfc7208-tests.yml');
if (scenarios === undefined) console.log(`SPF bench skipped: ${spfSuiteDir} is absent`);
else await benchSpf(scenarios);
await benchMailTest();
