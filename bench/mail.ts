/**
 * Mail test benchmark: SPF evaluations per second on the RFC 7208 suite. Every test of the
 * suite is evaluated with `evaluateSpf` against the lab's DNS server on loopback, serving that
 * scenario's zonedata: once through a resolver without a cache (every evaluation asks the server
 * all its questions), once through a resolver whose cache the first pass filled (the evaluator's
 * own cost). Tests that wait for a silent server (the suite's TIMEOUT entries) measure the
 * resolver's timeout, not the evaluator, so the unmeasured first pass finds them (over 200 ms)
 * and the measured passes leave them out. Needs no peer.
 * Run with `npm run bench -- mail`; not a test.
 *
 * Flags (after `npm run bench -- mail`): `--runs=N` passes over the suite (default 5); the
 * figure is the median.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { evaluateSpf } from '@pastoe/checks-mail';
import { createResolver, type Resolver } from '@pastoe/core';
import { createDnsResponder, type DnsResponder, startDnsServer } from '@pastoe/lab';
import { readSpfSuite, spfSuiteDir } from '../packages/integration/test/spf/suite.js';

const { values: flags } = parseArgs({ options: { runs: { type: 'string' } }, strict: true });
const runs = Number(flags.runs ?? 5);
if (!Number.isInteger(runs) || runs < 1 || runs > 50)
  throw new RangeError(`--runs must be an integer from 1 to 50, got ${String(flags.runs)}`);

const scenarios = readSpfSuite('rfc7208-tests.yml');
if (scenarios === undefined) {
  console.log(`SPF bench skipped: ${spfSuiteDir} is absent`);
  process.exit(0);
}

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
