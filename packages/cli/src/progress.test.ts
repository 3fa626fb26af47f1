import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, type ProgressState } from './progress.js';

/** A stream that records writes, as a terminal or as a pipe. */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 100, write: (text: string) => void writes.push(text) } };
}

const state = (done: number, failed = 0): ProgressState => ({ done, total: 200, failed, ratePerSecond: 20, etaSeconds: (200 - done) / 20 });

describe('createProgress', () => {
  it('redraws a bar in place on a terminal, no more often than redrawMs, and ends its line at the finish', () => {
    let clock = 0;
    const { writes, stream } = fakeStream(true);
    const progress = createProgress(stream, { now: () => clock, redrawMs: 100 });
    progress.update(state(50));
    clock = 50;
    progress.update(state(60)); // too soon: not drawn
    clock = 150;
    progress.update(state(100, 2));
    progress.finish();
    expect(writes).toEqual([
      '\r\u001b[K[##########------------------------------] 50/200 domains, 20.0/s, ETA 8s',
      '\r\u001b[K[####################--------------------] 100/200 domains, 20.0/s, ETA 5s, 2 failed',
      '\n',
    ]);
  });

  it('writes plain lines every lineIntervalMs when not a terminal, and the last state at the finish', () => {
    let clock = 0;
    const { writes, stream } = fakeStream(false);
    const progress = createProgress(stream, { now: () => clock, lineIntervalMs: 5_000 });
    progress.update(state(1));
    for (let done = 2; done < 200; done += 1) {
      clock += 100;
      progress.update(state(done));
    }
    clock += 100;
    progress.update(state(200));
    progress.finish();
    expect(writes.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    // 20 s of run: a line at 0, 5, 10 and 15 s, then the final state.
    expect(writes).toHaveLength(5);
    expect(writes.at(-1)).toBe('200/200 domains, 20.0/s, ETA 0s\n');
  });

  it('writes nothing at the finish when nothing was reported, and no duplicate of a line just shown', () => {
    const { writes, stream } = fakeStream(false);
    const progress = createProgress(stream);
    progress.finish();
    expect(writes).toEqual([]);
    progress.update(state(200));
    progress.finish();
    expect(writes).toEqual(['200/200 domains, 20.0/s, ETA 0s\n']);
  });

  it('formats durations, unknown ones as ?', () => {
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(185)).toBe('3m05s');
    expect(formatDuration(3720)).toBe('1h02m');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('?');
  });
});
