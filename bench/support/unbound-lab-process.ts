/**
 * bench/dns.ts's side of bench/support/unbound-lab-child.ts: starts the child and calls its
 * commands, one at a time.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Endpoint } from '@pastoe/lab';
import { startLineChild } from './line-child.js';

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

/** Starts the child, or gives the reason it could not start the lab (a tool not installed). */
export async function startRemoteUnboundLab(): Promise<RemoteUnboundLab | { readonly missing: string }> {
  const child = await startLineChild(join(dirname(fileURLToPath(import.meta.url)), 'unbound-lab-child.ts'));
  const hello = child.hello as
    | { readonly missing: string }
    | { readonly knot: Endpoint; readonly unbound: Endpoint; readonly trustAnchor: string };
  if ('missing' in hello) {
    await child.close();
    return hello;
  }
  const call = async <T>(command: string): Promise<T> => (await child.call(command)) as T;
  return {
    ...hello,
    flushUnbound: () => call<null>('flush').then(() => undefined),
    unboundStats: () => call<Record<string, number>>('stats'),
    knotQueries: () => call<number>('knot'),
    close: () => child.close(),
  };
}
