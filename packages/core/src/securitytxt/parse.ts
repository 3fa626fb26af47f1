/**
 * The security.txt parser and validator (RFC 9116): fields, the OpenPGP cleartext signature
 * framework (RFC 4880 §7), and every error, recommendation and notification code of the `sectxt`
 * library that Internet.nl reports, each with its line. Pure: the final URL and the clock are
 * parameters, the input is bytes (so that a BOM and invalid UTF-8 are seen), and the work is bounded.
 */
import { isLanguageTag } from './language-tag.js';
import { decodeArmorBody, encodeBase64 } from './openpgp-armor.js';
import { OpenPgpFormatError, packetTags, readPackets, readSignature } from './openpgp-packets.js';

/** Errors: any of them makes the file invalid (Internet.nl: `warning` / `bad`). */
export type SecurityTxtErrorCode =
  | 'no_expire'
  | 'multi_expire'
  | 'invalid_expiry'
  | 'expired'
  | 'no_contact'
  | 'no_canonical_match'
  | 'multi_lang'
  | 'invalid_lang'
  | 'no_uri'
  | 'no_https'
  | 'prec_ws'
  | 'no_space'
  | 'empty_key'
  | 'empty_value'
  | 'invalid_line'
  | 'no_line_separators'
  | 'signed_format_issue'
  | 'data_after_sig'
  | 'pgp_data_error'
  | 'pgp_error'
  | 'bom_in_file'
  | 'utf8'
  | 'no_csaf_file';

/** Recommendations: the file is valid but could be better (Internet.nl: `info` / `recommendations`). */
export type SecurityTxtRecommendationCode = 'long_expiry' | 'no_encryption' | 'not_signed' | 'no_canonical' | 'multiple_csaf_fields';

/** Notifications (Internet.nl: `info` / `recommendations` too). */
export type SecurityTxtNotificationCode = 'unknown_field';

/** One problem: its code, the 1-based line it is on (`null` for the whole file) and a line for people. */
export interface SecurityTxtProblem<Code extends string> {
  /** The code, as the `sectxt` library and Internet.nl name it. */
  readonly code: Code;
  /** The 1-based line, or `null` when it concerns the whole file. */
  readonly line: number | null;
  /** One sentence in English. */
  readonly message: string;
}

/** One field line: the name as written, the value without surrounding whitespace, and its line. */
export interface SecurityTxtField {
  /** The field name as written (case kept). */
  readonly name: string;
  /** The value, trimmed. */
  readonly value: string;
  /** The 1-based line. */
  readonly line: number;
}

/** The OpenPGP cleartext signature of a signed file. */
export interface SecurityTxtSignature {
  /** The `Hash` armor header values, e.g. `["SHA256"]`. */
  readonly hashHeaders: readonly string[];
  /** The signed text as RFC 4880 §7.1 hashes it: dash-escaping undone, trailing whitespace removed, CRLF line ends, no final line end. */
  readonly signedText: string;
  /** The binary signature packet(s) from the armored block, base64; absent when the block did not decode. */
  readonly packetsBase64?: string;
  /** The signature packet's version, when it read. */
  readonly version?: number;
}

/** What {@link parseSecurityTxt} found. */
export interface SecurityTxt {
  /** Contact values, in order. */
  readonly contact: readonly string[];
  /** The first Expires value, as written. */
  readonly expires?: string;
  /** Encryption values. */
  readonly encryption: readonly string[];
  /** Acknowledgments values. */
  readonly acknowledgments: readonly string[];
  /** The language tags of the first Preferred-Languages field. */
  readonly preferredLanguages?: readonly string[];
  /** Canonical values. */
  readonly canonical: readonly string[];
  /** Policy values. */
  readonly policy: readonly string[];
  /** Hiring values. */
  readonly hiring: readonly string[];
  /** CSAF values. */
  readonly csaf: readonly string[];
  /** Fields RFC 9116 does not define, in order. */
  readonly unknownFields: readonly SecurityTxtField[];
  /** Every field line, in order. */
  readonly fields: readonly SecurityTxtField[];
  /** Whether the file uses the OpenPGP cleartext signature framework. */
  readonly signed: boolean;
  /** The signature, when the file is signed and its framework is complete. */
  readonly signature?: SecurityTxtSignature;
  /** Whether the input was longer than the limit and only its start was read. */
  readonly truncated: boolean;
  /** Errors. */
  readonly errors: readonly SecurityTxtProblem<SecurityTxtErrorCode>[];
  /** Recommendations. */
  readonly recommendations: readonly SecurityTxtProblem<SecurityTxtRecommendationCode>[];
  /** Notifications. */
  readonly notifications: readonly SecurityTxtProblem<SecurityTxtNotificationCode>[];
}

/** Options of {@link parseSecurityTxt}. */
export interface ParseSecurityTxtOptions {
  /** The clock for Expires. */
  readonly now: Date;
  /** The URL the file was finally fetched from (after redirects): when Canonical fields exist, one must equal it. */
  readonly url?: string;
  /** The most bytes read; default and maximum 102 400 (100 KB, as Internet.nl reads). */
  readonly maxBytes?: number;
}

/** The most bytes parsed: Internet.nl reads 100 KB. */
export const securityTxtMaxBytes = 102_400;

const beginSigned = '-----BEGIN PGP SIGNED MESSAGE-----';
const beginSignature = '-----BEGIN PGP SIGNATURE-----';
const endSignature = '-----END PGP SIGNATURE-----';
const uriFields = new Set(['acknowledgments', 'canonical', 'contact', 'csaf', 'encryption', 'hiring', 'policy']);
const knownFields = new Set([...uriFields, 'expires', 'preferred-languages']);
/** RFC 5322 field names: printable ASCII but the colon. */
const fieldName = /^[\x21-\x39\x3b-\x7e]+$/;
const uriScheme = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** RFC 3339 date-time (the ISO 8601 profile RFC 9116 §2.5.5 names). */
const dateTime = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const messages: Readonly<Record<SecurityTxtErrorCode | SecurityTxtRecommendationCode | SecurityTxtNotificationCode, string>> = {
  no_expire: "The 'Expires' field must be present.",
  multi_expire: "The 'Expires' field must not appear more than once.",
  invalid_expiry: "The date and time in 'Expires' must be formatted according to ISO 8601 (RFC 3339).",
  expired: "The date and time in 'Expires' must not be in the past.",
  no_contact: "The 'Contact' field must appear at least once.",
  no_canonical_match: "The web URI of the file must match a 'Canonical' field.",
  multi_lang: "The 'Preferred-Languages' field must not appear more than once.",
  invalid_lang: "'Preferred-Languages' must hold RFC 5646 language tags separated by commas.",
  no_uri: 'The field value must be a URI (e.g. beginning with mailto:).',
  no_https: "A web URI must begin with 'https://'.",
  prec_ws: 'There must be no whitespace before the field separator (colon).',
  no_space: 'The field separator (colon) must be followed by a space.',
  empty_key: 'The field name must not be empty.',
  empty_value: 'The field value must not be empty.',
  invalid_line: 'A line must hold a field name and value, unless it is blank or a comment.',
  no_line_separators: 'Every line must end with a line feed (or carriage return and line feed).',
  signed_format_issue: "A signed file must start with '-----BEGIN PGP SIGNED MESSAGE-----' and follow the cleartext signature framework.",
  data_after_sig: 'There must be no data after the signature.',
  pgp_data_error: 'The signature block is not correct ASCII-armored OpenPGP data.',
  pgp_error: 'The signature could not be decoded as an OpenPGP signature.',
  bom_in_file: 'The file must not start with a byte order mark.',
  utf8: 'The content must be UTF-8 encoded.',
  no_csaf_file: "A 'CSAF' field must link to a provider-metadata.json file.",
  long_expiry: "The date and time in 'Expires' should be less than a year into the future.",
  no_encryption: "An 'Encryption' field should be present when 'Contact' holds an e-mail address.",
  not_signed: 'The file should be digitally signed.',
  no_canonical: "A signed file should have a 'Canonical' field.",
  multiple_csaf_fields: "There should be only one 'CSAF' field.",
  unknown_field: 'The file has a field RFC 9116 does not define: a custom field or a typo.',
};

/** Decodes UTF-8; `valid` is false when bytes had to be replaced. */
function decodeUtf8(bytes: Uint8Array): { readonly text: string; readonly valid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), valid: true };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), valid: false };
  }
}

/** Parses an RFC 3339 date-time, checking the calendar; `undefined` when it is not one. */
function parseDateTime(value: string): Date | undefined {
  const match = dateTime.exec(value);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as [number, number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const zone = match[8] ?? 'Z';
  if (zone.length === 6 && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return undefined;
  const date = new Date(value.replace(' ', 'T').replace(/:60(\.\d+)?(?=[Zz+-])/, ':59$1'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Normalises a URL for comparison (scheme and host case, default port); the text itself when it does not parse. */
function normaliseUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** The field collector and problem list of one parse. */
class Collector {
  readonly errors: SecurityTxtProblem<SecurityTxtErrorCode>[] = [];
  readonly recommendations: SecurityTxtProblem<SecurityTxtRecommendationCode>[] = [];
  readonly notifications: SecurityTxtProblem<SecurityTxtNotificationCode>[] = [];
  readonly fields: SecurityTxtField[] = [];

  error(code: SecurityTxtErrorCode, line: number | null): void {
    this.errors.push({ code, line, message: messages[code] });
  }

  recommend(code: SecurityTxtRecommendationCode, line: number | null): void {
    this.recommendations.push({ code, line, message: messages[code] });
  }

  notify(code: SecurityTxtNotificationCode, line: number | null): void {
    this.notifications.push({ code, line, message: messages[code] });
  }

  named(name: string): SecurityTxtField[] {
    return this.fields.filter((field) => field.name.toLowerCase() === name);
  }
}

/** Parses one content line (a field, a comment or a blank line) and records what it finds. */
function parseContentLine(line: string, number: number, found: Collector, now: Date): void {
  if (line === '' || line.startsWith('#')) return;
  const colon = line.indexOf(':');
  if (colon === -1) {
    found.error('invalid_line', number);
    return;
  }
  const rawName = line.slice(0, colon);
  const rawValue = line.slice(colon + 1);
  if (rawName.trim() === '') {
    found.error('empty_key', number);
    return;
  }
  const name = rawName.trimEnd();
  if (name !== rawName) found.error('prec_ws', number);
  if (!fieldName.test(name)) {
    found.error('invalid_line', number);
    return;
  }
  if (rawValue !== '' && !rawValue.startsWith(' ')) found.error('no_space', number);
  const value = rawValue.trim();
  if (value === '') {
    found.error('empty_value', number);
    return;
  }
  const field = { name, value, line: number };
  found.fields.push(field);
  const key = name.toLowerCase();
  if (!knownFields.has(key)) {
    found.notify('unknown_field', number);
  } else if (uriFields.has(key)) {
    const scheme = uriScheme.exec(value)?.[1]?.toLowerCase();
    if (scheme === undefined) found.error('no_uri', number);
    else if (scheme === 'http') found.error('no_https', number);
    if (key === 'csaf' && scheme !== undefined && !/\/provider-metadata\.json$/i.test(value.split(/[?#]/)[0] ?? '')) {
      found.error('no_csaf_file', number);
    }
  } else if (key === 'expires') {
    const date = parseDateTime(value);
    if (date === undefined) {
      found.error('invalid_expiry', number);
    } else {
      const yearAhead = new Date(now.getTime());
      yearAhead.setUTCFullYear(yearAhead.getUTCFullYear() + 1);
      if (date.getTime() < now.getTime()) found.error('expired', number);
      else if (date.getTime() > yearAhead.getTime()) found.recommend('long_expiry', number);
    }
  } else if (key === 'preferred-languages') {
    if (value.split(',').some((tag) => !isLanguageTag(tag.trim()))) found.error('invalid_lang', number);
  }
}

/** Reads the armored signature lines and records `pgp_data_error` or `pgp_error`. */
function readSignatureBlock(
  lines: readonly string[],
  line: number,
  found: Collector,
): Pick<SecurityTxtSignature, 'packetsBase64' | 'version'> {
  const decoded = decodeArmorBody(lines);
  if (!decoded.ok) {
    found.error('pgp_data_error', line);
    return {};
  }
  const { data } = decoded.block;
  const packetsBase64 = encodeBase64(data);
  try {
    const signature = readPackets(data).find((packet) => packet.tag === packetTags.signature);
    if (signature === undefined) throw new OpenPgpFormatError('no signature packet');
    const reading = readSignature(signature.body);
    return { packetsBase64, version: reading.kind === 'v4' ? 4 : reading.version };
  } catch (error) {
    if (!(error instanceof OpenPgpFormatError)) throw error;
    found.error('pgp_error', line);
    return { packetsBase64 };
  }
}

/**
 * Parses and validates a security.txt file (RFC 9116) as Internet.nl's `sectxt` library does,
 * reporting each problem with its line. A file in the OpenPGP cleartext signature framework
 * (RFC 4880 §7) is detected, its dash-escaping undone and its signed text validated; the
 * signature block is decoded (`pgp_data_error`, `pgp_error`) but not verified here (see
 * `verifySecurityTxtSignature` in `@pastoe/core`).
 *
 * @param bytes - the file as received (at most `maxBytes` are read)
 * @param options - the clock, the final URL for Canonical, the byte limit
 * @returns the fields, the signature framework, and the errors, recommendations and notifications
 */
export function parseSecurityTxt(bytes: Uint8Array, options: ParseSecurityTxtOptions): SecurityTxt {
  const limit = Math.min(options.maxBytes ?? securityTxtMaxBytes, securityTxtMaxBytes);
  const found = new Collector();
  const truncated = bytes.length > limit;
  let input = truncated ? bytes.subarray(0, limit) : bytes;
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    found.error('bom_in_file', 1);
    input = input.subarray(3);
  }
  const { text, valid } = decodeUtf8(input);
  if (!valid) found.error('utf8', null);

  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else if (text !== '') found.error('no_line_separators', lines.length);

  type State = 'unsigned' | 'armor-headers' | 'signed-text' | 'signature' | 'after-signature';
  let state: State = 'unsigned';
  const hashHeaders: string[] = [];
  const signedLines: string[] = [];
  const signatureLines: string[] = [];
  let signatureLine = 0;
  let block: Pick<SecurityTxtSignature, 'packetsBase64' | 'version'> = {};
  for (const [index, raw] of lines.entries()) {
    const number = index + 1;
    const line = raw.replace(/[ \t\r]+$/, '');
    switch (state) {
      case 'armor-headers':
        if (line === '') {
          state = 'signed-text';
          continue;
        }
        if (line.startsWith('Hash: ')) {
          hashHeaders.push(
            ...line
              .slice(6)
              .split(',')
              .map((name) => name.trim()),
          );
          continue;
        }
        // The blank line that ends the armor headers is missing: the text starts here.
        found.error('signed_format_issue', number);
        state = 'signed-text';
        break;
      case 'signature':
        if (line === endSignature) {
          state = 'after-signature';
          block = readSignatureBlock(signatureLines, signatureLine, found);
        } else {
          signatureLines.push(line);
        }
        continue;
      case 'after-signature':
        if (line !== '') found.error('data_after_sig', number);
        continue;
      case 'unsigned':
        if (line === beginSigned) {
          if (number === 1) state = 'armor-headers';
          else found.error('signed_format_issue', number);
          continue;
        }
        parseContentLine(line, number, found, options.now);
        continue;
      default:
        break;
    }
    // Signed text.
    if (line === beginSignature) {
      state = 'signature';
      signatureLine = number;
      continue;
    }
    if (line === beginSigned) {
      found.error('signed_format_issue', number);
      continue;
    }
    const unescaped = line.startsWith('- ') ? line.slice(2) : line;
    signedLines.push(unescaped);
    parseContentLine(unescaped, number, found, options.now);
  }

  const signed = state !== 'unsigned';
  if (state === 'armor-headers' || state === 'signed-text') found.error('signed_format_issue', null);
  if (state === 'signature') found.error('pgp_data_error', signatureLine);

  const value = (name: string): string[] => found.named(name).map((field) => field.value);
  const expires = found.named('expires');
  if (expires.length === 0) found.error('no_expire', null);
  else if (expires.length > 1) found.error('multi_expire', expires[1]?.line ?? null);
  const contact = value('contact');
  if (contact.length === 0) found.error('no_contact', null);
  const canonical = value('canonical');
  if (canonical.length > 0 && options.url !== undefined) {
    const url = normaliseUrl(options.url);
    if (!canonical.some((candidate) => normaliseUrl(candidate) === url)) found.error('no_canonical_match', null);
  }
  const languages = found.named('preferred-languages');
  if (languages.length > 1) found.error('multi_lang', languages[1]?.line ?? null);
  const encryption = value('encryption');
  if (contact.some((uri) => /^mailto:/i.test(uri)) && encryption.length === 0) found.recommend('no_encryption', null);
  if (!signed) found.recommend('not_signed', null);
  else if (canonical.length === 0) found.recommend('no_canonical', null);
  const csaf = found.named('csaf');
  if (csaf.length > 1) found.recommend('multiple_csaf_fields', csaf[1]?.line ?? null);

  const byLine = <Code extends string>(problems: SecurityTxtProblem<Code>[]): SecurityTxtProblem<Code>[] =>
    problems.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  const firstLanguages = languages[0]?.value.split(',').map((tag) => tag.trim());
  return {
    contact,
    ...(expires[0] === undefined ? {} : { expires: expires[0].value }),
    encryption,
    acknowledgments: value('acknowledgments'),
    ...(firstLanguages === undefined ? {} : { preferredLanguages: firstLanguages }),
    canonical,
    policy: value('policy'),
    hiring: value('hiring'),
    csaf: csaf.map((field) => field.value),
    unknownFields: found.fields.filter((field) => !knownFields.has(field.name.toLowerCase())),
    fields: found.fields,
    signed,
    ...(signed && state === 'after-signature' ? { signature: { hashHeaders, signedText: signedLines.join('\r\n'), ...block } } : {}),
    truncated,
    errors: byLine(found.errors),
    recommendations: byLine(found.recommendations),
    notifications: byLine(found.notifications),
  };
}
