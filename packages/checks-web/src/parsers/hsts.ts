/**
 * A parser for one Strict-Transport-Security header value (RFC 6797 §6.1). Pure; it reports every
 * way the value departs from the grammar instead of throwing.
 */

/** One directive as written: its name lowercased, and its value unquoted (absent when it has none). */
export interface HstsDirective {
  /** The directive name, lowercased (`max-age`, `includesubdomains`, …). */
  readonly name: string;
  /** The value, with quoted-string quoting removed; absent for a valueless directive. */
  readonly value?: string;
  /** Whether the value was a quoted-string. */
  readonly quoted: boolean;
}

/** What is wrong with a Strict-Transport-Security value. */
export type HstsProblemCode =
  /** The value is empty or has no directives. */
  | 'empty'
  /** A directive name is not a token (RFC 9110 §5.6.2). */
  | 'invalid-name'
  /** A value is neither a token nor a well-formed quoted-string. */
  | 'invalid-value'
  /** A directive appears more than once (§6.1: the header is then invalid). */
  | 'duplicate-directive'
  /** There is no `max-age` (§6.1.1: it is required). */
  | 'missing-max-age'
  /** `max-age` has no value or a value that is not delta-seconds (digits only). */
  | 'invalid-max-age'
  /** `includeSubDomains` or `preload` carries a value, though it takes none. */
  | 'unexpected-value';

/** One problem, with the directive it concerns when there is one. */
export interface HstsProblem {
  /** What is wrong. */
  readonly code: HstsProblemCode;
  /** The directive, lowercased. */
  readonly directive?: string;
}

/** A parsed Strict-Transport-Security value. */
export interface ParsedHsts {
  /** Whether the value conforms to RFC 6797 §6.1 (no problems): a browser would honour it. */
  readonly valid: boolean;
  /** `max-age` in seconds, when it is well-formed (also when other problems make the header invalid). */
  readonly maxAge?: number;
  /** Whether `includeSubDomains` is present. */
  readonly includeSubDomains: boolean;
  /** Whether `preload` is present (not in RFC 6797; hstspreload.org's addition). */
  readonly preload: boolean;
  /** Every directive in order, unknown ones included (browsers ignore those). */
  readonly directives: readonly HstsDirective[];
  /** What is wrong, in the order found. */
  readonly problems: readonly HstsProblem[];
}

const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Splits on `;` outside quoted-strings; `undefined` when a quoted-string never ends. */
function splitDirectives(value: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? '';
    if (quoted && char === '\\') {
      current += char + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  if (quoted) return undefined;
  parts.push(current);
  return parts;
}

/** The content of a quoted-string (RFC 9110 §5.6.4), or `undefined` when it is not one. */
function unquote(text: string): string | undefined {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return undefined;
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const char = text[i] ?? '';
    if (char === '\\') {
      i++;
      if (i >= text.length - 1) return undefined;
      out += text[i];
    } else if (char === '"') return undefined;
    else out += char;
  }
  return out;
}

/**
 * Parses one Strict-Transport-Security header value by RFC 6797 §6.1: `;`-separated directives
 * (empty ones allowed), names case-insensitive tokens, values tokens or quoted-strings, whitespace
 * around `=` and `;` allowed. A directive given twice, a missing or malformed `max-age`, or a value
 * on `includeSubDomains`/`preload` is a problem; unknown directives are kept and are not.
 *
 * Note that Internet.nl judges HSTS more narrowly than the RFC (a quoted or spaced `max-age` fails
 * there): its rule is the website check's, not this parser's.
 *
 * @param value - one header field value; when a response has several, RFC 6797 §8.1 has the first count
 * @returns the directives, `max-age`, the flags and every problem found
 */
export function parseHsts(value: string): ParsedHsts {
  const problems: HstsProblem[] = [];
  const directives: HstsDirective[] = [];
  const parts = splitDirectives(value);
  if (parts === undefined) {
    return {
      valid: false,
      includeSubDomains: false,
      preload: false,
      directives: [],
      problems: [{ code: 'invalid-value' }, { code: 'missing-max-age' }],
    };
  }
  for (const part of parts) {
    const text = part.trim();
    if (text === '') continue;
    const equals = text.indexOf('=');
    const rawName = (equals === -1 ? text : text.slice(0, equals)).trim();
    const name = rawName.toLowerCase();
    if (!tokenPattern.test(rawName)) {
      problems.push({ code: 'invalid-name', directive: name });
      continue;
    }
    if (directives.some((d) => d.name === name)) problems.push({ code: 'duplicate-directive', directive: name });
    if (equals === -1) {
      directives.push({ name, quoted: false });
      continue;
    }
    const rawValue = text.slice(equals + 1).trim();
    const unquoted = unquote(rawValue);
    if (unquoted === undefined && !tokenPattern.test(rawValue)) {
      problems.push({ code: 'invalid-value', directive: name });
      directives.push({ name, value: rawValue, quoted: false });
      continue;
    }
    directives.push({ name, value: unquoted ?? rawValue, quoted: unquoted !== undefined });
  }
  if (directives.length === 0 && problems.length === 0) problems.push({ code: 'empty' });
  const first = (name: string): HstsDirective | undefined => directives.find((d) => d.name === name);
  const maxAgeDirective = first('max-age');
  let maxAge: number | undefined;
  if (maxAgeDirective === undefined) problems.push({ code: 'missing-max-age' });
  else if (maxAgeDirective.value === undefined || !/^[0-9]+$/.test(maxAgeDirective.value)) {
    problems.push({ code: 'invalid-max-age', directive: 'max-age' });
  } else maxAge = Number(maxAgeDirective.value);
  for (const flag of ['includesubdomains', 'preload']) {
    if (first(flag)?.value !== undefined) problems.push({ code: 'unexpected-value', directive: flag });
  }
  return {
    valid: problems.length === 0,
    ...(maxAge === undefined ? {} : { maxAge }),
    includeSubDomains: first('includesubdomains') !== undefined,
    preload: first('preload') !== undefined,
    directives,
    problems,
  };
}
