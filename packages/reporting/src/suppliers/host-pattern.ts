/**
 * Host name patterns of a supplier catalogue: an exact name (`aspmx.l.google.com`) or a suffix
 * (`*.mail.protection.outlook.com`, any name with one or more labels before the suffix). No
 * regular expressions: a catalogue is data users edit, and a pattern must say plainly what it
 * matches.
 */

/** A parsed host pattern: the name or suffix it matches, lowercase, without a trailing dot. */
export interface HostPattern {
  /** `exact` for a name, `suffix` for `*.` followed by a suffix. */
  readonly kind: 'exact' | 'suffix';
  /** The name, or the suffix after `*.`. */
  readonly name: string;
}

/** The longest host name DNS allows, in characters without the trailing dot. */
const maxNameLength = 253;
/** A label of a host name: letters, digits, hyphens inside, underscores (as in `_mta-sts`). */
const labelPattern = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * Parses a host pattern, or says in one sentence why it is not one.
 *
 * A suffix needs two labels at least (`*.example.nl`, never `*.nl`), so that one pattern cannot
 * claim a whole top-level domain.
 */
export function parseHostPattern(text: string): HostPattern | string {
  const withoutDot = normalHostName(text.trim());
  const wildcard = withoutDot.startsWith('*.');
  const name = wildcard ? withoutDot.slice(2) : withoutDot;
  if (name === '') return 'is empty';
  if (name.length > maxNameLength) return `is longer than ${maxNameLength} characters`;
  if (name.includes('*')) return 'has a * that is not the whole first label: write *.example.nl for any name under example.nl';
  const labels = name.split('.');
  const bad = labels.find((label) => !labelPattern.test(label));
  if (bad !== undefined)
    return bad === ''
      ? 'has an empty label'
      : `has the label ${JSON.stringify(bad)}: a label holds letters, digits, - and _ only (no regular expressions)`;
  if (wildcard && labels.length < 2) return 'is too broad: a suffix needs two labels at least (*.example.nl)';
  return { kind: wildcard ? 'suffix' : 'exact', name };
}

/** A host pattern as text, as a catalogue writes it. */
export function hostPatternText(pattern: HostPattern): string {
  return pattern.kind === 'suffix' ? `*.${pattern.name}` : pattern.name;
}

/**
 * Finds the value of the most specific pattern that matches `host`: an exact name first, then
 * the longest matching suffix. `exact` and `suffix` map pattern names to values.
 */
export function matchHost<T>(host: string, exact: ReadonlyMap<string, T>, suffix: ReadonlyMap<string, T>): T | undefined {
  const name = normalHostName(host);
  const found = exact.get(name);
  if (found !== undefined) return found;
  // Each step drops the first label, so the first suffix found is the longest.
  for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
    const value = suffix.get(name.slice(dot + 1));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A host name as patterns match it: lowercase, without a trailing dot. */
export function normalHostName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
