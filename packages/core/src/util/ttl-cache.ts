/** Options for a {@link TtlCache}. */
export interface TtlCacheOptions {
  /** The most entries kept; the least recently used are evicted first. Default 10 000. */
  readonly maxEntries?: number;
  /**
   * The most bytes kept, counting the size given with each entry to {@link TtlCache.set}; the
   * least recently used entries are evicted first, and an entry larger than this is not stored. Entries set
   * without a size count as 0. Default 64 MiB.
   */
  readonly maxBytes?: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/** The default {@link TtlCacheOptions.maxBytes}: 64 MiB. */
export const defaultCacheMaxBytes = 64 * 1024 * 1024;

/**
 * A bounded map whose entries expire. Eviction takes the least recently used first: a bulk run
 * reads most entries never again, but a few (a hosted mail server's TLS scan, a hosting server's
 * reference scan, a TLD's keys) on every domain, and those must stay. It is bounded by entries
 * and by bytes, because entries differ in size: a count alone lets a few thousand large DNS
 * answers fill the heap.
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { readonly value: V; readonly expiresAt: number; readonly bytes: number }>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;

  /** @param options - size bounds and clock */
  constructor(options: TtlCacheOptions = {}) {
    this.#maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.#maxBytes = Math.max(0, options.maxBytes ?? defaultCacheMaxBytes);
    this.#now = options.now ?? Date.now;
  }

  /** The value for the key, or `undefined` when absent or expired. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.delete(key);
      return undefined;
    }
    // Map keeps insertion order: moving the entry to the end makes it the most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** The remaining lifetime of the key in milliseconds, or 0 when absent or expired. */
  remainingMs(key: K): number {
    const entry = this.#entries.get(key);
    return entry === undefined ? 0 : Math.max(0, entry.expiresAt - this.#now());
  }

  /**
   * Stores the value for `ttlMs` milliseconds, replacing any value under the key; a non-positive
   * TTL stores nothing. `bytes` is the entry's size for the byte bound: an estimate of the memory
   * it holds. An entry larger than the whole bound is not stored.
   */
  set(key: K, value: V, ttlMs: number, bytes = 0): void {
    if (!(ttlMs > 0)) return;
    const size = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
    this.delete(key);
    if (size > this.#maxBytes) return;
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs, bytes: size });
    this.#bytes += size;
    while (this.#entries.size > this.#maxEntries || this.#bytes > this.#maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.delete(oldest.value);
    }
    this.#dropExpiredOldest();
  }

  /**
   * Drops expired entries from the least recently used end, up to the first live one. A bulk run reads most
   * entries never again, so without this they would stay until the entry bound pushed them out;
   * each entry is dropped once, so the work is constant per `set` on average.
   */
  #dropExpiredOldest(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) return;
      this.delete(key);
    }
  }

  /** Removes the key. */
  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /** Removes everything. */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  /** The bytes held: the sum of the sizes given to {@link TtlCache.set}, expired entries included until dropped. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The number of entries held, expired ones included until they are read or reached from the oldest end by a `set`. */
  get size(): number {
    return this.#entries.size;
  }
}
