import { setMaxListeners } from 'node:events';
import { listenerBudget } from '../../util/abort.js';
import type { Network } from '../../transport/network.js';
import { createNodeNetwork } from '../../transport/node-network.js';
import { assertTrustStore, type TrustStore } from '../../trust/store.js';
import { TtlCache } from '../../util/ttl-cache.js';
import type { DnsError, DnsQuestion, DnsResult, QueryOptions, Resolver, ResolverStats } from '../types.js';
import { isIpLiteral, parseIPv4, parseIPv6 } from '../wire/ip.js';
import { type NormalizedQuestion, normalizeQuestion } from '../wire/message.js';
import { type CachedAnswer, type CacheTtlBounds, agedMessage, cacheKey, cacheTtlSeconds, defaultCacheTtlBounds } from './cache.js';
import { cachedAnswerBytes } from './cache.js';
import { createDohTransport } from './doh.js';
import { createSystemTransport } from './system.js';
import { createTcpTransport } from './tcp.js';
import type { ExchangeResult, Transport } from './transport.js';
import { createUdpTransport } from './udp.js';
import { type Flight, ServerHealth, startFlight } from './upstream.js';

/**
 * Where pastoe sends DNS queries when nobody says otherwise: DoH to three public resolvers,
 * tried in this order. All three validate DNSSEC, pass RRSIGs through with DO and honour CD.
 */
export const defaultResolverSpecs: readonly string[] = Object.freeze([
  'https://dns.quad9.net/dns-query',
  'https://cloudflare-dns.com/dns-query',
  'https://dns.google/dns-query',
]);

/**
 * Addresses for the default DoH hosts, so that reaching them needs no other resolver.
 * IPv4 first: where IPv6 is missing, its addresses fail fast and are tried last.
 */
export const defaultBootstrap: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'dns.quad9.net': Object.freeze(['9.9.9.9', '149.112.112.112', '2620:fe::fe', '2620:fe::9']),
  'cloudflare-dns.com': Object.freeze(['1.1.1.1', '1.0.0.1', '2606:4700:4700::1111', '2606:4700:4700::1001']),
  'dns.google': Object.freeze(['8.8.8.8', '8.8.4.4', '2001:4860:4860::8888', '2001:4860:4860::8844']),
});

/** One upstream a resolver spec names, with the address it will be reached at. */
export type ResolverEndpoint =
  | { readonly kind: 'udp' | 'tcp'; readonly spec: string; readonly ip: string; readonly port: number }
  | { readonly kind: 'doh'; readonly spec: string; readonly url: string; readonly host: string; readonly ip: string; readonly port: number }
  | { readonly kind: 'system'; readonly spec: 'system' };

function invalid(spec: string, why: string): TypeError {
  return new TypeError(`invalid resolver spec ${JSON.stringify(spec)}: ${why}`);
}

function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function parsePort(spec: string, text: string, fallback: number): number {
  if (text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(spec, `port ${text} is not from 1 to 65535`);
  return port;
}

/**
 * Parses resolver specs into endpoints: `udp://ip[:port]`, `tcp://ip[:port]` (port 53 by
 * default, IPv6 in brackets), `https://host[:port]/path` (a host name needs bootstrap
 * addresses; one endpoint per address), and `system`. An array is a fallback list, in order.
 * @param spec - one spec or a list
 * @param bootstrap - addresses for DoH host names; the defaults cover the default resolvers
 * @throws TypeError with the reason when a spec is not usable
 */
export function parseResolverSpec(
  spec: string | readonly string[],
  bootstrap: Readonly<Record<string, readonly string[]>> = defaultBootstrap,
): ResolverEndpoint[] {
  const specs = typeof spec === 'string' ? [spec] : [...spec];
  if (specs.length === 0) throw new TypeError('an empty list of resolver specs');
  const endpoints: ResolverEndpoint[] = [];
  for (const text of specs) {
    if (typeof text !== 'string') throw new TypeError('a resolver spec must be a string');
    if (text === 'system') {
      endpoints.push({ kind: 'system', spec: 'system' });
      continue;
    }
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw invalid(text, 'expected https://host/path, udp://ip[:port], tcp://ip[:port] or system');
    }
    if (url.username !== '' || url.password !== '') throw invalid(text, 'credentials are not allowed in the URL');
    if (url.hash !== '') throw invalid(text, 'a fragment is not allowed');
    const host = unbracket(url.hostname);
    if (url.protocol === 'udp:' || url.protocol === 'tcp:') {
      if (!isIpLiteral(host)) throw invalid(text, `${host || '(empty)'} is not an IP address; UDP and TCP resolvers are given by address`);
      if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '')
        throw invalid(text, 'UDP and TCP specs take no path or query');
      const ip = host;
      const port = parsePort(text, url.port, 53);
      const kind = url.protocol === 'udp:' ? 'udp' : 'tcp';
      endpoints.push({ kind, spec: `${kind}://${ip.includes(':') ? `[${ip}]` : ip}:${port}`, ip, port });
      continue;
    }
    if (url.protocol === 'https:') {
      const port = parsePort(text, url.port, 443);
      const ips = isIpLiteral(host) ? [host] : bootstrap[host.toLowerCase()];
      if (ips === undefined || ips.length === 0) {
        throw invalid(text, `no bootstrap addresses for ${host}; pass options.bootstrap, e.g. { '${host}': ['192.0.2.1'] }`);
      }
      for (const ip of ips) {
        if (parseIPv4(ip) === undefined && parseIPv6(ip) === undefined) throw invalid(text, `bootstrap address ${ip} is not an IP address`);
        endpoints.push({ kind: 'doh', spec: url.href, url: url.href, host, ip, port });
      }
      continue;
    }
    throw invalid(text, `unsupported scheme ${url.protocol}`);
  }
  return endpoints;
}

/** Options for {@link createResolver}. */
export interface CreateResolverOptions {
  /**
   * How UDP, TCP and DoH reach the network. Default `createNodeNetwork()`. The servers of the
   * spec (and their bootstrap addresses) are configured by the operator, so they are contacted
   * whatever their address, a local Unbound at `udp://127.0.0.1:53` included: the network's
   * address policy guards what is learned from DNS data and scan input, not these. The network's
   * address map still applies; the lab's network routes its addresses that way.
   */
  readonly network?: Network;
  /**
   * How long one query may take in all, in milliseconds: every server, every retry. When it has
   * passed, the query fails with an error naming each server asked and why it failed. A caller
   * that passes a shorter `timeoutMs` to `query()` gives up sooner. Default 10 000.
   */
  readonly queryTimeoutMs?: number;
  /** Time limit for one exchange with one server, in milliseconds. Default 5000. */
  readonly timeoutMs?: number;
  /** How many more rounds over the servers after the first fails, while the query's time lasts. Default 2. */
  readonly retries?: number;
  /** The first backoff between rounds, in milliseconds; it doubles each round, with jitter. Default 100. */
  readonly retryDelayMs?: number;
  /**
   * The roots DoH servers' certificates are validated against: the scan's trust store. Preferred
   * over `tls.ca`; default Node's bundled roots (Mozilla's).
   */
  readonly trust?: TrustStore;
  /** TLS for DoH: `ca` replaces Node's bundled roots. Kept for older callers; `trust` wins when both are given. */
  readonly tls?: { readonly ca?: string | readonly string[] };
  /** Addresses for DoH host names, by lowercase name. Default {@link defaultBootstrap}. */
  readonly bootstrap?: Readonly<Record<string, readonly string[]>>;
  /** DoH details: the HTTP method (default POST) and how long an idle HTTP/2 connection stays open. */
  readonly doh?: { readonly method?: 'POST' | 'GET'; readonly idleTimeoutMs?: number };
  /** The largest response accepted over TCP and DoH, in octets. Default 65535. */
  readonly maxResponseBytes?: number;
  /**
   * Cache answers by their TTL (positive) or by RFC 2308 (negative): `true` (the default) for
   * a private cache, `false` for none, or a cache to share between resolvers.
   */
  readonly cache?: boolean | TtlCache<string, CachedAnswer>;
  /** Upper bounds on cache lifetimes. Default one hour, and 15 minutes for negative answers. */
  readonly cacheTtl?: Partial<CacheTtlBounds>;
  /** The clock in milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  /** The jitter source, 0 ≤ x < 1. Default `Math.random`. */
  readonly random?: () => number;
}

/** A resolver that holds connections (DoH sessions) and can release them. */
export interface ClosableResolver extends Resolver {
  /** Closes kept-open connections and aborts queries in flight. Safe to call more than once. */
  close(): Promise<void>;
}

/** A query in flight and the callers waiting for it. */
interface InFlight {
  readonly key: string;
  readonly flight: Flight;
  readonly promise: Promise<ExchangeResult>;
  waiters: number;
}

function positive(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) throw new RangeError(`${what} must be a positive number`);
  return value;
}

/**
 * Creates pastoe's resolver. With no spec it uses DoH to well-known public resolvers
 * ({@link defaultResolverSpecs}). Each query goes to the servers in order (servers that failed
 * recently go last); on an error (timeout, network failure, malformed answer) the next server
 * is asked, and a server slow to answer gets company: after a stagger interval (the query's
 * time shared out over the servers) the next one is asked alongside it, and the first answer
 * wins. The whole list is asked up to `retries` more times with exponential backoff and jitter,
 * all within `queryTimeoutMs` (10 s by default, so the 12 default DoH endpoints give up within
 * 10 s when none answers). A failed query's error names every server asked and why each failed
 * ({@link DnsError.attempts}). Any response, SERVFAIL and REFUSED included, is final: a SERVFAIL
 * is often the DNSSEC verdict being tested. Identical questions in flight share one upstream
 * query, which lasts as long as its most patient caller allows; each caller still gives up at
 * its own time. Answers are cached by TTL. Never rejects: every failure comes back as
 * `{ ok: false }`.
 *
 * `stats().upstreamQueries` counts every message put on the wire, so a retry, a fallback to
 * another server and a TCP retry after a truncated UDP answer each count once.
 *
 * @example
 * ```ts
 * const resolver = createResolver('udp://127.0.0.1:5353', { network });
 * const result = await resolver.query({ name: 'example.nl', type: 'MX' });
 * if (result.ok && result.message.rcode === 'NOERROR') console.log(result.message.answers);
 * ```
 * @param spec - a spec (`https://host/path`, `udp://ip[:port]`, `tcp://ip[:port]`, `system`) or a fallback list
 * @param options - network, limits, TLS, cache
 * @throws TypeError for an unusable spec; RangeError for a bad limit
 */
export function createResolver(
  spec: string | readonly string[] = defaultResolverSpecs,
  options: CreateResolverOptions = {},
): ClosableResolver {
  const endpoints = parseResolverSpec(spec, options.bootstrap ?? defaultBootstrap);
  if (options.trust !== undefined) assertTrustStore(options.trust, 'trust');
  const dohCa = options.trust?.ca ?? options.tls?.ca;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const attemptTimeoutMs = positive(options.timeoutMs, 5000, 'timeoutMs');
  const queryTimeoutMs = positive(options.queryTimeoutMs, 10_000, 'queryTimeoutMs');
  const retries = options.retries ?? 2;
  if (!Number.isInteger(retries) || retries < 0) throw new RangeError('retries must be a whole number ≥ 0');
  const retryDelayMs = positive(options.retryDelayMs, 100, 'retryDelayMs');
  const bounds: CacheTtlBounds = { ...defaultCacheTtlBounds, ...options.cacheTtl };
  const cache =
    options.cache === false
      ? undefined
      : options.cache === undefined || options.cache === true
        ? new TtlCache<string, CachedAnswer>({ now })
        : options.cache;

  let network: Network | undefined = options.network;
  const needNetwork = (): Network => {
    network ??= createNodeNetwork();
    return network;
  };
  const transportFor = (endpoint: ResolverEndpoint): Transport => {
    switch (endpoint.kind) {
      case 'system':
        return createSystemTransport();
      case 'tcp':
        return createTcpTransport({
          ip: endpoint.ip,
          port: endpoint.port,
          network: needNetwork(),
          configured: true,
          ...(options.maxResponseBytes === undefined ? {} : { maxResponseBytes: options.maxResponseBytes }),
        });
      case 'udp': {
        const tcp = createTcpTransport({
          ip: endpoint.ip,
          port: endpoint.port,
          network: needNetwork(),
          configured: true,
          ...(options.maxResponseBytes === undefined ? {} : { maxResponseBytes: options.maxResponseBytes }),
        });
        return createUdpTransport({ ip: endpoint.ip, port: endpoint.port, network: needNetwork(), configured: true, tcpFallback: tcp });
      }
      case 'doh':
        return createDohTransport({
          url: endpoint.url,
          ip: endpoint.ip,
          network: needNetwork(),
          configured: true,
          ...(dohCa === undefined ? {} : { ca: dohCa }),
          ...(options.doh?.method === undefined ? {} : { method: options.doh.method }),
          ...(options.doh?.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.doh.idleTimeoutMs }),
          ...(options.maxResponseBytes === undefined ? {} : { maxResponseBytes: options.maxResponseBytes }),
        });
    }
  };
  const transports: Transport[] = endpoints.map(transportFor);
  const description = [...new Set(endpoints.map((endpoint) => endpoint.spec))].join(', ');
  const health = new ServerHealth(transports, now);
  const inFlight = new Map<string, InFlight>();
  const closing = new AbortController();
  // Every query in flight listens for close(); hundreds at once in a bulk scan are expected.
  setMaxListeners(listenerBudget, closing.signal);
  const counters = { queries: 0, upstreamQueries: 0, cacheHits: 0, coalesced: 0 };
  const settings = {
    description,
    attemptTimeoutMs,
    retries,
    retryDelayMs,
    now,
    random,
    onSend: (): void => {
      counters.upstreamQueries += 1;
    },
  };

  const forget = (entry: InFlight): void => {
    if (inFlight.get(entry.key) === entry) inFlight.delete(entry.key);
  };

  const startQuery = (key: string, question: NormalizedQuestion, time: { startedAt: number; deadline: number }): InFlight => {
    const flight = startFlight(question, health, settings, time);
    const onClose = (): void => flight.abort();
    closing.signal.addEventListener('abort', onClose, { once: true });
    // The callback runs after the upstream query settles, long after `entry` is assigned.
    const entry: InFlight = {
      key,
      flight,
      waiters: 0,
      promise: flight.promise.then((result) => {
        forget(entry);
        closing.signal.removeEventListener('abort', onClose);
        if (result.ok && cache !== undefined) {
          const ttlSeconds = cacheTtlSeconds(result.message, question.type, bounds);
          if (ttlSeconds > 0) {
            const entry: CachedAnswer = { message: result.message, server: result.server, ttlSeconds };
            cache.set(key, entry, ttlSeconds * 1000, cachedAnswerBytes(entry));
          }
        }
        return result;
      }),
    };
    inFlight.set(key, entry);
    return entry;
  };

  /** Waits for a shared query on behalf of one caller, who may abort or time out alone. */
  const waitFor = (entry: InFlight, signal: AbortSignal | undefined, timeoutMs: number | undefined): Promise<ExchangeResult> => {
    entry.waiters += 1;
    return new Promise<ExchangeResult>((resolve) => {
      let done = false;
      const leave = (error: DnsError): void => {
        if (done) return;
        finish();
        entry.waiters -= 1;
        // The last caller to give up stops the upstream query as well, and a later caller
        // must not join the query being stopped.
        if (entry.waiters === 0) {
          forget(entry);
          entry.flight.abort();
        }
        resolve({ ok: false, error, server: description });
      };
      const onAbort = (): void => leave({ code: 'aborted', message: 'query aborted' });
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => leave(entry.flight.progress(`no answer within ${timeoutMs} ms`)), Math.min(timeoutMs, 2_147_483_647));
      function finish(): void {
        done = true;
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      void entry.promise.then((result) => {
        if (done) return;
        finish();
        entry.waiters -= 1;
        resolve(result);
      });
    });
  };

  return {
    description,
    async query(question: DnsQuestion, queryOptions: QueryOptions = {}): Promise<DnsResult> {
      counters.queries += 1;
      const started = now();
      const elapsed = (): number => Math.max(0, now() - started);
      const fail = (error: DnsError, server = description): DnsResult => ({ ok: false, error, server, elapsedMs: elapsed() });
      if (queryOptions.signal?.aborted === true) return fail({ code: 'aborted', message: 'query aborted before it started' });
      if (closing.signal.aborted) return fail({ code: 'aborted', message: 'the resolver is closed' });
      const timeoutMs = queryOptions.timeoutMs;
      if (timeoutMs !== undefined && !(timeoutMs > 0)) return fail({ code: 'timeout', message: 'no time given for the query' });
      const normalized = normalizeQuestion(question);
      if (!normalized.ok) return fail(normalized.error);
      const key = cacheKey(normalized.question);
      const hit = cache?.get(key);
      if (hit !== undefined && cache !== undefined) {
        counters.cacheHits += 1;
        return { ok: true, message: agedMessage(hit, cache.remainingMs(key)), server: hit.server, elapsedMs: elapsed(), cached: true };
      }
      const deadline = started + Math.min(timeoutMs ?? Number.POSITIVE_INFINITY, queryTimeoutMs);
      let entry = inFlight.get(key);
      if (entry === undefined) {
        entry = startQuery(key, normalized.question, { startedAt: started, deadline });
      } else {
        counters.coalesced += 1;
        // A caller with more time than the query in flight keeps it going that long.
        entry.flight.extend(deadline);
      }
      const result = await waitFor(entry, queryOptions.signal, timeoutMs);
      return result.ok
        ? { ok: true, message: result.message, server: result.server, elapsedMs: elapsed(), cached: false }
        : fail(result.error, result.server);
    },
    stats(): ResolverStats {
      return { ...counters };
    },
    async close(): Promise<void> {
      closing.abort();
      await Promise.all(transports.map((transport) => transport.close?.()));
    },
  };
}
