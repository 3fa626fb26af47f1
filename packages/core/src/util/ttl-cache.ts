/** Options for a {@link TtlCache}. */
export interface TtlCacheOptions {
  /** The most entries kept; the oldest are evicted first. Default 10 000. */
  readonly maxEntries?: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * A bounded map whose entries expire. Eviction is oldest-inserted first, which is enough for
 * the access pattern of a scan (many distinct names, few re-reads).
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { readonly value: V; readonly expiresAt: number }>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  /** @param options - size bound and clock */
  constructor(options: TtlCacheOptions = {}) {
    this.#maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.#now = options.now ?? Date.now;
  }

  /** The value for the key, or `undefined` when absent or expired. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** The remaining lifetime of the key in milliseconds, or 0 when absent or expired. */
  remainingMs(key: K): number {
    const entry = this.#entries.get(key);
    return entry === undefined ? 0 : Math.max(0, entry.expiresAt - this.#now());
  }

  /** Stores the value for `ttlMs` milliseconds; a non-positive TTL stores nothing. */
  set(key: K, value: V, ttlMs: number): void {
    if (!(ttlMs > 0)) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }

  /** Removes the key. */
  delete(key: K): void {
    this.#entries.delete(key);
  }

  /** Removes everything. */
  clear(): void {
    this.#entries.clear();
  }

  /** The number of entries held, expired ones included until they are next touched. */
  get size(): number {
    return this.#entries.size;
  }
}
