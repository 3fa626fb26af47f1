import type { Finding } from '../model/finding.js';
import type { JsonObject } from '../model/json.js';
import type { VerdictStatus } from '../model/status.js';
import type { Subject } from '../model/subject.js';
import type { DaneResult } from './evaluate.js';

/** A status, outcome code, findings and facts for one DANE subtest, as a check returns them. */
export interface DaneJudgement {
  /** The status to ask for (the runner clamps it to the level). */
  readonly status: VerdictStatus;
  /** The Internet.nl outcome code. */
  readonly outcome: string;
  /** What was found. */
  readonly findings: readonly Finding[];
  /** Report facts. */
  readonly facts: JsonObject;
}

function facts(result: DaneResult): JsonObject {
  return {
    records: [...result.records],
    outcomes: result.outcomes.map((o) => ({ record: o.record, valid: o.valid, ...(o.reason === undefined ? {} : { reason: o.reason }) })),
  };
}

function make(checkId: string, name: string, subject: Subject | undefined): Finding {
  return { id: `${checkId}.${name}`, ...(subject === undefined ? {} : { subject }) };
}

/** `dane_exists`: `good` (pass), `bad` (fail), `bogus` (fail). The level makes web's failures info. */
export function judgeDaneExists(checkId: string, result: DaneResult, subject?: Subject): DaneJudgement {
  const status: VerdictStatus = result.exists === 'good' ? 'pass' : 'fail';
  const findings = result.exists === 'good' ? [] : [make(checkId, result.exists === 'bogus' ? 'bogus' : 'no-tlsa', subject)];
  return { status, outcome: result.exists, findings, facts: facts(result) };
}

/** `dane_valid`: `good` (pass) or `bad` (fail); `not-tested` when DANE does not exist or no chain was received. */
export function judgeDaneValid(checkId: string, result: DaneResult, subject?: Subject): DaneJudgement {
  if (result.valid === 'not-tested') return { status: 'not-tested', outcome: 'not-tested', findings: [], facts: facts(result) };
  const findings = result.valid === 'good' ? [] : [make(checkId, 'invalid', subject)];
  return { status: result.valid === 'good' ? 'pass' : 'fail', outcome: result.valid, findings, facts: facts(result) };
}

/** `dane_rollover` (mail): `good` (pass) or `bad` (fail, shown as info by its optional level). */
export function judgeDaneRollover(checkId: string, result: DaneResult, subject?: Subject): DaneJudgement {
  if (result.rollover === 'not-tested') return { status: 'not-tested', outcome: 'not-tested', findings: [], facts: facts(result) };
  const findings = result.rollover === 'good' ? [] : [make(checkId, 'no-rollover-scheme', subject)];
  return { status: result.rollover === 'good' ? 'pass' : 'fail', outcome: result.rollover, findings, facts: facts(result) };
}
