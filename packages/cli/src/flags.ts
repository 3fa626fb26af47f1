/*
 * Parsers for flag values. Each returns the value or throws commander's InvalidArgumentError, so
 * a bad value ends the run with exit status 2 and one line naming the flag, before any network I/O.
 */
import { isIP } from 'node:net';
import { type Endpoint, parseResolverSpec, type StandardId } from '@pastoe/core';
import { InvalidArgumentError } from 'commander';

/** The longest flag value shown back in an error message. */
const shownLength = 64;

function show(value: string): string {
  return JSON.stringify(value.length > shownLength ? `${value.slice(0, shownLength)}…` : value);
}

/** An integer from 1 to `max`, e.g. `--concurrency 8`. */
export function positiveInteger(max: number): (value: string) => number {
  return (value) => {
    const number = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= 1 && number <= max)) throw new InvalidArgumentError(`expected a whole number from 1 to ${max}`);
    return number;
  };
}

/** The most seconds `--timeout` takes: the runner's own upper bound of one hour. */
const maxTimeoutSeconds = 3_600;

/** `--timeout SECONDS`: a positive number of seconds up to an hour, as milliseconds. */
export function timeoutMs(value: string): number {
  const seconds = /^\d{1,5}(\.\d{1,3})?$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds > 0 && seconds <= maxTimeoutSeconds))
    throw new InvalidArgumentError(`expected seconds, more than 0 and at most ${maxTimeoutSeconds}`);
  return Math.round(seconds * 1000);
}

/** `--fail-under SCORE`: a percentage from 0 to 100. */
export function percentage(value: string): number {
  const number = /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= 0 && number <= 100)) throw new InvalidArgumentError('expected a score from 0 to 100');
  return number;
}

/** `--resolver URL`: a resolver spec core's resolver takes (`udp://ip[:port]`, `tcp://…`, `https://…/dns-query`, `system`). */
export function resolverSpec(value: string): string {
  try {
    parseResolverSpec(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
  return value;
}

/** `--routinator URL`, `--ripestat URL`: an http or https URL. */
export function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected an http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('expected an http:// or https:// URL');
  return value;
}

/** One `--map` route: connections to `from` go to `to` instead, for `protocol` or for both. */
export interface MapRoute {
  /** The endpoint pastoe means to contact. */
  readonly from: Endpoint;
  /** The endpoint it connects to instead. */
  readonly to: Endpoint;
  /** The protocol the route applies to; absent for TCP and UDP alike. */
  readonly protocol?: 'tcp' | 'udp';
}

const endpointPattern = /^(?:\[([0-9A-Fa-f:.]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):(\d{1,5})$/;

function parseEndpoint(text: string): Endpoint | undefined {
  const match = endpointPattern.exec(text);
  if (match === null) return undefined;
  const ip = match[1] ?? match[2] ?? '';
  const port = Number(match[3]);
  const family = isIP(ip);
  // An IPv6 address must be written in brackets and an IPv4 one without, as in a URL.
  if (family === 0 || (family === 6) !== (match[1] !== undefined) || port < 1 || port > 65_535) return undefined;
  return { ip, port };
}

/** Writes an endpoint as `--map` reads it: `192.0.2.1:443`, `[2001:db8::1]:443`. */
export function formatEndpoint(endpoint: Endpoint): string {
  return endpoint.ip.includes(':') ? `[${endpoint.ip}]:${endpoint.port}` : `${endpoint.ip}:${endpoint.port}`;
}

/** Writes a route as `--map` reads it. */
export function formatMapRoute(route: MapRoute): string {
  return `${formatEndpoint(route.from)}=${formatEndpoint(route.to)}${route.protocol === undefined ? '' : `/${route.protocol}`}`;
}

/** The most `--map` routes one run takes. */
const maxMapRoutes = 10_000;

/**
 * `--map ADDR:PORT=ADDR:PORT[/tcp|/udp]`, repeatable: collects the routes. IPv6 addresses are
 * written in brackets; without a protocol the route holds for TCP and UDP.
 */
export function mapRoute(value: string, previous: readonly MapRoute[] | undefined): MapRoute[] {
  const routes = [...(previous ?? [])];
  if (routes.length >= maxMapRoutes) throw new InvalidArgumentError(`at most ${maxMapRoutes} routes`);
  const slash = value.lastIndexOf('/');
  const protocolText = slash === -1 ? undefined : value.slice(slash + 1);
  if (protocolText !== undefined && protocolText !== 'tcp' && protocolText !== 'udp') {
    throw new InvalidArgumentError(`${show(value)} ends in an unknown protocol; expected /tcp or /udp`);
  }
  const [fromText, toText, ...rest] = (slash === -1 ? value : value.slice(0, slash)).split('=');
  const from = parseEndpoint(fromText ?? '');
  const to = parseEndpoint(toText ?? '');
  if (from === undefined || to === undefined || rest.length > 0) {
    throw new InvalidArgumentError(`${show(value)} is not ADDR:PORT=ADDR:PORT (IPv6 in brackets, e.g. [2001:db8::1]:443=[::1]:8443)`);
  }
  routes.push({ from, to, ...(protocolText === undefined ? {} : { protocol: protocolText }) });
  return routes;
}

/** `--vantage`: `skip`, or the endpoints pastoe's own vantage check connects to. */
export type VantageFlag =
  | 'skip'
  | { readonly tcp: readonly Endpoint[]; readonly tcp6: readonly Endpoint[]; readonly smtp: readonly Endpoint[] };

/**
 * `--vantage skip|ADDR:PORT,...`: the endpoints of the vantage check; those on port 25 serve the
 * SMTP step, the other IPv4 ones the TCP step, the other IPv6 ones the IPv6 step.
 */
export function vantageEndpoints(value: string): VantageFlag {
  if (value === 'skip') return 'skip';
  const endpoints = value.split(',').map((text) => {
    const endpoint = parseEndpoint(text.trim());
    if (endpoint === undefined) throw new InvalidArgumentError(`${show(text)} is not ADDR:PORT; expected skip or ADDR:PORT,...`);
    return endpoint;
  });
  if (endpoints.length > 16) throw new InvalidArgumentError('at most 16 endpoints');
  const smtp = endpoints.filter((endpoint) => endpoint.port === 25);
  const tcp = endpoints.filter((endpoint) => endpoint.port !== 25 && !endpoint.ip.includes(':'));
  const tcp6 = endpoints.filter((endpoint) => endpoint.port !== 25 && endpoint.ip.includes(':'));
  return { tcp, tcp6, smtp };
}

/** Every standard a check contributes to; the record makes the compiler reject a list that misses one of core's. */
const standardSet: Readonly<Record<StandardId, true>> = {
  ipv6: true,
  dnssec: true,
  https: true,
  hsts: true,
  tls: true,
  'security-headers': true,
  'security-txt': true,
  rpki: true,
  spf: true,
  dkim: true,
  dmarc: true,
  starttls: true,
  dane: true,
  caa: true,
  'mta-sts': true,
  'tls-rpt': true,
};

/** The standard ids `--require` takes, in core's order. */
export const standardIds: readonly StandardId[] = Object.keys(standardSet) as StandardId[];

function isStandardId(value: string): value is StandardId {
  return Object.hasOwn(standardSet, value);
}

/** `--require STANDARD,...`: standard ids, each one core knows. */
export function standardList(value: string): StandardId[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new InvalidArgumentError(`expected standards from: ${standardIds.join(', ')}`);
  const unknown = names.find((name) => !isStandardId(name));
  if (unknown !== undefined)
    throw new InvalidArgumentError(`unknown standard ${show(unknown)}; expected some of: ${standardIds.join(', ')}`);
  return [...new Set(names)] as StandardId[];
}
