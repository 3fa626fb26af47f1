import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@pastoe/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisSkipReason, startTestRedis, type TestRedis } from '../../../queue/src/test-support/redis-server.js';
import { runCli } from '../run.js';
import { capture } from '../test-support.js';

describe('pastoe worker', () => {
  it('refuses a bad or missing --queue in one line with status 2', async () => {
    for (const args of [['worker', '--queue', 'http://localhost:6379'], ['worker'], ['bulk', 'list.txt', '--queue', 'redis://']]) {
      const c = capture();
      expect(await runCli(args, c.io), args.join(' ')).toBe(2);
      const [first, second, third] = c.err().split('\n');
      expect(first).toMatch(/^pastoe (worker|bulk): .*(queue|redis)/);
      expect(second).toMatch(/^Run 'pastoe (worker|bulk) --help'/);
      expect(third).toBe('');
    }
  });
});

const skip = redisSkipReason();
if (skip !== undefined) console.log(`skipping pastoe worker against Redis: ${skip}`);

describe.skipIf(skip !== undefined)('pastoe bulk --queue with pastoe worker', () => {
  let redis: TestRedis;
  let dir: string;
  beforeAll(async () => {
    redis = await startTestRedis();
    dir = mkdtempSync(join(tmpdir(), 'pastoe-worker-'));
  });
  afterAll(async () => {
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits what a worker scanned to the coordinator’s store, with progress, and the worker stops on its signal', async () => {
    const list = join(dir, 'list.csv');
    writeFileSync(list, 'domain,group\nmail-modern.test,gemeenten\nmail-dkim.test,Rijk\n');
    const out = join(dir, 'out');
    const stop = new AbortController();
    const workerIo = capture();
    const worker = runCli(['worker', '--queue', redis.url, '--lab', '--mail', '--concurrency', '2'], workerIo.io, stop.signal);
    const coordinator = capture();
    const status = await runCli(['bulk', list, '--group-column', 'group', '--queue', redis.url, '--out', out], coordinator.io);
    stop.abort(new Error('test over'));
    expect(await worker).toBe(0);
    expect(workerIo.out()).toBe('pastoe worker: 2 scanned, 0 failed\n');
    expect(coordinator.err()).toMatch(/2\/2 domains, [\d.]+\/s, ETA 0s\n$/);
    expect(coordinator.out()).toMatch(/^pastoe bulk: measurement 1: 2 scanned, 0 finished earlier, 0 failed\n/);
    expect(status).toBe(0);
    const store = openStore(join(out, 'results.sqlite'));
    try {
      expect([...store.reports(1)].map(({ report, group }) => [report.target.domain, group])).toEqual([
        ['mail-modern.test', 'gemeenten'],
        ['mail-dkim.test', 'Rijk'],
      ]);
      expect(store.measurement(1)?.finishedAt).toBeDefined();
    } finally {
      store.close();
    }
  }, 120_000);
});
