/**
 * Domain names as the validator handles them. The DNS client hands names over in presentation
 * form; DNSSEC works on label octets (canonical ordering, wire form for digests and hashes), so
 * every name is parsed once into labels and re-rendered in one canonical text form. That form is
 * what the validator uses as a map key, which makes `Example.COM.`, `example.com` and
 * `\101xample.com` the same name.
 */

import { nameToWire as labelsToWire, parseName as parseWireName, presentName } from '../dns/wire/names.js';
import { compareBytes, equalBytes } from './rdata.js';

/** A name as a list of labels, leftmost first, each lowercased for canonical comparisons. */
export type Labels = readonly Uint8Array[];

function lowerByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

/**
 * Parses a name in presentation form into canonical labels: the DNS client's parser (RFC 1035
 * escapes, length limits, IDN to punycode), with every ASCII letter folded, escaped ones too, as
 * canonical form requires (RFC 4034 §6.2). Returns `undefined` for a name that is not valid.
 */
export function parseName(text: string): Uint8Array[] | undefined {
  try {
    return parseWireName(text).map((label) => label.map(lowerByte));
  } catch {
    return undefined;
  }
}

/** Renders labels in the canonical text form (the DNS client's presentation form). */
export function nameFromLabels(labels: Labels): string {
  return presentName(labels);
}

/**
 * Letters, digits, hyphens and underscores in labels of 1 to 63 characters, with or without the
 * trailing dot: nearly every name a validation meets. Such a name's canonical key is its text
 * lowercased without the dot, which the fast paths below use instead of parsing labels into
 * octets and rendering them again; a validation handles each name many times.
 */
const PLAIN_NAME = /^[A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63})*\.?$/;
/** A canonical key of the plain kind: lowercase, no trailing dot. */
const PLAIN_KEY = /^[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63})*$/;
/** The longest key that fits a name's 255 wire octets: each label's length octet and the root's. */
const MAX_KEY_CHARS = 253;

/** The canonical key of a plain name (see {@link PLAIN_NAME}); `undefined` for any other name. */
function plainKey(text: string): string | undefined {
  if (text === '' || text === '.') return '';
  if (text.length > MAX_KEY_CHARS + 1 || !PLAIN_NAME.test(text)) return undefined;
  const bare = text.endsWith('.') ? text.slice(0, -1) : text;
  return bare.length > MAX_KEY_CHARS ? undefined : bare.toLowerCase();
}

/** The labels of a canonical key of the plain kind, as text; `undefined` for any other name. */
function plainLabels(name: string): string[] | undefined {
  if (name === '') return [];
  return name.length <= MAX_KEY_CHARS && PLAIN_KEY.test(name) ? name.split('.') : undefined;
}

/** {@link compareBytes} for labels of the plain kind, whose characters are their octets. */
function compareText(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = a.charCodeAt(i) - b.charCodeAt(i);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/**
 * The canonical key of a name: lowercased, escapes normalised, no trailing dot. Returns
 * `undefined` for a name that is not valid.
 */
export function canonicalName(text: string): string | undefined {
  const plain = plainKey(text);
  if (plain !== undefined) return plain;
  const labels = parseName(text);
  return labels === undefined ? undefined : nameFromLabels(labels);
}

/**
 * Like {@link canonicalName} for names that came out of a decoded message, which the DNS client
 * has already checked; an invalid one maps to a key no real name can have, so it matches nothing.
 */
export function nameKey(text: string): string {
  return canonicalName(text) ?? `\u0000invalid:${text}`;
}

/** Parses a name the caller knows to be valid (a canonical key); invalid input gives the root. */
function labelsOf(name: string): Uint8Array[] {
  return parseName(name) ?? [];
}

/** The uncompressed, lowercased wire form of a name (RFC 1035 §3.1), as digests and hashes take it. */
export function nameToWire(name: string): Uint8Array {
  return labelsToWire(parseName(name) ?? []);
}

/** The number of labels of a name; the root has none. */
export function labelCount(name: string): number {
  return (plainLabels(name) ?? labelsOf(name)).length;
}

/** The parent of a name; the parent of the root is the root. */
export function parentName(name: string): string {
  const plain = plainLabels(name);
  if (plain !== undefined) return plain.slice(1).join('.');
  return nameFromLabels(labelsOf(name).slice(1));
}

/** The rightmost `count` labels of a name (the name itself when it has fewer). */
export function lastLabels(name: string, count: number): string {
  const plain = plainLabels(name);
  if (plain !== undefined) return count <= 0 ? '' : plain.slice(Math.max(0, plain.length - count)).join('.');
  const labels = labelsOf(name);
  return nameFromLabels(count <= 0 ? [] : labels.slice(Math.max(0, labels.length - count)));
}

/** Whether `name` equals `ancestor` or lies below it. */
export function isSubdomain(name: string, ancestor: string): boolean {
  if (plainLabels(name) !== undefined && plainLabels(ancestor) !== undefined) {
    return ancestor === '' || name === ancestor || name.endsWith(`.${ancestor}`);
  }
  const n = labelsOf(name);
  const a = labelsOf(ancestor);
  if (a.length > n.length) return false;
  const offset = n.length - a.length;
  for (let i = 0; i < a.length; i++) {
    const nl = n[offset + i];
    const al = a[i];
    if (nl === undefined || al === undefined || !equalBytes(nl, al)) return false;
  }
  return true;
}

/** Whether `name` lies strictly below `ancestor`. */
export function isProperSubdomain(name: string, ancestor: string): boolean {
  return name !== ancestor && isSubdomain(name, ancestor);
}

/** The longest name that both names equal or lie below. */
export function commonAncestor(a: string, b: string): string {
  const la = labelsOf(a);
  const lb = labelsOf(b);
  const shared: Uint8Array[] = [];
  for (let i = 1; i <= Math.min(la.length, lb.length); i++) {
    const x = la[la.length - i];
    const y = lb[lb.length - i];
    if (x === undefined || y === undefined || !equalBytes(x, y)) break;
    shared.unshift(x);
  }
  return nameFromLabels(shared);
}

/**
 * The name one label below `ancestor` on the way to `descendant`; `descendant` must lie strictly
 * below `ancestor`.
 */
export function childToward(ancestor: string, descendant: string): string {
  return lastLabels(descendant, labelCount(ancestor) + 1);
}

/** The wildcard name `*.<name>`. */
export function wildcardOf(name: string): string {
  return name === '' ? '*' : `*.${name}`;
}

/** Whether the leftmost label of a name is `*`. */
export function isWildcard(name: string): boolean {
  return name === '*' || name.startsWith('*.');
}

/**
 * Canonical DNS name order (RFC 4034 §6.1): labels compared from the rightmost, each as a
 * lowercased octet string ({@link compareBytes}), a name sorting before its descendants. Returns a negative number,
 * zero or a positive number.
 */
export function compareNames(a: string, b: string): number {
  const pa = plainLabels(a);
  const pb = plainLabels(b);
  if (pa !== undefined && pb !== undefined) {
    for (let i = 1; i <= Math.min(pa.length, pb.length); i++) {
      const order = compareText(pa[pa.length - i] as string, pb[pb.length - i] as string);
      if (order !== 0) return order;
    }
    return pa.length - pb.length;
  }
  const la = labelsOf(a);
  const lb = labelsOf(b);
  for (let i = 1; i <= Math.min(la.length, lb.length); i++) {
    const x = la[la.length - i];
    const y = lb[lb.length - i];
    if (x === undefined || y === undefined) break;
    const order = compareBytes(x, y);
    if (order !== 0) return order;
  }
  return la.length - lb.length;
}

/** The name to put in a query: the root as `.`, others without the trailing dot. */
export function queryName(name: string): string {
  return name === '' ? '.' : name;
}

/** The name as a human reads it in a report: the root as `.`, others with the trailing dot. */
export function displayName(name: string): string {
  return name === '' ? '.' : `${name}.`;
}
