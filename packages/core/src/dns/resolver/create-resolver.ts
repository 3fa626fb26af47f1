import type { Network } from '../../transport/network.js';
import { createNodeNetwork } from '../../transport/node-network.js';
import { assertTrustStore, type TrustStore } from '../../trust/store.js';
import { TtlCache } from '../../util/ttl-cache.js';
import type { DnsError, DnsQuestion, DnsResult, QueryOptions, Resolver, ResolverStats } from '../types.js';
import { normalizeQuestion } from '../wire/message.js';
import { type CachedAnswer, type CacheTtlBounds, cacheKey, defaultCacheTtlBounds, recallAnswer, rememberAnswer } from './cache.js';
import { createDohTransport } from './doh.js';
import { defaultBootstrap, defaultResolverSpecs, parseResolverSpec, type ResolverEndpoint } from './endpoints.js';
import { createSystemTransport } from './system.js';
import { CriticalPath } from '../../util/critical-path.js';
import { SharedFlights } from './shared-flights.js';
import { createTcpTransport } from './tcp.js';
import type { Transport } from './transport.js';
import { createUdpTransport } from './udp.js';
import { ServerHealth, type UpstreamSettings } from './upstream.js';

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
   * a private cache (4 000 answers, the least recently used dropped first: a bulk run re-reads the
   * shared infrastructure's answers on every domain, its domains' own never again), `false` for
   * none, or a cache to share between resolvers.
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

function positive(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) throw new RangeError(`${what} must be a positive number`);
  return value;
}

/** The time limits and retry policy the options give, checked. */
function resolverLimits(options: CreateResolverOptions): {
  readonly attemptTimeoutMs: number;
  readonly queryTimeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
} {
  const retries = options.retries ?? 2;
  if (!Number.isInteger(retries) || retries < 0) throw new RangeError('retries must be a whole number ≥ 0');
  return {
    attemptTimeoutMs: positive(options.timeoutMs, 5000, 'timeoutMs'),
    queryTimeoutMs: positive(options.queryTimeoutMs, 10_000, 'queryTimeoutMs'),
    retries,
    retryDelayMs: positive(options.retryDelayMs, 100, 'retryDelayMs'),
  };
}

/** The bound on a private answer cache's entries. */
const privateCacheEntries = 4_000;

/** The answer cache the `cache` option asks for: a private one, the caller's, or none. */
function answerCache(option: CreateResolverOptions['cache'], now: () => number): TtlCache<string, CachedAnswer> | undefined {
  if (option === false) return undefined;
  return option === undefined || option === true ? new TtlCache<string, CachedAnswer>({ maxEntries: privateCacheEntries, now }) : option;
}

/** One transport per endpoint, all on one network; the default network is made only when one needs it. */
function createTransports(
  endpoints: readonly ResolverEndpoint[],
  options: CreateResolverOptions,
  dohCa: string | readonly string[] | undefined,
): Transport[] {
  let network: Network | undefined = options.network;
  const needNetwork = (): Network => {
    network ??= createNodeNetwork();
    return network;
  };
  const maxResponseBytes = options.maxResponseBytes === undefined ? {} : { maxResponseBytes: options.maxResponseBytes };
  const tcpTo = (ip: string, port: number): Transport =>
    createTcpTransport({ ip, port, network: needNetwork(), configured: true, ...maxResponseBytes });
  const transportFor = (endpoint: ResolverEndpoint): Transport => {
    switch (endpoint.kind) {
      case 'system':
        return createSystemTransport();
      case 'tcp':
        return tcpTo(endpoint.ip, endpoint.port);
      case 'udp': {
        const tcpFallback = tcpTo(endpoint.ip, endpoint.port);
        return createUdpTransport({ ip: endpoint.ip, port: endpoint.port, network: needNetwork(), configured: true, tcpFallback });
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
          ...maxResponseBytes,
        });
    }
  };
  return endpoints.map(transportFor);
}

/** Why a query cannot start at all, or `undefined` when it can. */
function refusalBeforeStart(options: QueryOptions, closed: boolean): DnsError | undefined {
  if (options.signal?.aborted === true) return { code: 'aborted', message: 'query aborted before it started' };
  if (closed) return { code: 'aborted', message: 'the resolver is closed' };
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) return { code: 'timeout', message: 'no time given for the query' };
  return undefined;
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
  const limits = resolverLimits(options);
  const bounds: CacheTtlBounds = { ...defaultCacheTtlBounds, ...options.cacheTtl };
  const cache = answerCache(options.cache, now);
  const transports = createTransports(endpoints, options, dohCa);
  const description = [...new Set(endpoints.map((endpoint) => endpoint.spec))].join(', ');
  const counters = { queries: 0, upstreamQueries: 0, cacheHits: 0, coalesced: 0 };
  const roundTrips = new CriticalPath();
  const settings: UpstreamSettings = {
    description,
    attemptTimeoutMs: limits.attemptTimeoutMs,
    retries: limits.retries,
    retryDelayMs: limits.retryDelayMs,
    now,
    random: options.random ?? Math.random,
    onSend: (): void => {
      counters.upstreamQueries += 1;
    },
  };
  const flights = new SharedFlights(new ServerHealth(transports, now), settings, (request, result) => {
    if (result.ok && cache !== undefined) rememberAnswer(cache, request.key, request.question.type, result, bounds);
  });

  return {
    description,
    async query(question: DnsQuestion, queryOptions: QueryOptions = {}): Promise<DnsResult> {
      counters.queries += 1;
      const started = now();
      const elapsed = (): number => Math.max(0, now() - started);
      const fail = (error: DnsError, server = description): DnsResult => ({ ok: false, error, server, elapsedMs: elapsed() });
      const refusal = refusalBeforeStart(queryOptions, flights.closed);
      if (refusal !== undefined) return fail(refusal);
      const normalized = normalizeQuestion(question);
      if (!normalized.ok) return fail(normalized.error);
      const key = cacheKey(normalized.question);
      const hit = cache === undefined ? undefined : recallAnswer(cache, key);
      if (hit !== undefined) {
        counters.cacheHits += 1;
        return { ok: true, message: hit.message, server: hit.server, elapsedMs: elapsed(), cached: true };
      }
      const { timeoutMs, signal } = queryOptions;
      const deadline = started + Math.min(timeoutMs ?? Number.POSITIVE_INFINITY, limits.queryTimeoutMs);
      const shared = flights.ask({ key, question: normalized.question, startedAt: started, deadline, signal, timeoutMs });
      if (shared.joined) counters.coalesced += 1;
      const depth = roundTrips.start();
      const result = await shared.result;
      roundTrips.end(depth);
      return result.ok
        ? { ok: true, message: result.message, server: result.server, elapsedMs: elapsed(), cached: false }
        : fail(result.error, result.server);
    },
    stats(): ResolverStats {
      return { ...counters, sequentialRoundTrips: roundTrips.length };
    },
    async close(): Promise<void> {
      flights.close();
      await Promise.all(transports.map((transport) => transport.close?.()));
    },
  };
}
