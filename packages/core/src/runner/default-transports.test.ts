import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/client.js';
import { okResponse, startRawServer } from '../http/test-support/hostile.js';
import { loopbackNetwork } from '../tls/scanner/test-support/servers.js';
import { createTrustStore, mozillaTrustStore } from '../trust/store.js';
import { cacheKey } from '../dns/resolver/cache.js';
import { normalizeQuestion } from '../dns/wire/message.js';
import { createStaticRouteSource, createStaticVrpSource } from '../rpki/sources/static.js';
import { createScanCaches } from './caches.js';
import { resolveTransports } from './default-transports.js';
import { defaultProbeSettings } from './options.js';

describe('resolveTransports', () => {
  it('gives the default resolver the scan caches, so scans that share caches share DNS answers', async () => {
    const caches = createScanCaches();
    const question = normalizeQuestion({ name: 'example.nl', type: 'A' });
    if (!question.ok) throw new Error('question did not normalise');
    caches.dns.set(
      cacheKey(question.question),
      {
        message: {
          id: 0,
          rcode: 'NOERROR',
          flags: { aa: false, tc: false, rd: true, ra: true, ad: false, cd: false },
          question: [{ name: 'example.nl', type: 'A', class: 'IN' }],
          answers: [{ name: 'example.nl', type: 'A', class: 'IN', ttl: 300, data: { type: 'A', address: '192.0.2.1' } }],
          authority: [],
          additional: [],
        },
        server: 'https://dns.quad9.net/dns-query',
        ttlSeconds: 300,
      },
      300_000,
    );
    const resolved = resolveTransports(undefined, caches, defaultProbeSettings);
    try {
      // The default resolver talks DoH to public servers this machine cannot reach: only the shared cache can answer.
      const result = await resolved.transports.resolver.query({ name: 'example.nl', type: 'A' }, { timeoutMs: 500 });
      expect(result.ok && result.cached).toBe(true);
      expect(result.ok && result.message.answers[0]?.data).toEqual({ type: 'A', address: '192.0.2.1' });
    } finally {
      await resolved.dispose();
    }
  });

  it('leaves the caller’s own transports alone', async () => {
    const caches = createScanCaches();
    const first = resolveTransports(undefined, caches, defaultProbeSettings);
    const second = resolveTransports(first.transports, caches, defaultProbeSettings);
    expect(second.transports).toEqual(first.transports);
    await second.dispose();
    await first.dispose();
  });

  it('builds trust and HTTP from what the caller gave: the HTTP client uses the given network, trust and User-Agent', async () => {
    const server = await startRawServer(okResponse('hi'));
    const network = loopbackNetwork();
    const trust = createTrustStore();
    const resolved = resolveTransports({ network, trust }, createScanCaches(), { userAgent: 'pastoe-test/1' });
    try {
      expect(resolved.transports.trust).toBe(trust);
      expect(resolved.transports.http.trust).toBe(trust);
      const result = await resolved.transports.http.request({ url: `http://site.test:${server.port}/`, ip: '127.0.0.1', timeoutMs: 5_000 });
      expect(result.ok && result.response.status).toBe(200);
      expect(server.requests[0]).toMatch(/\r\nuser-agent: pastoe-test\/1\r\n/i);
    } finally {
      await resolved.dispose();
      await server.close();
    }
    // What it built, it closed.
    const after = await resolved.transports.http.request({ url: `http://site.test:${server.port}/`, ip: '127.0.0.1' });
    expect(!after.ok && after.error.code).toBe('client-closed');
  });

  it('defaults trust to Mozilla’s roots and leaves a caller’s HTTP client open', async () => {
    const network = loopbackNetwork();
    const http = createHttpClient({ network });
    const resolved = resolveTransports({ network, http }, createScanCaches(), defaultProbeSettings);
    expect(resolved.transports.trust.kind).toBe('mozilla');
    // One shared store, so scans without a trust of their own share its secure contexts and parsed roots.
    expect(resolved.transports.trust).toBe(mozillaTrustStore());
    expect(http.trust).toBe(mozillaTrustStore());
    expect(resolved.transports.http).toBe(http);
    await resolved.dispose();
    const server = await startRawServer(okResponse('still open'));
    try {
      const result = await http.request({ url: `http://site.test:${server.port}/`, ip: '127.0.0.1', timeoutMs: 5_000 });
      expect(result.ok && result.response.status).toBe(200);
    } finally {
      await http.close();
      await server.close();
    }
  });

  it('passes the caller’s RPKI sources through and adds none of its own', async () => {
    const network = loopbackNetwork();
    const http = createHttpClient({ network });
    const rpki = { routes: createStaticRouteSource([]), vrps: createStaticVrpSource([]) };
    const withSources = resolveTransports({ network, http, rpki }, createScanCaches(), defaultProbeSettings);
    const without = resolveTransports({ network, http }, createScanCaches(), defaultProbeSettings);
    expect(withSources.transports.rpki).toBe(rpki);
    expect(without.transports.rpki).toBeUndefined();
    await Promise.all([withSources.dispose(), without.dispose(), http.close()]);
  });
});
