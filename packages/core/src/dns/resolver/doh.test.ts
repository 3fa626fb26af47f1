import { afterEach, describe, expect, it } from 'vitest';
import { testCaPem } from '../test-support/certs.js';
import { expectError, expectOk } from '../test-support/results.js';
import { aRecord, answer, type DohServerOptions, type DohTestServer, loopbackNetwork, startDohServer } from '../test-support/servers.js';
import { type ClosableResolver, createResolver, type CreateResolverOptions } from './create-resolver.js';

const network = loopbackNetwork();
const servers: DohTestServer[] = [];
const resolvers: ClosableResolver[] = [];
afterEach(async () => {
  await Promise.all(resolvers.splice(0).map((r) => r.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: DohServerOptions): Promise<DohTestServer> {
  const server = await startDohServer(options);
  servers.push(server);
  return server;
}

function resolverFor(spec: string, options: CreateResolverOptions = {}): ClosableResolver {
  const resolver = createResolver(spec, { network, cache: false, retries: 0, tls: { ca: testCaPem }, ...options });
  resolvers.push(resolver);
  return resolver;
}

describe.each([
  ['h2', 'POST'],
  ['h2', 'GET'],
  ['http/1.1', 'POST'],
  ['http/1.1', 'GET'],
] as const)('DoH over %s with %s', (protocol, method) => {
  it('answers, with ID 0 and a padded query', async () => {
    let queryLength = 0;
    let queryId = -1;
    const server = await serve({
      protocol,
      handler: (query) => {
        queryLength = query.bytes.length;
        queryId = query.message.id;
        return answer(query, { flags: { ad: true }, answers: [aRecord(query)] });
      },
    });
    const resolver = resolverFor(server.url, { doh: { method } });
    const result = expectOk(await resolver.query({ name: 'www.example', type: 'A' }));
    expect(result.message.flags.ad).toBe(true);
    expect(result.message.answers[0]?.data).toEqual({ type: 'A', address: '192.0.2.1' });
    expect(result.server).toBe(server.url);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.method).toBe(method);
    expect(server.requests[0]?.httpVersion).toBe(protocol === 'h2' ? '2.0' : '1.1');
    if (method === 'GET') expect(server.requests[0]?.path).toMatch(/^\/dns-query\?dns=[A-Za-z0-9_-]+$/);
    expect(queryId).toBe(0);
    expect(queryLength % 128).toBe(0);
  });

  it('gives NXDOMAIN and SERVFAIL as answers', async () => {
    const server = await serve({
      protocol,
      handler: (query) => answer(query, { rcode: query.message.question[0]?.name === 'bogus.example' ? 'SERVFAIL' : 'NXDOMAIN' }),
    });
    const resolver = resolverFor(server.url, { doh: { method } });
    expect(expectOk(await resolver.query({ name: 'nope.example', type: 'A' })).message.rcode).toBe('NXDOMAIN');
    expect(expectOk(await resolver.query({ name: 'bogus.example', type: 'A' })).message.rcode).toBe('SERVFAIL');
  });
});

describe('DoH', () => {
  it('keeps one HTTP/2 connection for several queries', async () => {
    const server = await serve({ protocol: 'h2', handler: (query) => answer(query, { answers: [aRecord(query)] }) });
    const resolver = resolverFor(server.url);
    for (const name of ['a.example', 'b.example', 'c.example']) expectOk(await resolver.query({ name, type: 'A' }));
    const parallel = await Promise.all(['d', 'e', 'f', 'g'].map((n) => resolver.query({ name: `${n}.example`, type: 'A' })));
    for (const result of parallel) expectOk(result);
    expect(server.received).toBe(7);
    // Parallel queries that find no open session may each open one; only one is kept.
    expect(server.connections).toBeLessThanOrEqual(2);
  });

  it('uses a bootstrap address for a host name, with the name as SNI and for the certificate', async () => {
    const server = await serve({ protocol: 'h2', handler: (query) => answer(query, { answers: [aRecord(query)] }) });
    const url = `https://doh.test:${server.port}/dns-query`;
    const resolver = resolverFor(url, { bootstrap: { 'doh.test': ['127.0.0.1'] } });
    const result = expectOk(await resolver.query({ name: 'x.example', type: 'A' }));
    expect(result.server).toBe(`${url} via 127.0.0.1`);
  });

  it('refuses a certificate that does not name the host', async () => {
    const server = await serve({ protocol: 'h2', handler: (query) => answer(query) });
    const resolver = resolverFor(`https://wrong.test:${server.port}/dns-query`, { bootstrap: { 'wrong.test': ['127.0.0.1'] } });
    const result = await resolver.query({ name: 'x.example', type: 'A' });
    expectError(result, 'network');
    if (!result.ok) expect(result.error.message).toMatch(/altnames|wrong\.test/);
  });

  it('refuses a certificate from an untrusted CA', async () => {
    const server = await serve({ protocol: 'h2', handler: (query) => answer(query) });
    const resolver = resolverFor(server.url, { tls: {} });
    expectError(await resolver.query({ name: 'x.example', type: 'A' }), 'network');
  });

  it.each(['h2', 'http/1.1'] as const)('refuses a wrong content-type (%s)', async (protocol) => {
    const server = await serve({ protocol, contentType: 'text/html', handler: (query) => answer(query) });
    expectError(await resolverFor(server.url).query({ name: 'x.example', type: 'A' }), 'malformed');
  });

  it.each(['h2', 'http/1.1'] as const)('reports an HTTP error status (%s)', async (protocol) => {
    const server = await serve({ protocol, status: 500, handler: (query) => answer(query) });
    const result = await resolverFor(server.url).query({ name: 'x.example', type: 'A' });
    expectError(result, 'network');
    if (!result.ok) expect(result.error.message).toMatch(/HTTP 500/);
  });

  it.each(['h2', 'http/1.1'] as const)('refuses an oversized body (%s)', async (protocol) => {
    const server = await serve({ protocol, handler: () => new Uint8Array(70_000) });
    expectError(await resolverFor(server.url).query({ name: 'x.example', type: 'A' }), 'too-large');
    const small = await serve({
      protocol,
      handler: (query) => answer(query, { answers: Array.from({ length: 30 }, () => aRecord(query)) }),
    });
    expectError(await resolverFor(small.url, { maxResponseBytes: 200 }).query({ name: 'x.example', type: 'A' }), 'too-large');
  });

  it('reports a malformed body', async () => {
    const server = await serve({ protocol: 'h2', handler: (query) => answer(query, { answers: [aRecord(query)] }).subarray(0, 20) });
    expectError(await resolverFor(server.url).query({ name: 'x.example', type: 'A' }), 'malformed');
  });

  it('reports an answer to another question as id-mismatch', async () => {
    const server = await serve({ protocol: 'h2', handler: (query) => answer(query, { question: [{ name: 'other.example', type: 'A' }] }) });
    expectError(await resolverFor(server.url).query({ name: 'x.example', type: 'A' }), 'id-mismatch');
  });

  it('times out when the server never answers, and can be aborted', async () => {
    const server = await serve({ protocol: 'h2', handler: () => new Promise(() => {}) });
    const resolver = resolverFor(server.url, { timeoutMs: 200 });
    expectError(await resolver.query({ name: 'x.example', type: 'A' }), 'timeout');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    expectError(
      await resolverFor(server.url, { timeoutMs: 5000 }).query({ name: 'y.example', type: 'A' }, { signal: controller.signal }),
      'aborted',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('opens a new HTTP/2 session after the server closed the last one', async () => {
    const server = await serve({ protocol: 'h2', closeSessions: true, handler: (query) => answer(query, { answers: [aRecord(query)] }) });
    const resolver = resolverFor(server.url);
    for (const name of ['a.example', 'b.example', 'c.example']) {
      expectOk(await resolver.query({ name, type: 'A' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.connections).toBe(3);
  });

  it('closes an idle HTTP/2 session after the idle time', async () => {
    const server = await serve({ protocol: 'h2', handler: (query) => answer(query, { answers: [aRecord(query)] }) });
    const resolver = resolverFor(server.url, { doh: { idleTimeoutMs: 30 } });
    expectOk(await resolver.query({ name: 'a.example', type: 'A' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expectOk(await resolver.query({ name: 'b.example', type: 'A' }));
    expect(server.connections).toBe(2);
  });

  it('fails cleanly when the server has gone away', async () => {
    const server = await serve({ protocol: 'h2', handler: (query) => answer(query, { answers: [aRecord(query)] }) });
    const resolver = resolverFor(server.url, { retries: 1, retryDelayMs: 1 });
    expectOk(await resolver.query({ name: 'a.example', type: 'A' }));
    await server.close();
    servers.pop();
    expectError(await resolver.query({ name: 'b.example', type: 'A' }), 'network');
  });
});
