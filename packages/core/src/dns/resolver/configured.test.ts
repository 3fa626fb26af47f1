import { afterEach, describe, expect, it } from 'vitest';
import { createNodeNetwork } from '../../transport/node-network.js';
import type { DnsResult } from '../types.js';
import { testCaPem } from '../test-support/certs.js';
import { aRecord, answer, startDohServer, startTcpServer, startUdpServer, type TestServer } from '../test-support/servers.js';
import { type ClosableResolver, createResolver } from './create-resolver.js';

// The operator's own resolver, e.g. a local Unbound on 127.0.0.1, is reached with the default
// network: no test here passes one.

const servers: TestServer[] = [];
const resolvers: ClosableResolver[] = [];
afterEach(async () => {
  await Promise.all(resolvers.splice(0).map((r) => r.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function track<T extends TestServer>(server: Promise<T>): Promise<T> {
  const started = await server;
  servers.push(started);
  return started;
}

function resolverFor(spec: string, options: Parameters<typeof createResolver>[1] = {}): ClosableResolver {
  const resolver = createResolver(spec, { cache: false, retries: 0, ...options });
  resolvers.push(resolver);
  return resolver;
}

function expectAddress(result: DnsResult, address: string): void {
  if (!result.ok) throw new Error(`expected a message, got ${result.error.code}: ${result.error.message}`);
  expect(result.message.answers[0]?.data).toEqual({ type: 'A', address });
}

describe('a resolver named in configuration is contacted whatever its address', () => {
  it('asks a UDP server on 127.0.0.1 with the default network', async () => {
    const server = await track(startUdpServer((query) => answer(query, { answers: [aRecord(query, '192.0.2.53')] })));
    const result = await resolverFor(`udp://127.0.0.1:${server.port}`).query({ name: 'www.example', type: 'A' });
    expectAddress(result, '192.0.2.53');
    expect(server.received).toBe(1);
  });

  it('asks a TCP server on 127.0.0.1 with the default network', async () => {
    const server = await track(startTcpServer((query) => answer(query, { answers: [aRecord(query, '192.0.2.54')] })));
    const result = await resolverFor(`tcp://127.0.0.1:${server.port}`).query({ name: 'www.example', type: 'A' });
    expectAddress(result, '192.0.2.54');
  });

  it('asks a DoH server on 127.0.0.1 with the default network, by URL and by bootstrap address', async () => {
    const server = await track(
      startDohServer({ protocol: 'h2', handler: (query) => answer(query, { answers: [aRecord(query, '192.0.2.55')] }) }),
    );
    expectAddress(await resolverFor(server.url, { tls: { ca: testCaPem } }).query({ name: 'www.example', type: 'A' }), '192.0.2.55');
    // A host name whose bootstrap address is loopback: the bootstrap address is configuration too.
    const byName = await resolverFor(`https://doh.test:${server.port}/dns-query`, {
      tls: { ca: testCaPem },
      bootstrap: { 'doh.test': ['127.0.0.1'] },
    }).query({ name: 'www.example', type: 'A' });
    expectAddress(byName, '192.0.2.55');
    expect(server.connections).toBe(2);
  });

  it('still refuses loopback to anything but a configured server', async () => {
    const server = await track(startTcpServer((query) => answer(query)));
    const network = createNodeNetwork();
    await expect(network.connect({ ip: '127.0.0.1', port: server.port })).rejects.toMatchObject({ code: 'forbidden-address' });
    await expect(network.udpExchange({ ip: '127.0.0.1', port: server.port, payload: Uint8Array.of(0) })).rejects.toMatchObject({
      code: 'forbidden-address',
    });
    expect(server.received).toBe(0);
  });
});
