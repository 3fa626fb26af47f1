/**
 * The lab child of the bulk benches (bench/support/bulk-lab.ts), seen from the bench: how to
 * start it, what it prints, and the CPU time of a child process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { VantageSettings } from '@pastoe/core';
import type { LabRoute } from '@pastoe/lab';

/** What bench/support/bulk-lab.ts prints. */
export interface LabHello {
  readonly resolverUrl: string;
  readonly trustAnchors: string;
  readonly caPem: string;
  readonly routes: readonly LabRoute[];
  readonly vantage: VantageSettings;
  readonly rpki: { readonly ripestatUrl: string; readonly routinatorUrl: string };
  readonly list: string;
  readonly startupMs: number;
  readonly rssBytes: number;
}

/** Starts the lab child with `count` bulk domains, their list written to `list`, and waits for its first line. */
export async function startLabProcess(count: number, list: string): Promise<{ child: ChildProcess; hello: LabHello }> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'bulk-lab.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, `--bulk=${count}`, `--list=${list}`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the lab process exited (${code})`))));
  const first = new Promise<string>((resolve) => lines.once('line', resolve));
  const line = await Promise.race([first, exited]);
  return { child, hello: JSON.parse(line) as LabHello };
}

/** CPU time of a process in milliseconds (Linux: /proc/<pid>/stat; clock ticks are 1/100 s there), or NaN elsewhere. */
export async function processCpuMs(pid: number | undefined): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
