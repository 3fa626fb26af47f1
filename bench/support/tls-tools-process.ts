/**
 * bench/tls.ts's side of bench/support/tls-tools-child.ts: starts the child with its proxies and
 * sends it requests, one at a time.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** What one run of an external tool left: its wall time, exit code and output. */
export interface ToolRun {
  readonly ms: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly output: string;
  readonly timedOut: boolean;
}

/** A request to the child; `target` is an index into the targets it was started with. */
export type ToolsRequest =
  | { readonly op: 'accepted'; readonly target: number }
  | { readonly op: 'settle'; readonly target: number }
  | { readonly op: 'run'; readonly command: string; readonly args: readonly string[]; readonly timeoutMs: number };

/** The child, seen from the bench. */
export interface ToolsProcess {
  /** The proxy port of each target, in the order given. */
  readonly ports: readonly number[];
  /** Connections the target's proxy has accepted since it started. */
  accepted(target: number): Promise<number>;
  /** Waits until every connection through the target's proxy has closed (at most 3 s). */
  settle(target: number): Promise<void>;
  /** Runs a tool in its own process group, timed from spawn to exit. */
  run(command: string, args: readonly string[], timeoutMs: number): Promise<ToolRun>;
  /** Stops the proxies, any tool still running, and the child. */
  close(): Promise<void>;
}

/** Starts the child with a counting proxy in front of each target. */
export async function startToolsProcess(targets: readonly { readonly ip: string; readonly port: number }[]): Promise<ToolsProcess> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'tls-tools-child.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(targets.map(({ ip, port }) => ({ ip, port })))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stdin = child.stdin as NonNullable<typeof child.stdin>;
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const waiting: ((line: string) => void)[] = [];
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the tools process exited (${code})`))));
  exited.catch(() => {});
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = (): Promise<string> => Promise.race([new Promise<string>((resolve) => waiting.push(resolve)), exited]);
  const { ports } = JSON.parse(await nextLine()) as { ports: number[] };
  const call = async <T>(request: ToolsRequest): Promise<T> => {
    const reply = nextLine();
    stdin.write(`${JSON.stringify(request)}\n`);
    const parsed = JSON.parse(await reply) as { result: T } | { error: string };
    if ('error' in parsed) throw new Error(`the tools process: ${parsed.error}`);
    return parsed.result;
  };
  return {
    ports,
    accepted: (target) => call<number>({ op: 'accepted', target }),
    settle: (target) => call<null>({ op: 'settle', target }).then(() => undefined),
    run: (command, args, timeoutMs) => call<ToolRun>({ op: 'run', command, args, timeoutMs }),
    close: async () => {
      if (child.exitCode !== null) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      stdin.end();
      await done;
    },
  };
}
