import { afterEach, describe, expect, it } from 'vitest';
import { TtlCache } from '../../util/ttl-cache.js';
import { expectOk } from '../test-support/results.js';
import { aRecord, answer, loopbackNetwork, soaRecord, startUdpServer, type TestServer } from '../test-support/servers.js';
import type { CachedAnswer } from './cache.js';
import { createResolver } from './create-resolver.js';
import { defaultBootstrap, defaultResolverSpecs, parseResolverSpec } from './endpoints.js';

const network = loopbackNetwork();
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function udp(handler: Parameters<typeof startUdpServer>[0]): Promise<TestServer> {
  const server = await startUdpServer(handler);
  servers.push(server);
  return server;
}

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 0, 1)): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('createResolver: cache', () => {
  it('answers a repeated question from the cache, with TTLs aged', async () => {
    const server = await udp((query) => answer(query, { answers: [aRecord(query, '192.0.2.1', 300)] }));
    const clock = manualClock();
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network, now: clock.now });
    expectOk(await resolver.query({ name: 'www.example', type: 'A' }));
    clock.advance(100_000);
    const second = expectOk(await resolver.query({ name: 'WWW.example.', type: 'A' }));
    expect(second.cached).toBe(true);
    expect(second.message.answers[0]?.ttl).toBe(200);
    expect(server.received).toBe(1);
    expect(resolver.stats()).toEqual({ queries: 2, upstreamQueries: 1, cacheHits: 1, coalesced: 0, sequentialRoundTrips: 1 });
    clock.advance(200_000);
    expect(expectOk(await resolver.query({ name: 'www.example', type: 'A' })).cached).toBe(false);
    expect(server.received).toBe(2);
  });

  it('keys the cache on DO and CD as well as name and type', async () => {
    const server = await udp((query) => answer(query, { answers: [aRecord(query)] }));
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network });
    await resolver.query({ name: 'x.example', type: 'A' });
    await resolver.query({ name: 'x.example', type: 'A', dnssecOk: false });
    await resolver.query({ name: 'x.example', type: 'A', checkingDisabled: true });
    await resolver.query({ name: 'x.example', type: 'AAAA' });
    await resolver.query({ name: 'x.example', type: 'A', dnssecOk: true });
    expect(server.received).toBe(4);
    expect(resolver.stats().cacheHits).toBe(1);
  });

  it('caches NXDOMAIN and NODATA for the SOA negative TTL (RFC 2308), not without an SOA', async () => {
    const server = await udp((query) => {
      const name = query.message.question[0]?.name;
      if (name === 'gone.example') return answer(query, { rcode: 'NXDOMAIN', authority: [soaRecord(3600, 60)] });
      if (name === 'empty.example') return answer(query, { authority: [soaRecord(30, 600)] });
      return answer(query, { rcode: 'NXDOMAIN' });
    });
    const clock = manualClock();
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network, now: clock.now });
    for (let i = 0; i < 2; i++) {
      await resolver.query({ name: 'gone.example', type: 'A' });
      await resolver.query({ name: 'empty.example', type: 'AAAA' });
      await resolver.query({ name: 'nosoa.example', type: 'A' });
    }
    expect(resolver.stats()).toMatchObject({ queries: 6, upstreamQueries: 4, cacheHits: 2 });
    // NODATA lives min(SOA TTL 30, minimum 600) = 30 s; NXDOMAIN min(3600, 60) = 60 s.
    clock.advance(31_000);
    expect(expectOk(await resolver.query({ name: 'empty.example', type: 'AAAA' })).cached).toBe(false);
    expect(expectOk(await resolver.query({ name: 'gone.example', type: 'A' })).cached).toBe(true);
    clock.advance(30_000);
    expect(expectOk(await resolver.query({ name: 'gone.example', type: 'A' })).cached).toBe(false);
  });

  it('does not cache SERVFAIL or REFUSED', async () => {
    const server = await udp((query) => answer(query, { rcode: query.message.question[0]?.type === 'A' ? 'SERVFAIL' : 'REFUSED' }));
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network });
    for (let i = 0; i < 2; i++) {
      await resolver.query({ name: 'x.example', type: 'A' });
      await resolver.query({ name: 'x.example', type: 'TXT' });
    }
    expect(server.received).toBe(4);
    expect(resolver.stats().cacheHits).toBe(0);
  });

  it('bounds the TTL and can share a cache between resolvers, or run without one', async () => {
    const server = await udp((query) => answer(query, { answers: [aRecord(query, '192.0.2.1', 86_400 * 7)] }));
    const clock = manualClock();
    const shared = new TtlCache<string, CachedAnswer>({ now: clock.now });
    const spec = `udp://127.0.0.1:${server.port}`;
    const a = createResolver(spec, { network, cache: shared, now: clock.now, cacheTtl: { maxTtlSeconds: 10 } });
    const b = createResolver(spec, { network, cache: shared, now: clock.now });
    await a.query({ name: 'x.example', type: 'A' });
    expect(shared.remainingMs('x.example|A|do-rd')).toBe(10_000);
    expect(expectOk(await b.query({ name: 'x.example', type: 'A' })).cached).toBe(true);
    const none = createResolver(spec, { network, cache: false });
    await none.query({ name: 'x.example', type: 'A' });
    await none.query({ name: 'x.example', type: 'A' });
    expect(none.stats().cacheHits).toBe(0);
    expect(server.received).toBe(3);
  });
});

describe('createResolver: coalescing, retries, fallback, abort', () => {
  it('sends 10 identical parallel questions upstream once', async () => {
    const server = await udp(async (query) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return answer(query, { answers: [aRecord(query)] });
    });
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network, cache: false });
    const results = await Promise.all(Array.from({ length: 10 }, () => resolver.query({ name: 'x.example', type: 'A' })));
    for (const result of results) expect(expectOk(result).message.answers).toHaveLength(1);
    expect(server.received).toBe(1);
    expect(resolver.stats()).toEqual({ queries: 10, upstreamQueries: 1, cacheHits: 0, coalesced: 9, sequentialRoundTrips: 1 });
  });

  it('keeps the shared query going while one caller aborts', async () => {
    const server = await udp(async (query) => {
      await new Promise((resolve) => setTimeout(resolve, 80));
      return answer(query, { answers: [aRecord(query)] });
    });
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network, cache: false });
    const controller = new AbortController();
    const first = resolver.query({ name: 'x.example', type: 'A' }, { signal: controller.signal });
    const second = resolver.query({ name: 'x.example', type: 'A' });
    controller.abort();
    const [a, b] = await Promise.all([first, second]);
    expect(!a.ok && a.error.code).toBe('aborted');
    expectOk(b);
    expect(server.received).toBe(1);
  });

  it('retries a silent server `retries` more times, with backoff', async () => {
    const server = await udp(() => undefined);
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, {
      network,
      cache: false,
      retries: 2,
      timeoutMs: 80,
      retryDelayMs: 20,
      random: () => 0.99,
    });
    const started = Date.now();
    const result = await resolver.query({ name: 'x.example', type: 'A' });
    expect(!result.ok && result.error.code).toBe('timeout');
    expect(server.received).toBe(3);
    expect(resolver.stats().upstreamQueries).toBe(3);
    // Three timeouts of 80 ms plus backoffs of about 20 and 40 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 80 + 50);
  });

  it('falls back to the next server on errors, but not on SERVFAIL', async () => {
    const silent = await udp(() => undefined);
    const failing = await udp((query) => answer(query, { rcode: 'SERVFAIL' }));
    const good = await udp((query) => answer(query, { answers: [aRecord(query)] }));
    const specs = [silent, failing, good].map((s) => `udp://127.0.0.1:${s.port}`);
    const resolver = createResolver(specs, { network, cache: false, retries: 0, timeoutMs: 100 });
    expect(resolver.description).toBe(specs.join(', '));
    const result = expectOk(await resolver.query({ name: 'x.example', type: 'A' }));
    expect(result.message.rcode).toBe('SERVFAIL');
    expect(result.server).toBe(specs[1]);
    // The silent server failed recently, so it is now tried last.
    const again = expectOk(await resolver.query({ name: 'y.example', type: 'A' }));
    expect(again.server).toBe(specs[1]);
    expect(silent.received).toBe(1);
    const skip = createResolver([specs[0] ?? '', specs[2] ?? ''], { network, cache: false, retries: 0, timeoutMs: 100 });
    expect(expectOk(await skip.query({ name: 'x.example', type: 'A' })).server).toBe(specs[2]);
  });

  it('honours an overall query time limit across retries', async () => {
    const server = await udp(() => undefined);
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network, cache: false, retries: 5, timeoutMs: 1000 });
    const started = Date.now();
    const result = await resolver.query({ name: 'x.example', type: 'A' }, { timeoutMs: 150 });
    expect(!result.ok && result.error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('aborts a query in flight and refuses one already aborted', async () => {
    const server = await udp(() => undefined);
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network, cache: false, timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const result = await resolver.query({ name: 'x.example', type: 'A' }, { signal: controller.signal });
    expect(!result.ok && result.error.code).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1000);
    const pre = await resolver.query({ name: 'x.example', type: 'A' }, { signal: AbortSignal.abort() });
    expect(!pre.ok && pre.error.code).toBe('aborted');
    expect(server.received).toBe(1);
  });

  it('refuses a bad name before anything is sent', async () => {
    const server = await udp((query) => answer(query));
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network });
    for (const name of ['a..b', 'a b', `${'x'.repeat(64)}.example`]) {
      const result = await resolver.query({ name, type: 'A' });
      expect(!result.ok && result.error.code).toBe('invalid-name');
    }
    expect(resolver.stats().upstreamQueries).toBe(0);
    expect(server.received).toBe(0);
  });

  it('converts an IDN before asking', async () => {
    let asked = '';
    const server = await udp((query) => {
      asked = query.message.question[0]?.name ?? '';
      return answer(query);
    });
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network });
    expectOk(await resolver.query({ name: 'bücher.example', type: 'A' }));
    expect(asked).toBe('xn--bcher-kva.example');
  });

  it('aborts queries in flight on close', async () => {
    const server = await udp(() => undefined);
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network, timeoutMs: 5000 });
    const pending = resolver.query({ name: 'x.example', type: 'A' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await resolver.close();
    const result = await pending;
    expect(!result.ok && result.error.code).toBe('aborted');
    const after = await resolver.query({ name: 'x.example', type: 'A' });
    expect(!after.ok && after.error.code).toBe('aborted');
  });
});

describe('resolver specs', () => {
  it('parses UDP, TCP, DoH and system specs', () => {
    expect(parseResolverSpec(['udp://127.0.0.1', 'tcp://[::1]:5353', 'https://192.0.2.1/dns-query', 'system'])).toEqual([
      { kind: 'udp', spec: 'udp://127.0.0.1:53', ip: '127.0.0.1', port: 53 },
      { kind: 'tcp', spec: 'tcp://[::1]:5353', ip: '::1', port: 5353 },
      {
        kind: 'doh',
        spec: 'https://192.0.2.1/dns-query',
        url: 'https://192.0.2.1/dns-query',
        host: '192.0.2.1',
        ip: '192.0.2.1',
        port: 443,
      },
      { kind: 'system', spec: 'system' },
    ]);
    expect(parseResolverSpec('https://doh.example:8443/q?x=1', { 'doh.example': ['192.0.2.9', '2001:db8::9'] })).toEqual([
      {
        kind: 'doh',
        spec: 'https://doh.example:8443/q?x=1',
        url: 'https://doh.example:8443/q?x=1',
        host: 'doh.example',
        ip: '192.0.2.9',
        port: 8443,
      },
      {
        kind: 'doh',
        spec: 'https://doh.example:8443/q?x=1',
        url: 'https://doh.example:8443/q?x=1',
        host: 'doh.example',
        ip: '2001:db8::9',
        port: 8443,
      },
    ]);
  });

  it.each([
    ['udp://resolver.example', /not an IP address/],
    ['udp://127.0.0.1:0', /port/],
    ['udp://127.0.0.1:70000', /.+/],
    ['tcp://127.0.0.1/path', /no path/],
    ['https://unknown.example/dns-query', /bootstrap/],
    ['ftp://127.0.0.1', /unsupported scheme/],
    ['nonsense', /expected/],
    ['https://user:pw@192.0.2.1/', /credentials/],
  ])('refuses %s', (spec, reason) => {
    expect(() => parseResolverSpec(spec)).toThrow(reason);
    expect(() => createResolver(spec, { network })).toThrow(TypeError);
  });

  it('refuses a bootstrap address that is not an IP address, and a UDP spec with a query', () => {
    expect(() => parseResolverSpec('https://doh.example/q', { 'doh.example': ['192.0.2.9', 'doh.example'] })).toThrow(
      /bootstrap address doh.example is not an IP address/,
    );
    expect(() => parseResolverSpec('udp://127.0.0.1?x=1')).toThrow(/no path or query/);
  });

  it('refuses an empty list and bad limits', () => {
    expect(() => parseResolverSpec([])).toThrow(TypeError);
    expect(() => createResolver('system', { timeoutMs: 0 })).toThrow(RangeError);
    expect(() => createResolver('system', { retries: -1 })).toThrow(RangeError);
  });

  it('has a well-formed default: DoH to Quad9, Cloudflare and Google with bootstrap addresses', () => {
    const endpoints = parseResolverSpec(defaultResolverSpecs);
    expect(new Set(endpoints.map((e) => e.kind))).toEqual(new Set(['doh']));
    expect(endpoints[0]).toMatchObject({
      kind: 'doh',
      host: 'dns.quad9.net',
      ip: '9.9.9.9',
      port: 443,
      url: 'https://dns.quad9.net/dns-query',
    });
    expect(
      endpoints.filter((e) => e.kind === 'doh' && e.host === 'cloudflare-dns.com').map((e) => (e.kind === 'doh' ? e.ip : '')),
    ).toContain('1.1.1.1');
    expect(endpoints.filter((e) => e.kind === 'doh' && e.host === 'dns.google').map((e) => (e.kind === 'doh' ? e.ip : ''))).toContain(
      '8.8.8.8',
    );
    expect(endpoints).toHaveLength(Object.values(defaultBootstrap).flat().length);
    // Creating the default resolver opens nothing; only a query would.
    const resolver = createResolver();
    expect(resolver.description).toBe(defaultResolverSpecs.join(', '));
    expect(resolver.stats()).toEqual({ queries: 0, upstreamQueries: 0, cacheHits: 0, coalesced: 0, sequentialRoundTrips: 0 });
  });
});
