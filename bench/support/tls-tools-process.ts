/**
 * bench/tls.ts's side of bench/support/tls-tools-child.ts: starts the child with its proxies and
 * sends it requests, one at a time.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLineChild } from './line-child.js';

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
  const child = await startLineChild(script, [JSON.stringify(targets.map(({ ip, port }) => ({ ip, port })))]);
  const { ports } = child.hello as { ports: number[] };
  const call = async <T>(request: ToolsRequest): Promise<T> => (await child.call(JSON.stringify(request))) as T;
  return {
    ports,
    accepted: (target) => call<number>({ op: 'accepted', target }),
    settle: (target) => call<null>({ op: 'settle', target }).then(() => undefined),
    run: (command, args, timeoutMs) => call<ToolRun>({ op: 'run', command, args, timeoutMs }),
    close: () => child.close(),
  };
}
