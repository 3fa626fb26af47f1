import type { ScanCaches } from '../model/caches.js';
import type { JsonValue } from '../model/json.js';

/** What {@link sharedOnce} keeps and how long. */
export interface SharedOnceOptions<T> {
  /** How long the value serves the other scans, in milliseconds. */
  readonly ttlMs: number;
  /** Whether a value is worth keeping (say, not one that tells more about pastoe than about the server). Default: every value. */
  readonly keep?: (value: T) => boolean;
  /** Stops the wait for another scan's work. */
  readonly signal?: AbortSignal;
}

/**
 * Computes a value once across the scans that share `caches` (a bulk run): one computation per
 * key runs at a time, a second scan waits and reads the first's value from `caches.shared`, and
 * a kept value serves for `ttlMs`. The value must be plain JSON; its JSON length counts towards
 * the cache's byte bound.
 */
export async function sharedOnce<T>(
  caches: Pick<ScanCaches, 'locks' | 'shared'>,
  key: string,
  options: SharedOnceOptions<T>,
  compute: () => Promise<T>,
): Promise<T> {
  return caches.locks.run(
    key,
    async () => {
      const cached = caches.shared.get(key);
      if (cached !== undefined) return cached as unknown as T;
      const value = await compute();
      if (options.keep === undefined || options.keep(value)) {
        caches.shared.set(key, value as unknown as JsonValue, options.ttlMs, JSON.stringify(value).length);
      }
      return value;
    },
    options.signal,
  );
}
