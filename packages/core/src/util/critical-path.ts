/**
 * The length of the longest chain of operations in which each one started after the one before
 * it had ended: the sequential round trips of a set of queries, however many ran side by side.
 * Unlike wall time it does not move with the load of the machine, so a change that saves a round
 * trip shows as such on a busy one. Operations that overlap count once; the chain is by time, so
 * two unrelated operations one after the other count as two.
 */
export class CriticalPath {
  #deepestEnded = 0;

  /** Marks an operation's start; give what it returns to {@link CriticalPath.end}. */
  start(): number {
    return this.#deepestEnded + 1;
  }

  /** Marks the end of the operation that `start` returned `depth` for. */
  end(depth: number): void {
    if (depth > this.#deepestEnded) this.#deepestEnded = depth;
  }

  /** The longest chain so far. */
  get length(): number {
    return this.#deepestEnded;
  }
}
