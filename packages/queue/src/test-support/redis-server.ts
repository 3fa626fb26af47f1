import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import type { QueueConnection } from '../connection.js';

/** A redis-server of a test's own, on a free loopback port, keeping nothing on disk. */
export interface TestRedis {
  /** Where it listens. */
  readonly connection: QueueConnection;
  /** The same as a `redis://` URL. */
  readonly url: string;
  /** Stops it and waits for it to exit. */
  stop(): Promise<void>;
}

/** The redis-server binary on PATH, if any (Debian's `redis-server` package). */
function findRedisServer(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'redis-server');
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Why tests needing Redis are skipped here, or undefined when redis-server is installed. */
export function redisSkipReason(): string | undefined {
  return findRedisServer() === undefined ? 'redis-server is not installed (apt-get install redis-server)' : undefined;
}

/** A loopback port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts `redis-server --port <free> --save '' --appendonly no` on loopback and waits until it
 * accepts connections (at most 10 s).
 */
export async function startTestRedis(): Promise<TestRedis> {
  const binary = findRedisServer();
  if (binary === undefined) throw new Error('redis-server is not installed');
  const port = await freePort();
  const child: ChildProcess = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start in 10 s:\n${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000);
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${String(code)}):\n${output}`));
    });
  });
  return {
    connection: { host: '127.0.0.1', port },
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
