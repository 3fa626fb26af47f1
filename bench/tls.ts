/**
 * TLS benchmark: wall time and TCP connections of a pastoe TLS scan next to sslscan and testssl.sh,
 * against the nginx peers of the lab (A modern, B legacy; HTTPS and SMTP STARTTLS), on loopback.
 * Run with `npm run bench -- tls`; not a test.
 *
 * Every tool reaches its target through a small counting TCP proxy (node:net on loopback): it
 * counts the connections it accepts and pipes the bytes both ways, so STARTTLS works through it
 * and every tool's connections are counted the same way, without packet capture (which needs
 * root). pastoe's own count (`TlsEvidence.connections`) is shown beside the proxy's. The proxies
 * and the external tools run in a child process (bench/support/tls-tools-child.ts), so that the
 * bench process runs pastoe's scan alone and never forks while it measures.
 *
 * Wall time: pastoe, the in-process time of `scanTls` (after one unmeasured scan, so that V8 has
 * compiled the code paths, as in a running scanner), with one trust store (Mozilla's roots and the
 * lab CA) for the whole run, as a running pastoe has one; the tools, their process from spawn to
 * exit. The row "pastoe inl, store/scan" passes the lab CA as `ca` instead, as a one-off call of
 * `scanTls` would: every scan then builds a new trust store and the node:tls secure context of its
 * roots (about 25 ms of CPU). Tools run one at a time; each figure is the median of the runs.
 *
 * Flags (after `npm run bench -- tls`) and environment:
 * - `--runs=N` or PASTOE_BENCH_RUNS: runs per tool and target (default 3);
 * - `--testssl-once` or PASTOE_BENCH_TESTSSL_ONCE=1: testssl.sh once per target (it takes up to ~2 minutes a run);
 * - `--skip-testssl` or PASTOE_BENCH_SKIP_TESTSSL=1: no testssl.sh at all;
 * - `--targets=A-https,B-smtp`: only these targets (A-https, B-https, A-smtp, B-smtp).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  createAddressPolicy,
  createNodeNetwork,
  createTrustStore,
  scanTls,
  type TlsEvidence,
  type TlsScanScope,
  type TrustStore,
} from '@pastoe/core';
import { ExternalToolMissingError, startTlsPeerLab, type TlsPeerEndpoint, type TlsPeerLab } from '@pastoe/lab';
import { startToolsProcess, type ToolsProcess } from './support/tls-tools-process.js';

/** The issue's connection budget at Internet.nl scope, per server. */
const connectionBudget = { A: 30, B: 110 } as const;

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    'testssl-once': { type: 'boolean', default: false },
    'skip-testssl': { type: 'boolean', default: false },
    targets: { type: 'string' },
  },
  strict: true,
});
const runs = Number(flags.runs ?? process.env.PASTOE_BENCH_RUNS ?? 3);
if (!Number.isInteger(runs) || runs < 1 || runs > 50)
  throw new RangeError(`--runs must be an integer from 1 to 50, got ${String(flags.runs)}`);
const skipTestssl = flags['skip-testssl'] || process.env.PASTOE_BENCH_SKIP_TESTSSL === '1';
const testsslRuns = flags['testssl-once'] || process.env.PASTOE_BENCH_TESTSSL_ONCE === '1' ? 1 : runs;
const onlyTargets = flags.targets?.split(',').map((name) => name.trim().toLowerCase());

/** Unmeasured scans of each pastoe variant before the first measured one. */
const warmupRounds = 5;

const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback'] }) });

/** One target's counting proxy, in the tools process. */
interface ProxyHandle {
  readonly port: number;
  accepted(): Promise<number>;
  settle(): Promise<void>;
}

function proxyHandle(tools: ToolsProcess, index: number): ProxyHandle {
  return {
    port: tools.ports[index] as number,
    accepted: () => tools.accepted(index),
    settle: () => tools.settle(index),
  };
}

/** The last lines of a tool's output, for an error message. */
function tail(text: string, lines = 5): string {
  return text.trim().split('\n').slice(-lines).join(' | ');
}

/** One measured run of one tool against one target. */
interface Sample {
  readonly ms: number;
  /** Connections the proxy accepted during the run. */
  readonly connections: number;
  /** pastoe's own count, from the evidence. */
  readonly reported?: number;
  /** pastoe's connection rounds (`TlsEvidence.connectionRounds`): connection times one after another. */
  readonly rounds?: number;
  /** What the tool found, to compare the tools: accepted suites per version, or the exit code. */
  readonly found: string;
  /** Why the run does not count, if it does not. */
  readonly error?: string;
}

/** Accepted suites per version, e.g. `1.3:2 1.2:2`. */
function suitesPerVersion(counts: ReadonlyMap<string, number>): string {
  const order = ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1.0', 'SSLv3', 'SSLv2'];
  return order
    .filter((version) => (counts.get(version) ?? 0) > 0)
    .map((version) => `${version.replace('TLSv', '')}:${counts.get(version)}`)
    .join(' ');
}

function evidenceSummary(evidence: TlsEvidence): { found: string; error?: string } {
  const counts = new Map(evidence.suites.map((enumeration) => [enumeration.version, enumeration.accepted.length] as const));
  const groups = evidence.groups?.reduce((sum, enumeration) => sum + enumeration.accepted.length, 0);
  const found = `${suitesPerVersion(counts)}${groups === undefined ? '' : ` groups:${groups}`}`;
  if (!evidence.reachable) return { found, error: `unreachable: ${evidence.problems.map((p) => `${p.step} ${p.code}`).join(', ')}` };
  const incomplete = evidence.suites.filter((enumeration) => !enumeration.complete).map((enumeration) => enumeration.version);
  if (incomplete.length > 0) return { found, error: `incomplete suite enumeration at ${incomplete.join(', ')}` };
  return { found };
}

/** What a pastoe scan is asked to do in one row of the table. */
interface PastoeVariant {
  readonly label: string;
  readonly scope: TlsScanScope;
  readonly groups: boolean;
  /** `ca` instead of the run's trust store: a new store, and its secure context, per scan. */
  readonly storePerScan?: boolean;
}

const pastoeVariants: readonly PastoeVariant[] = [
  { label: 'pastoe internetnl', scope: 'internetnl', groups: false },
  { label: 'pastoe all', scope: 'all', groups: false },
  { label: 'pastoe all+groups', scope: 'all', groups: true },
  { label: 'pastoe inl, store/scan', scope: 'internetnl', groups: false, storePerScan: true },
];

/** The lab CA, as the run's trust store and as PEM. */
interface BenchTrust {
  readonly store: TrustStore;
  readonly caPem: string;
}

async function pastoeSample(
  variant: PastoeVariant,
  target: TlsPeerEndpoint,
  proxy: ProxyHandle,
  trust: BenchTrust,
  signal: AbortSignal,
): Promise<Sample> {
  const before = await proxy.accepted();
  const started = performance.now();
  const evidence = await scanTls({
    host: target.host,
    ip: '127.0.0.1',
    port: proxy.port,
    ...(target.starttls === undefined ? {} : { starttls: target.starttls }),
    network,
    ...(variant.storePerScan === true ? { ca: trust.caPem } : { trust: trust.store }),
    scope: variant.scope,
    groups: variant.groups,
    signal,
  });
  const ms = performance.now() - started;
  await proxy.settle();
  return {
    ms,
    connections: (await proxy.accepted()) - before,
    reported: evidence.connections,
    ...(evidence.connectionRounds === undefined ? {} : { rounds: evidence.connectionRounds }),
    ...evidenceSummary(evidence),
  };
}

async function sslscanSample(tools: ToolsProcess, target: TlsPeerEndpoint, proxy: ProxyHandle): Promise<Sample> {
  const before = await proxy.accepted();
  const args = ['--no-colour', ...(target.starttls === 'smtp' ? ['--starttls-smtp'] : []), `127.0.0.1:${proxy.port}`];
  const run = await tools.run('sslscan', args, 120_000);
  await proxy.settle();
  const counts = new Map<string, number>();
  for (const match of run.output.matchAll(/^(?:Accepted|Preferred)\s+(SSLv[23]|TLSv1\.[0-3])\s/gm)) {
    const version = match[1] as string;
    counts.set(version, (counts.get(version) ?? 0) + 1);
  }
  const failed = run.timedOut ? 'timed out' : run.code !== 0 ? `exit ${run.code ?? run.signal}: ${tail(run.output)}` : undefined;
  const empty = counts.size === 0 ? `no accepted suites in the output: ${tail(run.output)}` : undefined;
  const error = failed ?? empty;
  return {
    ms: run.ms,
    connections: (await proxy.accepted()) - before,
    found: suitesPerVersion(counts),
    ...(error === undefined ? {} : { error }),
  };
}

async function testsslSample(tools: ToolsProcess, target: TlsPeerEndpoint, proxy: ProxyHandle): Promise<Sample> {
  const before = await proxy.accepted();
  const args = [
    '--quiet',
    '--color',
    '0',
    '--warnings',
    'off',
    '--nodns',
    'none',
    ...(target.starttls === 'smtp' ? ['-t', 'smtp'] : []),
    `127.0.0.1:${proxy.port}`,
  ];
  const run = await tools.run('testssl', args, 600_000);
  await proxy.settle();
  // testssl.sh's exit code counts findings (1, 7, …); its own errors are 240 and up.
  const failed = run.timedOut
    ? 'timed out'
    : run.code === null || run.code >= 240
      ? `exit ${run.code ?? run.signal}: ${tail(run.output)}`
      : !/^\s*Done\b/m.test(run.output)
        ? `no "Done" line: ${tail(run.output)}`
        : undefined;
  return {
    ms: run.ms,
    connections: (await proxy.accepted()) - before,
    found: `exit ${run.code ?? run.signal}`,
    ...(failed === undefined ? {} : { error: failed }),
  };
}

/** One row of the table: one tool against one target, all its runs. */
interface Row {
  readonly target: string;
  readonly tool: string;
  readonly samples: readonly Sample[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The runs that worked. */
function good(row: Row | undefined): Sample[] {
  return row === undefined ? [] : row.samples.filter((sample) => sample.error === undefined);
}

function medianMs(row: Row | undefined): number | undefined {
  const samples = good(row);
  return samples.length === 0 ? undefined : median(samples.map((sample) => sample.ms));
}

/** A count as `n`, or `min–max` when the runs differed. */
function spread(values: readonly number[]): string {
  if (values.length === 0) return '-';
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? String(low) : `${low}–${high}`;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '-' : `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 1)} s`;
}

function printTable(rows: readonly Row[]): void {
  const header = ['target', 'tool', 'runs', 'wall (median)', 'wall min–max', 'TCP conns (proxy)', 'pastoe says', 'rounds', 'found'];
  const body = rows.map((row) => {
    const samples = good(row);
    const times = samples.map((sample) => sample.ms);
    const reported = samples.flatMap((sample) => (sample.reported === undefined ? [] : [sample.reported]));
    const rounds = samples.flatMap((sample) => (sample.rounds === undefined ? [] : [sample.rounds]));
    const errors = row.samples.flatMap((sample) => (sample.error === undefined ? [] : [sample.error]));
    return [
      row.target,
      row.tool,
      `${samples.length}/${row.samples.length}`,
      seconds(medianMs(row)),
      times.length === 0 ? '-' : `${seconds(Math.min(...times))}–${seconds(Math.max(...times))}`,
      spread(samples.map((sample) => sample.connections)),
      spread(reported),
      spread(rounds),
      `${[...new Set(samples.map((sample) => sample.found))].join(' / ')}${errors.length > 0 ? ` ERROR ${errors[0]}` : ''}`,
    ];
  });
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((row) => (row[i] ?? '').length)));
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ');
  console.log(line(header).trimEnd());
  for (const row of body) console.log(line(row).trimEnd());
}

/** A ratio to two decimals, or `-` when a side is missing. */
function ratio(a: number | undefined, b: number | undefined, digits = 2): string {
  return a === undefined || b === undefined || b === 0 ? '-' : (a / b).toFixed(digits);
}

/** Prints the ratios and the issue's targets per target; returns how many targets were missed. */
function printVerdicts(targets: readonly { name: string; server: 'A' | 'B' }[], rows: readonly Row[]): number {
  let missed = 0;
  const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');
  console.log("\nratios (median wall times) and the issue's targets");
  for (const { name, server } of targets) {
    const find = (tool: string): Row | undefined => rows.find((row) => row.target === name && row.tool === tool);
    const pastoe = find('pastoe internetnl');
    const pastoeMs = medianMs(pastoe);
    const all = medianMs(find('pastoe all'));
    const storePerScan = medianMs(find('pastoe inl, store/scan'));
    const sslscan = medianMs(find('sslscan'));
    const testssl = medianMs(find('testssl.sh'));
    const connections = good(pastoe).map((sample) => sample.connections);
    const maxConnections = connections.length === 0 ? undefined : Math.max(...connections);
    const budget = connectionBudget[server];
    const connectionsOk = maxConnections === undefined ? undefined : maxConnections <= budget;
    const timeOk = pastoeMs === undefined || sslscan === undefined ? undefined : pastoeMs <= sslscan;
    // Issue 15: at most half of sslscan's wall time.
    const halfOk = pastoeMs === undefined || sslscan === undefined ? undefined : pastoeMs <= sslscan / 2;
    const testsslOk = pastoeMs === undefined || testssl === undefined ? undefined : testssl / pastoeMs >= 50;
    for (const ok of [connectionsOk, timeOk, halfOk, testsslOk]) if (ok === false) missed += 1;
    console.log(
      `${name}: pastoe/sslscan ${ratio(pastoeMs, sslscan)} (all scope ${ratio(all, sslscan)}, store per scan ${ratio(storePerScan, sslscan)}), testssl/pastoe ${ratio(testssl, pastoeMs, 0)}×; ` +
        `connections ${maxConnections ?? '-'} ≤ ${budget}: ${verdict(connectionsOk)}; wall ≤ sslscan: ${verdict(timeOk)}; ` +
        `wall ≤ ½ sslscan: ${verdict(halfOk)}; ` +
        `testssl/pastoe ≥ 50×: ${verdict(testsslOk)}`,
    );
  }
  return missed;
}

async function main(): Promise<void> {
  const controller = new AbortController();
  let lab: TlsPeerLab;
  try {
    lab = await startTlsPeerLab({ signal: controller.signal });
  } catch (error) {
    if (error instanceof ExternalToolMissingError) {
      console.log(`bench/tls: skipped, ${error.message}`);
      return;
    }
    throw error;
  }
  // One store for the run, as a running pastoe has; its secure context is made in the unmeasured warm-up.
  const trust: BenchTrust = { store: createTrustStore({ ca: lab.caPem }), caPem: lab.caPem };
  let tools: ToolsProcess | undefined;
  // Ctrl-C: end the running tool or scan now; the loop then stops and `finally` closes nginx and the tools process.
  const stop = (signal: NodeJS.Signals): void => {
    controller.abort(new Error(`bench/tls: interrupted (${signal})`));
    void tools?.close();
    process.exitCode = signal === 'SIGINT' ? 130 : 143;
  };
  const checkInterrupted = (): void => controller.signal.throwIfAborted();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const all = [
      { name: 'A https', server: 'A' as const, endpoint: lab.endpoints.httpsModern },
      { name: 'B https', server: 'B' as const, endpoint: lab.endpoints.httpsLegacy },
      { name: 'A smtp', server: 'A' as const, endpoint: lab.endpoints.smtpModern },
      { name: 'B smtp', server: 'B' as const, endpoint: lab.endpoints.smtpLegacy },
    ];
    const targets = all.filter((target) => onlyTargets === undefined || onlyTargets.includes(target.name.replace(' ', '-').toLowerCase()));
    if (targets.length === 0) throw new RangeError(`--targets matched none of ${all.map((t) => t.name.replace(' ', '-')).join(', ')}`);
    console.log(
      `bench/tls: ${runs} run(s) per tool and target, testssl.sh ${skipTestssl ? 'skipped' : `${testsslRuns} run(s)`}; ` +
        `Node ${process.version}; targets through a counting TCP proxy on 127.0.0.1`,
    );
    if (lab.skipped.length > 0) console.log(`lab skipped: ${lab.skipped.join('; ')}`);

    tools = await startToolsProcess(targets.map((target) => target.endpoint));
    const rows: Row[] = [];
    let warmedUp = false;
    for (const [index, target] of targets.entries()) {
      const proxy = proxyHandle(tools, index);
      if (!warmedUp) {
        // Unmeasured: the first scans in the process pay for compiling the scanner (V8 optimises
        // a function only after many calls), as a long-running scanner does once.
        const started = performance.now();
        for (let round = 0; round < warmupRounds; round++) {
          for (const variant of pastoeVariants) await pastoeSample(variant, target.endpoint, proxy, trust, controller.signal);
        }
        console.log(
          `warm-up (unmeasured): ${warmupRounds} scans of each pastoe variant against ${target.name}, ${seconds(performance.now() - started)}`,
        );
        warmedUp = true;
      }
      const samples = new Map<string, Sample[]>();
      const add = (tool: string, sample: Sample): void => {
        checkInterrupted();
        samples.set(tool, [...(samples.get(tool) ?? []), sample]);
        if (sample.error !== undefined) console.log(`  ${target.name} ${tool}: ${sample.error}`);
      };
      // Round after round, so that a slow patch of the machine spreads over all tools.
      for (let run = 0; run < runs; run++) {
        for (const variant of pastoeVariants) {
          add(variant.label, await pastoeSample(variant, target.endpoint, proxy, trust, controller.signal));
        }
        add('sslscan', await sslscanSample(tools, target.endpoint, proxy));
        if (!skipTestssl && run < testsslRuns) {
          process.stdout.write(`  ${target.name}: testssl.sh run ${run + 1}/${testsslRuns}…`);
          const sample = await testsslSample(tools, target.endpoint, proxy);
          process.stdout.write(` ${seconds(sample.ms)}\n`);
          add('testssl.sh', sample);
        }
      }
      for (const [tool, list] of samples) rows.push({ target: target.name, tool, samples: list });
    }

    console.log('');
    printTable(rows);
    const missed = printVerdicts(targets, rows);
    const mismatches = rows
      .filter((row) => row.tool.startsWith('pastoe'))
      .flatMap((row) =>
        good(row)
          .filter((sample) => sample.reported !== sample.connections)
          .map(() => `${row.target} ${row.tool}`),
      );
    if (mismatches.length > 0)
      console.log(`pastoe's own connection count differs from the proxy's: ${[...new Set(mismatches)].join(', ')}`);
    console.log(`${missed === 0 ? 'all measured targets met' : `${missed} target(s) missed`}`);
    const failed = rows.filter((row) => row.samples.some((sample) => sample.error !== undefined));
    if (failed.length > 0) process.exitCode = 1;
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    console.log(`\n${String((controller.signal.reason as Error).message)}`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await tools?.close();
    await lab.close();
  }
}

await main();
