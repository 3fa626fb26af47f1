/**
 * The MTA-STS TXT record at `_mta-sts.<domain>` (RFC 8461 §3.1): `v=STSv1; id=<1-32 letters or
 * digits>`, extensions allowed and ignored.
 */
import { beginsWithVersion, type RecordField, splitRecord } from './fields.js';
import { type PolicyTextProblem, problem } from './problem.js';

/** The version an MTA-STS record begins with. */
export const mtaStsRecordVersion = 'STSv1';

/** An MTA-STS record's values. */
export interface MtaStsRecord {
  /** The policy instance id: it changes whenever the policy does. */
  readonly id: string;
  /** The other fields, as written. */
  readonly extensions: readonly RecordField[];
}

/** What {@link parseMtaStsRecord} found. */
export interface MtaStsRecordParseResult {
  /** True when senders accept the record. */
  readonly valid: boolean;
  /** The values, when valid. */
  readonly record?: MtaStsRecord;
  /** Why not, in the order found. */
  readonly errors: readonly PolicyTextProblem[];
}

/**
 * Whether a TXT text at `_mta-sts.<domain>` counts as an MTA-STS record in discovery (RFC 8461
 * §3.1: records that do not begin with `v=STSv1;` are discarded; pastoe keeps `v=STSv1` alone
 * and with whitespace before the `;` too, so that they are reported rather than ignored).
 */
export function isMtaStsRecordText(text: string): boolean {
  return beginsWithVersion(text, `v=${mtaStsRecordVersion}`);
}

/**
 * Parses one MTA-STS TXT record (its strings joined). Discovery needs exactly one record: a
 * domain with several has no usable policy, which is the caller's to judge.
 */
export function parseMtaStsRecord(text: string): MtaStsRecordParseResult {
  const split = splitRecord(text, `v=${mtaStsRecordVersion}`, ['id']);
  const errors = [...split.errors];
  const ids = split.fields.filter((field) => field.name === 'id');
  const [id] = ids;
  if (split.errors.some((error) => error.code === 'version' || error.code === 'too-long')) return { valid: false, errors };
  if (id === undefined) errors.push(problem('missing-id', 'the record has no id field'));
  else if (!/^[A-Za-z0-9]{1,32}$/.test(id.value)) {
    errors.push(problem('invalid-id', 'the id must be 1 to 32 letters and digits', { field: 'id', value: id.value }));
  }
  if (ids.length > 1) errors.push(problem('duplicate-field', 'the record has more than one id field', { field: 'id' }));
  if (errors.length > 0 || id === undefined) return { valid: false, errors };
  return { valid: true, record: { id: id.value, extensions: split.fields.filter((field) => field.name !== 'id') }, errors };
}
