/**
 * The SPF record grammar of RFC 7208 §12, as a pure parser with precise errors: the position
 * and what was expected there.
 */
import type {
  SpfDirective,
  SpfMacroLetter,
  SpfMacroPart,
  SpfMacroString,
  SpfMechanism,
  SpfModifier,
  SpfParseResult,
  SpfQualifier,
  SpfSyntaxError,
  SpfTerm,
} from './record.js';

/**
 * The longest record text {@link parseSpf} reads. RFC 7208 §3.4 asks records to fit in a
 * 512-octet DNS answer; a TXT RRset can hold up to 65,535 octets, so this bounds the work a
 * hostile record causes while leaving room for every real one.
 */
export const maxSpfRecordLength = 8192;

/** The most digits a macro transformer may have: more than 3 would keep more parts than any name has. */
const maxTransformerDigits = 3;

const macroLetters = new Set<string>(['s', 'l', 'o', 'd', 'i', 'p', 'h', 'c', 'r', 't', 'v']);
const explanationOnlyLetters = new Set<string>(['c', 'r', 't']);
const delimiterChars = '.-+,/_=';
const toplabelPattern = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;
const modifierPattern = /^[a-z][a-z0-9\-_.]*=/i;
const mechanismNamePattern = /^[a-z0-9]*/i;

class SyntaxFailure extends Error {
  constructor(readonly detail: SpfSyntaxError) {
    super(detail.message);
  }
}

function fail(position: number, expected: string, message: string): never {
  throw new SyntaxFailure({ position, expected, message });
}

function describeChar(text: string, index: number): string {
  const char = text[index];
  if (char === undefined) return 'the end';
  const code = char.codePointAt(0) ?? 0;
  return code < 0x21 || code > 0x7e ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${char}"`;
}

/** Options for {@link parseSpfMacroString}. */
export interface MacroStringOptions {
  /** Explanation text (RFC 7208 §6.2): spaces and the letters `c`, `r`, `t` are allowed. */
  readonly explanation?: boolean;
}

/**
 * Parses a macro string (RFC 7208 §7.1) starting at `offset` of a record, for positions in errors.
 * @throws SyntaxFailure on the first error.
 */
function macroString(text: string, offset: number, options: MacroStringOptions): SpfMacroString {
  return scanMacroString(text, offset, options).value;
}

/** Parses a macro string and also says where its last macro-expand (`%{…}`, `%%`, `%_`, `%-`) ends, -1 for none. */
function scanMacroString(text: string, offset: number, options: MacroStringOptions): { value: SpfMacroString; expandEnd: number } {
  let expandEnd = -1;
  const parts: SpfMacroPart[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') parts.push({ kind: 'literal', text: literal });
    literal = '';
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    const code = char.charCodeAt(0);
    if (char !== '%') {
      const allowed = (code >= 0x21 && code <= 0x7e) || (options.explanation === true && code === 0x20);
      if (!allowed) fail(offset + i, 'a printable ASCII character', `unexpected ${describeChar(text, i)} in "${text}"`);
      literal += char;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      literal += next === '%' ? '%' : next === '_' ? ' ' : '%20';
      i += 2;
      expandEnd = i;
      continue;
    }
    if (next !== '{') fail(offset + i + 1, '"%%", "%_", "%-" or "%{"', `a lone "%" in "${text}"`);
    const start = i;
    i += 2;
    const letterChar = text[i] ?? '';
    const letter = letterChar.toLowerCase();
    if (!macroLetters.has(letter))
      fail(offset + i, 'a macro letter (s l o d i p h c r t v)', `unknown macro letter ${describeChar(text, i)} in "${text}"`);
    if (options.explanation !== true && explanationOnlyLetters.has(letter)) {
      fail(
        offset + i,
        'a macro letter allowed outside explanations (s l o d i p h v)',
        `the macro letter "${letterChar}" is allowed only in explanation text`,
      );
    }
    i += 1;
    let digits = '';
    while (/[0-9]/.test(text[i] ?? '')) {
      digits += text[i];
      i += 1;
    }
    if (digits.length > maxTransformerDigits)
      fail(offset + i - digits.length, 'a transformer of at most 3 digits', `transformer "${digits}" too long`);
    if (digits !== '' && Number(digits) === 0) fail(offset + i - digits.length, 'a non-zero transformer', `transformer 0 in "${text}"`);
    let reverse = false;
    if ((text[i] ?? '').toLowerCase() === 'r') {
      reverse = true;
      i += 1;
    }
    let delimiters = '';
    while (delimiterChars.includes(text[i] ?? '!')) {
      delimiters += text[i];
      i += 1;
    }
    if (text[i] !== '}') fail(offset + i, 'a delimiter (. - + , / _ =) or "}"', `unterminated macro "${text.slice(start, i + 1)}"`);
    i += 1;
    expandEnd = i;
    flush();
    parts.push({
      kind: 'macro',
      letter: letter as SpfMacroLetter,
      urlEscape: letterChar !== letter,
      ...(digits === '' ? {} : { keep: Number(digits) }),
      reverse,
      delimiters: delimiters === '' ? '.' : delimiters,
    });
  }
  flush();
  return { value: { text, parts }, expandEnd };
}

/** Parses a domain-spec: a macro string that ends in a macro or in `.toplabel` (RFC 7208 §7.1). */
function domainSpec(text: string, offset: number): SpfMacroString {
  if (text === '') fail(offset, 'a domain-spec', 'an empty domain-spec');
  const { value, expandEnd } = scanMacroString(text, offset, {});
  if (expandEnd === text.length) return value;
  // The literal text after the last macro-expand must end in "." toplabel, optionally with a final dot.
  const tailStart = Math.max(expandEnd, 0);
  const tail = text.slice(tailStart);
  const trimmed = tail.endsWith('.') ? tail.slice(0, -1) : tail;
  const dot = trimmed.lastIndexOf('.');
  if (dot < 0 || !toplabelPattern.test(trimmed.slice(dot + 1))) {
    fail(
      offset + tailStart + Math.max(dot, 0),
      'a domain ending in "." and a top label with a letter, or in a macro',
      `"${text}" does not end in a valid top label`,
    );
  }
  return value;
}

function cidr(text: string, offset: number, family: 4 | 6): number {
  const limit = family === 4 ? 32 : 128;
  const pattern = family === 4 ? /^(?:0|[1-9][0-9]?)$/ : /^(?:0|[1-9][0-9]{0,2})$/;
  if (!pattern.test(text) || Number(text) > limit) {
    fail(offset, `an IPv${family} CIDR length from 0 to ${limit}`, `invalid IPv${family} CIDR length "/${text}"`);
  }
  return Number(text);
}

/** Splits `:domain/24//64` style remainders of `a` and `mx` into the domain-spec and the lengths. */
function addressMechanism(kind: 'a' | 'mx', rest: string, offset: number): SpfMechanism {
  // The lengths are digits at the very end; a "/" before other text belongs to the domain-spec (a macro literal).
  const match = /^(.*?)(?:\/([0-9]+))?(?:\/\/([0-9]+))?$/s.exec(rest) as RegExpExecArray;
  const domainText = match[1] ?? '';
  const ip4Text = match[2];
  const ip6Text = match[3];
  let domain: SpfMacroString | undefined;
  if (domainText !== '') {
    if (!domainText.startsWith(':')) fail(offset, '":" and a domain-spec, or a CIDR length', `unexpected "${domainText}" after "${kind}"`);
    domain = domainSpec(domainText.slice(1), offset + 1);
  }
  const ip4Offset = offset + domainText.length + 1;
  const ip4PrefixLength = ip4Text === undefined ? 32 : cidr(ip4Text, ip4Offset, 4);
  const ip6Offset = offset + rest.length - (ip6Text?.length ?? 0);
  const ip6PrefixLength = ip6Text === undefined ? 128 : cidr(ip6Text, ip6Offset, 6);
  return domain === undefined ? { kind, ip4PrefixLength, ip6PrefixLength } : { kind, domain, ip4PrefixLength, ip6PrefixLength };
}

const ip4Network = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;

function isIp6Network(text: string): boolean {
  // RFC 4291 §2.2 text forms; the evaluator parses it with core's strict parser as well.
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  const last = groups[groups.length - 1] ?? '';
  const v4 = last.includes('.');
  if (v4 && !ip4Network.test(last)) return false;
  const hex = v4 ? groups.slice(0, -1) : groups;
  if (!hex.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false;
  const count = hex.length + (v4 ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

function ipMechanism(kind: 'ip4' | 'ip6', rest: string, offset: number): SpfMechanism {
  if (!rest.startsWith(':')) fail(offset, `":" and an IP${kind === 'ip4' ? 'v4' : 'v6'} network`, `"${kind}" without a network`);
  const slash = rest.indexOf('/');
  const network = slash < 0 ? rest.slice(1) : rest.slice(1, slash);
  const valid = kind === 'ip4' ? ip4Network.test(network) : isIp6Network(network);
  if (!valid) fail(offset + 1, `an IP${kind === 'ip4' ? 'v4' : 'v6'} address`, `invalid ${kind} network "${network}"`);
  const prefixLength = slash < 0 ? (kind === 'ip4' ? 32 : 128) : cidr(rest.slice(slash + 1), offset + slash + 1, kind === 'ip4' ? 4 : 6);
  return { kind, network, prefixLength };
}

function directive(text: string, position: number): SpfDirective {
  let qualifier: SpfQualifier = '+';
  let body = text;
  let offset = position;
  if ('+-~?'.includes(text[0] ?? '')) {
    qualifier = text[0] as SpfQualifier;
    body = text.slice(1);
    offset += 1;
  }
  const name = (mechanismNamePattern.exec(body)?.[0] ?? '').toLowerCase();
  const rest = body.slice(name.length);
  const restOffset = offset + name.length;
  let mechanism: SpfMechanism;
  switch (name) {
    case 'all':
      if (rest !== '') fail(restOffset, 'the end of the term', `unexpected "${rest}" after "all"`);
      mechanism = { kind: 'all' };
      break;
    case 'include':
    case 'exists':
      if (!rest.startsWith(':')) fail(restOffset, '":" and a domain-spec', `"${name}" without a domain-spec`);
      mechanism = { kind: name, domain: domainSpec(rest.slice(1), restOffset + 1) };
      break;
    case 'a':
    case 'mx':
      mechanism = addressMechanism(name, rest, restOffset);
      break;
    case 'ptr':
      if (rest === '') mechanism = { kind: 'ptr' };
      else if (rest.startsWith(':')) mechanism = { kind: 'ptr', domain: domainSpec(rest.slice(1), restOffset + 1) };
      else fail(restOffset, '":" and a domain-spec, or the end of the term', `unexpected "${rest}" after "ptr"`);
      break;
    case 'ip4':
    case 'ip6':
      mechanism = ipMechanism(name, rest, restOffset);
      break;
    default:
      fail(offset, 'a mechanism (all include a mx ptr ip4 ip6 exists) or a modifier', `unknown mechanism "${body}"`);
  }
  return { type: 'directive', qualifier, mechanism, text, position };
}

function modifier(text: string, position: number): SpfModifier {
  const equals = text.indexOf('=');
  const name = text.slice(0, equals).toLowerCase();
  const valueText = text.slice(equals + 1);
  const valueOffset = position + equals + 1;
  const value = name === 'redirect' || name === 'exp' ? domainSpec(valueText, valueOffset) : macroString(valueText, valueOffset, {});
  return { type: 'modifier', name, value, text, position };
}

/**
 * True when a TXT record's text is an SPF version 1 record: it starts with `v=spf1`
 * (case-insensitive) followed by a space or the end (RFC 7208 §4.5).
 */
export function isSpfRecordText(text: string): boolean {
  return text.slice(0, 6).toLowerCase() === 'v=spf1' && (text.length === 6 || text[6] === ' ');
}

/**
 * Parses an SPF record (RFC 7208 §12): `v=spf1`, then terms separated by one or more spaces,
 * each a directive (qualifier and mechanism with its domain-spec, networks and dual CIDR lengths)
 * or a modifier (`redirect`, `exp`, or an unknown one with a valid macro string). Macro strings
 * are checked letter by letter; `c`, `r` and `t` are refused outside explanations. `redirect`
 * and `exp` may each appear once. Records longer than {@link maxSpfRecordLength} are refused.
 * @param text - the record: the character-strings of one TXT record joined without separator
 * @returns the record, or the first syntax error with its position and what was expected
 */
export function parseSpf(text: string): SpfParseResult {
  try {
    if (text.length > maxSpfRecordLength) {
      fail(maxSpfRecordLength, `at most ${maxSpfRecordLength} characters`, `the record is ${text.length} characters long`);
    }
    if (!isSpfRecordText(text)) fail(0, '"v=spf1" followed by a space or the end', 'the record does not start with "v=spf1"');
    const terms: SpfTerm[] = [];
    let redirect: SpfModifier | undefined;
    let exp: SpfModifier | undefined;
    let i = 6;
    while (i < text.length) {
      // Terms are separated by spaces only (RFC 7208 §4.6.1); any other character belongs to a term.
      while (text[i] === ' ') i += 1;
      if (i >= text.length) break;
      const end = text.indexOf(' ', i);
      const termText = text.slice(i, end < 0 ? text.length : end);
      const term = modifierPattern.test(termText) ? modifier(termText, i) : directive(termText, i);
      if (term.type === 'modifier' && (term.name === 'redirect' || term.name === 'exp')) {
        if ((term.name === 'redirect' ? redirect : exp) !== undefined) {
          fail(i, `at most one "${term.name}=" modifier`, `a second "${term.name}=" modifier`);
        }
        if (term.name === 'redirect') redirect = term;
        else exp = term;
      }
      terms.push(term);
      i += termText.length;
    }
    const directives = terms.filter((term): term is SpfDirective => term.type === 'directive');
    return {
      ok: true,
      record: { text, terms, directives, ...(redirect === undefined ? {} : { redirect }), ...(exp === undefined ? {} : { exp }) },
    };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: error.detail };
    throw error;
  }
}

/**
 * Parses a macro string outside a record: explanation text fetched for `exp=` (spaces and the
 * letters `c`, `r`, `t` allowed) or a domain-spec.
 * @returns the macro string, or the syntax error
 */
export function parseSpfMacroString(
  text: string,
  options: MacroStringOptions = {},
): { readonly ok: true; readonly value: SpfMacroString } | { readonly ok: false; readonly error: SpfSyntaxError } {
  try {
    if (text.length > maxSpfRecordLength) fail(maxSpfRecordLength, `at most ${maxSpfRecordLength} characters`, 'the text is too long');
    return { ok: true, value: macroString(text, 0, options) };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: error.detail };
    throw error;
  }
}
