import type { CachedAnswer } from '../dns/types.js';
import type { ScanCaches } from '../model/caches.js';
import type { JsonValue } from '../model/json.js';
import { KeyedLock } from '../util/keyed-lock.js';
import { TtlCache } from '../util/ttl-cache.js';

export type { ScanCaches } from '../model/caches.js';

/**
 * The bound on the TLS evidence the shared cache keeps, in bytes of JSON (several hundred scans):
 * what is shared is the hot endpoints (a hosted MX, a hosting server's reference scan), which
 * every domain that uses them reads and so keeps recent, while a 10 000-domain run's heap stays
 * small (the objects weigh a few times their JSON).
 */
const tlsCacheMaxBytes = 4 * 1024 * 1024;

/** Options for {@link createScanCaches}. */
export interface ScanCachesOptions {
  /** Bound on each cache's entries. Default 50 000. */
  readonly maxEntries?: number;
  /** The clock in milliseconds. */
  readonly now?: () => number;
}

/** Creates a fresh set of caches. `scan` makes one per call; `scanMany` one per run. */
export function createScanCaches(options: ScanCachesOptions = {}): ScanCaches {
  const cacheOptions = { maxEntries: options.maxEntries ?? 50_000, ...(options.now ? { now: options.now } : {}) };
  return {
    dns: new TtlCache<string, CachedAnswer>(cacheOptions),
    tls: new TtlCache<string, JsonValue>({ ...cacheOptions, maxBytes: tlsCacheMaxBytes }),
    shared: new TtlCache<string, JsonValue>(cacheOptions),
    locks: new KeyedLock(),
  };
}
