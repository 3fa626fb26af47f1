/**
 * A bench's helper process that speaks in lines of JSON: its first line says it is ready, and it
 * answers each request line with one line, `{ result }` or `{ error }`, in order. The DNS and TLS
 * benches keep their labs and tools in such a process, so that the measuring process never forks
 * while it measures. `startLineChild` is the bench's side, `serveLines` the child's.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running line child. */
export interface LineChild {
  /** The child's first line, parsed. */
  readonly hello: unknown;
  /** Sends one request line and gives the answer's result; rejects with the child's error. */
  call(request: string): Promise<unknown>;
  /** Closes the child's stdin (which tells it to stop) and waits for it to exit. */
  close(): Promise<void>;
}

/** Starts a TypeScript script under tsx with these arguments and waits for its first line. */
export async function startLineChild(script: string, args: readonly string[] = []): Promise<LineChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const stdin = child.stdin as NonNullable<typeof child.stdin>;
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const waiting: ((line: string) => void)[] = [];
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${script} exited (${code})`))));
  exited.catch(() => {});
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = (): Promise<string> => Promise.race([new Promise<string>((resolve) => waiting.push(resolve)), exited]);
  const hello: unknown = JSON.parse(await nextLine());
  return {
    hello,
    call: async (request) => {
      const reply = nextLine();
      stdin.write(`${request}\n`);
      const parsed = JSON.parse(await reply) as { result: unknown } | { error: string };
      if ('error' in parsed) throw new Error(`${script}: ${parsed.error}`);
      return parsed.result;
    },
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      stdin.end();
      await done;
    },
  };
}

/**
 * The child's side: answers each request line read from stdin with one line, `{ result }` or
 * `{ error }`, one request at a time; runs `stop` when stdin ends (the bench closed it) or on
 * SIGINT and SIGTERM (Ctrl-C reaches the child too), then exits.
 */
export function serveLines(answer: (request: string) => Promise<unknown>, stop: () => Promise<unknown>): void {
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    queue = queue.then(async () => {
      try {
        process.stdout.write(`${JSON.stringify({ result: await answer(line.trim()) })}\n`);
      } catch (error) {
        process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
      }
    });
  });
  let stopping = false;
  const end = (): void => {
    if (stopping) return;
    stopping = true;
    void queue
      .then(stop)
      .catch(() => {})
      .then(() => process.exit(0));
  };
  lines.on('close', end);
  process.once('SIGINT', end);
  process.once('SIGTERM', end);
}
