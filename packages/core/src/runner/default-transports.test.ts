import { describe, expect, it } from 'vitest';
import { cacheKey } from '../dns/resolver/cache.js';
import { normalizeQuestion } from '../dns/wire/message.js';
import { createScanCaches } from './caches.js';
import { resolveTransports } from './default-transports.js';

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
    const resolved = resolveTransports(undefined, caches);
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
    const first = resolveTransports(undefined, caches);
    const second = resolveTransports(first.transports, caches);
    expect(second.transports).toEqual(first.transports);
    await second.dispose();
    await first.dispose();
  });
});
