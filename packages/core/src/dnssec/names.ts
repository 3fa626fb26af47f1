/**
 * Domain names as the validator handles them. The DNS client hands names over in presentation
 * form; DNSSEC works on label octets (canonical ordering, wire form for digests and hashes), so
 * every name is parsed once into labels and re-rendered in one canonical text form. That form is
 * what the validator uses as a map key, which makes `Example.COM.`, `example.com` and
 * `\101xample.com` the same name.
 */

/** The largest wire length of a name (RFC 1035 §2.3.4). */
const maxNameOctets = 255;
/** The largest label (RFC 1035 §2.3.4). */
const maxLabelOctets = 63;

/** A name as a list of labels, leftmost first, each lowercased for canonical comparisons. */
export type Labels = readonly Uint8Array[];

const upperA = 0x41;
const upperZ = 0x5a;

function lowerByte(byte: number): number {
  return byte >= upperA && byte <= upperZ ? byte + 0x20 : byte;
}

function endsWithUnescapedDot(text: string): boolean {
  if (!text.endsWith('.')) return false;
  let backslashes = 0;
  for (let i = text.length - 2; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/**
 * Parses a name in presentation form (RFC 1035 §5.1 escapes `\X` and `\DDD`, with or without
 * the trailing dot; `''` and `'.'` are the root) into labels. With `lowercase`, ASCII letters are
 * folded, as canonical form requires (RFC 4034 §6.2). Returns `undefined` for a name that is not
 * valid: an empty label, a label over 63 octets, a name over 255 octets or a broken escape.
 */
export function parseName(text: string, lowercase = true): Uint8Array[] | undefined {
  if (text === '' || text === '.') return [];
  const body = endsWithUnescapedDot(text) ? text.slice(0, -1) : text;
  const labels: Uint8Array[] = [];
  let current: number[] = [];
  let octets = 1;
  const finish = (): boolean => {
    if (current.length === 0 || current.length > maxLabelOctets) return false;
    octets += current.length + 1;
    labels.push(Uint8Array.from(current));
    current = [];
    return true;
  };
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === 0x5c) {
      const next = body.charCodeAt(i + 1);
      if (Number.isNaN(next)) return undefined;
      if (next >= 0x30 && next <= 0x39) {
        const digits = body.slice(i + 1, i + 4);
        if (!/^[0-9]{3}$/.test(digits)) return undefined;
        const value = Number(digits);
        if (value > 255) return undefined;
        current.push(lowercase ? lowerByte(value) : value);
        i += 3;
      } else {
        if (next > 0x7f) return undefined;
        current.push(lowercase ? lowerByte(next) : next);
        i += 1;
      }
    } else if (code === 0x2e) {
      if (!finish()) return undefined;
    } else if (code > 0x7f) {
      // A raw non-ASCII character: the caller should have converted an IDN with punycode, but
      // the UTF-8 octets are what such a label would hold on the wire.
      for (const byte of Buffer.from(body.slice(i, i + (code >= 0xd800 && code <= 0xdbff ? 2 : 1)), 'utf8')) current.push(byte);
      if (code >= 0xd800 && code <= 0xdbff) i += 1;
    } else {
      current.push(lowercase ? lowerByte(code) : code);
    }
  }
  if (!finish()) return undefined;
  return octets > maxNameOctets ? undefined : labels;
}

function renderLabel(label: Uint8Array): string {
  let out = '';
  for (const byte of label) {
    if (byte === 0x2e || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte > 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString().padStart(3, '0')}`;
  }
  return out;
}

/** Renders labels in pastoe's canonical presentation form: no trailing dot, the root is `''`. */
export function nameFromLabels(labels: Labels): string {
  return labels.map(renderLabel).join('.');
}

/**
 * The canonical key of a name: lowercased, escapes normalised, no trailing dot. Returns
 * `undefined` for a name that is not valid.
 */
export function canonicalName(text: string): string | undefined {
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

/** The uncompressed wire form of a name (RFC 1035 §3.1), lowercased unless told otherwise. */
export function nameToWire(name: string, lowercase = true): Uint8Array {
  const labels = parseName(name, lowercase) ?? [];
  const out = new Uint8Array(labels.reduce((sum, label) => sum + label.length + 1, 1));
  let offset = 0;
  for (const label of labels) {
    out[offset++] = label.length;
    out.set(label, offset);
    offset += label.length;
  }
  out[offset] = 0;
  return out;
}

/** The number of labels of a name; the root has none. */
export function labelCount(name: string): number {
  return labelsOf(name).length;
}

/** The parent of a name; the parent of the root is the root. */
export function parentName(name: string): string {
  return nameFromLabels(labelsOf(name).slice(1));
}

/** The rightmost `count` labels of a name (the name itself when it has fewer). */
export function lastLabels(name: string, count: number): string {
  const labels = labelsOf(name);
  return nameFromLabels(count <= 0 ? [] : labels.slice(Math.max(0, labels.length - count)));
}

function sameLabel(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Whether `name` equals `ancestor` or lies below it. */
export function isSubdomain(name: string, ancestor: string): boolean {
  const n = labelsOf(name);
  const a = labelsOf(ancestor);
  if (a.length > n.length) return false;
  const offset = n.length - a.length;
  for (let i = 0; i < a.length; i++) {
    const nl = n[offset + i];
    const al = a[i];
    if (nl === undefined || al === undefined || !sameLabel(nl, al)) return false;
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
    if (x === undefined || y === undefined || !sameLabel(x, y)) break;
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

function compareLabel(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

/**
 * Canonical DNS name order (RFC 4034 §6.1): labels compared from the rightmost, each as a
 * lowercased octet string, a name sorting before its descendants. Returns a negative number,
 * zero or a positive number.
 */
export function compareNames(a: string, b: string): number {
  const la = labelsOf(a);
  const lb = labelsOf(b);
  for (let i = 1; i <= Math.min(la.length, lb.length); i++) {
    const x = la[la.length - i];
    const y = lb[lb.length - i];
    if (x === undefined || y === undefined) break;
    const order = compareLabel(x, y);
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
