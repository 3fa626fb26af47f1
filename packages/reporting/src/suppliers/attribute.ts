/**
 * Attribution: which supplier of a catalogue hosts a domain's mail, DNS and website, from the
 * evidence its report carries. Pure and offline, so an edited catalogue re-attributes saved
 * reports without a new scan.
 */
import { type Supplier, type SupplierCatalogue, otherSupplier, parseSupplierCatalogue } from './catalogue.js';
import { matchHost, parseHostPattern } from './host-pattern.js';
import { type HostingEvidenceSource, nameServerHosts, primaryMxHosts, webOriginAses } from './hosting-evidence.js';

/** The hosting roles a supplier is recognised in. */
export const supplierRoles = ['mail', 'dns', 'web'] as const;

/** A hosting role: `mail` (by MX hosts), `dns` (by name servers) or `web` (by the web servers' origin AS). */
export type SupplierRole = (typeof supplierRoles)[number];

/** Who hosts one role of a domain. */
export interface RoleAttribution {
  /** The supplier's id, or {@link otherSupplier} when no supplier of the catalogue matches. */
  readonly supplier: string;
  /** What was matched: the most preferred MX hosts, the name servers, or the origin ASes (`AS13335`). */
  readonly hosts: readonly string[];
}

/**
 * Who hosts each role of a domain. A role is absent when the report says nothing about it: its
 * evidence is missing or failed, the domain receives no mail, or no web server address was
 * routed (route origins are only known with RPKI sources).
 */
export type SupplierAttribution = { readonly [R in SupplierRole]?: RoleAttribution };

/** A catalogue ready to match: per role, patterns and AS numbers to the supplier's position. */
export interface SupplierIndex {
  /** The suppliers, in catalogue order. */
  readonly suppliers: readonly Supplier[];
  /** MX patterns: exact names and suffixes to the supplier's position. */
  readonly mx: { readonly exact: ReadonlyMap<string, number>; readonly suffix: ReadonlyMap<string, number> };
  /** Name server patterns, likewise. */
  readonly ns: { readonly exact: ReadonlyMap<string, number>; readonly suffix: ReadonlyMap<string, number> };
  /** AS numbers to the supplier's position. */
  readonly asn: ReadonlyMap<number, number>;
}

function patternIndex(
  suppliers: readonly Supplier[],
  patterns: (supplier: Supplier) => readonly string[] | undefined,
): SupplierIndex['mx'] {
  const exact = new Map<string, number>();
  const suffix = new Map<string, number>();
  suppliers.forEach((supplier, position) => {
    for (const text of patterns(supplier) ?? []) {
      const pattern = parseHostPattern(text);
      if (typeof pattern !== 'string') (pattern.kind === 'exact' ? exact : suffix).set(pattern.name, position);
    }
  });
  return { exact, suffix };
}

/**
 * Checks a catalogue (as {@link parseSupplierCatalogue} does) and indexes it for matching.
 *
 * @throws SupplierCatalogueError when the catalogue does not hold
 */
export function supplierIndex(catalogue: SupplierCatalogue): SupplierIndex {
  const { suppliers } = parseSupplierCatalogue(catalogue);
  const asn = new Map<number, number>();
  suppliers.forEach((supplier, position) => {
    for (const number of supplier.asn ?? []) asn.set(number, position);
  });
  return { suppliers, mx: patternIndex(suppliers, (s) => s.mx), ns: patternIndex(suppliers, (s) => s.ns), asn };
}

/**
 * The supplier that serves most of the hosts, each host given as the position of its supplier
 * (undefined: other). Ties go to a supplier before other, then to the earlier in the catalogue.
 */
function mostServing(index: SupplierIndex, positions: readonly (number | undefined)[]): string {
  const counts = new Map<number, number>();
  let others = 0;
  for (const position of positions) {
    if (position === undefined) others++;
    else counts.set(position, (counts.get(position) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [position, count] of counts) {
    const bestCount = best === undefined ? 0 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== undefined && position < best)) best = position;
  }
  if (best === undefined || (counts.get(best) ?? 0) < others) return otherSupplier;
  return index.suppliers[best]?.id ?? otherSupplier;
}

function byHosts(index: SupplierIndex, role: 'mx' | 'ns', hosts: readonly string[] | undefined): RoleAttribution | undefined {
  if (hosts === undefined || hosts.length === 0) return undefined;
  const { exact, suffix } = index[role];
  return {
    supplier: mostServing(
      index,
      hosts.map((host) => matchHost(host, exact, suffix)),
    ),
    hosts,
  };
}

function byOrigin(index: SupplierIndex, perAddress: readonly (readonly number[])[] | undefined): RoleAttribution | undefined {
  if (perAddress === undefined || perAddress.length === 0) return undefined;
  // An address announced by more than one AS belongs to the first of them the catalogue knows.
  const positions = perAddress.map((origins) => origins.map((origin) => index.asn.get(origin)).find((position) => position !== undefined));
  const hosts = [...new Set(perAddress.flat())].map((origin) => `AS${origin}`);
  return { supplier: mostServing(index, positions), hosts };
}

/** {@link attributeSuppliers} with a catalogue indexed once, for many reports. */
export function attributeWithIndex(report: HostingEvidenceSource, index: SupplierIndex): SupplierAttribution {
  const mail = byHosts(index, 'mx', primaryMxHosts(report));
  const dns = byHosts(index, 'ns', nameServerHosts(report));
  const web = byOrigin(index, webOriginAses(report));
  return { ...(mail === undefined ? {} : { mail }), ...(dns === undefined ? {} : { dns }), ...(web === undefined ? {} : { web }) };
}

/**
 * Which supplier of `catalogue` hosts a domain's mail, DNS and website, from its report's
 * evidence: mail by its most preferred MX hosts, DNS by its name servers, the website by the
 * origin AS of its web server addresses (the `web-route-origin` evidence). Each host is matched
 * to the supplier with the most specific pattern (an exact name before the longest suffix); the
 * role goes to the supplier that serves most of its hosts (on a tie, the one listed first), and
 * to {@link otherSupplier} when more of its hosts match no supplier than match that one. Pure:
 * no network, the same answer for the same report.
 *
 * @throws SupplierCatalogueError when the catalogue does not hold
 */
export function attributeSuppliers(report: HostingEvidenceSource, catalogue: SupplierCatalogue): SupplierAttribution {
  return attributeWithIndex(report, supplierIndex(catalogue));
}
