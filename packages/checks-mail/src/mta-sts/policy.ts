/**
 * The MTA-STS policy file served at `https://mta-sts.<domain>/.well-known/mta-sts.txt` (RFC 8461
 * §3.2): `key: value` lines separated by LF or CRLF (erratum 6253), `version: STSv1`, `mode`,
 * `max_age` and one `mx` line per allowed MX pattern; unknown keys ignored.
 */
import { extensionNamePattern } from './fields.js';
import { type PolicyTextProblem, problem } from './problem.js';

/** How senders apply a policy: refuse delivery without TLS, report only, or no policy. */
export type MtaStsMode = 'enforce' | 'testing' | 'none';

/** The largest `max_age` RFC 8461 allows: about a year, in seconds. */
export const mtaStsMaxAgeLimit = 31_557_600;

/**
 * The most policy bytes pastoe reads and parses: 64 KiB, the limit RFC 8461 §3.3 suggests senders
 * apply ("a maximum size of 64 KB"). A longer file is an error.
 */
export const mtaStsPolicyMaxBytes = 65_536;

/** A valid policy's values. */
export interface MtaStsPolicy {
  /** `STSv1`. */
  readonly version: string;
  /** The mode. */
  readonly mode: MtaStsMode;
  /** How long senders may cache the policy, in seconds. */
  readonly maxAge: number;
  /** The MX patterns, lowercased, in order: host names, or `*.` and a domain for one leftmost label. */
  readonly mx: readonly string[];
  /** Keys RFC 8461 does not define, as written (ignored by senders). */
  readonly extensions: readonly { readonly key: string; readonly value: string }[];
}

/** What {@link parseMtaStsPolicy} found. */
export interface MtaStsPolicyParseResult {
  /** True when senders accept the policy. */
  readonly valid: boolean;
  /** The values, when valid. */
  readonly policy?: MtaStsPolicy;
  /** Why not, in the order found. */
  readonly errors: readonly PolicyTextProblem[];
  /** What senders accept but the grammar does not quite (blank lines), in the order found. */
  readonly warnings: readonly PolicyTextProblem[];
}

const modes: readonly string[] = ['enforce', 'testing', 'none'];
/** RFC 5321 `Domain`: dot-separated labels of letters, digits and inner hyphens. */
const domainPattern = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Whether a text is an `mx` value by the grammar: `["*."] Domain`. */
function isMxPattern(value: string): boolean {
  return domainPattern.test(value.startsWith('*.') ? value.slice(2) : value);
}

/** The UTF-8 size of a text, without Node's Buffer (checks also run in browsers). */
function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Reads the `key: value` lines of a policy; the errors and warnings of the line syntax go to `errors` and `warnings`. */
function readLines(
  text: string,
  errors: PolicyTextProblem[],
  warnings: PolicyTextProblem[],
): { key: string; value: string; line: number }[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const entries: { key: string; value: string; line: number }[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') {
      warnings.push(problem('blank-line', `line ${line} is blank`, { line }));
      return;
    }
    const colon = content.indexOf(':');
    const key = colon < 0 ? '' : content.slice(0, colon);
    if (colon < 0 || !extensionNamePattern.test(key)) {
      errors.push(problem('malformed-line', `line ${line} is not a key: value line`, { line, value: content }));
      return;
    }
    const value = content.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    // Control characters (a lone CR, NUL, ...) have no place in any value.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(value)) {
      errors.push(problem('invalid-character', `line ${line} holds a control character`, { line, field: key }));
      return;
    }
    entries.push({ key, value, line });
  });
  return entries;
}

/**
 * Parses an MTA-STS policy file (its body as text). Keys and the version and mode values are
 * case-sensitive, as the RFC's `%s` strings are; `version`, `mode` and `max_age` must each appear
 * once, `mx` at least once unless the mode is `none`. Errors name the line they were found on.
 */
export function parseMtaStsPolicy(text: string): MtaStsPolicyParseResult {
  if (utf8Bytes(text) > mtaStsPolicyMaxBytes) {
    return { valid: false, errors: [problem('too-large', `the policy is larger than ${mtaStsPolicyMaxBytes} bytes`)], warnings: [] };
  }
  const errors: PolicyTextProblem[] = [];
  const warnings: PolicyTextProblem[] = [];
  const entries = readLines(text, errors, warnings);
  const single = (key: string): { value: string; line: number } | undefined => {
    const found = entries.filter((entry) => entry.key === key);
    const [first, second] = found;
    if (first === undefined) errors.push(problem('missing-field', `the policy has no ${key} line`, { field: key }));
    else if (second !== undefined) {
      errors.push(
        problem('duplicate-field', `${key} appears more than once (lines ${found.map((e) => e.line).join(', ')})`, {
          field: key,
          line: second.line,
        }),
      );
    }
    return first;
  };
  const version = single('version');
  if (version !== undefined && version.value !== 'STSv1') {
    errors.push(problem('invalid-version', 'version must be STSv1', { field: 'version', value: version.value, line: version.line }));
  }
  const mode = single('mode');
  if (mode !== undefined && !modes.includes(mode.value)) {
    errors.push(problem('invalid-mode', 'mode must be enforce, testing or none', { field: 'mode', value: mode.value, line: mode.line }));
  }
  const maxAgeEntry = single('max_age');
  const maxAge = maxAgeEntry === undefined || !/^\d{1,10}$/.test(maxAgeEntry.value) ? undefined : Number(maxAgeEntry.value);
  if (maxAgeEntry !== undefined) {
    const where = { field: 'max_age', value: maxAgeEntry.value, line: maxAgeEntry.line };
    if (maxAge === undefined) errors.push(problem('invalid-max-age', 'max_age must be 1 to 10 digits', where));
    else if (maxAge > mtaStsMaxAgeLimit) errors.push(problem('max-age-too-large', `max_age must be at most ${mtaStsMaxAgeLimit}`, where));
  }
  const mxEntries = entries.filter((entry) => entry.key === 'mx');
  for (const entry of mxEntries) {
    if (!isMxPattern(entry.value)) {
      errors.push(
        problem('invalid-mx', `"${entry.value.slice(0, 60)}" is not a host name or *.domain pattern`, {
          field: 'mx',
          value: entry.value,
          line: entry.line,
        }),
      );
    }
  }
  if (mxEntries.length === 0 && mode !== undefined && mode.value !== 'none') {
    errors.push(problem('missing-mx', 'the policy has no mx line, which only mode none may omit', { field: 'mx' }));
  }
  if (errors.length > 0 || version === undefined || mode === undefined || maxAge === undefined) return { valid: false, errors, warnings };
  const known = ['version', 'mode', 'max_age', 'mx'];
  return {
    valid: true,
    policy: {
      version: version.value,
      mode: mode.value as MtaStsMode,
      maxAge,
      mx: mxEntries.map((entry) => entry.value.toLowerCase()),
      extensions: entries.filter((entry) => !known.includes(entry.key)).map(({ key, value }) => ({ key, value })),
    },
    errors,
    warnings,
  };
}

/**
 * Whether an MX host matches one of a policy's `mx` patterns (RFC 8461 §4.1): names compared
 * without case and without a trailing dot; `*.example.com` matches exactly one label to the left
 * of `example.com` (`mx1.example.com`), neither `example.com` nor `a.b.example.com`.
 */
export function mxMatchesPolicy(mxHost: string, patterns: readonly string[]): boolean {
  const host = mxHost.toLowerCase().replace(/\.$/, '');
  return patterns.some((raw) => {
    const pattern = raw.toLowerCase().replace(/\.$/, '');
    if (!pattern.startsWith('*.')) return host === pattern;
    const dot = host.indexOf('.');
    return dot > 0 && host.slice(dot + 1) === pattern.slice(2);
  });
}
