import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run.js';
import { capture } from '../test-support.js';
import { labReadyLine } from './lab.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));

/** Starts `pastoe lab` from its sources and resolves with its output once it says it is ready. */
function startLabProcess(): Promise<{
  child: ChildProcess;
  output: string;
  exited: Promise<{ code: number | null; signal: string | null; stderr: string }>;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, 'lab'], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: `${root}tsconfig.json` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const ready = new Promise<{ child: ChildProcess; output: string; exited: typeof exited }>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes(labReadyLine)) resolve({ child, output: stdout, exited });
    });
    void exited.then(({ code }) => reject(new Error(`pastoe lab exited with ${code} before it was ready: ${stderr}`)));
  });
  return ready;
}

function field(output: string, name: string): string {
  const value = new RegExp(`^${name}: (.+)$`, 'm').exec(output)?.[1];
  if (value === undefined) throw new Error(`no "${name}:" line in ${output}`);
  return value;
}

describe('pastoe lab', () => {
  it('keeps the lab running, prints what pastoe check needs to scan it from outside, and stops on SIGTERM', async () => {
    const { child, output, exited } = await startLabProcess();
    const trustAnchor = field(output, 'trust anchor');
    try {
      const resolver = field(output, 'resolver');
      expect(resolver).toMatch(/^udp:\/\/127\.0\.0\.1:\d+$/);
      const ca = field(output, 'ca');
      expect(readFileSync(trustAnchor, 'utf8')).toMatch(/^\. (\d+ )?IN DS \d+ \d+ \d+ [0-9A-Fa-f]+\n$/);
      expect(readFileSync(ca, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
      const routesText = /^address map \((\d+) routes\):\n([\s\S]*?)\n/m.exec(output);
      const routes = output
        .slice(output.indexOf('routes):\n') + 'routes):\n'.length, output.indexOf(labReadyLine))
        .split('\n')
        .filter((line) => line !== '');
      expect(routes).toHaveLength(Number(routesText?.[1]));
      expect(routes).toContain(routes.find((line) => /^192\.0\.2\.53:53=127\.0\.0\.1:\d+$/.test(line)));
      expect(routes.every((line) => /^(\d+\.\d+\.\d+\.\d+|\[[0-9a-f:]+\]):\d+=127\.0\.0\.1:\d+(\/(tcp|udp))?$/.test(line))).toBe(true);

      // A scan from outside the lab process, with only the flags the lab printed.
      const c = capture();
      const args = ['check', 'modern.test', '--web', '--resolver', resolver, '--trust-anchor', trustAnchor, '--ca', ca, '--allow-private'];
      args.push(
        '--vantage',
        field(output, 'vantage'),
        '--routinator',
        field(output, 'routinator'),
        '--ripestat',
        field(output, 'ripestat'),
        ...routes.flatMap((route) => ['--map', route]),
        '--format',
        'csv',
      );
      expect(await runCli(args, c.io)).toBe(0);
      expect(c.err()).toBe('');
      const [header, row] = c.out().split('\n');
      expect(header).toMatch(/^domain,internetnl_web,/);
      // DNSSEC validated from the printed anchor, HTTPS trusted through the printed CA, over the mapped addresses.
      expect(row).toMatch(/^modern\.test,100,,yes,yes,/);
    } finally {
      child.kill('SIGTERM');
    }
    const exit = await exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.stderr).toBe('pastoe lab: stopping\n');
    // The process is gone, not left running in the background, and so is its temporary folder.
    expect(() => process.kill(child.pid as number, 0)).toThrow();
    expect(existsSync(dirname(trustAnchor))).toBe(false);
  }, 180_000);
});
