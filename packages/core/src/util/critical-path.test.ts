import { describe, expect, it } from 'vitest';
import { CriticalPath } from './critical-path.js';

describe('CriticalPath', () => {
  it('counts operations side by side once and operations one after another each', () => {
    const path = new CriticalPath();
    expect(path.length).toBe(0);
    // Three at once: one round.
    const first = [path.start(), path.start(), path.start()];
    for (const depth of first) path.end(depth);
    expect(path.length).toBe(1);
    // Two more side by side, after the first round: one round more.
    const second = path.start();
    const third = path.start();
    path.end(second);
    path.end(third);
    expect(path.length).toBe(2);
    // A chain of three more, one after another.
    for (let i = 0; i < 3; i++) path.end(path.start());
    expect(path.length).toBe(5);
  });

  it('does not lengthen the chain for an operation that started before a long one ended', () => {
    const path = new CriticalPath();
    const slow = path.start();
    const quick = path.start();
    path.end(quick);
    // Started after `quick` ended: depth 2, though `slow` is still running.
    const next = path.start();
    path.end(slow);
    path.end(next);
    expect(path.length).toBe(2);
  });
});
