/**
 * The lab for bench/bulk.ts, in a process of its own so that the scanner's memory is pastoe's
 * alone: starts the lab with `--bulk=N` domains, writes their list (`--list=FILE`, CSV with a
 * group column), prints one line of JSON saying how to reach it (resolver URL, trust anchor, CA,
 * address map, vantage settings, RPKI servers) and serves until it is killed or its stdin closes.
 * Not a bench by itself: bench/run.mjs runs only the files directly in bench/.
 */
import { parseArgs } from 'node:util';
import { startLab, writeBulkDomainList } from '@pastoe/lab';

const { values: flags } = parseArgs({ options: { bulk: { type: 'string' }, list: { type: 'string' } }, strict: true });
const bulk = Number(flags.bulk ?? 1000);
if (flags.list === undefined) throw new Error('--list=FILE is required');

const started = performance.now();
const lab = await startLab({ bulk });
const startupMs = Math.round(performance.now() - started);
await writeBulkDomainList(lab, flags.list);

/** What a scanner in another process needs to reach the lab as `lab.transports()` does. */
const hello = {
  resolverUrl: lab.resolverUrl,
  trustAnchors: lab.trustAnchors,
  caPem: lab.caPem,
  routes: lab.addressMap.routes,
  vantage: lab.vantage,
  rpki: { ripestatUrl: lab.rpki.ripestatUrl, routinatorUrl: lab.rpki.routinatorUrl },
  list: flags.list,
  startupMs,
  rssBytes: process.memoryUsage().rss,
};
process.stdout.write(`${JSON.stringify(hello)}\n`);

let closing = false;
const stop = (): void => {
  if (closing) return;
  closing = true;
  void lab.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The scanner's end closes our stdin: stop even if no signal comes.
process.stdin.on('end', stop);
process.stdin.resume();
