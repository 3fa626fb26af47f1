import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A child process that keeps ~60 MB live while it allocates garbage fast, as a bulk run does, and
 * prints the largest heap it reached; with `bound`, after `boundHeapGrowth()`.
 */
function peakHeapMb(bound: boolean): number {
  const heap = fileURLToPath(new URL('./heap.ts', import.meta.url));
  const script = `
    ${bound ? `const { boundHeapGrowth } = await import(${JSON.stringify(heap)}); boundHeapGrowth();` : ''}
    const live = [];
    for (let i = 0; i < 600; i++) live.push(new Array(12500).fill(i));
    let peak = 0;
    for (let round = 0; round < 3000; round++) {
      const garbage = [];
      for (let i = 0; i < 2000; i++) garbage.push({ a: i, b: 'x' + i, c: [i, i] });
      live[round % 600] = new Array(12500).fill(round);
      peak = Math.max(peak, process.memoryUsage().heapTotal);
    }
    console.log(Math.round(peak / 1048576));
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(child.status, child.stderr).toBe(0);
  return Number(child.stdout.trim());
}

describe('boundHeapGrowth', () => {
  it('keeps the heap of a fast-allocating process near twice its live data', { timeout: 120_000 }, () => {
    const unbounded = peakHeapMb(false);
    const bounded = peakHeapMb(true);
    // The live data is about 60 MB: V8 alone lets the heap grow far past twice that.
    expect(unbounded).toBeGreaterThan(250);
    expect(bounded).toBeLessThan(unbounded * 0.8);
  });
});
