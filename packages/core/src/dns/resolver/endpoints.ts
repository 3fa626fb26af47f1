import { isIpLiteral, parseIPv4, parseIPv6 } from '../wire/ip.js';

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

/** Parses a spec that is not `system` into a URL without credentials or fragment. */
function parseSpecUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(text, 'expected https://host/path, udp://ip[:port], tcp://ip[:port] or system');
  }
  if (url.username !== '' || url.password !== '') throw invalid(text, 'credentials are not allowed in the URL');
  if (url.hash !== '') throw invalid(text, 'a fragment is not allowed');
  return url;
}

/** The endpoint of a `udp://ip[:port]` or `tcp://ip[:port]` spec. */
function udpOrTcpEndpoint(text: string, url: URL): ResolverEndpoint {
  const ip = unbracket(url.hostname);
  if (!isIpLiteral(ip)) throw invalid(text, `${ip || '(empty)'} is not an IP address; UDP and TCP resolvers are given by address`);
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '') throw invalid(text, 'UDP and TCP specs take no path or query');
  const port = parsePort(text, url.port, 53);
  const kind = url.protocol === 'udp:' ? 'udp' : 'tcp';
  return { kind, spec: `${kind}://${ip.includes(':') ? `[${ip}]` : ip}:${port}`, ip, port };
}

/** The endpoints of an `https://host[:port]/path` spec: one for each address of the host. */
function dohEndpoints(text: string, url: URL, bootstrap: Readonly<Record<string, readonly string[]>>): ResolverEndpoint[] {
  const host = unbracket(url.hostname);
  const port = parsePort(text, url.port, 443);
  const ips = isIpLiteral(host) ? [host] : bootstrap[host.toLowerCase()];
  if (ips === undefined || ips.length === 0) {
    throw invalid(text, `no bootstrap addresses for ${host}; pass options.bootstrap, e.g. { '${host}': ['192.0.2.1'] }`);
  }
  return ips.map((ip) => {
    if (parseIPv4(ip) === undefined && parseIPv6(ip) === undefined) throw invalid(text, `bootstrap address ${ip} is not an IP address`);
    return { kind: 'doh', spec: url.href, url: url.href, host, ip, port };
  });
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
  return specs.flatMap((text): ResolverEndpoint[] => {
    if (typeof text !== 'string') throw new TypeError('a resolver spec must be a string');
    if (text === 'system') return [{ kind: 'system', spec: 'system' }];
    const url = parseSpecUrl(text);
    if (url.protocol === 'udp:' || url.protocol === 'tcp:') return [udpOrTcpEndpoint(text, url)];
    if (url.protocol === 'https:') return dohEndpoints(text, url, bootstrap);
    throw invalid(text, `unsupported scheme ${url.protocol}`);
  });
}
