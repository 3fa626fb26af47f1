/**
 * The results store is the checkpoint of a bulk run: a child process runs `runBulk` over 40
 * generated lab domains and is SIGKILLed once it has committed a few; the run is then resumed in
 * this process. Every domain committed before the kill is kept and not scanned again, every
 * domain ends with exactly one report, and the measurement is the same one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mailPreset } from '@pastoe/checks-mail';
import { type Lab, startLab } from '@pastoe/lab';
import { openStore } from '@pastoe/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDomainList, runBulk } from '../../../cli/src/bulk/index.js';
import { bulkZones } from './bulk-lab.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const child = fileURLToPath(new URL('./bulk-child.ts', import.meta.url));
const count = 40;
/** Committed domains the child reports before it is killed. */
const killAfter = 6;

let dir: string;
let lab: Lab | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pastoe-resume-'));
});
afterAll(async () => {
  await lab?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the child until it has committed `killAfter` domains, then SIGKILLs it; resolves with the domains it reported. */
function runAndKill(storeFile: string, listFile: string): Promise<{ reported: string[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const process_: ChildProcess = spawn(process.execPath, ['--import', 'tsx', child, storeFile, listFile, String(count)], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: `${root}tsconfig.json` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reported: string[] = [];
    let buffered = '';
    let stderr = '';
    process_.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('scanned ')) reported.push(line.slice('scanned '.length));
      if (reported.length >= killAfter) process_.kill('SIGKILL');
    });
    process_.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    process_.on('error', reject);
    process_.on('close', (_code, signal) => resolve({ reported, signal, stderr }));
  });
}

describe('a bulk run killed with SIGKILL', () => {
  it('resumes without losing or repeating a finished domain', async () => {
    const storeFile = join(dir, 'results.sqlite');
    const listFile = join(dir, 'domains.csv');
    const killed = await runAndKill(storeFile, listFile);
    expect(killed.stderr).not.toMatch(/error/i);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.reported.length).toBeGreaterThanOrEqual(killAfter);

    const store = openStore(storeFile);
    try {
      const interrupted = store.latestUnfinished();
      expect(interrupted?.domains).toHaveLength(count);
      const id = interrupted?.id ?? -1;
      const before = store.finishedDomains(id);
      // Every domain the child reported was committed before it said so; the kill came before the end.
      for (const domain of killed.reported) expect(before).toContain(domain);
      expect(before.size).toBeLessThan(count);

      lab = await startLab({ extraZones: bulkZones(count) });
      const inputs = await readDomainList(listFile, { groupColumn: 'group' });
      const resumedDomains: string[] = [];
      const result = await runBulk({
        inputs,
        store,
        resume: true,
        scan: { preset: mailPreset, transports: lab.transports(), vantage: lab.vantage, domainConcurrency: 8 },
        onProgress: (progress) => {
          if (progress.domain !== undefined) resumedDomains.push(progress.domain);
        },
      });

      expect(result.measurementId).toBe(id);
      expect(result.skipped).toBe(before.size);
      expect(result.scanned + result.failed).toBe(count - before.size);
      expect(result.failed).toBe(0);
      // No domain scanned twice: the resumed run scanned each of the rest once, and none of those finished before.
      expect(new Set(resumedDomains).size).toBe(resumedDomains.length);
      expect(resumedDomains.filter((domain) => before.has(domain))).toEqual([]);
      expect(new Set([...before, ...resumedDomains])).toEqual(new Set(inputs.map((input) => input.domain)));

      // Every input domain has exactly one report (one row each, in input order), with its group, and the measurement is finished.
      const stored = [...store.reports(id)];
      expect(stored.map((entry) => entry.report.target.domain)).toEqual(inputs.map((input) => input.domain));
      expect(stored.map((entry) => entry.group)).toEqual(inputs.map((input) => input.group));
      expect(store.measurement(id)?.finishedAt).toBeDefined();
      expect(store.measurements()).toHaveLength(1);
    } finally {
      store.close();
    }
  }, 240_000);
});
