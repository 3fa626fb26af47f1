import { createResolver } from '../dns/resolver/create-resolver.js';
import { createValidator } from '../dnssec/validator.js';
import { createHttpClient } from '../http/client.js';
import type { ProbeSettings, Transports } from '../model/probe.js';
import { createNodeNetwork } from '../transport/node-network.js';
import { mozillaTrustStore } from '../trust/store.js';
import type { ScanCaches } from './caches.js';

/** Transports completed with defaults, and how to release what the defaults opened. */
export interface ResolvedTransports {
  /** The transports to use. */
  readonly transports: Transports;
  /** Closes what this function created (DoH sessions, the HTTP pool); leaves the caller's transports alone. */
  dispose(): Promise<void>;
}

/**
 * Completes the transports a caller gave, building each missing one from those given: the Node
 * network (public addresses only); DoH to well-known public resolvers, trusting the caller's
 * `trust` when given; pastoe's validator from the IANA root anchors; Mozilla's roots as `trust`;
 * and an HTTP client over the network and `trust` sending `settings.userAgent`. So a caller who
 * passes `{ network, resolver, trust }` gets a validator and an HTTP client that use them.
 */
export function resolveTransports(
  partial: Partial<Transports> | undefined,
  caches: ScanCaches,
  settings: Pick<ProbeSettings, 'userAgent'>,
): ResolvedTransports {
  const network = partial?.network ?? createNodeNetwork();
  // The caller's roots serve DoH too; Mozilla's are what DoH trusts anyway, so a default store adds nothing there.
  const givenTrust = partial?.trust;
  const trust = givenTrust ?? mozillaTrustStore();
  // The default resolver keeps its answers in the scan caches, so scans that share caches share DNS.
  const ownResolver =
    partial?.resolver === undefined
      ? createResolver(undefined, { network, cache: caches.dns, ...(givenTrust === undefined ? {} : { trust: givenTrust }) })
      : undefined;
  const resolver = partial?.resolver ?? ownResolver;
  if (resolver === undefined) throw new Error('unreachable: a resolver is always present here');
  const validator = partial?.validator ?? createValidator({ resolver });
  const ownHttp = partial?.http === undefined ? createHttpClient({ network, trust, userAgent: settings.userAgent }) : undefined;
  const http = partial?.http ?? ownHttp;
  if (http === undefined) throw new Error('unreachable: an HTTP client is always present here');
  return {
    transports: { network, resolver, validator, trust, http, ...(partial?.rpki === undefined ? {} : { rpki: partial.rpki }) },
    dispose: async () => {
      await Promise.all([ownResolver?.close(), ownHttp?.close()]);
    },
  };
}
