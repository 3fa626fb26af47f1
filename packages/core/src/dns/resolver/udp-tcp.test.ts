import { afterEach, describe, expect, it } from 'vitest';
import { createAddressPolicy } from '../../transport/address-policy.js';
import type { Network } from '../../transport/network.js';
import { createNodeNetwork } from '../../transport/node-network.js';
import { expectError, expectOk } from '../test-support/results.js';
import {
  aRecord,
  answer,
  type IncomingQuery,
  loopbackNetwork,
  soaRecord,
  startTcpServer,
  startUdpServer,
  startUdpTcpServer,
  type TestServer,
} from '../test-support/servers.js';
import { createResolver } from './create-resolver.js';

const network = loopbackNetwork();
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function track<T extends TestServer>(server: Promise<T>): Promise<T> {
  const started = await server;
  servers.push(started);
  return started;
}

describe.each(['udp', 'tcp'] as const)('%s transport: every rcode is an answer', (scheme) => {
  const start = (handler: Parameters<typeof startUdpServer>[0]) =>
    track(scheme === 'udp' ? startUdpServer(handler) : startTcpServer(handler));

  it('NOERROR with an answer, AD and DO as asked', async () => {
    let seen: IncomingQuery | undefined;
    const server = await start((query) => {
      seen = query;
      return answer(query, { flags: { ad: true }, answers: [aRecord(query)], edns: { dnssecOk: true } });
    });
    const resolver = createResolver(`${scheme}://127.0.0.1:${server.port}`, { network, cache: false });
    const result = expectOk(await resolver.query({ name: 'WWW.Example.', type: 'A', checkingDisabled: true }));
    expect(result.server).toBe(`${scheme}://127.0.0.1:${server.port}`);
    expect(result.cached).toBe(false);
    expect(result.message.rcode).toBe('NOERROR');
    expect(result.message.flags.ad).toBe(true);
    expect(result.message.answers[0]?.data).toEqual({ type: 'A', address: '192.0.2.1' });
    expect(seen?.message.question[0]).toEqual({ name: 'www.example', type: 'A', class: 'IN' });
    expect(seen?.message.flags.cd).toBe(true);
    expect(seen?.message.flags.rd).toBe(true);
    expect(seen?.message.edns).toEqual({ udpPayloadSize: 1232, dnssecOk: true, extendedErrors: [] });
    expect(resolver.description).toBe(`${scheme}://127.0.0.1:${server.port}`);
  });

  it.each(['NXDOMAIN', 'SERVFAIL', 'REFUSED'] as const)('%s', async (rcode) => {
    const server = await start((query) =>
      answer(query, {
        rcode,
        authority: rcode === 'NXDOMAIN' ? [soaRecord()] : [],
        edns: { extendedErrors: rcode === 'SERVFAIL' ? [{ code: 6, text: 'DNSSEC Bogus' }] : [] },
      }),
    );
    const resolver = createResolver(`${scheme}://127.0.0.1:${server.port}`, { network, cache: false });
    const result = expectOk(await resolver.query({ name: 'x.example', type: 'A' }));
    expect(result.message.rcode).toBe(rcode);
    if (rcode === 'SERVFAIL') expect(result.message.edns?.extendedErrors).toEqual([{ code: 6, text: 'DNSSEC Bogus' }]);
    // An answer is final: no retry, no fallback.
    expect(server.received).toBe(1);
  });

  it('NODATA', async () => {
    const server = await start((query) => answer(query, { authority: [soaRecord()] }));
    const resolver = createResolver(`${scheme}://127.0.0.1:${server.port}`, { network, cache: false });
    const result = expectOk(await resolver.query({ name: 'x.example', type: 'AAAA' }));
    expect(result.message.rcode).toBe('NOERROR');
    expect(result.message.answers).toEqual([]);
    expect(result.message.authority[0]?.type).toBe('SOA');
  });

  it('timeout when the server never answers', async () => {
    const server = await start(() => undefined);
    const resolver = createResolver(`${scheme}://127.0.0.1:${server.port}`, { network, cache: false, retries: 0, timeoutMs: 150 });
    const started = Date.now();
    const result = await resolver.query({ name: 'x.example', type: 'A' });
    expectError(result, 'timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(100);
  });

  it('malformed response', async () => {
    const server = await start((query) => {
      const good = answer(query, { answers: [aRecord(query)] });
      // Cut the RDATA short, keeping the header (and so the ID) intact.
      return good.subarray(0, good.length - 2);
    });
    const resolver = createResolver(`${scheme}://127.0.0.1:${server.port}`, { network, cache: false, retries: 0 });
    expectError(await resolver.query({ name: 'x.example', type: 'A' }), 'malformed');
  });
});

describe('udp transport specifics', () => {
  const spoofed = (query: IncomingQuery): Uint8Array[] => [
    answer(query, { id: (query.message.id + 1) & 0xffff, answers: [aRecord(query, '192.0.2.66')] }),
    answer(query, { question: [{ name: 'other.example', type: 'A' }], answers: [aRecord(query, '192.0.2.67')] }),
    answer(query, { question: [{ name: 'x.example', type: 'AAAA' }], answers: [aRecord(query, '192.0.2.68')] }),
  ];

  it('ignores datagrams with another ID or question, so only spoofed ones end in a timeout', async () => {
    const server = await track(startUdpServer(spoofed));
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network, cache: false, retries: 0, timeoutMs: 200 });
    expectError(await resolver.query({ name: 'x.example', type: 'A' }), 'timeout');
  });

  it('takes the real answer after spoofed ones', async () => {
    const server = await track(startUdpServer((query) => [...spoofed(query), answer(query, { answers: [aRecord(query, '192.0.2.1')] })]));
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network, cache: false, retries: 0, timeoutMs: 2000 });
    const result = expectOk(await resolver.query({ name: 'x.example', type: 'A' }));
    expect(result.message.answers[0]?.data).toEqual({ type: 'A', address: '192.0.2.1' });
  });

  it('asks again over TCP when the UDP answer is truncated', async () => {
    const pair = await startUdpTcpServer(
      (query) => answer(query, { flags: { tc: true } }),
      (query) =>
        answer(query, {
          answers: Array.from({ length: 40 }, (_, i) => ({
            name: 'x.example',
            ttl: 60,
            data: { type: 'TXT' as const, strings: [`v=${i} ${'x'.repeat(80)}`] },
          })),
        }),
    );
    servers.push(pair.udp, pair.tcp);
    const resolver = createResolver(`udp://127.0.0.1:${pair.udp.port}`, { network, cache: false });
    const result = expectOk(await resolver.query({ name: 'x.example', type: 'TXT' }));
    expect(result.message.flags.tc).toBe(false);
    expect(result.message.answers).toHaveLength(40);
    expect(result.server).toBe(`tcp://127.0.0.1:${pair.tcp.port}`);
    expect(pair.udp.received).toBe(1);
    expect(pair.tcp.received).toBe(1);
    expect(resolver.stats().upstreamQueries).toBe(2);
  });

  it('gives up on a server its network forbids, without retrying', async () => {
    // A network of the user's own that applies its policy even to configured servers.
    const strict = createNodeNetwork({ policy: createAddressPolicy() });
    const policyAlways: Network = {
      policy: strict.policy,
      connect: ({ configured: _configured, ...rest }) => strict.connect(rest),
      udpExchange: ({ configured: _configured, ...rest }) => strict.udpExchange(rest),
    };
    const server = await track(startUdpServer((query) => answer(query)));
    const resolver = createResolver(`udp://127.0.0.1:${server.port}`, { network: policyAlways, cache: false, retries: 3 });
    const result = await resolver.query({ name: 'x.example', type: 'A' });
    expectError(result, 'forbidden-address');
    expect(resolver.stats().upstreamQueries).toBe(1);
    expect(server.received).toBe(0);
  });
});

describe('tcp transport specifics', () => {
  it('treats another ID as an error instead of waiting', async () => {
    const server = await track(
      startTcpServer((query) => answer(query, { id: (query.message.id + 1) & 0xffff, answers: [aRecord(query)] })),
    );
    const resolver = createResolver(`tcp://127.0.0.1:${server.port}`, { network, cache: false, retries: 0, timeoutMs: 3000 });
    const started = Date.now();
    expectError(await resolver.query({ name: 'x.example', type: 'A' }), 'id-mismatch');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a response longer than the limit from its length prefix', async () => {
    const server = await track(
      startTcpServer((query) => answer(query, { answers: Array.from({ length: 20 }, (_, i) => aRecord(query, `192.0.2.${i}`)) })),
    );
    const resolver = createResolver(`tcp://127.0.0.1:${server.port}`, { network, cache: false, retries: 0, maxResponseBytes: 100 });
    expectError(await resolver.query({ name: 'x.example', type: 'A' }), 'too-large');
  });

  it('reports a connection closed without an answer, and one closed mid-message', async () => {
    const silent = await track(startTcpServer(() => undefined, { closeAfterReply: true }));
    const resolver = createResolver(`tcp://127.0.0.1:${silent.port}`, { network, cache: false, retries: 0 });
    expectError(await resolver.query({ name: 'x.example', type: 'A' }), 'network');
    const partial = await track(
      startTcpServer(
        (query) => {
          const reply = answer(query, { answers: [aRecord(query)] });
          // A length prefix promising more than is sent.
          return Uint8Array.from([reply.length >>> 8, (reply.length & 0xff) + 1, ...reply]);
        },
        { raw: true, closeAfterReply: true },
      ),
    );
    const resolver2 = createResolver(`tcp://127.0.0.1:${partial.port}`, { network, cache: false, retries: 0 });
    expectError(await resolver2.query({ name: 'x.example', type: 'A' }), 'malformed');
  });

  it('reports a refused connection as a network error', async () => {
    const server = await track(startTcpServer(() => undefined));
    const port = server.port;
    await server.close();
    servers.pop();
    const resolver = createResolver(`tcp://127.0.0.1:${port}`, { network, cache: false, retries: 0 });
    expectError(await resolver.query({ name: 'x.example', type: 'A' }), 'network');
  });
});
