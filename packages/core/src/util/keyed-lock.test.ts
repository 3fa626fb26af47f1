import { describe, expect, it } from 'vitest';
import { KeyedLock } from './keyed-lock.js';

describe('KeyedLock', () => {
  it('runs work on one key one at a time, other keys alongside, and forgets keys when done', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const step = (name: string) => async (): Promise<string> => {
      log.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([lock.run('a', step('a1')), lock.run('a', step('a2')), lock.run('b', step('b1'))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
    await Promise.resolve();
    expect(lock.size).toBe(0);
  });

  it('lets a waiter give up on abort, while later work still waits for the holder', async () => {
    const lock = new KeyedLock();
    let releaseFirst = (): void => undefined;
    const first = lock.run('k', () => new Promise<void>((resolve) => (releaseFirst = resolve)));
    const controller = new AbortController();
    const waiter = lock.run('k', async () => 'ran', controller.signal);
    let thirdRan = false;
    const third = lock.run('k', async () => {
      thirdRan = true;
    });
    controller.abort(new Error('gave up'));
    await expect(waiter).rejects.toThrow('gave up');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(thirdRan).toBe(false);
    releaseFirst();
    await Promise.all([first, third]);
    expect(thirdRan).toBe(true);
  });
});
