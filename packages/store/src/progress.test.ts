import { describe, expect, it } from 'vitest';
import { type MeasurementProgress, progressCounter } from './progress.js';

describe('progressCounter', () => {
  it('counts this run after those done before, and gives a rate and ETA once a domain is in', async () => {
    const seen: MeasurementProgress[] = [];
    const counter = progressCounter(10, 4, (progress) => seen.push(progress));
    counter.report();
    expect(seen[0]).toMatchObject({ done: 4, total: 10, failed: 0, ratePerSecond: 0, etaSeconds: undefined });
    expect(seen[0]).not.toHaveProperty('domain');
    await new Promise((resolve) => setTimeout(resolve, 20));
    counter.scannedOne('a.nl');
    counter.failedOne('b.nl');
    expect(counter.scanned).toBe(1);
    expect(counter.failed).toBe(1);
    const last = seen[seen.length - 1] as MeasurementProgress;
    expect(last).toMatchObject({ done: 6, total: 10, failed: 1, domain: 'b.nl' });
    expect(last.ratePerSecond).toBeGreaterThan(0);
    // Four left at the rate of this run's two domains.
    expect(last.etaSeconds).toBeCloseTo(4 / last.ratePerSecond, 6);
  });

  it('counts without a listener', () => {
    const counter = progressCounter(2, 0, undefined);
    counter.scannedOne('a.nl');
    counter.report();
    expect(counter.scanned).toBe(1);
  });
});
