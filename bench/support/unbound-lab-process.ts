/**
 * bench/dns.ts's side of bench/support/unbound-lab-child.ts: starts the child and calls its
 * commands, one at a time.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Endpoint } from '@pastoe/lab';

/** The Unbound lab as the DNS bench sees it, run by another process. */
export interface RemoteUnboundLab {
  /** Knot, authoritative for every lab zone. */
  readonly knot: Endpoint;
  /** Unbound, validating, in front of Knot. */
  readonly unbound: Endpoint;
  /** The lab root's trust anchor (DS, zone-file form). */
  readonly trustAnchor: string;
  /** Empties Unbound's caches. */
  flushUnbound(): Promise<void>;
  /** Unbound's counters. */
  unboundStats(): Promise<Record<string, number>>;
  /** Knot's count of queries received. */
  knotQueries(): Promise<number>;
  /** Stops the lab and its process. */
  close(): Promise<void>;
}

/** Starts the child; `undefined` with the reason when a tool of the lab is not installed. */
export async function startRemoteUnboundLab(): Promise<RemoteUnboundLab | { readonly missing: string }> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'unbound-lab-child.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const stdin = child.stdin as NonNullable<typeof child.stdin>;
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const waiting: ((line: string) => void)[] = [];
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the lab process exited (${code})`))));
  exited.catch(() => {});
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = (): Promise<string> => Promise.race([new Promise<string>((resolve) => waiting.push(resolve)), exited]);
  const hello = JSON.parse(await nextLine()) as
    | { readonly missing: string }
    | { readonly knot: Endpoint; readonly unbound: Endpoint; readonly trustAnchor: string };
  if ('missing' in hello) return hello;
  const call = async <T>(command: string): Promise<T> => {
    const reply = nextLine();
    stdin.write(`${command}\n`);
    return (JSON.parse(await reply) as { result: T }).result;
  };
  return {
    ...hello,
    flushUnbound: () => call<null>('flush').then(() => undefined),
    unboundStats: () => call<Record<string, number>>('stats'),
    knotQueries: () => call<number>('knot'),
    close: async () => {
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      stdin.end();
      await done;
    },
  };
}
