/**
 * `pastoe bulk --queue` over several machines, on one: a lab with bulk domains in a child process,
 * a redis-server of the test's own, three `pastoe worker` processes scanning the mail test, and
 * the coordinator (`runQueuedBulk`) in this process committing to a results store. One worker is
 * SIGKILLed mid-run: its jobs stall and the others take them up. Every domain ends in the store
 * exactly once, and no lab SMTP server ever had two sessions at once (the workers share one lock
 * per mail server address in Redis). Mail only, so that 300 domains fit in about a minute on two cores.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LabSmtpSessions } from '@pastoe/lab';
import { openStore } from '@pastoe/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDomainList, runQueuedBulk } from '../../../cli/src/bulk/index.js';
import { redisSkipReason, startTestRedis, type TestRedis } from '../../../queue/src/test-support/redis-server.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = join(root, 'packages/cli/src/bin.ts');
const labChild = fileURLToPath(new URL('./queue-lab-child.ts', import.meta.url));
const count = 300;
/** Domains committed before the first worker is killed. */
const killAt = 60;
const env = { ...process.env, TSX_TSCONFIG_PATH: `${root}tsconfig.json` };

const skip = redisSkipReason();
if (skip !== undefined) console.log(`skipping the queue integration test: ${skip}`);

/** A child's lines on stdout, one at a time. */
function lineReader(child: ChildProcess): { readonly lines: Interface; next(): Promise<string> } {
  const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
  const queued: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter === undefined) queued.push(line);
    else waiter(line);
  });
  return {
    lines,
    next: () => {
      const line = queued.shift();
      return line === undefined ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(line);
    },
  };
}

describe.skipIf(skip !== undefined)('bulk over a queue with three worker processes', () => {
  let redis: TestRedis | undefined;
  let dir: string;
  let lab: ChildProcess | undefined;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
    dir = mkdtempSync(join(tmpdir(), 'pastoe-queue-'));
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    lab?.stdin?.end();
    if (lab !== undefined && lab.exitCode === null) await once(lab, 'exit');
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits every domain once, survives a SIGKILLed worker, and keeps each MX to one session at a time', async () => {
    if (redis === undefined) throw new Error('no redis');
    lab = spawn(process.execPath, ['--import', 'tsx', labChild, dir, String(count)], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const labLines = lineReader(lab);
    const hello = JSON.parse(await labLines.next()) as { list: string; workerFlags: string[] };

    const logs: string[] = ['', '', ''];
    for (let n = 0; n < 3; n++) {
      const args = ['worker', '--queue', redis.url, '--mail', '--concurrency', '6', '--stalled-interval', '5', ...hello.workerFlags];
      const worker = spawn(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const keep = (chunk: Buffer): void => {
        logs[n] = ((logs[n] ?? '') + chunk.toString()).slice(-4_000);
      };
      worker.stdout?.on('data', keep);
      worker.stderr?.on('data', keep);
      workers.push(worker);
    }

    const inputs = await readDomainList(hello.list, { groupColumn: 'group' });
    expect(inputs).toHaveLength(count);
    const store = openStore(join(dir, 'results.sqlite'));
    let killedAt: number | undefined;
    try {
      const result = await runQueuedBulk({
        inputs,
        store,
        resume: false,
        queue: redis.connection,
        signal: AbortSignal.timeout(150_000),
        onProgress: (state) => {
          if (killedAt === undefined && state.done >= killAt) {
            killedAt = state.done;
            workers[0]?.kill('SIGKILL');
          }
        },
      });
      expect(result).toEqual({ measurementId: 1, scanned: count, skipped: 0, failed: 0 });
      expect(killedAt).toBeLessThan(count);

      const domains = [...store.reports(1)].map((entry) => entry.report.target.domain);
      expect(domains).toHaveLength(count);
      expect(new Set(domains).size).toBe(count);
      expect(domains).toEqual(inputs.map((input) => input.domain));
      expect([...store.failures(1)]).toEqual([]);
      expect(store.measurement(1)?.finishedAt).toBeDefined();
    } finally {
      store.close();
    }

    lab.stdin?.write('sessions\n');
    const sessions = JSON.parse(await labLines.next()) as LabSmtpSessions[];
    const busy = sessions.filter((server) => server.sessions > 0);
    expect(busy.length).toBeGreaterThan(0);
    for (const server of busy) expect(server.peakSessions, `${server.host}: ${JSON.stringify(server)}`).toBe(1);

    const [killed, ...survivors] = workers;
    for (const worker of survivors) worker.kill('SIGTERM');
    const exits = await Promise.all(survivors.map(async (worker) => (worker.exitCode ?? (await once(worker, 'exit'))[0]) as number));
    expect(exits, logs.join('\n---\n')).toEqual([0, 0]);
    expect(killed?.signalCode).toBe('SIGKILL');
  }, 180_000);
});
