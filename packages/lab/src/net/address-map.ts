/**
 * The lab's address map: its servers have public-looking documentation addresses (RFC 5737
 * 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and RFC 3849 2001:db8::/32) with the real ports
 * (25, 80, 443, 53), and this map sends each (address, port) to the loopback listener that plays
 * it. pastoe connects to 192.0.2.100:443 and reaches a lab server on 127.0.0.1:ephemeral; no
 * packet leaves loopback and no root is needed.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { type AddressMap, type Endpoint, classifyAddress } from '@pastoe/core';

/** The protocols a route applies to. */
export type LabRouteProtocol = 'tcp' | 'udp' | 'both';

/** One entry of the map. */
export interface LabRoute {
  /** The public-looking endpoint pastoe connects to (address in canonical form). */
  readonly public: Endpoint;
  /** The loopback listener that answers for it. */
  readonly local: Endpoint;
  /** The protocol it applies to. */
  readonly protocol: 'tcp' | 'udp';
}

/** Options for {@link createLabAddressMap}. */
export interface LabAddressMapOptions {
  /**
   * The loopback address unmapped documentation endpoints are sent to, on port 1 where nothing
   * listens, so that they are refused at once instead of being routed off the machine (where a
   * documentation address would only time out). Default `127.0.0.1`.
   */
  readonly refuseVia?: string;
}

/** The lab's address book: routes in, an `AddressMap` (from `@pastoe/core`) for `createNodeNetwork` out. */
export interface LabAddressMap {
  /** The map to give `createNodeNetwork`. */
  readonly map: AddressMap;
  /**
   * Routes a documentation endpoint to a loopback listener. A later route for the same endpoint
   * and protocol replaces the earlier one.
   *
   * @throws when `public` is not a documentation address or `local` is not a loopback one
   */
  route(publicEndpoint: Endpoint, local: Endpoint, protocol?: LabRouteProtocol): void;
  /** The loopback endpoint for a public one, if routed. */
  lookup(publicEndpoint: Endpoint, protocol: 'tcp' | 'udp'): Endpoint | undefined;
  /** Every route, in the order added. */
  readonly routes: readonly LabRoute[];
}

/** The canonical text of an IP address (IPv6 compressed and lowercase), so that spellings compare equal. */
export function canonicalIp(ip: string): string {
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) return new URL(`http://[${ip}]`).hostname.slice(1, -1);
  throw new Error(`${JSON.stringify(ip)} is not an IP address`);
}

const key = (endpoint: Endpoint, protocol: 'tcp' | 'udp'): string => `${protocol} ${canonicalIp(endpoint.ip)} ${endpoint.port}`;

/** Creates an empty address map; the lab adds a route per server it starts. */
export function createLabAddressMap(options: LabAddressMapOptions = {}): LabAddressMap {
  const refuseVia = options.refuseVia ?? '127.0.0.1';
  const table = new Map<string, Endpoint>();
  // By key, so that replacing a route costs one lookup: a bulk lab holds tens of thousands.
  const routes = new Map<string, LabRoute>();

  const lookup = (endpoint: Endpoint, protocol: 'tcp' | 'udp'): Endpoint | undefined => {
    if (!isIPv4(endpoint.ip) && !isIPv6(endpoint.ip)) return undefined;
    return table.get(key(endpoint, protocol));
  };

  const map: AddressMap = (target, protocol) => {
    const found = lookup(target, protocol);
    if (found !== undefined) return found;
    // Never let an unmapped documentation address reach the real network.
    if (classifyAddress(target.ip) === 'documentation') return { ip: refuseVia, port: 1 };
    return undefined;
  };

  return {
    map,
    lookup,
    get routes() {
      return [...routes.values()];
    },
    route(publicEndpoint, local, protocol = 'tcp') {
      if (classifyAddress(publicEndpoint.ip) !== 'documentation') {
        throw new Error(`${publicEndpoint.ip} is not a documentation address; the lab only maps those`);
      }
      if (classifyAddress(local.ip) !== 'loopback') throw new Error(`${local.ip} is not a loopback address`);
      const pub = Object.freeze({ ip: canonicalIp(publicEndpoint.ip), port: publicEndpoint.port });
      const loc = Object.freeze({ ip: local.ip, port: local.port });
      for (const p of protocol === 'both' ? (['tcp', 'udp'] as const) : [protocol]) {
        const k = key(pub, p);
        // Deleted first, so that a replaced route moves to the end, as the order added says.
        routes.delete(k);
        table.set(k, loc);
        routes.set(k, { public: pub, local: loc, protocol: p });
      }
    },
  };
}
