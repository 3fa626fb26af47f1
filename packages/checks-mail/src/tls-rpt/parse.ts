/**
 * The TLS-RPT TXT record at `_smtp._tls.<domain>` (RFC 8460 §3): `v=TLSRPTv1; rua=<uri>[,<uri>]`,
 * where each URI is `mailto:` (reports by mail) or `https:` (reports posted); extensions ignored.
 */
import { beginsWithVersion, type RecordField, splitRecord } from '../mta-sts/fields.js';
import { type PolicyTextProblem, problem } from '../mta-sts/problem.js';

/** The version a TLS-RPT record begins with. */
export const tlsRptVersion = 'TLSRPTv1';

/** One report destination of `rua`. */
export interface TlsRptUri {
  /** The URI as written. */
  readonly uri: string;
  /** `mailto` or `https`. */
  readonly scheme: 'mailto' | 'https';
}

/** A TLS-RPT record's values. */
export interface TlsRptRecord {
  /** Where reports go, in order. */
  readonly rua: readonly TlsRptUri[];
  /** The other fields, as written. */
  readonly extensions: readonly RecordField[];
}

/** What {@link parseTlsRpt} found. */
export interface TlsRptParseResult {
  /** True when senders accept the record. */
  readonly valid: boolean;
  /** The values, when valid. */
  readonly record?: TlsRptRecord;
  /** Why not, in the order found. */
  readonly errors: readonly PolicyTextProblem[];
}

/**
 * Whether a TXT text at `_smtp._tls.<domain>` counts as a TLS-RPT record in discovery (RFC 8460
 * §3: records that do not begin with `v=TLSRPTv1;` are discarded; a bare version is kept too, to
 * be reported).
 */
export function isTlsRptRecordText(text: string): boolean {
  return beginsWithVersion(text, `v=${tlsRptVersion}`);
}

/** A `mailto:` URI with one address (RFC 6068), or an `https:` URL with a host. */
function readUri(uri: string): TlsRptUri | PolicyTextProblem {
  const scheme = uri.slice(0, uri.indexOf(':') + 1).toLowerCase();
  if (scheme === 'mailto:') {
    const address = uri.slice('mailto:'.length);
    if (/^[^\s@,;?]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(address)) return { uri, scheme: 'mailto' };
    return problem('invalid-uri', `"${uri.slice(0, 60)}" is not a mailto: URI with one address`, { field: 'rua', value: uri });
  }
  if (scheme === 'https:') {
    try {
      const url = new URL(uri);
      if (url.hostname !== '' && !/\s/.test(uri)) return { uri, scheme: 'https' };
    } catch {
      // Reported below.
    }
    return problem('invalid-uri', `"${uri.slice(0, 60)}" is not an https: URL`, { field: 'rua', value: uri });
  }
  return problem('unsupported-uri-scheme', `"${uri.slice(0, 60)}" is neither mailto: nor https:`, { field: 'rua', value: uri });
}

/**
 * Parses one TLS-RPT record (its strings joined). `rua` must appear exactly once with at least
 * one `mailto:` or `https:` URI, separated by commas. Discovery needs exactly one record: several
 * mean no TLS-RPT, which is the caller's to judge.
 */
export function parseTlsRpt(text: string): TlsRptParseResult {
  const split = splitRecord(text, `v=${tlsRptVersion}`, ['rua']);
  const errors = [...split.errors];
  if (split.errors.some((error) => error.code === 'version' || error.code === 'too-long')) return { valid: false, errors };
  const ruaFields = split.fields.filter((field) => field.name === 'rua');
  const [ruaField] = ruaFields;
  if (ruaField === undefined) errors.push(problem('missing-rua', 'the record has no rua field'));
  if (ruaFields.length > 1) errors.push(problem('duplicate-field', 'the record has more than one rua field', { field: 'rua' }));
  const rua: TlsRptUri[] = [];
  for (const raw of ruaField?.value.split(',') ?? []) {
    const uri = raw.replace(/^[ \t]+|[ \t]+$/g, '');
    if (uri === '') {
      errors.push(problem('invalid-uri', 'rua holds an empty URI', { field: 'rua' }));
      continue;
    }
    const read = readUri(uri);
    if ('code' in read) errors.push(read);
    else rua.push(read);
  }
  if (errors.length > 0) return { valid: false, errors };
  return { valid: true, record: { rua, extensions: split.fields.filter((field) => field.name !== 'rua') }, errors };
}
