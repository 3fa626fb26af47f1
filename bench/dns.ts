/**
 * DNS benchmark: how long pastoe takes to validate a name four zones deep, cold and warm, and
 * how many queries it sends, next to Unbound answering the same name, on the Unbound lab
 * (BIND-signed zones served by Knot on loopback). Run with `npm run bench`; not a test.
 *
 * Environment: BENCH_NAME, BENCH_TYPE (default a.b.c.deep.test A), BENCH_COLD_RUNS (default 150,
 * at least 10, in blocks of about 10 per row), BENCH_WARM_RUNS (default 50, at least 20), BENCH_WARMUP (default 300: V8 optimises a
 * function only after many calls; three cold runs left the validator's paths interpreted and 30
 * left some of them, while a bulk scan validates thousands of names),
 * BENCH_DEBUG=1 (print every cold sample of each row).
 *
 * "Cold" means empty DNS caches, not a cold JavaScript engine: each series starts with
 * unmeasured cold runs so that V8 has compiled the code paths, as in a long-running scanner.
 * Samples come in blocks, the rows' blocks taken in turn (cold: blocks of about 10, so that the
 * machine's drift in pace falls on every row alike; warm: five blocks); the lab runs in
 * a child process (bench/support/unbound-lab-child.ts) whose counters are read around each block,
 * so that nothing forks or waits in the bench process between the samples of a block.
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
import type { Endpoint } from '@pastoe/lab';
import { type RemoteUnboundLab as UnboundLab, startRemoteUnboundLab } from './support/unbound-lab-process.js';

const name = process.env.BENCH_NAME ?? 'a.b.c.deep.test';
const type = (process.env.BENCH_TYPE ?? 'A') as RecordType;
const coldRuns = Math.max(10, Number(process.env.BENCH_COLD_RUNS ?? 150));
const warmRuns = Math.max(20, Number(process.env.BENCH_WARM_RUNS ?? 50));
const warmupRuns = Math.max(0, Number(process.env.BENCH_WARMUP ?? 300));
const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback'] }) });

/** One measured answer: wall time, queries the client sent, queries Knot received. */
interface Sample {
  readonly ms: number;
  readonly clientQueries: number;
  /** Sequential round trips (pastoe's resolver measures them; Unbound's are not known). */
  readonly rounds?: number;
  readonly knotQueries: number;
  readonly status: string;
  /** The first of its block, taken after the bench waited for the lab's counters (see {@link block}). */
  readonly afterIdle?: boolean;
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

/** What one timed answer gives before the counters of its block are shared out. */
type Timed = Omit<Sample, 'knotQueries' | 'clientQueries'> & { readonly clientQueries?: number };

/** Times one pastoe validation, with the queries and round trips its resolver counted. */
async function pastoeSample(validator: Validator, resolver: ClosableResolver): Promise<Timed> {
  const before = resolver.stats();
  const started = performance.now();
  const result = await validator.validate(name, type);
  const ms = performance.now() - started;
  const after = resolver.stats();
  return {
    ms,
    clientQueries: after.upstreamQueries - before.upstreamQueries,
    rounds: (after.sequentialRoundTrips ?? 0) - (before.sequentialRoundTrips ?? 0),
    status: result.status,
  };
}

/** One cold pastoe validation against `upstream`: a fresh validator and resolver, so both caches are empty. */
async function pastoeColdSample(lab: UnboundLab, upstream: Endpoint): Promise<Timed> {
  const resolver = resolverFor(upstream);
  try {
    return await pastoeSample(createValidator({ resolver, trustAnchors: lab.trustAnchor }), resolver);
  } finally {
    await resolver.close();
  }
}

/** A validator and resolver kept across warm samples, with the name validated once. */
async function warmPastoe(lab: UnboundLab, upstream: Endpoint): Promise<{ validator: Validator; resolver: ClosableResolver }> {
  const resolver = resolverFor(upstream);
  const validator = createValidator({ resolver, trustAnchors: lab.trustAnchor });
  await validator.validate(name, type);
  return { validator, resolver };
}

/** Times Unbound answering the name itself (AD set). */
async function unboundSample(lab: UnboundLab): Promise<Timed> {
  const started = performance.now();
  const status = await udpQuery(lab.unbound, name, type);
  return { ms: performance.now() - started, status };
}

function sentByUnbound(stats: Record<string, number>): number {
  return (stats['num.query.udpout'] ?? 0) + (stats['num.query.tcpout'] ?? 0);
}

/**
 * Takes `count` samples one after another and reads Knot's (and Unbound's) counters once around
 * them, sharing the difference out evenly. Reading a counter runs \`knotc\` or
 * \`unbound-control\` in the lab process; between the samples of a block nothing else runs, as
 * in a scanner validating name after name. \`beforeEach\` (an Unbound flush) is the exception.
 * The first sample of a block without \`beforeEach\` is marked \`afterIdle\`: the bench process
 * sat idle while the counters were read, and a validation that starts from idle measured 2–3×
 * slower than the next (on 2026-12-03: 7–8 ms against 4–5 ms for the cold validation, 0.5 against
 * 0.15 ms warm, whether the pause was 20 or 100 ms), the CPU's caches and clock being cold.
 */
async function block(lab: UnboundLab, count: number, take: () => Promise<Timed>, beforeEach?: () => Promise<void>): Promise<Sample[]> {
  const unboundBefore = sentByUnbound(await lab.unboundStats());
  const knotBefore = await lab.knotQueries();
  const timed: Timed[] = [];
  for (let i = 0; i < count; i++) {
    await beforeEach?.();
    timed.push(await take());
  }
  const unboundSent = (sentByUnbound(await lab.unboundStats()) - unboundBefore) / count;
  const knotQueries = ((await lab.knotQueries()) - knotBefore) / count;
  return timed.map((sample, index) => ({
    ...sample,
    clientQueries: sample.clientQueries ?? unboundSent,
    knotQueries,
    ...(index === 0 && beforeEach === undefined ? { afterIdle: true } : {}),
  }));
}

/**
 * The three rows, in blocks taken in turn (a block of each row, then the next round), so that
 * load from elsewhere on a shared machine falls on all three alike. Unmeasured cold runs first
 * let V8 compile the validator's code paths, as in a long-running scanner.
 */
/** The samples not taken first after a pause. */
function busy(samples: readonly Sample[]): Sample[] {
  return samples.filter((sample) => sample.afterIdle !== true);
}

async function benchAll(lab: UnboundLab): Promise<{ direct: Summary; directAfterIdle: Summary; viaUnbound: Summary; unbound: Summary }> {
  const flush = () => lab.flushUnbound();
  await block(lab, warmupRuns, () => pastoeColdSample(lab, lab.knot));
  await block(lab, Math.min(warmupRuns, 5), () => pastoeColdSample(lab, lab.unbound), flush);
  const cold = { direct: [] as Sample[], viaUnbound: [] as Sample[], unbound: [] as Sample[] };
  const coldRounds = Math.max(5, Math.round(coldRuns / 10));
  for (let round = 0; round < coldRounds; round++) {
    const size = Math.ceil(coldRuns / coldRounds);
    cold.direct.push(...(await block(lab, size + 1, () => pastoeColdSample(lab, lab.knot))));
    cold.viaUnbound.push(...(await block(lab, size, () => pastoeColdSample(lab, lab.unbound), flush)));
    cold.unbound.push(...(await block(lab, size, () => unboundSample(lab), flush)));
  }
  const direct = await warmPastoe(lab, lab.knot);
  const viaUnbound = await warmPastoe(lab, lab.unbound);
  await udpQuery(lab.unbound, name, type);
  const warm = { direct: [] as Sample[], viaUnbound: [] as Sample[], unbound: [] as Sample[] };
  const rounds = 5;
  try {
    for (let round = 0; round < rounds; round++) {
      const size = Math.ceil(warmRuns / rounds);
      warm.direct.push(...(await block(lab, size + 1, () => pastoeSample(direct.validator, direct.resolver))));
      warm.viaUnbound.push(...(await block(lab, size + 1, () => pastoeSample(viaUnbound.validator, viaUnbound.resolver))));
      warm.unbound.push(...(await block(lab, size + 1, () => unboundSample(lab))));
    }
  } finally {
    await direct.resolver.close();
    await viaUnbound.resolver.close();
  }
  return {
    direct: { label: 'pastoe direct at knot', cold: busy(cold.direct), warm: busy(warm.direct) },
    directAfterIdle: {
      label: 'pastoe direct at knot, first after a pause',
      cold: cold.direct.filter((sample) => sample.afterIdle === true),
      warm: warm.direct.filter((sample) => sample.afterIdle === true),
    },
    viaUnbound: { label: 'pastoe via unbound (CD), unbound flushed when cold', cold: cold.viaUnbound, warm: busy(warm.viaUnbound) },
    unbound: { label: 'unbound itself (no CD)', cold: cold.unbound, warm: busy(warm.unbound) },
  };
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
  const lab = await startRemoteUnboundLab();
  if ('missing' in lab) {
    console.log(`bench/dns: skipped, ${lab.missing}`);
    return;
  }
  try {
    console.log(
      `bench/dns: ${name} ${type}, ${coldRuns} cold (after ${warmupRuns} unmeasured) and ${warmRuns} warm runs, interleaved, medians; Node ${process.version}`,
    );
    console.log(
      'queries: what the client sent upstream (pastoe: resolver stats; unbound: num.query.udpout+tcpout, per answer over each block); knot saw: mod-stats, per answer over each block',
    );
    console.log(
      'rounds: the longest chain of queries each sent after the one before was answered (pastoe resolver stats; deterministic, unlike ms)',
    );
    const { direct, directAfterIdle, viaUnbound, unbound } = await benchAll(lab);
    if (process.env.BENCH_DEBUG)
      for (const row of [direct, directAfterIdle, viaUnbound, unbound])
        console.log(row.label, row.cold.map((s) => s.ms.toFixed(1)).join(' '));
    printTable([direct, directAfterIdle, viaUnbound, unbound]);
    const ratio = (a: Summary, part: 'cold' | 'warm'): string => (describe(a[part]).ms / describe(unbound[part]).ms).toFixed(2);
    console.log(
      `ratio pastoe/unbound (wall time): direct cold ${ratio(direct, 'cold')} (first after a pause ${ratio(directAfterIdle, 'cold')}), warm ${ratio(direct, 'warm')}; ` +
        `via unbound cold ${ratio(viaUnbound, 'cold')}, warm ${ratio(viaUnbound, 'warm')}`,
    );
  } finally {
    await lab.close();
  }
}

await main();
