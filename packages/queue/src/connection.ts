import { Redis, type RedisOptions } from 'ioredis';
import { QueueError } from './errors.js';

/** Where Redis is: what `redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]` names. */
export interface QueueConnection {
  /** The host name or IP address. */
  readonly host: string;
  /** The port. Default 6379. */
  readonly port?: number;
  /** The database number. Default 0. */
  readonly db?: number;
  /** The user name (Redis ACL). */
  readonly username?: string;
  /** The password. */
  readonly password?: string;
}

/** The longest URL accepted; a Redis URL is a host, a port and perhaps a password. */
const maxUrlLength = 2_000;

/**
 * Reads a `redis://` URL (`redis://HOST:PORT`, optionally with `USER:PASSWORD@` and `/DB`) into a
 * {@link QueueConnection}. Anything else (another scheme, a path that is not a database number, a
 * query) is refused with a {@link QueueError} `invalid-url` whose message is one line.
 */
export function parseRedisUrl(text: string): QueueConnection {
  if (typeof text !== 'string' || text.length > maxUrlLength) throw new QueueError('invalid-url', 'a Redis URL is redis://HOST:PORT');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new QueueError('invalid-url', `${JSON.stringify(text)} is not a URL; expected redis://HOST:PORT`);
  }
  if (url.protocol !== 'redis:') throw new QueueError('invalid-url', `${JSON.stringify(text)} is not a redis:// URL`);
  if (url.hostname === '') throw new QueueError('invalid-url', `${JSON.stringify(text)} names no host`);
  if (url.search !== '' || url.hash !== '') throw new QueueError('invalid-url', `${JSON.stringify(text)} has a query or fragment`);
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,2}$/.test(path))
    throw new QueueError('invalid-url', `${JSON.stringify(text)}: the path must be a database number`);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return {
    host,
    port: url.port === '' ? 6379 : Number(url.port),
    ...(path === '' ? {} : { db: Number(path) }),
    ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
  };
}

/**
 * The ioredis options for a connection. `maxRetriesPerRequest: null` is what BullMQ's blocking
 * commands need; a lost connection is retried with a bounded backoff rather than failing jobs.
 */
export function redisOptions(connection: QueueConnection): RedisOptions {
  return {
    host: connection.host,
    port: connection.port ?? 6379,
    ...(connection.db === undefined ? {} : { db: connection.db }),
    ...(connection.username === undefined ? {} : { username: connection.username }),
    ...(connection.password === undefined ? {} : { password: connection.password }),
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  };
}

/** Opens an ioredis client for the connection. */
export function openRedis(connection: QueueConnection): Redis {
  return new Redis(redisOptions(connection));
}
