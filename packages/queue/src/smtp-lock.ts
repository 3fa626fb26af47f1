import { randomUUID } from 'node:crypto';
import type { AddressMap, Connection, Network } from '@pastoe/core';
import type { Redis } from 'ioredis';
import { sleep } from './abortable.js';
import { type QueueConnection, openRedis } from './connection.js';

/** Options for {@link lockSmtpConnections}. */
export interface SmtpLockOptions {
  /** The Redis every worker shares. */
  readonly connection: QueueConnection;
  /**
   * How long a lock outlives a holder that stopped renewing it (a killed worker), in milliseconds.
   * A live holder renews it every third of this. Default 30 000.
   */
  readonly ttlMs?: number;
  /** The longest wait between two tries to take a held lock, in milliseconds. Default 50. */
  readonly retryMs?: number;
  /**
   * How long a lock is kept after its connection closed, in milliseconds, so that the server has
   * seen the end of one session before the next worker's begins. Default 100.
   */
  readonly lingerMs?: number;
  /**
   * The map the network sends addresses through (`--map`, the lab's), so that a lock is keyed by
   * the server really contacted: two public addresses routed to one server share its lock.
   */
  readonly addressMap?: AddressMap;
  /** The Redis key prefix of the locks. Default `pastoe:smtp-lock`. */
  readonly keyPrefix?: string;
}

/** A network whose SMTP connections are serialised per address across processes; see {@link lockSmtpConnections}. */
export interface SmtpLockedNetwork {
  /** The network to scan with. */
  readonly network: Network;
  /** Closes the Redis connection of the locks; connections still open keep their lock until its TTL ends. */
  close(): Promise<void>;
}

/** Deletes the key only if it still holds our token: a lock that expired and was taken by another is not ours to drop. */
const releaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** Extends the key's life only if it still holds our token. */
const renewScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

const smtpPort = 25;

/**
 * Wraps a network so that a TCP connection to port 25 first takes a Redis lock keyed by the
 * address, and gives it back when the connection closes: every worker sharing the Redis opens at
 * most one SMTP connection to a mail server address at a time, as a hosted MX expects of one
 * scanner. The lock has a TTL, renewed while the connection is open, so a worker killed while
 * holding one blocks that address for at most `ttlMs`. Waiting for a lock ends when the connect's
 * signal aborts. Other ports and UDP pass through unchanged.
 *
 * Within one process the TLS scanner already opens one SMTP connection at a time per endpoint
 * (its dialer's single slot for STARTTLS); this adds the same across processes and across probes.
 */
export function lockSmtpConnections(network: Network, options: SmtpLockOptions): SmtpLockedNetwork {
  const ttlMs = options.ttlMs ?? 30_000;
  const retryMs = options.retryMs ?? 50;
  const lingerMs = options.lingerMs ?? 100;
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1_000) throw new RangeError(`ttlMs must be a whole number of at least 1000, got ${ttlMs}`);
  if (!Number.isSafeInteger(retryMs) || retryMs < 1) throw new RangeError(`retryMs must be a positive whole number, got ${retryMs}`);
  if (!Number.isSafeInteger(lingerMs) || lingerMs < 0 || lingerMs > ttlMs / 2)
    throw new RangeError(`lingerMs must be a whole number from 0 to half of ttlMs, got ${lingerMs}`);
  const prefix = options.keyPrefix ?? 'pastoe:smtp-lock';
  const redis = openRedis(options.connection);

  const connect = async (connectOptions: Parameters<Network['connect']>[0]): Promise<Connection> => {
    if (connectOptions.port !== smtpPort) return network.connect(connectOptions);
    const target = { ip: connectOptions.ip, port: smtpPort };
    const contacted = options.addressMap?.(target, 'tcp') ?? target;
    const release = await acquire(redis, `${prefix}:${contacted.ip.toLowerCase()}:${contacted.port}`, {
      ttlMs,
      retryMs,
      ...(connectOptions.signal === undefined ? {} : { signal: connectOptions.signal }),
    });
    let connection: Connection;
    try {
      connection = await network.connect(connectOptions);
    } catch (error) {
      release();
      throw error;
    }
    // Released after the socket has closed, not when close is asked for, and a moment later: the
    // server reads our end of the session on its own time, and must see it before the next one.
    const linger = (): void => void setTimeout(release, lingerMs).unref();
    connection.socket.once('close', linger);
    return {
      socket: connection.socket,
      remote: connection.remote,
      close() {
        connection.close();
        if (connection.socket.closed) linger();
      },
    };
  };

  return {
    network: { policy: network.policy, connect, udpExchange: (exchange) => network.udpExchange(exchange) },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Takes the lock (waiting while another holds it) and returns its release; renews it while held. */
async function acquire(
  redis: Redis,
  key: string,
  options: { readonly ttlMs: number; readonly retryMs: number; readonly signal?: AbortSignal },
): Promise<() => void> {
  const token = randomUUID();
  while (true) {
    options.signal?.throwIfAborted();
    const taken = await redis.set(key, token, 'PX', options.ttlMs, 'NX');
    if (taken === 'OK') break;
    // Jittered, so waiting workers do not try in step.
    await sleep(Math.ceil(options.retryMs * (0.5 + Math.random() / 2)), options.signal);
  }
  const renew = setInterval(
    () => {
      void redis.eval(renewScript, 1, key, token, String(options.ttlMs)).catch(() => undefined);
    },
    Math.floor(options.ttlMs / 3),
  );
  renew.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(renew);
    void redis.eval(releaseScript, 1, key, token).catch(() => undefined);
  };
}
