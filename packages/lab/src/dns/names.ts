/**
 * Domain names as the lab handles them: presentation form without a trailing dot, the root as
 * `''`, case kept as written (DNSSEC canonical form lowercases only where RFC 4034 says so).
 */

/** Thrown when a name or a zone file is not acceptable; the message says why. */
export class LabDnsError extends Error {
  override readonly name = 'LabDnsError';
}

const asciiUpper = /[A-Z]/g;

/**
 * Lowercases A–Z only. DNS case folding is ASCII-only (RFC 4343), and String#toLowerCase would
 * also fold non-ASCII letters, which would change the bytes we hash and sign.
 */
function lowerAscii(text: string): string {
  return text.replace(asciiUpper, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/**
 * Brings a name into the lab's form and checks it: no trailing dot (`'.'` becomes `''`), no empty
 * labels, labels of at most 63 bytes, at most 255 bytes on the wire, and no dots or control
 * characters inside labels (dns-packet cannot carry them).
 */
export function normalizeName(input: string): string {
  let name = input.trim();
  if (name === '.' || name === '') return '';
  if (name.endsWith('.')) name = name.slice(0, -1);
  const labels = name.split('.');
  let wireLength = 1;
  for (const label of labels) {
    const bytes = Buffer.byteLength(label, 'utf8');
    if (bytes === 0) throw new LabDnsError(`empty label in name "${input}"`);
    if (bytes > 63) throw new LabDnsError(`label longer than 63 bytes in name "${input}"`);
    // Spaces are allowed: a label may hold any octet (RFC 2181 §11), and SPF macros (`%_`) build such names.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    if (/[\u0000-\u001f\u007f\\]/.test(label)) throw new LabDnsError(`unsupported character in name "${input}"`);
    wireLength += bytes + 1;
  }
  if (wireLength > 255) throw new LabDnsError(`name longer than 255 bytes: "${input}"`);
  return name;
}

/** The key under which a name is looked up: lowercase. */
export function nameKey(name: string): string {
  return lowerAscii(name);
}

/** The labels of a name, leftmost first; the root has none. */
export function labelsOf(name: string): string[] {
  return name === '' ? [] : name.split('.');
}

/** True when `name` equals `ancestor` or lies below it (case-insensitive). */
export function isInBailiwick(name: string, ancestor: string): boolean {
  const n = nameKey(name);
  const a = nameKey(ancestor);
  return a === '' || n === a || n.endsWith(`.${a}`);
}

/** The name one label up; the root's parent is undefined. */
export function parentOf(name: string): string | undefined {
  if (name === '') return undefined;
  const dot = name.indexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

/** Prefixes a label to a name. */
export function childOf(label: string, name: string): string {
  return name === '' ? label : `${label}.${name}`;
}

/** The name with a trailing dot, as zone files and dns-packet want it (`.` for the root). */
export function toFqdn(name: string): string {
  return name === '' ? '.' : `${name}.`;
}

/** A name as dns-packet decodes it (`.` for the root, sometimes a trailing dot) in the lab's form. */
export function fromPacketName(name: string): string {
  if (name === '.' || name === '') return '';
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/**
 * The uncompressed wire form of a name (RFC 1035 §3.1), lowercased when `canonical` is set
 * (RFC 4034 §6.2).
 */
export function nameToWire(name: string, canonical: boolean): Buffer {
  const labels = labelsOf(canonical ? nameKey(name) : name);
  const parts: Buffer[] = [];
  for (const label of labels) {
    const bytes = Buffer.from(label, 'utf8');
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/**
 * Compares two names in DNSSEC canonical order (RFC 4034 §6.1): label by label from the right,
 * each label as lowercase bytes, a missing label sorting first.
 */
export function compareNames(a: string, b: string): number {
  const la = labelsOf(nameKey(a));
  const lb = labelsOf(nameKey(b));
  let i = la.length - 1;
  let j = lb.length - 1;
  while (i >= 0 && j >= 0) {
    const c = Buffer.compare(Buffer.from(la[i] as string, 'utf8'), Buffer.from(lb[j] as string, 'utf8'));
    if (c !== 0) return c;
    i--;
    j--;
  }
  return la.length - lb.length;
}

/**
 * The RRSIG labels field for an owner name (RFC 4034 §3.1.3): its label count without the root
 * and without a leading wildcard label.
 */
export function rrsigLabelCount(owner: string): number {
  const labels = labelsOf(owner);
  return labels[0] === '*' ? labels.length - 1 : labels.length;
}
