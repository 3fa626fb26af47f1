/**
 * Macro expansion (RFC 7208 §7.3), pure: the values come from the caller, including the
 * validated name for `%{p}`, which needs DNS and so is looked up by the evaluator first.
 */
import type { SpfMacroLetter, SpfMacroString } from './record.js';

/** The values macros expand to, by letter (RFC 7208 §7.2). */
export type SpfMacroValues = Readonly<Record<SpfMacroLetter, string>>;

/** The longest expansion pastoe builds: far above any DNS name or explanation, below any memory concern. */
const maxExpansionLength = 4096;

/** RFC 3986 unreserved characters stay as they are; every other octet is percent-encoded. */
function urlEscape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Splits on any of the delimiters, reverses, keeps the right-hand parts, and joins with dots (RFC 7208 §7.3). */
function transform(value: string, delimiters: string, reverse: boolean, keep: number | undefined): string {
  const parts: string[] = [];
  let current = '';
  for (const char of value) {
    if (delimiters.includes(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  if (reverse) parts.reverse();
  const kept = keep === undefined || keep >= parts.length ? parts : parts.slice(parts.length - keep);
  return kept.join('.');
}

/** True when the macro string uses the letter anywhere. */
export function usesMacroLetter(value: SpfMacroString, letter: SpfMacroLetter): boolean {
  return value.parts.some((part) => part.kind === 'macro' && part.letter === letter);
}

/**
 * Expands a parsed macro string with the given values. The result is bounded at 4096 characters
 * (longer results are cut there): a domain name is further cut to 253 by the caller.
 */
export function expandSpfMacros(value: SpfMacroString, values: SpfMacroValues): string {
  let out = '';
  for (const part of value.parts) {
    if (part.kind === 'literal') out += part.text;
    else {
      const expanded = transform(values[part.letter], part.delimiters, part.reverse, part.keep);
      out += part.urlEscape ? urlEscape(expanded) : expanded;
    }
    if (out.length > maxExpansionLength) return out.slice(0, maxExpansionLength);
  }
  return out;
}

/**
 * A domain name from an expansion (RFC 7208 §7.3): one trailing dot dropped, and when longer than
 * 253 characters, whole labels removed from the left until it fits.
 */
export function truncateDomain(name: string): string {
  let result = name.endsWith('.') ? name.slice(0, -1) : name;
  while (result.length > 253) {
    const dot = result.indexOf('.');
    if (dot < 0) return result;
    result = result.slice(dot + 1);
  }
  return result;
}
