import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { getEventListeners, once } from 'node:events';
import { createServer, Socket as NetSocket, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProbeFailure, type ProbeErrorCode } from '../model/evidence.js';
import { createAddressPolicy } from './address-policy.js';
import type { AddressMap, Connection, Endpoint } from './network.js';
import { createNodeNetwork } from './node-network.js';

// Everything here runs on loopback only; no packet leaves the machine.

/** Cleanups registered by a test, run after it whatever happened. */
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  // Node releases a closed handle a few turns of the event loop later; wait for that, so the
  // next test starts from no sockets at all and its own counts mean something.
  await until(() => handleCounts().TCPSocketWrap === 0 && handleCounts().UDPWrap === 0);
  expect(handleCounts()).toMatchObject({ TCPSocketWrap: 0, UDPWrap: 0 });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await sleep(5);
}

const loopback = createAddressPolicy({ allow: ['loopback'] });

const WATCHED = ['TCPSocketWrap', 'UDPWrap', 'Timeout'] as const;

function handleCounts(): Record<(typeof WATCHED)[number], number> {
  const active = process.getActiveResourcesInfo();
  return {
    TCPSocketWrap: active.filter((name) => name === 'TCPSocketWrap').length,
    UDPWrap: active.filter((name) => name === 'UDPWrap').length,
    Timeout: active.filter((name) => name === 'Timeout').length,
  };
}

/**
 * Remembers the sockets and timers alive now; the returned function waits until the same
 * sockets are back (closing a handle finishes on a later turn of the event loop) and fails if
 * not. Timers may only have become fewer: the test runner keeps timers of its own that may
 * expire meanwhile, but a timer the network left behind would make the count grow.
 */
function watchHandles(): () => Promise<void> {
  const before = handleCounts();
  const settled = (): boolean => {
    const now = handleCounts();
    return now.TCPSocketWrap === before.TCPSocketWrap && now.UDPWrap === before.UDPWrap && now.Timeout <= before.Timeout;
  };
  return async () => {
    await until(settled);
    const now = handleCounts();
    expect({ TCPSocketWrap: now.TCPSocketWrap, UDPWrap: now.UDPWrap }).toEqual({
      TCPSocketWrap: before.TCPSocketWrap,
      UDPWrap: before.UDPWrap,
    });
    expect(now.Timeout).toBeLessThanOrEqual(before.Timeout);
  };
}

async function failureOf(promise: Promise<unknown>): Promise<ProbeFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProbeFailure);
    return error as ProbeFailure;
  }
  throw new Error('expected a rejection');
}

async function expectFailure(promise: Promise<unknown>, code: ProbeErrorCode): Promise<ProbeFailure> {
  const failure = await failureOf(promise);
  expect(failure.code, failure.message).toBe(code);
  return failure;
}

function portOf(server: Server | UdpSocket): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  return address.port;
}

/** A TCP echo server on a loopback address; it counts connections and closes with the test. */
async function echoServer(host: '127.0.0.1' | '::1' = '127.0.0.1'): Promise<{ port: number; connections: Socket[] }> {
  const connections: Socket[] = [];
  const server = createServer((socket) => {
    connections.push(socket);
    socket.on('error', () => {});
    socket.pipe(socket);
  });
  server.listen(0, host);
  await once(server, 'listening');
  cleanups.push(async () => {
    for (const socket of connections) socket.destroy();
    server.close();
    await once(server, 'close');
  });
  return { port: portOf(server), connections };
}

/** A loopback port with nothing listening on it. */
async function closedPort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  server.listen(0, host);
  await once(server, 'listening');
  const port = portOf(server);
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * A listener whose accept queue can be filled: it lives in a worker thread that blocks right
 * after `listen`, so the kernel completes a backlog's worth of handshakes and then drops SYNs.
 * That makes a TCP connect hang on loopback without any firewall.
 */
async function stalledListener(): Promise<number> {
  const shared = new SharedArrayBuffer(4);
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const server = require('node:net').createServer();
     server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
       parentPort.postMessage(server.address().port);
       Atomics.wait(new Int32Array(workerData), 0, 0);
       process.exit(0);
     });`,
    { eval: true, workerData: shared },
  );
  const [port] = (await once(worker, 'message')) as [number];
  cleanups.push(async () => {
    const exited = once(worker, 'exit');
    Atomics.store(new Int32Array(shared), 0, 1);
    Atomics.notify(new Int32Array(shared), 0);
    await exited;
  });
  return port;
}

/** Fills the accept queue of a stalled listener; the connections close with the test. */
async function fillQueue(port: number): Promise<void> {
  const network = createNodeNetwork({ policy: loopback });
  for (let i = 0; i < 10; i++) {
    const probe = network.connect({ ip: '127.0.0.1', port, timeoutMs: 100 });
    try {
      const connection = await probe;
      cleanups.push(() => connection.close());
    } catch (error) {
      expect(error).toBeInstanceOf(ProbeFailure);
      expect((error as ProbeFailure).code).toBe('timeout');
      return;
    }
  }
  throw new Error('the accept queue never filled');
}

async function read(socket: Connection['socket'], bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < bytes) {
    const [chunk] = (await once(socket, 'data')) as [Buffer];
    chunks.push(chunk);
    length += chunk.length;
  }
  return Buffer.concat(chunks);
}

describe('createNodeNetwork: TCP', () => {
  it.each(['127.0.0.1', '::1'] as const)('connects to %s and exchanges bytes', async (host) => {
    const server = await echoServer(host);
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback });
    const controller = new AbortController();
    const connection = await network.connect({ ip: host, port: server.port, signal: controller.signal });
    expect(connection.remote).toEqual({ ip: host, port: server.port });
    connection.socket.write('hallo wereld');
    expect((await read(connection.socket, 12)).toString()).toBe('hallo wereld');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    connection.close();
    connection.close();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(connection.socket.destroyed).toBe(true);
    await released();
    expect(server.connections).toHaveLength(1);
    expect(server.connections[0]?.destroyed).toBe(true);
  });

  it('disables Nagle so that small protocol messages go out at once', async () => {
    const server = await echoServer();
    // Node does not expose the socket option, so watch the call that sets it.
    const setNoDelay = vi.spyOn(NetSocket.prototype, 'setNoDelay');
    cleanups.push(() => setNoDelay.mockRestore());
    const network = createNodeNetwork({ policy: loopback });
    const connection = await network.connect({ ip: '127.0.0.1', port: server.port });
    cleanups.push(() => connection.close());
    expect(setNoDelay.mock.contexts).toContain(connection.socket);
    expect(setNoDelay).toHaveBeenCalledWith(true);
  });

  it.each(['127.0.0.1', '::1'] as const)('reports a closed port on %s as refused', async (host) => {
    const port = await closedPort(host);
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback });
    const failure = await expectFailure(network.connect({ ip: host, port }), 'refused');
    expect(failure.message).toContain('ECONNREFUSED');
    expect(failure.detail).toEqual({ systemError: 'ECONNREFUSED' });
    await released();
  });

  it('refuses loopback under the default policy without opening a socket', async () => {
    const server = await echoServer();
    const released = watchHandles();
    const network = createNodeNetwork();
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const before = handleCounts().TCPSocketWrap;
      const probe = network.connect({ ip, port: server.port });
      expect(handleCounts().TCPSocketWrap).toBe(before);
      const failure = await expectFailure(probe, 'forbidden-address');
      expect(failure.message).toContain(`${ip} is `);
      expect(failure.message).toContain('loopback');
      expect(failure.detail).toEqual({ category: 'loopback' });
    }
    const before = handleCounts().TCPSocketWrap;
    void network.connect({ ip: '10.0.0.1', port: 443 }).catch(() => {});
    expect(handleCounts().TCPSocketWrap).toBe(before);
    await sleep(20);
    expect(server.connections).toHaveLength(0);
    await released();
  });

  it('contacts an endpoint the operator configured whatever the policy, still through the map', async () => {
    const server = await echoServer();
    const released = watchHandles();
    const mapped: string[] = [];
    const network = createNodeNetwork({
      map: (target) => {
        mapped.push(`${target.ip}:${target.port}`);
        return undefined;
      },
    });
    // The flag covers the one call that carries it: the same address without it stays refused.
    await expectFailure(network.connect({ ip: '127.0.0.1', port: server.port }), 'forbidden-address');
    await expectFailure(network.connect({ ip: '127.0.0.1', port: server.port, configured: false }), 'forbidden-address');
    expect(mapped).toEqual([]);
    const connection = await network.connect({ ip: '127.0.0.1', port: server.port, configured: true });
    expect(connection.remote).toEqual({ ip: '127.0.0.1', port: server.port });
    connection.close();
    expect(mapped).toEqual([`127.0.0.1:${server.port}`]);
    // Input is still validated: the flag skips the policy, not the checks.
    await expectFailure(network.connect({ ip: 'localhost', port: server.port, configured: true }), 'malformed');
    await until(() => server.connections.length === 1);
    expect(server.connections).toHaveLength(1);
    await released();
  });

  it('rejects input that is not an IP endpoint as malformed before anything else', async () => {
    const released = watchHandles();
    const map = (): Endpoint | undefined => {
      throw new Error('the map must not be consulted');
    };
    const network = createNodeNetwork({ policy: createAddressPolicy({ allowAll: true }), map });
    const bad: Array<{ ip: string; port: number; timeoutMs?: number }> = [
      { ip: 'localhost', port: 80 },
      { ip: 'example.nl', port: 443 },
      { ip: '[::1]', port: 443 },
      { ip: '127.0.0.1:80', port: 80 },
      { ip: '127.0.0.1', port: 0 },
      { ip: '127.0.0.1', port: 65_536 },
      { ip: '127.0.0.1', port: 80.5 },
      { ip: '127.0.0.1', port: Number.NaN },
      { ip: '127.0.0.1', port: '80' as unknown as number },
      { ip: 42 as unknown as string, port: 80 },
    ];
    for (const endpoint of bad) {
      await expectFailure(network.connect(endpoint), 'malformed');
      await expectFailure(network.udpExchange({ ...endpoint, payload: new Uint8Array(1) }), 'malformed');
    }
    const strict = createNodeNetwork({ policy: loopback });
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expectFailure(strict.connect({ ip: '127.0.0.1', port: 80, timeoutMs }), 'malformed');
    }
    const hostname = await expectFailure(network.connect({ ip: 'localhost', port: 80 }), 'malformed');
    expect(hostname.message).toBe('"localhost" is not an IP address; the network takes IP addresses only, never host names');
    await released();
  });

  it('checks the original address against the policy, then connects to the mapped one', async () => {
    const v4 = await echoServer('127.0.0.1');
    const v6 = await echoServer('::1');
    const released = watchHandles();
    const seen: Array<[Endpoint, string]> = [];
    const map: AddressMap = (target, protocol) => {
      seen.push([target, protocol]);
      if (target.ip === '192.0.2.10' && target.port === 443) return { ip: '127.0.0.1', port: v4.port };
      if (target.ip === '2001:db8::10' && target.port === 443) return { ip: '::1', port: v6.port };
      return undefined;
    };
    const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['documentation'] }), map });

    const connection = await network.connect({ ip: '192.0.2.10', port: 443 });
    expect(connection.remote).toEqual({ ip: '192.0.2.10', port: 443 });
    connection.socket.write('via de kaart');
    expect((await read(connection.socket, 12)).toString()).toBe('via de kaart');
    connection.close();

    const six = await network.connect({ ip: '2001:db8::10', port: 443 });
    expect(six.remote).toEqual({ ip: '2001:db8::10', port: 443 });
    expect((six.socket as Socket).remoteAddress).toBe('::1');
    six.close();

    expect(seen).toEqual([
      [{ ip: '192.0.2.10', port: 443 }, 'tcp'],
      [{ ip: '2001:db8::10', port: 443 }, 'tcp'],
    ]);
    // The mapped loopback address is not what the policy judges, and a forbidden original
    // address never reaches the map.
    await expectFailure(network.connect({ ip: '127.0.0.1', port: v4.port }), 'forbidden-address');
    expect(seen).toHaveLength(2);
    await released();
  });

  it('rejects a map that produces something other than an IP endpoint', async () => {
    const network = createNodeNetwork({
      policy: createAddressPolicy({ allow: ['documentation'] }),
      map: () => ({ ip: 'lab.test', port: 443 }),
    });
    const failure = await expectFailure(network.connect({ ip: '192.0.2.10', port: 443 }), 'malformed');
    expect(failure.message).toContain('address map');
  });

  it('times out a handshake that gets no answer', async () => {
    const port = await stalledListener();
    // Filling the queue already proves it: the attempt that finds the queue full times out.
    await fillQueue(port);
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback, connectTimeoutMs: 60 });
    const failure = await expectFailure(network.connect({ ip: '127.0.0.1', port }), 'timeout');
    expect(failure.message).toBe(`no TCP connection to 127.0.0.1:${port} within 60 ms`);
    await released();
  });

  it('aborts a handshake in progress and releases everything', async () => {
    const port = await stalledListener();
    await fillQueue(port);
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback });
    const controller = new AbortController();
    const probe = network.connect({ ip: '127.0.0.1', port, signal: controller.signal });
    await sleep(30);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    await expectFailure(probe, 'aborted');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await released();
  });

  it('aborts at once when the signal has already fired, without opening a socket', async () => {
    const server = await echoServer();
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback });
    const before = handleCounts().TCPSocketWrap;
    const probe = network.connect({ ip: '127.0.0.1', port: server.port, signal: AbortSignal.abort() });
    expect(handleCounts().TCPSocketWrap).toBe(before);
    await expectFailure(probe, 'aborted');
    // Aborting in the same turn as the call also wins over the handshake.
    const controller = new AbortController();
    const racing = network.connect({ ip: '127.0.0.1', port: server.port, signal: controller.signal });
    controller.abort();
    await expectFailure(racing, 'aborted');
    await sleep(20);
    expect(server.connections).toHaveLength(0);
    await released();
  });

  it('closes an open connection when the signal fires later', async () => {
    const server = await echoServer();
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback });
    const controller = new AbortController();
    const connection = await network.connect({ ip: '127.0.0.1', port: server.port, signal: controller.signal });
    const reading = once(connection.socket, 'data');
    controller.abort();
    const failure = await failureOf(reading);
    expect(failure.code).toBe('aborted');
    expect(connection.socket.destroyed).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    connection.close();
    await released();
  });

  it('drops the abort listener when the peer closes the connection', async () => {
    const server = await echoServer();
    const network = createNodeNetwork({ policy: loopback });
    const controller = new AbortController();
    const connection = await network.connect({ ip: '127.0.0.1', port: server.port, signal: controller.signal });
    const closed = once(connection.socket, 'close');
    await sleep(10);
    server.connections[0]?.destroy();
    await closed;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    connection.close();
  });
});

type UdpHandler = (message: Buffer, reply: (data: Buffer | string) => void, from: Endpoint) => void;

/** A UDP server on a loopback address that hands each datagram to the handler. */
async function udpServer(host: '127.0.0.1' | '::1', handler: UdpHandler): Promise<{ port: number; socket: UdpSocket }> {
  const socket = createSocket(host === '::1' ? 'udp6' : 'udp4');
  socket.on('message', (message, from) => {
    handler(message, (data) => socket.send(data, from.port, from.address), { ip: from.address, port: from.port });
  });
  socket.bind(0, host);
  await once(socket, 'listening');
  cleanups.push(async () => {
    socket.close();
    await once(socket, 'close');
  });
  return { port: portOf(socket), socket };
}

describe('createNodeNetwork: UDP', () => {
  it.each(['127.0.0.1', '::1'] as const)('exchanges a datagram with %s', async (host) => {
    const server = await udpServer(host, (message, reply) => reply(Buffer.concat([Buffer.from('re:'), message])));
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback });
    const controller = new AbortController();
    const answer = await network.udpExchange({
      ip: host,
      port: server.port,
      payload: new TextEncoder().encode('vraag'),
      signal: controller.signal,
    });
    expect(answer).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(answer)).toBe('re:vraag');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await released();
  });

  it('waits for the datagram that accept takes', async () => {
    const server = await udpServer('127.0.0.1', (_message, reply) => {
      reply(Buffer.from([1]));
      reply(Buffer.from([2]));
    });
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback });
    const offered: number[] = [];
    const answer = await network.udpExchange({
      ip: '127.0.0.1',
      port: server.port,
      payload: Uint8Array.of(0),
      accept: (datagram) => {
        offered.push(datagram[0] ?? -1);
        return datagram[0] === 2;
      },
    });
    expect([...answer]).toEqual([2]);
    expect(offered).toEqual([1, 2]);
    await released();
  });

  it('treats an accept that throws as a rejection and keeps waiting', async () => {
    const server = await udpServer('127.0.0.1', (_message, reply) => {
      reply(Buffer.from([1]));
      reply(Buffer.from([2]));
    });
    const network = createNodeNetwork({ policy: loopback });
    const answer = await network.udpExchange({
      ip: '127.0.0.1',
      port: server.port,
      payload: Uint8Array.of(0),
      accept: (datagram) => {
        if (datagram[0] === 1) throw new Error('cannot parse');
        return true;
      },
    });
    expect([...answer]).toEqual([2]);
  });

  it('ignores a datagram from another port', async () => {
    const spoofer = createSocket('udp4');
    spoofer.bind(0, '127.0.0.1');
    await once(spoofer, 'listening');
    cleanups.push(async () => {
      spoofer.close();
      await once(spoofer, 'close');
    });
    const server = await udpServer('127.0.0.1', (message, reply, from) => {
      spoofer.send('spoofed', from.port, from.ip, () => {
        if (message.toString() === 'echo') reply('echt');
      });
    });
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback, udpTimeoutMs: 150 });
    const payload = new TextEncoder().encode('echo');
    const answer = await network.udpExchange({ ip: '127.0.0.1', port: server.port, payload });
    expect(new TextDecoder().decode(answer)).toBe('echt');
    // With only the spoofer answering, nothing is accepted.
    const silent = new TextEncoder().encode('stil');
    await expectFailure(network.udpExchange({ ip: '127.0.0.1', port: server.port, payload: silent }), 'timeout');
    await released();
  });

  it('ignores a datagram larger than maxBytes and then times out', async () => {
    const server = await udpServer('::1', (_message, reply) => reply(Buffer.alloc(10)));
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback, maxUdpBytes: 10 });
    expect((await network.udpExchange({ ip: '::1', port: server.port, payload: Uint8Array.of(0) })).length).toBe(10);
    const failure = await expectFailure(
      network.udpExchange({ ip: '::1', port: server.port, payload: Uint8Array.of(0), maxBytes: 9, timeoutMs: 120 }),
      'timeout',
    );
    expect(failure.message).toBe(`no UDP answer from [::1]:${server.port} within 120 ms`);
    await released();
  });

  it('times out when nothing answers', async () => {
    const server = await udpServer('127.0.0.1', () => {});
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback, udpTimeoutMs: 80 });
    await expectFailure(network.udpExchange({ ip: '127.0.0.1', port: server.port, payload: Uint8Array.of(0) }), 'timeout');
    await released();
  });

  it('aborts a pending exchange and releases everything', async () => {
    const server = await udpServer('127.0.0.1', () => {});
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback });
    const controller = new AbortController();
    const probe = network.udpExchange({
      ip: '127.0.0.1',
      port: server.port,
      payload: Uint8Array.of(0),
      signal: controller.signal,
    });
    await sleep(30);
    controller.abort();
    await expectFailure(probe, 'aborted');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await expectFailure(
      network.udpExchange({ ip: '127.0.0.1', port: server.port, payload: Uint8Array.of(0), signal: AbortSignal.abort() }),
      'aborted',
    );
    await released();
  });

  it('refuses forbidden addresses without opening a socket', async () => {
    let received = 0;
    const server = await udpServer('127.0.0.1', () => {
      received++;
    });
    const released = watchHandles();
    const network = createNodeNetwork();
    const before = handleCounts().UDPWrap;
    const probe = network.udpExchange({ ip: '127.0.0.1', port: server.port, payload: Uint8Array.of(0) });
    expect(handleCounts().UDPWrap).toBe(before);
    const failure = await expectFailure(probe, 'forbidden-address');
    expect(failure.message).toBe(`127.0.0.1 is a loopback address (RFC 1122); pastoe does not contact it unless allowed`);
    await sleep(20);
    expect(received).toBe(0);
    await released();
  });

  it('exchanges with a configured loopback endpoint under the default policy', async () => {
    const server = await udpServer('127.0.0.1', (_message, reply) => reply('ok'));
    const released = watchHandles();
    const network = createNodeNetwork();
    await expectFailure(network.udpExchange({ ip: '127.0.0.1', port: server.port, payload: Uint8Array.of(0) }), 'forbidden-address');
    const answer = await network.udpExchange({ ip: '127.0.0.1', port: server.port, payload: Uint8Array.of(0), configured: true });
    expect(new TextDecoder().decode(answer)).toBe('ok');
    await released();
  });

  it('maps documentation addresses to loopback listeners', async () => {
    const v4 = await udpServer('127.0.0.1', (_message, reply) => reply('v4'));
    const v6 = await udpServer('::1', (_message, reply) => reply('v6'));
    const released = watchHandles();
    const protocols: string[] = [];
    const network = createNodeNetwork({
      policy: createAddressPolicy({ allow: ['documentation'] }),
      map: (target, protocol) => {
        protocols.push(protocol);
        if (target.port !== 53) return undefined;
        if (target.ip === '192.0.2.53') return { ip: '127.0.0.1', port: v4.port };
        if (target.ip === '2001:db8::53') return { ip: '::1', port: v6.port };
        return undefined;
      },
    });
    const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
    expect(decode(await network.udpExchange({ ip: '192.0.2.53', port: 53, payload: Uint8Array.of(0) }))).toBe('v4');
    expect(decode(await network.udpExchange({ ip: '2001:db8::53', port: 53, payload: Uint8Array.of(0) }))).toBe('v6');
    expect(protocols).toEqual(['udp', 'udp']);
    await released();
  });

  it('rejects bad UDP options as malformed', async () => {
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback });
    const base = { ip: '127.0.0.1', port: 53, payload: Uint8Array.of(0) };
    await expectFailure(network.udpExchange({ ...base, maxBytes: 0 }), 'malformed');
    await expectFailure(network.udpExchange({ ...base, maxBytes: 70_000 }), 'malformed');
    await expectFailure(network.udpExchange({ ...base, timeoutMs: -5 }), 'malformed');
    await expectFailure(network.udpExchange({ ...base, payload: 'text' as unknown as Uint8Array }), 'malformed');
    await expectFailure(network.udpExchange({ ...base, payload: new Uint8Array(70_000) }), 'malformed');
    await released();
  });
});

describe('createNodeNetwork: UDP socket sharing', () => {
  /** A server that answers each datagram with its own payload, once `release` is called. */
  async function heldEchoServer(): Promise<{ port: number; sourcePorts: number[]; received: () => number; release: () => void }> {
    const held: Array<() => void> = [];
    const sourcePorts: number[] = [];
    const server = await udpServer('127.0.0.1', (message, reply, from) => {
      sourcePorts.push(from.port);
      held.push(() => reply(message));
    });
    // Answers in the reverse order, so that each exchange must pick its own answer.
    const release = (): void => {
      for (const answer of held.splice(0).reverse()) answer();
    };
    // A test that failed before answering must not leave exchanges open for the next one.
    cleanups.push(async () => {
      release();
      await sleep(20);
    });
    return { port: server.port, sourcePorts, received: () => sourcePorts.length, release };
  }

  /** An exchange whose answer is the datagram that echoes its payload. */
  function ask(network: ReturnType<typeof createNodeNetwork>, port: number, tag: number, signal?: AbortSignal): Promise<Uint8Array> {
    return network.udpExchange({
      ip: '127.0.0.1',
      port,
      payload: Uint8Array.of(tag),
      accept: (datagram) => datagram[0] === tag,
      ...(signal === undefined ? {} : { signal }),
    });
  }

  it('sends exchanges in flight together from one socket, each getting its own answer', async () => {
    const server = await heldEchoServer();
    const released = watchHandles();
    const before = handleCounts().UDPWrap;
    const network = createNodeNetwork({ policy: loopback });
    const answers = Promise.all([1, 2, 3, 4].map((tag) => ask(network, server.port, tag)));
    await until(() => server.received() === 4);
    expect(handleCounts().UDPWrap - before).toBe(1);
    expect(new Set(server.sourcePorts).size).toBe(1);
    server.release();
    expect((await answers).map((answer) => [...answer])).toEqual([[1], [2], [3], [4]]);
    // The socket closed with its last exchange: nothing is kept open between exchanges.
    await released();
  });

  it('opens another socket after maxExchanges, and one per exchange when sharing is off', async () => {
    const server = await heldEchoServer();
    const released = watchHandles();
    const capped = createNodeNetwork({ policy: loopback, udpSocketSharing: { maxExchanges: 2, maxAgeMs: 60_000 } });
    const first = Promise.all([1, 2, 3, 4, 5].map((tag) => ask(capped, server.port, tag)));
    await until(() => server.received() === 5);
    expect(new Set(server.sourcePorts).size).toBe(3);
    server.release();
    await first;

    server.sourcePorts.length = 0;
    const unshared = createNodeNetwork({ policy: loopback, udpSocketSharing: false });
    const second = Promise.all([1, 2, 3].map((tag) => ask(unshared, server.port, tag)));
    await until(() => server.received() === 3);
    expect(new Set(server.sourcePorts).size).toBe(3);
    server.release();
    await second;
    await released();
  });

  it('lets no exchange join a socket older than maxAgeMs', async () => {
    const server = await heldEchoServer();
    const network = createNodeNetwork({ policy: loopback, udpSocketSharing: { maxExchanges: 16, maxAgeMs: 40 } });
    const early = ask(network, server.port, 1);
    await until(() => server.received() === 1);
    await sleep(60);
    const late = ask(network, server.port, 2);
    await until(() => server.received() === 2);
    expect(new Set(server.sourcePorts).size).toBe(2);
    server.release();
    await Promise.all([early, late]);
  });

  it('ends an aborted exchange alone; the others on its socket still get their answers', async () => {
    const server = await heldEchoServer();
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback });
    const controller = new AbortController();
    const aborted = ask(network, server.port, 1, controller.signal);
    const kept = ask(network, server.port, 2);
    await until(() => server.received() === 2);
    controller.abort();
    await expectFailure(aborted, 'aborted');
    server.release();
    expect([...(await kept)]).toEqual([2]);
    await released();
  });

  it('fails every exchange on a socket when the server refuses', async () => {
    // A port that was just free: bound once, then closed.
    const probe = createSocket('udp4');
    probe.bind(0, '127.0.0.1');
    await once(probe, 'listening');
    const closed = { port: portOf(probe) };
    probe.close();
    await once(probe, 'close');
    await until(() => handleCounts().UDPWrap === 0);
    const released = watchHandles();
    const network = createNodeNetwork({ policy: loopback, udpTimeoutMs: 2_000 });
    const failures = await Promise.all([1, 2].map((tag) => expectFailure(ask(network, closed.port, tag), 'refused')));
    expect(failures.map((failure) => failure.message)).toEqual([
      `127.0.0.1:${closed.port} refused the UDP exchange (ECONNREFUSED)`,
      `127.0.0.1:${closed.port} refused the UDP exchange (ECONNREFUSED)`,
    ]);
    await released();
  });

  it('rejects sharing limits that make no sense', () => {
    expect(() => createNodeNetwork({ udpSocketSharing: { maxExchanges: 0, maxAgeMs: 1_000 } })).toThrow(RangeError);
    expect(() => createNodeNetwork({ udpSocketSharing: { maxExchanges: 1.5, maxAgeMs: 1_000 } })).toThrow(RangeError);
    expect(() => createNodeNetwork({ udpSocketSharing: { maxExchanges: 4, maxAgeMs: 0 } })).toThrow(RangeError);
  });
});

describe('createNodeNetwork: options', () => {
  it('rejects nonsensical defaults when created', () => {
    expect(() => createNodeNetwork({ connectTimeoutMs: 0 })).toThrow(RangeError);
    expect(() => createNodeNetwork({ udpTimeoutMs: Number.NaN })).toThrow(RangeError);
    expect(() => createNodeNetwork({ maxUdpBytes: 0 })).toThrow(RangeError);
    expect(() => createNodeNetwork({ maxUdpBytes: 65_536 })).toThrow(RangeError);
  });

  it('exposes its policy, public only by default', () => {
    expect(createNodeNetwork().policy.check('127.0.0.1').allowed).toBe(false);
    expect(createNodeNetwork().policy.check('9.9.9.9').allowed).toBe(true);
    expect(createNodeNetwork({ policy: loopback }).policy).toBe(loopback);
  });
});
