/**
 * Domain names as DMARC discovery reads them: in presentation form, any case, at most one
 * trailing dot. Pure.
 */

const maxNameLength = 253;
const maxLabelLength = 63;
/** ASCII letters, digits, hyphen and underscore; any character above ASCII (an IDN label in U-label form). */
const labelPattern = /^[a-z0-9_\-\u0080-\uffff]+$/;
const invisible = /[\s\u0085\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/;

/**
 * The name lowercased and without a trailing dot, or `undefined` when it is not a domain name:
 * empty, with a leading dot or an empty label, a label longer than 63 characters, more than 253
 * characters, or a character that no label holds (whitespace, `@`, `/`, ...).
 */
export function normalizeDmarcDomain(name: string): string | undefined {
  const lower = name.toLowerCase();
  const bare = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (bare === '' || bare.length > maxNameLength || invisible.test(bare)) return undefined;
  const labels = bare.split('.');
  return labels.every((label) => label.length <= maxLabelLength && labelPattern.test(label)) ? bare : undefined;
}
