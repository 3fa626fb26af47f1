/** Test helper: a probe context whose resolver asks one loopback test server. Only for tests. */
import { createResolver } from '../../dns/resolver/create-resolver.js';
import { loopbackNetwork } from '../../dns/test-support/servers.js';
import type { ProbeContext, Transports } from '../../model/probe.js';
import { createScanCaches } from '../../runner/caches.js';

/** A probe context for `domain` whose only transport is a resolver asking 127.0.0.1:`port` (no cache, no retry). */
export function resolverContext(port: number, domain = 'example.test'): ProbeContext {
  const resolver = createResolver(`udp://127.0.0.1:${port}`, { network: loopbackNetwork(), cache: false, retries: 0, timeoutMs: 2_000 });
  return {
    target: { domain, input: domain },
    signal: new AbortController().signal,
    // The DNS probes use the resolver only.
    transports: { resolver } as Partial<Transports> as Transports,
    caches: createScanCaches(),
    settings: { ehloName: 'scanner.test', userAgent: 'test', tlsSharing: 'address' },
    now: () => new Date(),
    // A probe alone: no other probe's evidence to read.
    evidence: () => Promise.reject(new Error('resolverContext runs one probe alone')),
    evidenceList: () => Promise.reject(new Error('resolverContext runs one probe alone')),
  };
}
