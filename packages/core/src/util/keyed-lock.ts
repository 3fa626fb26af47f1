import { abortPromise } from './abort.js';

/**
 * One holder per key at a time: work on a key waits until earlier work on that key has settled.
 * Scans that share caches use it so that two scans needing the same endpoint scan it once: the
 * second waits, then finds the first one's result in the cache. Keys with no holder take no memory.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<void>>();

  /**
   * Runs `work` once every earlier holder of `key` is done. Rejects with the signal's reason if
   * the signal aborts while waiting (later holders still wait for the earlier ones, not for this).
   */
  async run<T>(key: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.#tails.get(key);
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous === undefined ? mine : previous.then(() => mine);
    this.#tails.set(key, tail);
    // Forget the key once this holder and every earlier one are done, unless someone queued behind.
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    try {
      if (previous !== undefined) {
        if (signal === undefined) await previous;
        else {
          const aborted = abortPromise(signal);
          try {
            await Promise.race([previous, aborted.promise]);
          } finally {
            aborted.dispose();
          }
        }
      }
      return await work();
    } finally {
      release();
    }
  }

  /** How many keys have a holder or waiters now. */
  get size(): number {
    return this.#tails.size;
  }
}
