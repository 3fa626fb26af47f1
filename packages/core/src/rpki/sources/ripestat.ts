/**
 * Routes from RIPEstat's `network-info` data call (https://stat.ripe.net/docs/data-api): for an
 * address, the most specific prefix RIPE RIS sees announced for it and the ASes announcing it,
 * from the same RISwhois data Internet.nl reads.
 */
import { ProbeFailure } from '../../model/evidence.js';
import { parseAsn, type Route } from '../origin-validation.js';
import { parsePrefix, prefixAddress } from '../prefix.js';
import type { RouteSource } from '../types.js';
import { fetchRpkiJson, isJsonObject, type RpkiHttpLimits } from './http-json.js';

/** Options for {@link createRipestatRouteSource}. */
export interface RipestatRouteSourceOptions {
  /** Where the data API lives. Default `https://stat.ripe.net`. */
  readonly baseUrl?: string | URL;
  /** Sent as `sourceapp`, as RIPEstat asks of regular users. Default `pastoe`. */
  readonly sourceApp?: string;
  /** Time limit per request in milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
  /** The most response bytes. Default 65 536. */
  readonly maxBytes?: number;
}

/** The most origin ASes kept for one prefix (a multi-origin prefix has a handful). */
const maxOrigins = 64;

/** Reads the `data` of a network-info answer into routes; throws `malformed` on anything unexpected. */
export function parseRipestatNetworkInfo(body: unknown): Route[] {
  if (!isJsonObject(body) || (body.status !== undefined && body.status !== 'ok')) {
    throw new ProbeFailure('malformed', `RIPEstat answered with status ${JSON.stringify(isJsonObject(body) ? body.status : null)}`);
  }
  const data = body.data;
  if (!isJsonObject(data) || !Array.isArray(data.asns)) throw new ProbeFailure('malformed', 'RIPEstat network-info without data.asns');
  // An address RIS sees no route for has no prefix and no AS.
  if (data.prefix === null || data.prefix === undefined || data.prefix === '') return [];
  const prefixText = data.prefix;
  if (typeof prefixText !== 'string' || parsePrefix(prefixText) === undefined)
    throw new ProbeFailure('malformed', `RIPEstat network-info with prefix ${JSON.stringify(data.prefix)}`);
  if (data.asns.length > maxOrigins) throw new ProbeFailure('too-large', `RIPEstat lists ${data.asns.length} origins for one prefix`);
  return data.asns.map((value) => {
    const origin = parseAsn(value);
    if (origin === undefined) throw new ProbeFailure('malformed', `RIPEstat network-info with AS ${JSON.stringify(value)}`);
    return { prefix: prefixText, origin };
  });
}

/**
 * A route source that asks RIPEstat's `network-info` for the network address of the prefix (the
 * first address of the /24 or /48) through the scan's HTTP client and resolver.
 */
export function createRipestatRouteSource(options: RipestatRouteSourceOptions = {}): RouteSource {
  const base = new URL(options.baseUrl ?? 'https://stat.ripe.net');
  const limits: RpkiHttpLimits = { timeoutMs: options.timeoutMs ?? 10_000, maxBytes: options.maxBytes ?? 65_536 };
  const sourceApp = options.sourceApp ?? 'pastoe';
  return {
    description: `RIPEstat ${base.origin}`,
    async routesFor(prefixText, context) {
      const prefix = parsePrefix(prefixText);
      if (prefix === undefined) throw new TypeError(`not a prefix: ${JSON.stringify(prefixText)}`);
      const url = new URL('data/network-info/data.json', base.href.endsWith('/') ? base : `${base.href}/`);
      url.searchParams.set('resource', prefixAddress(prefix));
      url.searchParams.set('sourceapp', sourceApp);
      return parseRipestatNetworkInfo(await fetchRpkiJson(url, context, limits, `RIPEstat ${base.host}`));
    },
  };
}
