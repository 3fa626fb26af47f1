import type { Resolver } from '../dns/types.js';
import type { Transports } from '../model/probe.js';
import { createNodeNetwork } from '../transport/node-network.js';

const unavailableResolver: Resolver = {
  description: 'none',
  query: () =>
    Promise.resolve({ ok: false, error: { code: 'unsupported', message: 'no resolver configured' }, server: 'none', elapsedMs: 0 }),
  stats: () => ({ queries: 0, upstreamQueries: 0, cacheHits: 0, coalesced: 0 }),
};

/** Completes the transports a caller gave with the defaults. */
export function resolveTransports(partial: Partial<Transports> | undefined): Transports {
  return {
    network: partial?.network ?? createNodeNetwork(),
    resolver: partial?.resolver ?? unavailableResolver,
  };
}
