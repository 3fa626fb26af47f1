/**
 * The DMARC record parser: RFC 7489 §6.3–6.4 (with RFC 9091's `np`) or RFC 9989, chosen by
 * ruleset. Pure; it never throws on input, and reports every departure from the chosen ruleset as
 * an error (a receiver would reject the record or the tag) or a warning (the record works, but
 * not as its author may think).
 */
import { normalizeDmarcDomain } from './domain-name.js';

/**
 * Which DMARC specification to read a record by: RFC 7489 (with RFC 9091), which Internet.nl
 * follows, or RFC 9989, which obsoletes both.
 */
export type DmarcRuleset = 'rfc7489' | 'rfc9989';

/** A policy value of `p`, `sp` or `np`. */
export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

/** What is wrong with a DMARC record, or worth saying about it. */
export type DmarcProblemCode =
  /** The text is longer than {@link dmarcRecordMaxLength}; it was not parsed. */
  | 'too-long'
  /** The text begins with whitespace; discovery discards such a record. */
  | 'leading-whitespace'
  /** The text does not begin with a `v` tag: it is no DMARC record. */
  | 'not-dmarc'
  /** `v=dmarc1` in another case: the version must be the uppercase `DMARC1`. */
  | 'version-case'
  /** A `v` value other than `DMARC1`. */
  | 'invalid-version'
  /** RFC 7489: the version tag must be followed by `;`. */
  | 'missing-separator'
  /** Nothing between two separators. */
  | 'empty-tag'
  /** A part without `=`. */
  | 'malformed-tag'
  /** A tag name that is not a letter followed by letters, digits or `_`. */
  | 'invalid-tag-name'
  /** A tag given twice; the first one counts. */
  | 'duplicate-tag'
  /** A value the tag's grammar does not allow. */
  | 'invalid-value'
  /** A report URI that is not a URI with a scheme, or has a malformed `!size` suffix or mailto address. */
  | 'invalid-uri'
  /** More tags or URIs than pastoe reads ({@link dmarcMaxTags}, {@link dmarcMaxUris}). */
  | 'too-many'
  /** No `p` tag: RFC 7489 requires one; RFC 9989 reads the record as `p=none`. */
  | 'missing-p'
  /** `p` is not the tag right after `v`: RFC 7489 requires that order; RFC 9989 allows any. */
  | 'p-not-first'
  /** RFC 7489: whitespace after the last value without a closing `;`. */
  | 'trailing-whitespace'
  /** A tag neither specification defines; receivers ignore it. */
  | 'unknown-tag'
  /** RFC 9989: `pct`, `rf` or `ri`, which it made historic; receivers following it ignore them. */
  | 'historic-tag'
  /** RFC 7489: `psd` or `t`, which only receivers following RFC 9989 read. */
  | 'newer-tag'
  /** `fo` without `ruf`: failure-report options with nowhere to send reports. */
  | 'fo-without-ruf'
  /** RFC 7489: `pct` below 100 applies the policy to only that share of failing mail. */
  | 'partial-pct'
  /** A report URI whose scheme is not `mailto`, the only one receivers must support. */
  | 'uri-not-mailto'
  /** RFC 9989: a `!size` limit on a report URI, which it no longer defines. */
  | 'uri-size-limit'
  /** An `rf` format other than `afrf`, the only registered one. */
  | 'unknown-report-format';

/** One problem, with the tag it concerns when there is one. */
export interface DmarcProblem {
  /** What is wrong. */
  readonly code: DmarcProblemCode;
  /** The tag, lowercased. */
  readonly tag?: string;
  /** The offending value or URI, as written. */
  readonly value?: string;
  /** One line in English saying what is wrong. */
  readonly message: string;
}

/** One tag as written: its name lowercased, its value trimmed. */
export interface DmarcTag {
  /** The tag name, lowercased. */
  readonly name: string;
  /** The value without surrounding whitespace. */
  readonly value: string;
}

/** One report destination of `rua` or `ruf`. */
export interface DmarcReportUri {
  /** The URI without its `!size` suffix. */
  readonly uri: string;
  /** The scheme, lowercased. */
  readonly scheme: string;
  /** For `mailto`: the address (before any `?`). */
  readonly address?: string;
  /** For `mailto`: the domain of the address, lowercased, without a trailing dot. */
  readonly host?: string;
  /** The `!size` limit in bytes, when given. */
  readonly sizeLimit?: number;
}

/** The values of a record's tags that parsed; a tag with an invalid value is left out. */
export interface DmarcRecord {
  /** `p`: the policy for the domain. */
  readonly p?: DmarcPolicy;
  /** `sp`: the policy for subdomains. */
  readonly sp?: DmarcPolicy;
  /** `np`: the policy for non-existent subdomains (RFC 9091, RFC 9989). */
  readonly np?: DmarcPolicy;
  /** `psd`: whether the domain is a public suffix domain (RFC 9989). */
  readonly psd?: 'y' | 'n' | 'u';
  /** `t`: test mode (RFC 9989). */
  readonly t?: 'y' | 'n';
  /** `adkim`: DKIM alignment, relaxed or strict. */
  readonly adkim?: 'r' | 's';
  /** `aspf`: SPF alignment, relaxed or strict. */
  readonly aspf?: 'r' | 's';
  /** `rua`: aggregate report destinations. */
  readonly rua: readonly DmarcReportUri[];
  /** `ruf`: failure report destinations. */
  readonly ruf: readonly DmarcReportUri[];
  /** `fo`: failure reporting options. */
  readonly fo?: readonly string[];
  /** `pct`: the percentage of mail the policy applies to (RFC 7489; historic in RFC 9989). */
  readonly pct?: number;
  /** `rf`: failure report formats (RFC 7489; historic in RFC 9989). */
  readonly rf?: readonly string[];
  /** `ri`: the aggregate report interval in seconds (RFC 7489; historic in RFC 9989). */
  readonly ri?: number;
}

/** What {@link parseDmarc} found. */
export interface DmarcParseResult {
  /** The ruleset the record was read by. */
  readonly ruleset: DmarcRuleset;
  /** True when there are no errors: a receiver following the ruleset accepts the record. */
  readonly valid: boolean;
  /** The values that parsed. */
  readonly record: DmarcRecord;
  /** Every tag after `v`, in order, unknown and duplicate ones included. */
  readonly tags: readonly DmarcTag[];
  /** Errors, in the order found. */
  readonly errors: readonly DmarcProblem[];
  /** Warnings, in the order found. */
  readonly warnings: readonly DmarcProblem[];
}

/** Options of {@link parseDmarc}. */
export interface ParseDmarcOptions {
  /** The specification to read the record by; default `rfc7489`. */
  readonly ruleset?: DmarcRuleset;
}

/** The longest record text pastoe parses, in characters; longer text is an error. */
export const dmarcRecordMaxLength = 8192;
/** The most tags pastoe reads from one record. */
export const dmarcMaxTags = 64;
/** The most URIs pastoe reads from one `rua` or `ruf` list. */
export const dmarcMaxUris = 32;

const policies: ReadonlySet<string> = new Set(['none', 'quarantine', 'reject']);
const knownTags: ReadonlySet<string> = new Set(['p', 'sp', 'np', 'psd', 't', 'adkim', 'aspf', 'rua', 'ruf', 'fo', 'pct', 'rf', 'ri']);
const historicIn9989: ReadonlySet<string> = new Set(['pct', 'rf', 'ri']);
const newIn9989: ReadonlySet<string> = new Set(['psd', 't']);
const whitespace = /^[ \t]+|[ \t]+$/g;
const trimWsp = (text: string): string => text.replace(whitespace, '');

/** Collects problems, sorting each into errors or warnings. */
class Problems {
  readonly errors: DmarcProblem[] = [];
  readonly warnings: DmarcProblem[] = [];
  error(code: DmarcProblemCode, message: string, tag?: string, value?: string): void {
    this.errors.push(problem(code, message, tag, value));
  }
  warning(code: DmarcProblemCode, message: string, tag?: string, value?: string): void {
    this.warnings.push(problem(code, message, tag, value));
  }
  /** An error, or a warning where the ruleset says receivers ignore the fault. */
  either(asError: boolean, code: DmarcProblemCode, message: string, tag?: string, value?: string): void {
    if (asError) this.error(code, message, tag, value);
    else this.warning(code, message, tag, value);
  }
}

function problem(code: DmarcProblemCode, message: string, tag?: string, value?: string): DmarcProblem {
  return { code, ...(tag === undefined ? {} : { tag }), ...(value === undefined ? {} : { value }), message };
}

/**
 * Parses a DMARC record (the TXT strings joined without a separator) by RFC 7489 or RFC 9989.
 * Under both, `v=DMARC1` must come first (`DMARC1` in uppercase), a tag may appear once, values
 * must fit their tag's grammar and unknown tags are ignored (a warning). RFC 7489 also requires
 * `p` right after `v` and `;` after the version; RFC 9989 reads a record without `p` as
 * `p=none` and marks `pct`, `rf` and `ri` historic.
 */
export function parseDmarc(text: string, options: ParseDmarcOptions = {}): DmarcParseResult {
  const ruleset = options.ruleset ?? 'rfc7489';
  const strict = ruleset === 'rfc7489';
  const problems = new Problems();
  const tags: DmarcTag[] = [];
  const record: { -readonly [K in keyof DmarcRecord]: DmarcRecord[K] } = { rua: [], ruf: [] };
  const done = (): DmarcParseResult => ({
    ruleset,
    valid: problems.errors.length === 0,
    record,
    tags,
    errors: problems.errors,
    warnings: problems.warnings,
  });
  if (text.length > dmarcRecordMaxLength) {
    problems.error('too-long', `the record is longer than ${dmarcRecordMaxLength} characters`);
    return done();
  }
  if (/^\s/.test(text)) problems.error('leading-whitespace', 'the record begins with whitespace, so receivers do not see it as DMARC');
  const parts = text.trimStart().split(';');
  const [versionPart = '', ...rest] = parts;
  if (!readVersion(versionPart, problems)) return done();
  if (rest.length === 0 && strict) problems.error('missing-separator', 'RFC 7489 requires a ";" after v=DMARC1');
  const seen = new Set<string>();
  let overflow = false;
  rest.forEach((raw, index) => {
    const last = index === rest.length - 1;
    if (last && trimWsp(raw) === '') return;
    if (last && /[ \t]$/.test(raw) && strict) {
      problems.error('trailing-whitespace', 'RFC 7489 allows whitespace after the last value only before a closing ";"');
    }
    if (tags.length >= dmarcMaxTags) {
      if (!overflow) problems.error('too-many', `more than ${dmarcMaxTags} tags; the rest are not read`);
      overflow = true;
      return;
    }
    readTag(raw, index, { strict, problems, tags, record, seen });
  });
  if (!seen.has('p')) {
    problems.either(
      strict,
      'missing-p',
      strict ? 'RFC 7489 requires a p tag right after v' : 'there is no p tag; RFC 9989 receivers read the record as p=none',
      'p',
    );
  } else if (tags[0]?.name !== 'p') {
    problems.either(strict, 'p-not-first', 'p is not the first tag after v, as RFC 7489 requires', 'p');
  }
  if (record.fo !== undefined && !seen.has('ruf')) problems.warning('fo-without-ruf', 'fo has no effect without ruf', 'fo');
  if (strict && record.pct !== undefined && record.pct < 100) {
    problems.warning('partial-pct', `the policy applies to only ${record.pct}% of failing mail`, 'pct', String(record.pct));
  }
  return done();
}

/** Reads the version part; false when the text is no DMARC record (nothing more is read). */
function readVersion(part: string, problems: Problems): boolean {
  const match = /^v[ \t]*=[ \t]*(.*)$/i.exec(part);
  if (match === null) {
    problems.error('not-dmarc', 'the record does not begin with v=DMARC1');
    return false;
  }
  const value = trimWsp(match[1] ?? '');
  if (value === 'DMARC1') return true;
  if (value.toUpperCase() === 'DMARC1') {
    problems.error('version-case', 'the version must be written DMARC1, in uppercase', 'v', value);
    return true;
  }
  problems.error('invalid-version', 'the version is not DMARC1', 'v', value);
  return false;
}

interface TagContext {
  readonly strict: boolean;
  readonly problems: Problems;
  readonly tags: DmarcTag[];
  readonly record: { -readonly [K in keyof DmarcRecord]: DmarcRecord[K] };
  readonly seen: Set<string>;
}

function readTag(raw: string, index: number, context: TagContext): void {
  const { strict, problems, tags, seen } = context;
  const part = trimWsp(raw);
  if (part === '') {
    problems.either(strict, 'empty-tag', `nothing between two separators (after tag ${index + 1})`);
    return;
  }
  const equals = part.indexOf('=');
  if (equals < 0) {
    problems.error('malformed-tag', `"${part}" has no "="`, undefined, part);
    return;
  }
  const name = trimWsp(part.slice(0, equals)).toLowerCase();
  const value = trimWsp(part.slice(equals + 1));
  if (!/^[a-z][a-z0-9_]*$/.test(name)) {
    problems.error('invalid-tag-name', `"${name}" is not a valid tag name`, name);
    return;
  }
  tags.push({ name, value });
  if (name === 'v' || seen.has(name)) {
    problems.error('duplicate-tag', `${name} is given more than once; receivers may reject the record`, name, value);
    return;
  }
  seen.add(name);
  if (!knownTags.has(name)) {
    problems.warning('unknown-tag', `${name} is not a DMARC tag; receivers ignore it`, name, value);
    return;
  }
  if (!strict && historicIn9989.has(name)) {
    problems.warning('historic-tag', `RFC 9989 made ${name} historic; receivers following it ignore it`, name, value);
  }
  if (strict && newIn9989.has(name)) {
    problems.warning('newer-tag', `${name} comes from RFC 9989; receivers following RFC 7489 ignore it`, name, value);
  }
  // A historic tag's value no longer matters to an RFC 9989 receiver: a bad one is a warning there.
  const badValueIsError = strict || !historicIn9989.has(name);
  if (!/^[\x20-\x7e]*$/.test(value)) {
    problems.either(badValueIsError, 'invalid-value', `the value of ${name} has characters outside printable ASCII`, name, value);
    return;
  }
  readValue(name, value, { ...context, badValueIsError });
}

function readValue(name: string, value: string, context: TagContext & { readonly badValueIsError: boolean }): void {
  const { record, problems, badValueIsError } = context;
  const invalid = (what: string): void =>
    problems.either(badValueIsError, 'invalid-value', `${name}=${value} is not valid: ${what}`, name, value);
  const lower = value.toLowerCase();
  switch (name) {
    case 'p':
    case 'sp':
    case 'np':
      if (policies.has(lower)) record[name] = lower as DmarcPolicy;
      else invalid('expected none, quarantine or reject');
      return;
    case 'psd':
      if (lower === 'y' || lower === 'n' || lower === 'u') record.psd = lower;
      else invalid('expected y, n or u');
      return;
    case 't':
      if (lower === 'y' || lower === 'n') record.t = lower;
      else invalid('expected y or n');
      return;
    case 'adkim':
    case 'aspf':
      if (lower === 'r' || lower === 's') record[name] = lower;
      else invalid('expected r or s');
      return;
    case 'rua':
    case 'ruf':
      record[name] = readUris(name, value, context);
      return;
    case 'fo': {
      const options = value.split(':').map((option) => trimWsp(option).toLowerCase());
      if (options.every((option) => ['0', '1', 'd', 's'].includes(option))) record.fo = options;
      else invalid('expected 0, 1, d or s, separated by ":"');
      return;
    }
    case 'pct': {
      const pct = /^[0-9]{1,3}$/.test(value) ? Number(value) : Number.NaN;
      if (pct >= 0 && pct <= 100) record.pct = pct;
      else invalid('expected a whole number from 0 to 100');
      return;
    }
    case 'rf': {
      const formats = value.split(':').map((format) => trimWsp(format).toLowerCase());
      if (!formats.every((format) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(format))) {
        invalid('expected format names separated by ":"');
        return;
      }
      record.rf = formats;
      for (const format of formats.filter((f) => f !== 'afrf')) {
        problems.warning('unknown-report-format', `${format} is not a registered failure report format`, name, format);
      }
      return;
    }
    case 'ri': {
      const seconds = /^[0-9]{1,10}$/.test(value) ? Number(value) : Number.NaN;
      if (seconds <= 0xffffffff) record.ri = seconds;
      else invalid('expected a number of seconds');
      return;
    }
  }
}

const sizeUnits: Readonly<Record<string, number>> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

function readUris(name: 'rua' | 'ruf', value: string, context: TagContext): DmarcReportUri[] {
  const { problems, strict } = context;
  const uris: DmarcReportUri[] = [];
  const written = value.split(',').map(trimWsp);
  if (written.length > dmarcMaxUris)
    problems.error('too-many', `${name} lists more than ${dmarcMaxUris} URIs; the rest are not read`, name);
  for (const text of written.slice(0, dmarcMaxUris)) {
    const uri = readUri(text);
    if (typeof uri === 'string') {
      problems.error('invalid-uri', `${text === '' ? 'an empty URI' : text} in ${name}: ${uri}`, name, text);
      continue;
    }
    uris.push(uri);
    if (uri.scheme !== 'mailto') {
      problems.warning('uri-not-mailto', `${uri.uri} in ${name}: receivers need only support mailto`, name, uri.uri);
    }
    if (!strict && uri.sizeLimit !== undefined) {
      problems.warning('uri-size-limit', `${text} in ${name}: RFC 9989 no longer defines a size limit`, name, text);
    }
  }
  return uris;
}

/** One report URI, or why it is not one. */
function readUri(text: string): DmarcReportUri | string {
  if (text === '') return 'expected a URI';
  if (/[\s]/.test(text)) return 'a URI cannot contain whitespace';
  const bang = text.split('!');
  if (bang.length > 2) return 'more than one "!" (a "!" inside a URI must be percent-encoded)';
  const [uri = '', size] = bang;
  let sizeLimit: number | undefined;
  if (size !== undefined) {
    const match = /^([0-9]{1,12})([kmgt]?)$/i.exec(size);
    if (match === null) return `"!${size}" is not a size (digits with an optional k, m, g or t)`;
    sizeLimit = Number(match[1]) * (sizeUnits[(match[2] ?? '').toLowerCase()] ?? 1);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):(.+)$/i.exec(uri);
  if (scheme === null) return 'it has no scheme such as mailto:';
  const schemeName = (scheme[1] ?? '').toLowerCase();
  const base = { uri, scheme: schemeName, ...(sizeLimit === undefined ? {} : { sizeLimit }) };
  if (schemeName !== 'mailto') return base;
  const address = (scheme[2] ?? '').split('?')[0] ?? '';
  const at = address.lastIndexOf('@');
  if (at <= 0) return 'the mailto address has no local part and domain';
  const host = normalizeDmarcDomain(address.slice(at + 1));
  if (host === undefined) return `the mailto domain "${address.slice(at + 1)}" is not a domain name`;
  return { ...base, address, host };
}
