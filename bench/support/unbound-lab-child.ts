/**
 * The Unbound lab for bench/dns.ts, in a process of its own. The bench asks it for Knot's and
 * Unbound's counters and for cache flushes between samples; each of those runs `knotc` or
 * `unbound-control`, and a process that spawns a child pays afterwards for the copy-on-write
 * faults of the fork on every page it writes, which doubled the validation measured next. Here
 * the forks happen in this process, and the bench process never forks while it measures.
 *
 * Protocol: one line of JSON on stdout when the lab is up (`UnboundLabHello`), then one JSON
 * line per command read from stdin (`flush`, `stats`, `knot`), in order (bench/support/line-child.ts);
 * stdin's end closes the lab. Not a bench by itself: bench/run.mjs runs only the files directly in bench/.
 */
import { ExternalToolMissingError, startUnboundLab } from '@pastoe/lab';
import { serveLines } from './line-child.js';

let lab: Awaited<ReturnType<typeof startUnboundLab>>;
try {
  lab = await startUnboundLab();
} catch (error) {
  if (!(error instanceof ExternalToolMissingError)) throw error;
  process.stdout.write(`${JSON.stringify({ missing: error.message })}\n`);
  process.exit(0);
}
process.stdout.write(`${JSON.stringify({ knot: lab.knot, unbound: lab.unbound, trustAnchor: lab.trustAnchor })}\n`);

const answer = async (command: string): Promise<unknown> => {
  switch (command) {
    case 'flush':
      await lab.flushUnbound();
      return null;
    case 'stats':
      return lab.unboundStats();
    case 'knot':
      return lab.knotQueries();
    default:
      throw new Error(`unknown command ${command}`);
  }
};

serveLines(answer, () => lab.close());
