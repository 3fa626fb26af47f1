import { describe, expect, it } from 'vitest';
import { type ScanCaches, type ScanManyResult, defineCheck, defineProbe, scanMany } from '@pastoe/core';
import { bound } from './test-support/bind.js';

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

function setup(delayFor: (domain: string) => number = () => 5) {
  let active = 0;
  let peak = 0;
  const seenCaches = new Set<ScanCaches>();
  const probe = defineProbe({
    id: 'slowish',
    description: 'per-domain work',
    needs: [],
    async run(subject, context) {
      seenCaches.add(context.caches);
      const hits = Number(context.caches.shared.get('scans') ?? 0);
      context.caches.shared.set('scans', hits + 1, 60_000);
      active += 1;
      peak = Math.max(peak, active);
      try {
        await sleep(delayFor(subject.name), context.signal);
      } finally {
        active -= 1;
      }
      return subject.name;
    },
  });
  const check = defineCheck({
    id: 'web-any',
    level: 'required',
    standard: 'https',
    probes: { p: probe },
    evaluate: () => ({ status: 'pass', outcome: 'good' }),
  });
  return { checks: [check], stats: () => ({ peak, active, caches: seenCaches }) };
}

describe('scanMany', () => {
  it('scans with bounded concurrency, shares caches, and reports bad input without stopping', async () => {
    const { checks, stats } = setup();
    const domains = ['a.nl', 'b.nl', 'not a domain', 'c.nl', 'd.nl', 'e.nl', 'f.nl', '10.0.0.1'];
    const results: ScanManyResult[] = [];
    for await (const result of scanMany(domains, { ...bound(checks), domainConcurrency: 2 })) results.push(result);
    expect(results).toHaveLength(8);
    expect(stats().peak).toBe(2);
    expect(stats().caches.size).toBe(1);
    const failures = results.filter((r) => !r.ok);
    expect(failures.map((f) => [f.index, f.input, !f.ok && f.error.code])).toEqual([
      [2, 'not a domain', 'invalid-input'],
      [7, '10.0.0.1', 'invalid-input'],
    ]);
    const okIndexes = results
      .filter((r) => r.ok)
      .map((r) => r.index)
      .sort((x, y) => x - y);
    expect(okIndexes).toEqual([0, 1, 3, 4, 5, 6]);
    const [first] = [...stats().caches];
    expect(first?.shared.get('scans')).toBe(6);
  });

  it('yields in completion order and reads its input lazily', async () => {
    const { checks } = setup((name) => (name === 'slow.nl' ? 80 : 2));
    let pulled = 0;
    function* source(): Generator<string> {
      for (const name of ['slow.nl', 'fast1.nl', 'fast2.nl', 'fast3.nl']) {
        pulled += 1;
        yield name;
      }
    }
    const order: string[] = [];
    const iterator = scanMany(source(), { ...bound(checks), domainConcurrency: 2 });
    const first = await iterator.next();
    // Only the first window (2 domains) plus one refill may have been read so far.
    expect(pulled).toBeLessThanOrEqual(3);
    if (first.value?.ok) order.push(first.value.input);
    for await (const result of iterator) order.push(result.input);
    expect(order[0]).toBe('fast1.nl');
    expect(order.at(-1)).toBe('slow.nl');
    expect(pulled).toBe(4);
  });

  it('yields a finished scan while a live source has no next input yet', async () => {
    const { checks } = setup();
    let release: (() => void) | undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* live(): AsyncGenerator<string> {
      yield 'first.nl';
      // A queue with nothing waiting: the next input comes only after the first result is seen.
      await gate;
      yield 'second.nl';
    }
    const seen: string[] = [];
    for await (const result of scanMany(live(), { ...bound(checks), domainConcurrency: 4 })) {
      seen.push(result.input);
      release?.();
    }
    expect(seen).toEqual(['first.nl', 'second.nl']);
  });

  it('aborts the scans in flight when the consumer stops early', async () => {
    const { checks, stats } = setup((name) => (name === 'quick.nl' ? 1 : 10_000));
    const started = performance.now();
    for await (const result of scanMany(['quick.nl', 'stuck1.nl', 'stuck2.nl'], { ...bound(checks), domainConcurrency: 3 })) {
      expect(result.input).toBe('quick.nl');
      break;
    }
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(stats().active).toBe(0);
  });

  it('stops starting new scans when the caller aborts', async () => {
    const { checks } = setup(() => 30);
    const controller = new AbortController();
    const results: ScanManyResult[] = [];
    for await (const result of scanMany(['a.nl', 'b.nl', 'c.nl', 'd.nl', 'e.nl'], {
      ...bound(checks),
      domainConcurrency: 1,
      signal: controller.signal,
    })) {
      results.push(result);
      controller.abort();
    }
    expect(results).toHaveLength(1);
  });

  it('yields the scans the caller cut short as aborted, with the signal’s reason', async () => {
    const { checks } = setup(() => 10_000);
    const signal = AbortSignal.timeout(50);
    const results: ScanManyResult[] = [];
    const started = performance.now();
    for await (const result of scanMany(['a.nl', 'b.nl', 'c.nl', 'd.nl'], { ...bound(checks), domainConcurrency: 2, signal }))
      results.push(result);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(results.map((r) => [r.input, r.ok, !r.ok && r.error.code]).sort()).toEqual([
      ['a.nl', false, 'aborted'],
      ['b.nl', false, 'aborted'],
    ]);
    for (const result of results) {
      if (result.ok) throw new Error('expected an aborted result');
      expect(result.reason).toBe(signal.reason);
      expect(result.reason).toMatchObject({ name: 'TimeoutError' });
    }
  });
});
