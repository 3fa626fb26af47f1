/**
 * DNS benchmark: how long pastoe takes to validate a name four zones deep, cold and warm, and
 * how many queries it sends, next to Unbound answering the same name, on the Unbound lab
 * (BIND-signed zones served by Knot on loopback). Run with `npm run bench`; not a test.
 *
 * Environment: BENCH_NAME, BENCH_TYPE (default a.b.c.deep.test A), BENCH_COLD_RUNS (default 15,
 * at least 10), BENCH_WARM_RUNS (default 50, at least 20), BENCH_WARMUP (default 3).
 *
 * "Cold" means empty DNS caches, not a cold JavaScript engine: each series starts with a few
 * unmeasured cold runs so that V8 has compiled the code paths, as in a long-running scanner.
 */
import { createSocket } from 'node:dgram';
import { performance } from 'node:perf_hooks';
import {
  type ClosableResolver,
  createAddressPolicy,
  createNodeNetwork,
  createResolver,
  createValidator,
  type RecordType,
  type Validator,
} from '@pastoe/core';
import { ExternalToolMissingError, type Endpoint, type UnboundLab, startUnboundLab } from '@pastoe/lab';

const name = process.env.BENCH_NAME ?? 'a.b.c.deep.test';
const type = (process.env.BENCH_TYPE ?? 'A') as RecordType;
const coldRuns = Math.max(10, Number(process.env.BENCH_COLD_RUNS ?? 15));
const warmRuns = Math.max(20, Number(process.env.BENCH_WARM_RUNS ?? 50));
const warmupRuns = Math.max(0, Number(process.env.BENCH_WARMUP ?? 3));
const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback'] }) });

/** One measured answer: wall time, queries the client sent, queries Knot received. */
interface Sample {
  readonly ms: number;
  readonly clientQueries: number;
  /** Sequential round trips (pastoe's resolver measures them; Unbound's are not known). */
  readonly rounds?: number;
  readonly knotQueries: number;
  readonly status: string;
}

/** The figures of one row of the table. */
interface Summary {
  readonly label: string;
  readonly cold: readonly Sample[];
  readonly warm: readonly Sample[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Encodes a query with RD, and EDNS with DO: the smallest message that asks Unbound to validate. */
function queryPacket(id: number, qname: string, qtype: number): Buffer {
  const labels = qname.split('.').filter((label) => label !== '');
  const header = Buffer.from([id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1]);
  const question = Buffer.concat([
    ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])),
    Buffer.from([0, qtype >> 8, qtype & 0xff, 0, 1]),
  ]);
  // OPT: root owner, type 41, payload 1232, extended rcode and version 0, DO bit, no options.
  const opt = Buffer.from([0, 0, 41, 0x04, 0xd0, 0, 0, 0x80, 0, 0, 0]);
  return Buffer.concat([header, question, opt]);
}

const typeNumbers: Readonly<Record<string, number>> = { A: 1, NS: 2, SOA: 6, MX: 15, TXT: 16, AAAA: 28 };

/** Sends one UDP query and resolves with the response's rcode and AD flag. */
function udpQuery(endpoint: Endpoint, qname: string, qtype: string): Promise<string> {
  const code = typeNumbers[qtype];
  if (code === undefined) throw new RangeError(`the bench's own query encoder does not know type ${qtype}`);
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const id = Math.floor(Math.random() * 0xffff);
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('no answer from unbound within 5 s'));
    }, 5000);
    socket.on('message', (message) => {
      if (message.readUInt16BE(0) !== id) return;
      clearTimeout(timer);
      socket.close();
      const rcode = message[3] === undefined ? -1 : message[3] & 0x0f;
      const ad = ((message[3] ?? 0) & 0x20) !== 0;
      resolve(`${['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN'][rcode] ?? `RCODE${rcode}`}${ad ? '+AD' : ''}`);
    });
    socket.send(queryPacket(id, qname, code), endpoint.port, endpoint.ip);
  });
}

function resolverFor(endpoint: Endpoint): ClosableResolver {
  return createResolver(`udp://${endpoint.ip}:${endpoint.port}`, { network, retries: 0, timeoutMs: 3000 });
}

/** Times one pastoe validation, with the queries its resolver sent and Knot received. */
async function pastoeSample(lab: UnboundLab, validator: Validator, resolver: ClosableResolver): Promise<Sample> {
  const knotBefore = await lab.knotQueries();
  const before = resolver.stats();
  const started = performance.now();
  const result = await validator.validate(name, type);
  const ms = performance.now() - started;
  const after = resolver.stats();
  return {
    ms,
    clientQueries: after.upstreamQueries - before.upstreamQueries,
    rounds: (after.sequentialRoundTrips ?? 0) - (before.sequentialRoundTrips ?? 0),
    knotQueries: (await lab.knotQueries()) - knotBefore,
    status: result.status,
  };
}

/** pastoe against one upstream: fresh validator and resolver per cold run, one pair for all warm runs. */
async function benchPastoe(lab: UnboundLab, label: string, upstream: Endpoint, flushUnbound: boolean): Promise<Summary> {
  const cold: Sample[] = [];
  for (let i = 0; i < warmupRuns + coldRuns; i++) {
    if (flushUnbound) await lab.flushUnbound();
    const resolver = resolverFor(upstream);
    try {
      const sample = await pastoeSample(lab, createValidator({ resolver, trustAnchors: lab.trustAnchor }), resolver);
      if (i >= warmupRuns) cold.push(sample);
    } finally {
      await resolver.close();
    }
  }
  const resolver = resolverFor(upstream);
  const warm: Sample[] = [];
  try {
    const validator = createValidator({ resolver, trustAnchors: lab.trustAnchor });
    await validator.validate(name, type);
    for (let i = 0; i < warmRuns; i++) warm.push(await pastoeSample(lab, validator, resolver));
  } finally {
    await resolver.close();
  }
  return { label, cold, warm };
}

/** Times Unbound answering the name itself (AD set), with its outgoing queries. */
async function unboundSample(lab: UnboundLab): Promise<Sample> {
  const statsBefore = await lab.unboundStats();
  const knotBefore = await lab.knotQueries();
  const started = performance.now();
  const status = await udpQuery(lab.unbound, name, type);
  const ms = performance.now() - started;
  const statsAfter = await lab.unboundStats();
  const sent = (stats: Record<string, number>): number => (stats['num.query.udpout'] ?? 0) + (stats['num.query.tcpout'] ?? 0);
  return { ms, clientQueries: sent(statsAfter) - sent(statsBefore), knotQueries: (await lab.knotQueries()) - knotBefore, status };
}

async function benchUnbound(lab: UnboundLab): Promise<Summary> {
  const cold: Sample[] = [];
  for (let i = 0; i < warmupRuns + coldRuns; i++) {
    await lab.flushUnbound();
    const sample = await unboundSample(lab);
    if (i >= warmupRuns) cold.push(sample);
  }
  await udpQuery(lab.unbound, name, type);
  const warm: Sample[] = [];
  for (let i = 0; i < warmRuns; i++) warm.push(await unboundSample(lab));
  return { label: 'unbound itself (no CD)', cold, warm };
}

function describe(samples: readonly Sample[]): { ms: number; client: number; rounds: string; knot: number; statuses: string } {
  const rounds = samples.flatMap((s) => (s.rounds === undefined ? [] : [s.rounds]));
  return {
    ms: median(samples.map((s) => s.ms)),
    rounds: rounds.length === 0 ? '–' : String(median(rounds)),
    client: median(samples.map((s) => s.clientQueries)),
    knot: median(samples.map((s) => s.knotQueries)),
    statuses: [...new Set(samples.map((s) => s.status))].join(','),
  };
}

function printTable(rows: readonly Summary[]): void {
  const header = ['', 'cold ms', 'cold queries', 'cold rounds', 'knot saw', 'warm ms', 'warm queries', 'knot saw', 'verdict'];
  const body = rows.map((row) => {
    const cold = describe(row.cold);
    const warm = describe(row.warm);
    return [
      row.label,
      cold.ms.toFixed(2),
      String(cold.client),
      cold.rounds,
      String(cold.knot),
      warm.ms.toFixed(3),
      String(warm.client),
      String(warm.knot),
      cold.statuses === warm.statuses ? cold.statuses : `${cold.statuses} / ${warm.statuses}`,
    ];
  });
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const row of body) console.log(line(row));
}

async function main(): Promise<void> {
  let lab: UnboundLab;
  try {
    lab = await startUnboundLab();
  } catch (error) {
    if (error instanceof ExternalToolMissingError) {
      console.log(`bench/dns: skipped, ${error.message}`);
      return;
    }
    throw error;
  }
  try {
    console.log(
      `bench/dns: ${name} ${type}, ${coldRuns} cold (after ${warmupRuns} unmeasured) and ${warmRuns} warm runs, medians; Node ${process.version}`,
    );
    console.log('queries: what the client sent upstream (pastoe: resolver stats; unbound: num.query.udpout+tcpout); knot saw: mod-stats');
    console.log(
      'rounds: the longest chain of queries each sent after the one before was answered (pastoe resolver stats; deterministic, unlike ms)',
    );
    const direct = await benchPastoe(lab, 'pastoe direct at knot', lab.knot, false);
    const viaUnbound = await benchPastoe(lab, 'pastoe via unbound (CD), unbound flushed when cold', lab.unbound, true);
    const unbound = await benchUnbound(lab);
    printTable([direct, viaUnbound, unbound]);
    const ratio = (a: Summary, part: 'cold' | 'warm'): string => (describe(a[part]).ms / describe(unbound[part]).ms).toFixed(2);
    console.log(
      `ratio pastoe/unbound (wall time): direct cold ${ratio(direct, 'cold')}, warm ${ratio(direct, 'warm')}; ` +
        `via unbound cold ${ratio(viaUnbound, 'cold')}, warm ${ratio(viaUnbound, 'warm')}`,
    );
  } finally {
    await lab.close();
  }
}

await main();
