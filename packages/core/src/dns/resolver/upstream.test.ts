import { once } from 'node:events';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../transport/network.js';
import { createNodeNetwork } from '../../transport/node-network.js';
import { expectFailure, expectOk } from '../test-support/results.js';
import {
  aRecord,
  answer,
  loopbackNetwork,
  type QueryHandler,
  startTcpServer,
  startUdpServer,
  type TestServer,
} from '../test-support/servers.js';
import { type ClosableResolver, createResolver } from './create-resolver.js';
import { defaultBootstrap } from './endpoints.js';

const network = loopbackNetwork();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function track<T extends TestServer>(server: Promise<T>): Promise<T> {
  const started = await server;
  cleanups.push(() => started.close());
  return started;
}

function tracked(resolver: ClosableResolver): ClosableResolver {
  cleanups.push(() => resolver.close());
  return resolver;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A handler that answers with an A record after `ms`. */
function answerAfter(ms: number, address = '192.0.2.1'): QueryHandler {
  return async (query) => {
    await sleep(ms);
    return answer(query, { answers: [aRecord(query, address)] });
  };
}

/** A TCP listener on loopback that accepts connections and never says a word. */
async function silentListener(): Promise<{ port: number; connections: () => number }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return { port: (server.address() as AddressInfo).port, connections: () => accepted };
}

/** A loopback port with nothing listening, so that connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a failed query says what happened', () => {
  it('names every server asked and why each failed', async () => {
    const silent = await track(startUdpServer(() => undefined));
    const garbage = await track(
      startUdpServer((query) => {
        const good = answer(query, { answers: [aRecord(query)] });
        // The RDATA cut short, the header (and so the ID) intact.
        return good.subarray(0, good.length - 2);
      }),
    );
    const refusedPort = await closedPort();
    const specs = [`udp://127.0.0.1:${silent.port}`, `tcp://127.0.0.1:${refusedPort}`, `udp://127.0.0.1:${garbage.port}`];
    const resolver = tracked(createResolver(specs, { network, cache: false, retries: 0, timeoutMs: 300 }));
    const failure = expectFailure(await resolver.query({ name: 'x.example', type: 'A' }));
    expect(failure.error.attempts?.map((attempt) => [attempt.server, attempt.code, attempt.tries])).toEqual([
      [specs[0], 'timeout', 1],
      [specs[1], 'network', 1],
      [specs[2], 'malformed', 1],
    ]);
    expect(failure.error.attempts?.[1]?.message).toMatch(/refused/);
    expect(failure.error.message).toMatch(/^no resolver gave a usable answer: /);
    for (const spec of specs) expect(failure.error.message).toContain(spec);
    // The last failure decides the code when time is left.
    expect(failure.error.code).toBe('malformed');
  });

  it('keeps the list and the message bounded however many servers failed', async () => {
    const port = await closedPort();
    const addresses = Array.from({ length: 40 }, (_, i) => `127.0.0.${i + 1}`);
    const resolver = tracked(
      createResolver(`https://doh.test:${port}/dns-query`, { network, cache: false, retries: 0, bootstrap: { 'doh.test': addresses } }),
    );
    const failure = expectFailure(await resolver.query({ name: 'x.example', type: 'A' }));
    expect(failure.error.attempts).toHaveLength(32);
    expect(failure.error.message).toMatch(/via 127\.0\.0\.1: .*refused.* \(and 37 more\)$/);
    expect(failure.error.message.length).toBeLessThan(1200);
  });

  it('gives up when the query budget is spent, however many retries are left', async () => {
    const silent = await track(startUdpServer(() => undefined));
    const resolver = tracked(
      createResolver(`udp://127.0.0.1:${silent.port}`, { network, cache: false, retries: 10, timeoutMs: 5000, queryTimeoutMs: 300 }),
    );
    const started = Date.now();
    const failure = expectFailure(await resolver.query({ name: 'x.example', type: 'A' }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(failure.error.code).toBe('timeout');
    expect(failure.error.message).toMatch(new RegExp(`^no resolver answered within 300 ms: udp://127\\.0\\.0\\.1:${silent.port}: `));
    expect(silent.received).toBe(1);
  });

  it('refuses a query budget that is not a positive number', () => {
    expect(() => createResolver('udp://127.0.0.1', { network, queryTimeoutMs: 0 })).toThrow(RangeError);
    expect(() => createResolver('udp://127.0.0.1', { network, queryTimeoutMs: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe('slow servers', () => {
  it('asks the next server alongside a slow one, and takes the first answer', async () => {
    const slow = await track(startUdpServer(answerAfter(3000)));
    const fast = await track(startUdpServer((query) => answer(query, { answers: [aRecord(query, '192.0.2.2')] })));
    const specs = [`udp://127.0.0.1:${slow.port}`, `udp://127.0.0.1:${fast.port}`];
    // Two servers in 2000 ms: the second is asked after 1000 ms.
    const resolver = tracked(createResolver(specs, { network, cache: false, queryTimeoutMs: 2000 }));
    const started = Date.now();
    const result = expectOk(await resolver.query({ name: 'x.example', type: 'A' }));
    expect(result.server).toBe(specs[1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(2000);
    // The slow server was overtaken, so it goes last for a while.
    expect(expectOk(await resolver.query({ name: 'y.example', type: 'A' })).server).toBe(specs[1]);
    expect(slow.received).toBe(1);
  });

  it('still takes a slow server’s answer after the next one was asked', async () => {
    const slow = await track(startUdpServer(answerAfter(2800)));
    const silent = await track(startUdpServer(() => undefined));
    const specs = [`udp://127.0.0.1:${slow.port}`, `udp://127.0.0.1:${silent.port}`];
    // Two servers in 4000 ms: the silent one is asked after 2000 ms, the slow one answers at 2800.
    const resolver = tracked(createResolver(specs, { network, cache: false, queryTimeoutMs: 4000 }));
    const result = expectOk(await resolver.query({ name: 'x.example', type: 'A' }));
    expect(result.server).toBe(specs[0]);
    expect(silent.received).toBe(1);
  });
});

describe('coalesced queries', () => {
  it('honours each caller’s own time limit: a short one times out, a long one gets the answer', async () => {
    const server = await track(startUdpServer(answerAfter(600, '192.0.2.7')));
    const resolver = tracked(createResolver(`udp://127.0.0.1:${server.port}`, { network, cache: false }));
    const hasty = resolver.query({ name: 'x.example', type: 'A' }, { timeoutMs: 200 });
    const patient = resolver.query({ name: 'x.example', type: 'A' }, { timeoutMs: 5000 });
    const a = expectFailure(await hasty);
    expect(a.error.code).toBe('timeout');
    expect(a.error.message).toMatch(
      new RegExp(`^no answer within 200 ms: udp://127\\.0\\.0\\.1:${server.port}: no answer yet after \\d+ ms$`),
    );
    const b = expectOk(await patient);
    expect(b.message.answers[0]?.data).toEqual({ type: 'A', address: '192.0.2.7' });
    // One query on the wire, kept going for the patient caller rather than asked again.
    expect(server.received).toBe(1);
    expect(resolver.stats()).toMatchObject({ queries: 2, upstreamQueries: 1, coalesced: 1 });
  });

  it('lets the first caller keep its longer limit when a hastier one joins', async () => {
    const server = await track(startTcpServer(answerAfter(600)));
    const resolver = tracked(createResolver(`tcp://127.0.0.1:${server.port}`, { network, cache: false }));
    const patient = resolver.query({ name: 'x.example', type: 'A' }, { timeoutMs: 5000 });
    const hasty = resolver.query({ name: 'x.example', type: 'A' }, { timeoutMs: 200 });
    expect(expectFailure(await hasty).error.code).toBe('timeout');
    expectOk(await patient);
    expect(server.received).toBe(1);
  });
});

describe('the default resolvers, none answering', () => {
  it('gives up within 10 s, naming the servers, and contacts nothing but the address map’s loopback', async () => {
    const silent = await silentListener();
    const refusing = await closedPort();
    const defaults = new Set(Object.values(defaultBootstrap).flat());
    const asked = new Set<string>();
    const escaped: string[] = [];
    // Every connection goes through the map, which sends IPv4 to a listener that never answers,
    // IPv6 to a refused port, and anything unexpected to the refused port as well, noted.
    const mapped = createNodeNetwork({
      map: (target: Endpoint, protocol): Endpoint => {
        asked.add(target.ip);
        if (!defaults.has(target.ip) || target.port !== 443 || protocol !== 'tcp') escaped.push(`${protocol} ${target.ip}:${target.port}`);
        if (target.ip.includes(':') || !defaults.has(target.ip)) return { ip: '127.0.0.1', port: refusing };
        return { ip: '127.0.0.1', port: silent.port };
      },
    });
    const resolver = tracked(createResolver(undefined, { network: mapped }));
    const started = Date.now();
    const failure = expectFailure(await resolver.query({ name: 'example.nl', type: 'A' }));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(11_000);
    expect(elapsed).toBeGreaterThan(9_000);
    expect(escaped).toEqual([]);
    expect(asked).toEqual(defaults);
    expect(silent.connections()).toBeGreaterThanOrEqual(6);
    expect(failure.error.code).toBe('timeout');
    expect(failure.error.message).toMatch(/^no resolver answered within 10000 ms: https:\/\/dns\.quad9\.net\/dns-query via 9\.9\.9\.9: /);
    expect(failure.error.message).toMatch(/\(and 9 more\)$/);
    const attempts = failure.error.attempts ?? [];
    expect(attempts).toHaveLength(12);
    for (const ip of defaults) expect(attempts.some((attempt) => attempt.server.endsWith(` via ${ip}`))).toBe(true);
    for (const attempt of attempts) {
      if (attempt.server.includes(' via 2')) {
        expect(attempt).toMatchObject({ code: 'network' });
        expect(attempt.message).toMatch(/refused/);
      } else {
        expect(attempt.code).toBe('timeout');
      }
    }
  }, 20_000);
});
