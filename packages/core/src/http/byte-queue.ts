/**
 * A queue of received bytes that grows by doubling and compacts when it is mostly consumed, so
 * that a peer sending one byte at a time costs linear, not quadratic, copying.
 */
export class ByteQueue {
  #bytes = new Uint8Array(1_024);
  #start = 0;
  #end = 0;

  /** Bytes waiting to be consumed. */
  get length(): number {
    return this.#end - this.#start;
  }

  /** Appends a copy of `chunk`. */
  append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.#end + chunk.length > this.#bytes.length) {
      const needed = this.length + chunk.length;
      if (needed <= this.#bytes.length / 2) {
        this.#bytes.copyWithin(0, this.#start, this.#end);
      } else {
        let size = this.#bytes.length;
        while (size < needed) size *= 2;
        const grown = new Uint8Array(size);
        grown.set(this.#bytes.subarray(this.#start, this.#end));
        this.#bytes = grown;
      }
      this.#end -= this.#start;
      this.#start = 0;
    }
    this.#bytes.set(chunk, this.#end);
    this.#end += chunk.length;
  }

  /** The byte at `offset` from the front, or -1 past the end. */
  at(offset: number): number {
    return offset < this.length ? (this.#bytes[this.#start + offset] as number) : -1;
  }

  /** The offset of the first `byte` at or after `from` and before `to`, or -1. */
  indexOf(byte: number, from: number, to: number): number {
    const end = Math.min(this.#end, this.#start + to);
    const found = this.#bytes.subarray(0, end).indexOf(byte, this.#start + from);
    return found < 0 ? -1 : found - this.#start;
  }

  /** A view of the first `count` bytes; valid only until the queue changes. */
  peek(count: number): Uint8Array {
    return this.#bytes.subarray(this.#start, this.#start + Math.min(count, this.length));
  }

  /** Removes and returns a copy of the first `count` bytes (fewer if fewer are there). */
  take(count: number): Uint8Array {
    const taken = this.peek(count).slice();
    this.skip(taken.length);
    return taken;
  }

  /** Drops the first `count` bytes. */
  skip(count: number): void {
    this.#start = Math.min(this.#end, this.#start + count);
    if (this.#start === this.#end) {
      this.#start = 0;
      this.#end = 0;
    }
  }
}
