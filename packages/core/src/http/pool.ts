/**
 * The keep-alive pool of one client: idle connections by key (scheme, IP, port, TLS server name),
 * most recently used first, bounded per key and in all, each closed after its idle time.
 */
import type { HttpConnection } from './connection.js';

/** Bounds of the pool. */
export interface PoolLimits {
  /** Idle connections kept per key. */
  readonly maxIdlePerKey: number;
  /** Idle connections kept in all. */
  readonly maxIdle: number;
  /** How long an idle connection is kept, in milliseconds. */
  readonly idleTimeoutMs: number;
}

/** Tracks every open connection of a client and keeps the idle ones. */
export class ConnectionPool {
  readonly #limits: PoolLimits;
  readonly #open = new Set<HttpConnection>();
  /** Idle connections in the order they were parked, oldest first. */
  readonly #idle: HttpConnection[] = [];

  /** @param limits - the bounds */
  constructor(limits: PoolLimits) {
    this.#limits = limits;
  }

  /** Connections open now. */
  get open(): number {
    return this.#open.size;
  }

  /** Idle connections now. */
  get idle(): number {
    return this.#idle.length;
  }

  /** Starts tracking a new connection until it closes. */
  track(connection: HttpConnection): void {
    this.#open.add(connection);
    void connection.closed().then(() => this.#open.delete(connection));
  }

  /** Takes the most recently parked live connection for the key, if any. */
  take(key: string): HttpConnection | undefined {
    for (let i = this.#idle.length - 1; i >= 0; i--) {
      const connection = this.#idle[i] as HttpConnection;
      if (connection.key !== key) continue;
      this.#idle.splice(i, 1);
      connection.unpark();
      if (connection.alive) return connection;
      connection.destroy();
    }
    return undefined;
  }

  /** Keeps a connection whose response allows reuse, closing the oldest beyond the bounds. */
  park(connection: HttpConnection): void {
    if (!connection.alive) {
      connection.destroy();
      return;
    }
    this.#idle.push(connection);
    connection.park(this.#limits.idleTimeoutMs, () => this.#forget(connection));
    const sameKey = this.#idle.filter((c) => c.key === connection.key);
    if (sameKey.length > this.#limits.maxIdlePerKey) sameKey[0]?.destroy();
    if (this.#idle.length > this.#limits.maxIdle) this.#idle[0]?.destroy();
  }

  /** Closes every connection, busy or idle, and resolves when all have closed. */
  async closeAll(): Promise<void> {
    const all = [...this.#open];
    this.#idle.length = 0;
    for (const connection of all) connection.destroy();
    await Promise.all(all.map((connection) => connection.closed()));
  }

  #forget(connection: HttpConnection): void {
    const index = this.#idle.indexOf(connection);
    if (index >= 0) this.#idle.splice(index, 1);
  }
}
