/**
 * The `v=<version>; name=value; ...` grammar the MTA-STS (RFC 8461 §3.1) and TLS-RPT (RFC 8460
 * §3) TXT records share: the version first, fields split by `;` with optional whitespace around
 * it (RFC 8461's erratum 6285 notes the grammar allows it before the `;`), a trailing `;`
 * allowed, extension names and values by the RFCs' `ext-name` and `ext-value` rules.
 */
import { type PolicyTextProblem, problem } from './problem.js';

/** One `name=value` field of a record, as written. */
export interface RecordField {
  /** The name (case kept: the RFCs' names are case-sensitive). */
  readonly name: string;
  /** The value. */
  readonly value: string;
}

/** The fields of a record after its version, and what was wrong with their syntax. */
export interface SplitRecord {
  /** The fields, in order, duplicates kept. */
  readonly fields: readonly RecordField[];
  /** Syntax errors, in the order found. */
  readonly errors: readonly PolicyTextProblem[];
}

/** `ext-name`: a letter or digit, then up to 31 letters, digits, `_`, `-` or `.`. */
export const extensionNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
/** `ext-value`: visible ASCII without `;` and `=`. */
const extensionValuePattern = /^[\x21-\x3a\x3c\x3e-\x7e]+$/;
/** Space and horizontal tab, the RFCs' WSP. */
const wsp = /^[ \t]+|[ \t]+$/g;

/** The longest record text parsed, in characters: a TXT record is far shorter in practice. */
export const maxRecordTextLength = 8192;

/**
 * Splits a record into fields after checking that it begins with exactly `version` (e.g.
 * `v=STSv1`). Values of the fields the caller knows (`known`) are returned unchecked for the
 * caller to judge; other fields must be valid extensions.
 */
export function splitRecord(text: string, version: string, known: readonly string[]): SplitRecord {
  if (text.length > maxRecordTextLength) {
    return { fields: [], errors: [problem('too-long', `the record is longer than ${maxRecordTextLength} characters`)] };
  }
  const [first = '', ...rest] = text.split(';');
  if (first.replace(/[ \t]+$/, '') !== version) {
    return { fields: [], errors: [problem('version', `the record must begin with ${version}`, { value: first })] };
  }
  const errors: PolicyTextProblem[] = [];
  const fields: RecordField[] = [];
  rest.forEach((raw, index) => {
    const part = raw.replace(wsp, '');
    if (part === '') {
      if (index < rest.length - 1) errors.push(problem('empty-field', 'an empty field between two semicolons'));
      return;
    }
    const equals = part.indexOf('=');
    const name = equals < 0 ? part : part.slice(0, equals);
    const value = equals < 0 ? '' : part.slice(equals + 1);
    if (equals < 0 || !extensionNamePattern.test(name)) {
      errors.push(problem('malformed-field', `"${part.slice(0, 40)}" is not a name=value field`, { value: part }));
      return;
    }
    if (!known.includes(name) && !extensionValuePattern.test(value)) {
      errors.push(
        problem('invalid-extension', `the value of ${name} has characters the record grammar does not allow`, { field: name, value }),
      );
      return;
    }
    fields.push({ name, value });
  });
  return { fields, errors };
}

/**
 * Whether a TXT text is a record of this kind by the RFCs' discovery rule: it begins with the
 * version followed by `;` (whitespace before the `;`, or a bare version, also counted so that
 * such records are reported as errors rather than ignored).
 */
export function beginsWithVersion(text: string, version: string): boolean {
  if (!text.startsWith(version)) return false;
  const next = text.slice(version.length).replace(/^[ \t]+/, '');
  return next === '' || next.startsWith(';');
}
