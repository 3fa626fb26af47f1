import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore.js';

/** Lets every pending promise callback run. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('serves waiters by priority, and first come, first served within one', async () => {
    const slots = new Semaphore(1);
    const holder = await slots.acquire();
    const order: string[] = [];
    const wait = (name: string, priority?: number) =>
      slots.acquire(undefined, priority).then((release) => {
        order.push(name);
        release();
      });
    const all = Promise.all([wait('low 1'), wait('high 1', 2), wait('middle', 1), wait('low 2', 0), wait('high 2', 2)]);
    await flush();
    expect(order).toEqual([]);
    holder();
    await all;
    expect(order).toEqual(['high 1', 'high 2', 'middle', 'low 1', 'low 2']);
  });

  it('gives a free slot at once, whatever the priority of those that came before', async () => {
    const slots = new Semaphore(2);
    const first = await slots.acquire(undefined, 0);
    const second = await slots.acquire(undefined, 5);
    expect(slots.active).toBe(2);
    first();
    second();
    // Released twice: counted once.
    second();
    expect(slots.active).toBe(0);
  });

  it('drops an aborted waiter from the queue without taking a slot', async () => {
    const slots = new Semaphore(1);
    const holder = await slots.acquire();
    const controller = new AbortController();
    const aborted = slots.acquire(controller.signal, 3);
    const after = slots.acquire(undefined, 1);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    holder();
    const release = await after;
    expect(slots.active).toBe(1);
    release();
    expect(slots.active).toBe(0);
  });
});
