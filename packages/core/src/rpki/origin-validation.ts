/**
 * BGP route origin validation (RFC 6811) against validated ROA payloads, pure. AS0 follows RFC
 * 6483 §4 and RFC 7607: a VRP for AS0 says the prefix should not be routed, so it never makes a
 * route valid, and a route originated by AS0 is never valid either.
 */
import { addressBits, type IpPrefix, parsePrefix, prefixContains } from './prefix.js';

/** A BGP route as a route source sees it: the announced prefix and the AS that originates it. */
export interface Route {
  /** The announced prefix in slash notation, e.g. `192.0.2.0/24`. */
  readonly prefix: string;
  /** The origin AS number. */
  readonly origin: number;
}

/** A validated ROA payload (RFC 6811 §2): a prefix, the longest announcement it allows, and the AS it authorises. */
export interface Vrp {
  /** The ROA prefix in slash notation. */
  readonly prefix: string;
  /** The longest prefix length it authorises (at least the prefix's own length). */
  readonly maxLength: number;
  /** The authorised origin AS; 0 authorises none. */
  readonly asn: number;
}

/**
 * The route origin validation state of one route (RFC 6811 §2), with the reason for `invalid`
 * split as Routinator and Internet.nl report it: `invalid-as` when a covering VRP allows the
 * length but names another AS, otherwise `invalid-length` (the route is longer than every covering
 * VRP of its AS allows).
 */
export type RouteOriginState = 'valid' | 'invalid-as' | 'invalid-length' | 'not-found';

/** The largest AS number (32 bits, RFC 6793). */
export const maxAsn = 4_294_967_295;

/** Whether a number is an AS number (0 to 2³²−1). */
export function isAsn(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxAsn;
}

/** Reads an AS number written as a number, `"64500"` or `"AS64500"` (any case); `undefined` otherwise. */
export function parseAsn(value: unknown): number | undefined {
  if (isAsn(value)) return value;
  if (typeof value !== 'string') return undefined;
  const match = /^(?:AS)?(\d{1,10})$/i.exec(value);
  if (match === null) return undefined;
  const number = Number(match[1]);
  return isAsn(number) ? number : undefined;
}

/** A VRP with its prefix parsed, or `undefined` when it is not one RFC 6482 allows (bad prefix, maxLength out of range, bad AS). */
function parsedVrp(vrp: Vrp): { readonly prefix: IpPrefix; readonly vrp: Vrp } | undefined {
  const prefix = parsePrefix(vrp.prefix);
  if (prefix === undefined || !isAsn(vrp.asn) || !Number.isInteger(vrp.maxLength)) return undefined;
  // RFC 6482 §3.3: maxLength is at least the prefix length and at most the address length. A
  // validator drops a ROA that breaks this, so it is no VRP at all.
  if (vrp.maxLength < prefix.length || vrp.maxLength > addressBits[prefix.family]) return undefined;
  return { prefix, vrp };
}

/** Whether a VRP is well formed: a prefix with zero host bits, maxLength from the prefix length to the address length, an AS number. */
export function isValidVrp(vrp: Vrp): boolean {
  return parsedVrp(vrp) !== undefined;
}

/** The well-formed VRPs that cover a prefix (the VRP's prefix contains it or equals it). */
export function coveringVrps(prefix: IpPrefix, vrps: readonly Vrp[]): Vrp[] {
  return vrps.flatMap((vrp) => {
    const parsed = parsedVrp(vrp);
    return parsed !== undefined && prefixContains(parsed.prefix, prefix) ? [vrp] : [];
  });
}

/**
 * Validates a route's origin against VRPs (RFC 6811 §2): `not-found` when no VRP covers the route
 * prefix; `valid` when a covering VRP names the route's origin AS (not AS0) and allows its length;
 * else `invalid-as` or `invalid-length` (see {@link RouteOriginState}). Malformed VRPs are ignored;
 * a route whose prefix does not parse throws a TypeError.
 */
export function validateOrigin(route: Route, vrps: readonly Vrp[]): RouteOriginState {
  const prefix = parsePrefix(route.prefix);
  if (prefix === undefined) throw new TypeError(`not a route prefix: ${JSON.stringify(route.prefix)}`);
  if (!isAsn(route.origin)) throw new TypeError(`not an AS number: ${JSON.stringify(route.origin)}`);
  const covering = coveringVrps(prefix, vrps);
  if (covering.length === 0) return 'not-found';
  const lengthAllowed = covering.filter((vrp) => prefix.length <= vrp.maxLength);
  if (lengthAllowed.some((vrp) => vrp.asn !== 0 && vrp.asn === route.origin)) return 'valid';
  return lengthAllowed.length > 0 ? 'invalid-as' : 'invalid-length';
}
