import { createResolver } from '../dns/resolver/create-resolver.js';
import { createValidator } from '../dnssec/validator.js';
import type { Transports } from '../model/probe.js';
import { createNodeNetwork } from '../transport/node-network.js';
import type { ScanCaches } from './caches.js';

/** Transports completed with defaults, and how to release what the defaults opened. */
export interface ResolvedTransports {
  /** The transports to use. */
  readonly transports: Transports;
  /** Closes what this function created (DoH sessions); leaves the caller's transports alone. */
  dispose(): Promise<void>;
}

/**
 * Completes the transports a caller gave with the defaults: the Node network (public addresses
 * only), DoH to well-known public resolvers, and pastoe's validator from the IANA root anchors.
 */
export function resolveTransports(partial: Partial<Transports> | undefined, caches: ScanCaches): ResolvedTransports {
  const network = partial?.network ?? createNodeNetwork();
  // The default resolver keeps its answers in the scan caches, so scans that share caches share DNS.
  const ownResolver = partial?.resolver === undefined ? createResolver(undefined, { network, cache: caches.dns }) : undefined;
  const resolver = partial?.resolver ?? ownResolver;
  if (resolver === undefined) throw new Error('unreachable: a resolver is always present here');
  const validator = partial?.validator ?? createValidator({ resolver });
  return {
    transports: { network, resolver, validator },
    dispose: async () => {
      await ownResolver?.close();
    },
  };
}
