import { createServer, type Socket } from 'node:net';
import { createAddressPolicy, createNodeNetwork, defineCheck, defineProbe } from '@pastoe/core';
import { openStore } from '@pastoe/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bound } from '../../core/src/runner/test-support/bind.js';
import { collectResults } from './collect.js';
import { parseRedisUrl } from './connection.js';
import { createQueue } from './create-queue.js';
import { QueueError } from './errors.js';
import { parseScanJobId, scanJobId } from './jobs.js';
import { runWorker } from './run-worker.js';
import { lockSmtpConnections } from './smtp-lock.js';
import { redisSkipReason, startTestRedis, type TestRedis } from './test-support/redis-server.js';

describe('parseRedisUrl', () => {
  it('reads host, port, database and credentials', () => {
    expect(parseRedisUrl('redis://10.0.0.5:6380/2')).toEqual({ host: '10.0.0.5', port: 6380, db: 2 });
    expect(parseRedisUrl('redis://worker:s%40cret@redis.example')).toEqual({
      host: 'redis.example',
      port: 6379,
      username: 'worker',
      password: 's@cret',
    });
    expect(parseRedisUrl('redis://[::1]:7000')).toEqual({ host: '::1', port: 7000 });
  });

  it('refuses what is not redis://HOST:PORT with a one-line reason', () => {
    for (const bad of ['http://localhost:6379', 'localhost:6379', 'redis://', 'redis://h/x', 'redis://h:1?a=b', 'nonsense']) {
      const error = (() => {
        try {
          parseRedisUrl(bad);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error, bad).toBeInstanceOf(QueueError);
      expect((error as QueueError).code).toBe('invalid-url');
      expect((error as QueueError).message).not.toContain('\n');
    }
  });
});

describe('scan job ids', () => {
  it('join measurement and domain without a colon, and read back', () => {
    const id = scanJobId(12, 'gemeente.nl');
    expect(id).not.toContain(':');
    expect(parseScanJobId(id)).toEqual({ measurementId: 12, domain: 'gemeente.nl' });
    expect(parseScanJobId('repeat:abc:1')).toBeUndefined();
    expect(() => scanJobId(1, 'a/b')).toThrow(QueueError);
  });
});

const skip = redisSkipReason();
if (skip !== undefined) console.log(`skipping the Redis tests of @pastoe/queue: ${skip}`);

describe.skipIf(skip !== undefined)('with redis-server', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('scans enqueued domains on a worker and commits each once, a bad one as a failure', async () => {
    const probe = defineProbe({ id: 'echo', description: 'the name', needs: [], run: async (subject) => subject.name });
    const check = defineCheck({
      id: 'web-any',
      level: 'required',
      standard: 'https',
      probes: { p: probe },
      evaluate: () => ({ status: 'pass', outcome: 'good' }),
    });
    const store = openStore(':memory:');
    const domains = [...Array.from({ length: 12 }, (_, n) => ({ domain: `d${n}.example.nl`, group: 'g' })), { domain: 'not a domain' }];
    const measurement = store.startMeasurement({ domains, policy: 'internetnl' });
    const name = 'test-roundtrip';
    const queue = createQueue({ connection: redis.connection, name });
    // Twice: the job ids make the second a no-op.
    await queue.enqueue(
      measurement.id,
      domains.map((entry) => entry.domain),
    );
    await queue.enqueue(
      measurement.id,
      domains.map((entry) => entry.domain),
    );
    await queue.close();

    const stop = new AbortController();
    const worker = runWorker({
      connection: redis.connection,
      name,
      concurrency: 3,
      scan: { ...bound([check]), vantage: 'skip' },
      stalledIntervalMs: 1_000,
      smtpLockTtlMs: false,
      signal: stop.signal,
    });
    const progress: number[] = [];
    const collected = await collectResults({
      connection: redis.connection,
      name,
      store,
      measurementId: measurement.id,
      domains,
      pollMs: 20,
      onProgress: (state) => progress.push(state.done),
    });
    stop.abort();
    const done = await worker;
    expect(collected).toEqual({ scanned: 12, failed: 1 });
    expect(done).toEqual({ scanned: 12, failed: 1 });
    expect(progress.at(-1)).toBe(13);
    const reports = [...store.reports(measurement.id)];
    expect(reports.map((entry) => entry.report.target.domain)).toEqual(domains.slice(0, 12).map((entry) => entry.domain));
    expect(reports.every((entry) => entry.group === 'g')).toBe(true);
    expect([...store.failures(measurement.id)]).toEqual([
      { domain: 'not a domain', error: { code: 'invalid-input', message: expect.stringContaining('not a domain') } },
    ]);
    store.close();
  });

  it('lets one SMTP connection at a time reach an address across networks sharing the Redis', async () => {
    let open = 0;
    let peak = 0;
    const server = createServer((socket: Socket) => {
      open += 1;
      peak = Math.max(peak, open);
      socket.on('error', () => undefined);
      socket.once('close', () => {
        open -= 1;
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const plain = () =>
      createNodeNetwork({
        policy: createAddressPolicy({ allow: ['loopback', 'documentation'] }),
        map: (target) => (target.port === 25 ? { ip: '127.0.0.1', port } : undefined),
      });
    // Two "workers", each with its own Redis connection.
    const workers = [
      lockSmtpConnections(plain(), { connection: redis.connection, ttlMs: 5_000, retryMs: 5 }),
      lockSmtpConnections(plain(), { connection: redis.connection, ttlMs: 5_000, retryMs: 5 }),
    ];
    const session = async (index: number): Promise<void> => {
      const connection = await workers[index % 2]?.network.connect({ ip: '192.0.2.25', port: 25 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      connection?.close();
    };
    await Promise.all(Array.from({ length: 8 }, (_, index) => session(index)));
    await Promise.all(workers.map((worker) => worker.close()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(peak).toBe(1);
  });
});
