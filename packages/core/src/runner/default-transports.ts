import type { Resolver } from '../dns/types.js';
import { ProbeFailure } from '../model/evidence.js';
import type { Transports } from '../model/probe.js';
import type { Network } from '../transport/network.js';

// Interim defaults until the Node network and the DoH resolver are wired in: every use fails
// with a typed `unsupported` error instead of reaching a global.
const unavailableNetwork: Network = {
  policy: { check: () => ({ allowed: false, category: 'invalid', reason: 'no network configured' }) },
  connect: () => Promise.reject(new ProbeFailure('unsupported', 'no network transport configured')),
  udpExchange: () => Promise.reject(new ProbeFailure('unsupported', 'no network transport configured')),
};

const unavailableResolver: Resolver = {
  description: 'none',
  query: () =>
    Promise.resolve({ ok: false, error: { code: 'unsupported', message: 'no resolver configured' }, server: 'none', elapsedMs: 0 }),
  stats: () => ({ queries: 0, upstreamQueries: 0, cacheHits: 0, coalesced: 0 }),
};

/** Completes the transports a caller gave with the defaults. */
export function resolveTransports(partial: Partial<Transports> | undefined): Transports {
  return {
    network: partial?.network ?? unavailableNetwork,
    resolver: partial?.resolver ?? unavailableResolver,
  };
}
