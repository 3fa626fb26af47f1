import type { ScanManyResult } from '@pastoe/core';

/**
 * The live input of one long `scanMany` run: jobs push their domain and wait for its result.
 * Results are matched by input position, so the same domain in two jobs gets two results.
 */
export class DomainChannel implements AsyncIterable<string> {
  readonly #queued: string[] = [];
  readonly #waiting = new Map<number, { resolve(result: ScanManyResult): void; reject(error: unknown): void }>();
  #wake: (() => void) | undefined;
  #pushed = 0;
  #ended = false;
  #failure: { readonly error: unknown } | undefined;

  /** Hands a domain to the run; resolves with its result. */
  submit(domain: string): Promise<ScanManyResult> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure.error);
    if (this.#ended) return Promise.reject(new Error('the worker is stopping'));
    const index = this.#pushed;
    this.#pushed += 1;
    this.#queued.push(domain);
    const result = new Promise<ScanManyResult>((resolve, reject) => this.#waiting.set(index, { resolve, reject }));
    this.#wake?.();
    return result;
  }

  /** Delivers a result of the run to the job that submitted it. */
  deliver(result: ScanManyResult): void {
    this.#waiting.get(result.index)?.resolve(result);
    this.#waiting.delete(result.index);
  }

  /** Ends the input: the run finishes the domains it has. */
  end(): void {
    this.#ended = true;
    this.#wake?.();
  }

  /** Ends the input and fails every job still waiting (the run itself failed). */
  fail(error: unknown): void {
    this.#failure = { error };
    for (const waiter of this.#waiting.values()) waiter.reject(error);
    this.#waiting.clear();
    this.end();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    while (true) {
      const next = this.#queued.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.#ended) return;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }
}
