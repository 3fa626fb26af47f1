import type { Finding } from '../model/finding.js';
import type { JsonObject } from '../model/json.js';
import type { VerdictStatus } from '../model/status.js';
import type { Subject } from '../model/subject.js';
import type { CaaSelection } from './lookup.js';
import { type CaaIssue, type CaaRecord, checkCaaRecord } from './parse.js';

/** Internet.nl evaluates at most this many records of a set (`CAA_MAX_RECORDS`). */
export const caaMaxRecords = 1000;

/** A CAA record set checked. */
export interface CaaEvaluation {
  /** Whether a CAA record set was found while climbing the tree. */
  readonly found: boolean;
  /** Where it was found (the canonical name, after CNAMEs). */
  readonly foundOn?: string;
  /** The records as text, `0 issue "ca.example"`. */
  readonly records: readonly string[];
  /** Every problem, in record order, then the missing `issue` tag. */
  readonly errors: readonly CaaIssue[];
  /** The Internet.nl outcome: `good`, `bad` (none), `insufficient` (only `issue` missing), `syntax-error`. */
  readonly outcome: 'good' | 'bad' | 'insufficient' | 'syntax-error';
  /** pastoe-only remarks, e.g. an `issue` tag in capitals that Internet.nl does not count. */
  readonly remarks: readonly CaaIssue[];
}

function recordText(record: CaaRecord): string {
  return `${record.flags} ${record.tag} "${record.value.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * Evaluates the relevant CAA record set (Internet.nl `CAAEvaluation` and `web_caa`/`mail_caa`):
 * no set is `bad`; any record error is `syntax-error`; a set without an `issue` property (the
 * only error) is `insufficient` (`missing-required-property-issue`); otherwise `good`.
 *
 * Reproduced quirk: Internet.nl looks for the required `issue` tag case-sensitively, although
 * RFC 8659 tags are case-insensitive; pastoe does the same and adds a remark when the set holds
 * `issue` in other capitals.
 */
export function evaluateCaa(selection: CaaSelection): CaaEvaluation {
  if (selection.status !== 'found') return { found: false, records: [], errors: [], outcome: 'bad', remarks: [] };
  const records = selection.records.slice(0, caaMaxRecords);
  const errors: CaaIssue[] = [];
  for (const record of records) {
    const issue = checkCaaRecord(record);
    if (issue !== undefined) errors.push(issue);
  }
  const remarks: CaaIssue[] = [];
  if (!records.some((record) => record.tag === 'issue')) {
    errors.push({ id: 'missing-required-property-issue', params: { property_tag: 'issue' } });
    if (records.some((record) => record.tag.toLowerCase() === 'issue'))
      remarks.push({ id: 'issue-tag-case', params: { property_tag: 'issue' } });
  }
  const onlyMissing = errors.length === 1 && errors[0]?.id === 'missing-required-property-issue';
  const outcome = errors.length === 0 ? 'good' : onlyMissing ? 'insufficient' : 'syntax-error';
  return { found: true, foundOn: selection.canonicalName, records: records.map(recordText), errors, outcome, remarks };
}

/** The CAA subtest as a check returns it: status, outcome, findings, facts. */
export interface CaaJudgement {
  /** `pass` for good, else `fail` (the recommended level shows a warning). */
  readonly status: VerdictStatus;
  /** The outcome code. */
  readonly outcome: string;
  /** One finding per error (`<checkId>.<message id>`), plus pastoe remarks. */
  readonly findings: readonly Finding[];
  /** The records and where they were found (Internet.nl's `caa_records`, `caa_found_on_domain`). */
  readonly facts: JsonObject;
}

/** Turns a {@link CaaEvaluation} into a judgement for the check with this id. */
export function judgeCaa(checkId: string, evaluation: CaaEvaluation, subject?: Subject): CaaJudgement {
  const make = (issue: CaaIssue, pastoe: boolean): Finding => ({
    id: `${checkId}.${issue.id}`,
    params: pastoe ? { ...issue.params, scope: 'pastoe' } : issue.params,
    ...(subject === undefined ? {} : { subject }),
  });
  const findings = evaluation.found
    ? [...evaluation.errors.map((issue) => make(issue, false)), ...evaluation.remarks.map((issue) => make(issue, true))]
    : [{ id: `${checkId}.no-caa`, ...(subject === undefined ? {} : { subject }) }];
  return {
    status: evaluation.outcome === 'good' ? 'pass' : 'fail',
    outcome: evaluation.outcome,
    findings,
    facts: {
      enabled: evaluation.found,
      records: [...evaluation.records],
      foundOn: evaluation.foundOn ?? null,
      errors: evaluation.errors.map((issue) => issue.id),
    },
  };
}
