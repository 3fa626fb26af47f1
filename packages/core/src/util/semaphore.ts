/**
 * Limits how many tasks run at once. Waiters are served by priority, higher first, and first come,
 * first served within a priority.
 */
export class Semaphore {
  readonly #limit: number;
  #active = 0;
  readonly #waiting: Array<{ readonly grant: () => void; readonly priority: number }> = [];

  /** @param limit - the most tasks at once (at least 1) */
  constructor(limit: number) {
    this.#limit = Math.max(1, Math.floor(limit));
  }

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /**
   * Waits for a slot. Resolves to the function that gives it back (call it exactly once).
   * Rejects with the signal's reason if aborted while waiting, without taking a slot.
   *
   * @param signal - aborts the wait
   * @param priority - waiters with a higher priority get a slot before those already waiting with a lower one (default 0)
   */
  acquire(signal?: AbortSignal, priority = 0): Promise<() => void> {
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    if (this.#active < this.#limit) {
      this.#active += 1;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.#active += 1;
        resolve(this.#releaser());
      };
      const onAbort = (): void => {
        const index = this.#waiting.findIndex((waiter) => waiter.grant === grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const after = this.#waiting.findIndex((waiter) => waiter.priority < priority);
      this.#waiting.splice(after < 0 ? this.#waiting.length : after, 0, { grant, priority });
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      this.#waiting.shift()?.grant();
    };
  }
}
