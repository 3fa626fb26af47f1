/**
 * A bounded reader over a byte stream: it buffers what arrives, up to a total byte budget, and
 * waits for more with a time limit per wait and a deadline per step, so that a silent or
 * trickling peer (a tarpit) cannot hold a scan. Shared by the TLS record reader and the SMTP
 * dialogue, and by DNS over TCP.
 */
import type { Duplex } from 'node:stream';

/** Why a read stopped without the bytes it needed. */
export type ReadFailureCode = 'timeout' | 'closed' | 'reset' | 'aborted' | 'too-large';

/** A read that stopped without the bytes it needed. */
export interface ReadFailure {
  /** The kind of stop. */
  readonly code: ReadFailureCode;
  /** One line for people. */
  readonly message: string;
}

/** Time limits for one read. */
export interface ReadLimits {
  /** The longest wait for the next bytes, in milliseconds. */
  readonly idleMs: number;
  /** The time (epoch ms) by which the whole step must be done. */
  readonly deadline: number;
  /** Stops the wait at once. */
  readonly signal?: AbortSignal;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Reads a Duplex into a bounded buffer. Call {@link StreamReader.detach} when done with it. */
export class StreamReader {
  readonly #stream: Duplex;
  readonly #maxBytes: number;
  #chunks: Buffer[] = [];
  #buffered = 0;
  #received = 0;
  #ended = false;
  #error: unknown = undefined;
  #overflow = false;
  #wake: (() => void) | undefined;
  #detached = false;

  readonly #onData = (chunk: Buffer | string): void => {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    this.#received += data.length;
    if (this.#received > this.#maxBytes) {
      // Keep nothing more: the budget is spent, and the reader says so on its next wait.
      this.#overflow = true;
      this.#stream.pause();
    } else {
      this.#chunks.push(data);
      this.#buffered += data.length;
    }
    this.#notify();
  };
  readonly #onEnd = (): void => {
    this.#ended = true;
    this.#notify();
  };
  readonly #onError = (error: unknown): void => {
    this.#error = error;
    this.#ended = true;
    this.#notify();
  };

  /**
   * @param stream - the stream to read; the reader listens to it until detached
   * @param maxBytes - the most bytes it accepts in all; beyond that every read fails `too-large`
   */
  constructor(stream: Duplex, maxBytes: number) {
    this.#stream = stream;
    this.#maxBytes = maxBytes;
    stream.on('data', this.#onData);
    stream.on('end', this.#onEnd);
    stream.on('close', this.#onEnd);
    stream.on('error', this.#onError);
    if (stream.destroyed) this.#ended = true;
    // A previous reader may have paused the stream (the SMTP dialogue does when it hands over).
    stream.resume();
  }

  /** Bytes waiting to be taken. */
  get buffered(): number {
    return this.#buffered;
  }

  /** Bytes received in all. */
  get received(): number {
    return this.#received;
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #failure(): ReadFailure | undefined {
    if (this.#overflow) return { code: 'too-large', message: `the peer sent more than ${this.#maxBytes} bytes` };
    if (!this.#ended) return undefined;
    const code = errorCode(this.#error);
    if (code === 'ECONNRESET' || code === 'EPIPE') return { code: 'reset', message: 'the peer reset the connection' };
    if (this.#error !== undefined) {
      // The network destroys a connection with a ProbeFailure coded `aborted` when the scan's signal fires.
      if (code === 'aborted') return { code: 'aborted', message: 'the connection was aborted' };
      const message = this.#error instanceof Error ? this.#error.message : String(this.#error);
      return { code: 'reset', message: `the connection failed: ${message}` };
    }
    return { code: 'closed', message: 'the peer closed the connection' };
  }

  /** Waits for the next event (bytes, end, error), the time limit or the signal. */
  #wait(limits: ReadLimits): Promise<ReadFailure | undefined> {
    const remaining = Math.min(limits.idleMs, limits.deadline - Date.now());
    if (remaining <= 0) return Promise.resolve({ code: 'timeout', message: 'the peer did not answer in time' });
    if (limits.signal?.aborted === true) return Promise.resolve({ code: 'aborted', message: 'the read was aborted' });
    return new Promise((resolve) => {
      const done = (result: ReadFailure | undefined): void => {
        clearTimeout(timer);
        limits.signal?.removeEventListener('abort', onAbort);
        this.#wake = undefined;
        resolve(result);
      };
      const onAbort = (): void => done({ code: 'aborted', message: 'the read was aborted' });
      const timer = setTimeout(() => done({ code: 'timeout', message: 'the peer did not answer in time' }), remaining);
      limits.signal?.addEventListener('abort', onAbort, { once: true });
      this.#wake = () => done(undefined);
    });
  }

  /**
   * Waits until at least `count` bytes are buffered. Returns a failure when the stream ends,
   * errs, overflows or stays silent first; bytes already buffered stay available either way.
   */
  async fill(count: number, limits: ReadLimits): Promise<ReadFailure | undefined> {
    while (this.#buffered < count) {
      // A full buffer is what was asked for; an overflow only matters when more is needed.
      const failure = this.#failure();
      if (failure !== undefined) return failure;
      const waited = await this.#wait(limits);
      if (waited !== undefined) return waited;
    }
    return undefined;
  }

  /**
   * Waits until `found` says the buffer holds what is needed (it gets the whole buffer and
   * returns whether to stop), or `maxBuffered` bytes are waiting without it.
   */
  async fillUntil(found: (buffer: Buffer) => boolean, maxBuffered: number, limits: ReadLimits): Promise<ReadFailure | undefined> {
    for (;;) {
      if (this.#buffered > 0 && found(this.#peekAll())) return undefined;
      if (this.#buffered > maxBuffered) return { code: 'too-large', message: `more than ${maxBuffered} bytes without the expected end` };
      const failure = this.#failure();
      if (failure !== undefined) return failure;
      const waited = await this.#wait(limits);
      if (waited !== undefined) return waited;
    }
  }

  #peekAll(): Buffer {
    if (this.#chunks.length > 1) this.#chunks = [Buffer.concat(this.#chunks)];
    return this.#chunks[0] ?? Buffer.alloc(0);
  }

  /** The first `count` buffered bytes, without taking them. */
  peek(count: number): Buffer {
    return this.#peekAll().subarray(0, count);
  }

  /** Takes `count` buffered bytes (fewer if fewer are buffered). */
  take(count: number): Buffer {
    const all = this.#peekAll();
    const out = Buffer.from(all.subarray(0, count));
    const rest = all.subarray(out.length);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#buffered = rest.length;
    return out;
  }

  /**
   * Stops listening and pauses the stream, so that another reader (node:tls) can take over the
   * connection. Returns the bytes buffered and not taken.
   */
  detach(): Buffer {
    if (!this.#detached) {
      this.#detached = true;
      this.#stream.off('data', this.#onData);
      this.#stream.off('end', this.#onEnd);
      this.#stream.off('close', this.#onEnd);
      this.#stream.off('error', this.#onError);
      this.#stream.pause();
      this.#notify();
    }
    return this.take(this.#buffered);
  }
}
