/**
 * The supplier catalogue: which mail, DNS and web hosting suppliers there are and how to
 * recognise them in a report's evidence (MX and NS host names, origin AS numbers). Plain data
 * that users edit as JSON; {@link parseSupplierCatalogue} checks it.
 */
import { isAsn, maxAsn } from '@pastoe/core';
import { hostPatternText, parseHostPattern } from './host-pattern.js';
import { isJsonObject } from './json-object.js';

/** The catalogue format identifier; bumped only on breaking changes. */
export const supplierCatalogueSchema = 'pastoe.suppliers/1' as const;

/** The supplier id of a role hosted by no supplier in the catalogue: other or self-hosted. Reserved. */
export const otherSupplier = 'other' as const;

/** One supplier and how to recognise it. Every list is optional; a supplier may host one role only. */
export interface Supplier {
  /** A short, stable id: lowercase letters, digits and hyphens, e.g. `microsoft-365`. */
  readonly id: string;
  /** The name reports show, e.g. `Microsoft 365`. */
  readonly name: string;
  /** Patterns of the MX host names of its mail service: exact names or suffixes such as `*.mail.protection.outlook.com`. */
  readonly mx?: readonly string[];
  /** Patterns of the name server host names of its DNS service, e.g. `*.ns.cloudflare.com`. */
  readonly ns?: readonly string[];
  /** The AS numbers its web hosting announces the web servers' addresses from, e.g. `13335`. */
  readonly asn?: readonly number[];
}

/** A supplier catalogue as JSON holds it. */
export interface SupplierCatalogue {
  /** Always {@link supplierCatalogueSchema}; optional in a file. */
  readonly schema?: typeof supplierCatalogueSchema;
  /** The suppliers, in the order ties are decided in. */
  readonly suppliers: readonly Supplier[];
}

/** A catalogue that does not hold: `path` says where (e.g. `suppliers[2].mx[0]`). */
export class SupplierCatalogueError extends Error {
  /** Where in the catalogue the problem is; empty for the whole. */
  readonly path: string;

  /**
   * @param path - where in the catalogue the problem is
   * @param message - what is wrong there
   */
  constructor(path: string, message: string) {
    super(path === '' ? `supplier catalogue: ${message}` : `supplier catalogue: ${path} ${message}`);
    this.name = 'SupplierCatalogueError';
    this.path = path;
  }
}

/** The most suppliers a catalogue may list. */
export const maxSuppliers = 1_000;
/** The most patterns or AS numbers one list of a supplier may hold. */
export const maxSupplierPatterns = 1_000;
/** The longest catalogue text {@link parseSupplierCatalogue} reads, in characters. */
export const maxSupplierCatalogueLength = 4_000_000;

const idPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const maxNameLength = 200;

function list(value: unknown, path: string): readonly unknown[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new SupplierCatalogueError(path, 'is not a list');
  if (value.length > maxSupplierPatterns) throw new SupplierCatalogueError(path, `holds more than ${maxSupplierPatterns} entries`);
  return value;
}

/** Who claimed a pattern or AS number first, so that a second claim names both suppliers. */
type Claims = Map<string, string>;

function claim(claims: Claims, key: string, id: string, path: string, what: string): void {
  const earlier = claims.get(key);
  if (earlier !== undefined && earlier !== id) throw new SupplierCatalogueError(path, `${what} is listed by ${earlier} as well`);
  claims.set(key, id);
}

function patterns(value: unknown, path: string, id: string, claims: Claims): string[] | undefined {
  const entries = list(value, path);
  if (entries === undefined) return undefined;
  const parsed = entries.map((entry, index) => {
    const at = `${path}[${index}]`;
    if (typeof entry !== 'string') throw new SupplierCatalogueError(at, 'is not a text');
    const pattern = parseHostPattern(entry);
    if (typeof pattern === 'string') throw new SupplierCatalogueError(at, `${JSON.stringify(entry)} ${pattern}`);
    const text = hostPatternText(pattern);
    claim(claims, text, id, at, JSON.stringify(text));
    return text;
  });
  return [...new Set(parsed)];
}

function asNumbers(value: unknown, path: string, id: string, claims: Claims): number[] | undefined {
  const entries = list(value, path);
  if (entries === undefined) return undefined;
  const parsed = entries.map((entry, index) => {
    const at = `${path}[${index}]`;
    // AS0 is never an origin (RFC 7607), so it would match nothing.
    if (!isAsn(entry) || entry === 0)
      throw new SupplierCatalogueError(at, `is not an AS number from 1 to ${maxAsn}: write 13335, not "AS13335"`);
    claim(claims, String(entry), id, at, `AS${entry}`);
    return entry;
  });
  return [...new Set(parsed)];
}

function supplier(value: unknown, path: string, ids: Set<string>, claims: { mx: Claims; ns: Claims; asn: Claims }): Supplier {
  if (!isJsonObject(value)) throw new SupplierCatalogueError(path, 'is not an object');
  const unknown = Object.keys(value).filter((key) => !['id', 'name', 'mx', 'ns', 'asn'].includes(key));
  if (unknown.length > 0)
    throw new SupplierCatalogueError(path, `has unknown fields: ${unknown.join(', ')} (known: id, name, mx, ns, asn)`);
  const { id, name } = value;
  if (typeof id !== 'string' || !idPattern.test(id))
    throw new SupplierCatalogueError(`${path}.id`, 'is not an id of lowercase letters, digits and hyphens (at most 64)');
  if (id === otherSupplier)
    throw new SupplierCatalogueError(`${path}.id`, `"${otherSupplier}" is reserved for domains no supplier matches`);
  if (ids.has(id)) throw new SupplierCatalogueError(`${path}.id`, `${JSON.stringify(id)} is listed twice`);
  ids.add(id);
  if (typeof name !== 'string' || name.trim() === '' || name.length > maxNameLength)
    throw new SupplierCatalogueError(`${path}.name`, `is not a name of 1 to ${maxNameLength} characters`);
  const mx = patterns(value.mx, `${path}.mx`, id, claims.mx);
  const ns = patterns(value.ns, `${path}.ns`, id, claims.ns);
  const asn = asNumbers(value.asn, `${path}.asn`, id, claims.asn);
  return {
    id,
    name: name.trim(),
    ...(mx === undefined ? {} : { mx }),
    ...(ns === undefined ? {} : { ns }),
    ...(asn === undefined ? {} : { asn }),
  };
}

/**
 * Checks a supplier catalogue and returns it normalised: patterns lowercase without a trailing
 * dot, duplicates within a list dropped, `schema` set. Takes the JSON text or its parsed value.
 *
 * A pattern is an exact host name or `*.` and a suffix of two labels or more; a pattern or AS
 * number listed by two suppliers, an unknown field, a bad id and the reserved id `other` are
 * errors, so that a catalogue never matches a host two ways.
 *
 * @throws SupplierCatalogueError naming the first problem and where it is
 */
export function parseSupplierCatalogue(json: unknown): SupplierCatalogue {
  let value = json;
  if (typeof json === 'string') {
    if (json.length > maxSupplierCatalogueLength)
      throw new SupplierCatalogueError('', `is longer than ${maxSupplierCatalogueLength} characters`);
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new SupplierCatalogueError('', `is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!isJsonObject(value)) throw new SupplierCatalogueError('', 'is not an object with a "suppliers" list');
  const unknown = Object.keys(value).filter((key) => key !== 'schema' && key !== 'suppliers');
  if (unknown.length > 0) throw new SupplierCatalogueError('', `has unknown fields: ${unknown.join(', ')} (known: schema, suppliers)`);
  if (value.schema !== undefined && value.schema !== supplierCatalogueSchema)
    throw new SupplierCatalogueError('schema', `is ${JSON.stringify(value.schema)}, not "${supplierCatalogueSchema}"`);
  if (!Array.isArray(value.suppliers)) throw new SupplierCatalogueError('suppliers', 'is not a list');
  if (value.suppliers.length > maxSuppliers) throw new SupplierCatalogueError('suppliers', `holds more than ${maxSuppliers} suppliers`);
  const ids = new Set<string>();
  const claims = { mx: new Map(), ns: new Map(), asn: new Map() };
  const suppliers = value.suppliers.map((entry: unknown, index) => supplier(entry, `suppliers[${index}]`, ids, claims));
  return { schema: supplierCatalogueSchema, suppliers };
}
