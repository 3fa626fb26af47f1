import type { CachedAnswer } from '../dns/types.js';
import type { KeyedLock } from '../util/keyed-lock.js';
import type { TtlCache } from '../util/ttl-cache.js';
import type { JsonValue } from './json.js';

/**
 * Caches that live as long as a `scanMany` run and are shared by all its scans: the plug points
 * for the DNS and TLS engines (one MX host serving a thousand domains is scanned once).
 * Keys are strings chosen by the user of each cache; values are JSON data.
 */
export interface ScanCaches {
  /** DNS answers: the default resolver of every scan given these caches stores its answers here. */
  readonly dns: TtlCache<string, CachedAnswer>;
  /** TLS scan results per endpoint (`host|ip|port|starttls`): the TLS evidence, for ten minutes. */
  readonly tls: TtlCache<string, JsonValue>;
  /** Serialises work on one key across scans, so that two scans of one endpoint run it once and share the cached result. */
  readonly locks: KeyedLock;
  /** Anything else a probe wants to share across scans (RPKI data, HTTP fetches). */
  readonly shared: TtlCache<string, JsonValue>;
}
