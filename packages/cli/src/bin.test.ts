import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `pastoe` from its sources in a child process, as a shell would with stdout into a pipe.
 * `readOut` decides, chunk by chunk, when the reader stops reading and closes its end, as `head` does.
 */
function pastoe(args: readonly string[], readOut: (received: string) => boolean = () => true): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: `${root}tsconfig.json` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!readOut(stdout)) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('the pastoe process', () => {
  it('exits 2 with a one-line reason and a pointer to --help on an unknown option', async () => {
    const exit = await pastoe(['demo', '--frobnicate']);
    expect(exit).toMatchObject({ code: 2, stdout: '' });
    expect(exit.stderr).toBe("pastoe demo: unknown option '--frobnicate'\nRun 'pastoe demo --help' for usage.\n");
  });

  it('ends quietly with status 0 when the reader closes the pipe after the first chunk (pastoe demo | head -1)', async () => {
    const exit = await pastoe(['demo', '--out', join(tmpdir(), 'pastoe-bin-test.html')], () => false);
    expect(exit.stdout).toMatch(/^pastoe demo: the lab runs on loopback/);
    expect(exit.stderr).toBe('');
    expect(exit).toMatchObject({ code: 0, signal: null });
    // Stopped early: the website part, the last to be printed, never ran to its end.
    expect(exit.stdout).not.toContain('web scenarios scanned');
  }, 120_000);
});
