/**
 * The lab's routing world, as data: the BGP routes and validated ROA payloads of every prefix the
 * lab's addresses live in, from each scenario's RPKI case. The RIPEstat-like and Routinator-like
 * servers both answer from it.
 */
import { formatPrefix, parsePrefix, prefixOf, type Route, routedPrefixOf, validateOrigin, type Vrp } from '@pastoe/core';
import type { LabRpkiCase } from '../net/scenarios/types.js';

/** The AS that announces the lab's prefixes and holds their ROAs (RFC 5398 documentation range). */
export const labAsn = 64_500;
/** The AS that announces a prefix it holds no ROA for in the `invalid-as` case. */
export const labHijackerAsn = 64_511;

/** One address of the lab and what the RPKI sources should say about its /24 or /48. */
export interface LabRpkiAddress {
  /** The address. */
  readonly address: string;
  /** Its RPKI case. */
  readonly case: LabRpkiCase;
  /** Who uses it, for the message when two users disagree. */
  readonly owner: string;
}

/** The routes and VRPs of the lab. */
export interface LabRpkiData {
  /** The announced routes. */
  readonly routes: readonly Route[];
  /** The validated ROA payloads. */
  readonly vrps: readonly Vrp[];
  /** The case of each /24 or /48, by prefix. */
  readonly cases: ReadonlyMap<string, LabRpkiCase>;
}

/** The routes and VRPs one prefix gets for its case. */
function entriesFor(prefixText: string, rpkiCase: LabRpkiCase): { routes: Route[]; vrps: Vrp[] } {
  const prefix = parsePrefix(prefixText);
  if (prefix === undefined) throw new Error(`not a prefix: ${prefixText}`);
  const exact = { prefix: prefixText, maxLength: prefix.length, asn: labAsn };
  switch (rpkiCase) {
    case 'valid':
      return { routes: [{ prefix: prefixText, origin: labAsn }], vrps: [exact] };
    case 'invalid-as':
      return { routes: [{ prefix: prefixText, origin: labHijackerAsn }], vrps: [exact] };
    case 'invalid-length': {
      // A ROA one bit shorter, allowing nothing longer: it also covers the sibling /24 or /48, which the catalogue leaves unused.
      const shorter = formatPrefix(prefixOf({ family: prefix.family, value: prefix.network }, prefix.length - 1));
      return { routes: [{ prefix: prefixText, origin: labAsn }], vrps: [{ prefix: shorter, maxLength: prefix.length - 1, asn: labAsn }] };
    }
    case 'not-found':
      return { routes: [{ prefix: prefixText, origin: labAsn }], vrps: [] };
    case 'not-routed':
      return { routes: [], vrps: [{ ...exact, asn: 0 }] };
  }
}

/**
 * The lab's routes and VRPs for a set of addresses: each address's /24 or /48 gets its case.
 *
 * @throws Error when two addresses in one prefix ask for different cases
 */
export function labRpkiData(addresses: readonly LabRpkiAddress[]): LabRpkiData {
  const cases = new Map<string, { readonly case: LabRpkiCase; readonly owner: string }>();
  for (const entry of addresses) {
    const prefix = routedPrefixOf(entry.address);
    if (prefix === undefined) throw new Error(`${entry.owner}: not an address: ${entry.address}`);
    const key = formatPrefix(prefix);
    const known = cases.get(key);
    if (known !== undefined && known.case !== entry.case) {
      throw new Error(
        `${key} is ${known.case} for ${known.owner} but ${entry.case} for ${entry.owner}: give one of them addresses of its own`,
      );
    }
    cases.set(key, { case: entry.case, owner: entry.owner });
  }
  const routes: Route[] = [];
  const vrps: Vrp[] = [];
  for (const [prefix, { case: rpkiCase }] of cases) {
    const entries = entriesFor(prefix, rpkiCase);
    routes.push(...entries.routes);
    vrps.push(...entries.vrps);
  }
  // A shorter ROA also covers a neighbour: make sure every prefix still validates as its case says.
  for (const [prefix, { case: rpkiCase, owner }] of cases) {
    const states = routes.filter((route) => route.prefix === prefix).map((route) => validateOrigin(route, vrps));
    const expected = rpkiCase === 'not-routed' ? [] : [rpkiCase];
    if (JSON.stringify(states) !== JSON.stringify(expected))
      throw new Error(`${prefix} of ${owner} validates as ${states.join(', ') || 'unrouted'}, not ${rpkiCase}`);
  }
  return { routes, vrps, cases: new Map([...cases].map(([prefix, entry]) => [prefix, entry.case])) };
}
