import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeContext, Transports } from '../model/probe.js';
import { createScanCaches } from '../runner/caches.js';
import { createAddressPolicy } from '../transport/address-policy.js';
import type { Network } from '../transport/network.js';
import { createNodeNetwork } from '../transport/node-network.js';
import type { PortReachability } from './tcp-reachability.declaration.js';
import { probeTcpReachability, type ReachabilitySharing } from './tcp-reachability.probe.js';

/** A loopback network that counts the connections it opens. */
function countingNetwork(allow: boolean): { network: Network; connects: string[] } {
  const inner = createNodeNetwork({ policy: createAddressPolicy(allow ? { allow: ['loopback'] } : {}) });
  const connects: string[] = [];
  const network: Network = {
    policy: inner.policy,
    connect: (options) => {
      connects.push(`${options.ip}:${options.port}`);
      return inner.connect(options);
    },
    udpExchange: (options) => inner.udpExchange(options),
  };
  return { network, connects };
}

function contextWith(network: Network, caches = createScanCaches()): ProbeContext {
  return {
    target: { domain: 'example.test', input: 'example.test' },
    signal: new AbortController().signal,
    transports: { network } as Partial<Transports> as Transports,
    caches,
    settings: { ehloName: 'scanner.test', userAgent: 'test', tlsSharing: 'address' },
    now: () => new Date(),
    evidence: () => Promise.reject(new Error('not used')),
    evidenceList: () => Promise.reject(new Error('not used')),
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('probeTcpReachability across scans that share caches', () => {
  const server = createServer((socket) => socket.destroy());
  let open = 0;
  let closed = 0;
  beforeAll(async () => {
    open = await listen(server);
    // A port that was just free: nothing listens on it, so the kernel refuses.
    const gone = createServer();
    closed = await listen(gone);
    await new Promise((resolve) => gone.close(resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('tries each address and port once while its open or refused answer is fresh', async () => {
    const { network, connects } = countingNetwork(true);
    const caches = createScanCaches();
    const runs = await Promise.all(
      [1, 2, 3].map(() => probeTcpReachability('127.0.0.1', [open, closed], 2_000, contextWith(network, caches))),
    );
    for (const run of runs) {
      expect(run.ports.map((attempt) => attempt.result)).toEqual(['open', 'refused']);
    }
    expect(connects.sort()).toEqual([`127.0.0.1:${open}`, `127.0.0.1:${closed}`].sort());
    // Another run (other caches) asks again.
    await probeTcpReachability('127.0.0.1', [open], 2_000, contextWith(network));
    expect(connects).toHaveLength(3);
  });

  it('keeps what the sharing names, and never the policy refusal even when it is named', async () => {
    const { network, connects } = countingNetwork(true);
    const caches = createScanCaches();
    const refusedOnly: ReachabilitySharing = { ttlMs: 60_000, keep: new Set<PortReachability>(['refused']) };
    await probeTcpReachability('127.0.0.1', [open, closed], 2_000, contextWith(network, caches), refusedOnly);
    await probeTcpReachability('127.0.0.1', [open, closed], 2_000, contextWith(network, caches), refusedOnly);
    // The open port was not kept, so it was asked twice; the refused one once.
    expect(connects.filter((c) => c === `127.0.0.1:${open}`)).toHaveLength(2);
    expect(connects.filter((c) => c === `127.0.0.1:${closed}`)).toHaveLength(1);

    const denied = countingNetwork(false);
    const everything: ReachabilitySharing = {
      ttlMs: 60_000,
      keep: new Set<PortReachability>(['open', 'refused', 'timeout', 'unreachable', 'forbidden-address', 'error']),
    };
    const deniedCaches = createScanCaches();
    await probeTcpReachability('127.0.0.1', [open], 2_000, contextWith(denied.network, deniedCaches), everything);
    const allowed = await probeTcpReachability('127.0.0.1', [open], 2_000, contextWith(network, deniedCaches), everything);
    expect(allowed.ports[0]?.result).toBe('open');
  });

  it('does not keep the address policy refusal: that is the caller setting, not the address', async () => {
    const { network, connects } = countingNetwork(false);
    const caches = createScanCaches();
    const first = await probeTcpReachability('127.0.0.1', [open], 2_000, contextWith(network, caches));
    expect(first.ports[0]?.result).toBe('forbidden-address');
    const allowed = countingNetwork(true);
    const second = await probeTcpReachability('127.0.0.1', [open], 2_000, contextWith(allowed.network, caches));
    expect(second.ports[0]?.result).toBe('open');
    expect([connects.length, allowed.connects.length]).toEqual([1, 1]);
  });
});
