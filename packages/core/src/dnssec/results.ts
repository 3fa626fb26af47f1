import type { Finding } from '../model/finding.js';
import type { JsonObject } from '../model/json.js';
import type { Subject } from '../model/subject.js';
import type { VerdictStatus } from '../model/status.js';
import type { CheckError } from '../model/verdict.js';
import { type DnssecState, dnssecOwnFailure, dnssecState } from './state.js';
import type { ValidationResult } from './types.js';

/** A status and outcome code for one DNSSEC subtest, with what a report shows. */
export interface DnssecJudgement {
  /** The status to ask for (the runner clamps it to the level). */
  readonly status: VerdictStatus;
  /** The outcome code the Internet.nl catalogue expects. */
  readonly outcome: string;
  /** What was found. */
  readonly findings: readonly Finding[];
  /** Report facts: state, reason, the chain of zones. */
  readonly facts: JsonObject;
  /** With status `error`: pastoe's own failure that left the result undecided. */
  readonly error?: CheckError;
}

/**
 * The report facts of a DNSSEC validation. `state` is one of the four DNSSEC states, or `error`
 * when pastoe's own failure left the result undecided.
 */
export function dnssecFacts(result: ValidationResult): JsonObject {
  return {
    name: result.name,
    state: dnssecOwnFailure(result) === undefined ? dnssecState(result) : 'error',
    status: result.status,
    reason: result.reason,
    ...(result.ede === undefined ? {} : { ede: result.ede }),
    ...(result.detail === undefined ? {} : { detail: result.detail }),
    rcode: result.rcode,
    chain: result.chain.map((step) => ({ zone: step.zone === '' ? '.' : step.zone, status: step.status, reason: step.reason })),
  };
}

function finding(checkId: string, state: DnssecState | 'error', result: ValidationResult, subject: Subject | undefined): Finding {
  return {
    id: `${checkId}.${state}`,
    params: { name: result.name, reason: result.reason, ...(result.detail === undefined ? {} : { detail: result.detail }) },
    ...(subject === undefined ? {} : { subject }),
  };
}

/**
 * The `error` judgement for a result pastoe itself failed to decide (its time limit, network,
 * resolver's bytes, bug or work bound): the domain is neither failed nor passed. `undefined` when
 * the result says something about the domain.
 */
export function judgeDnssecOwnFailure(
  checkId: string,
  result: ValidationResult,
  subject: Subject | undefined,
): DnssecJudgement | undefined {
  const reason = dnssecOwnFailure(result);
  if (reason === undefined) return undefined;
  const detail = result.detail === undefined ? '' : `: ${result.detail}`;
  return {
    status: 'error',
    outcome: 'error',
    findings: [finding(checkId, 'error', result, subject)],
    facts: dnssecFacts(result),
    error: { code: reason, message: `pastoe could not validate ${result.name === '' ? '.' : result.name} (${reason}${detail})` },
  };
}

/**
 * "DNSSEC exists": the zone is signed. Secure and bogus zones pass (bogus is the validity test's
 * business); unsigned fails; a failed lookup about the domain (NXDOMAIN, SERVFAIL, REFUSED) fails
 * as a resolver error (Internet.nl `dnssec_exists`); pastoe's own failure is `error`.
 */
export function judgeDnssecExists(checkId: string, result: ValidationResult, subject?: Subject): DnssecJudgement {
  const failed = judgeDnssecOwnFailure(checkId, result, subject);
  if (failed !== undefined) return failed;
  const state = dnssecState(result);
  const facts = dnssecFacts(result);
  const findings = [finding(checkId, state, result, subject)];
  switch (state) {
    case 'secure':
    case 'bogus':
      return { status: 'pass', outcome: 'good', findings, facts };
    case 'insecure':
      return { status: 'fail', outcome: 'bad', findings, facts };
    case 'dnserror':
      return { status: 'fail', outcome: 'resolver-error', findings, facts };
  }
}

/**
 * "DNSSEC valid": the answer validates. The outcome is the DNSSEC state itself, because the
 * points follow it (secure 10, insecure 2, bogus and error 0); an unsigned or unresolvable name
 * leaves the validity test not tested, as Internet.nl does; pastoe's own failure is `error`.
 */
export function judgeDnssecValid(checkId: string, result: ValidationResult, subject?: Subject): DnssecJudgement {
  const failed = judgeDnssecOwnFailure(checkId, result, subject);
  if (failed !== undefined) return failed;
  const state = dnssecState(result);
  const facts = dnssecFacts(result);
  const findings = [finding(checkId, state, result, subject)];
  switch (state) {
    case 'secure':
      return { status: 'pass', outcome: 'secure', findings, facts };
    case 'bogus':
      return { status: 'fail', outcome: 'bogus', findings, facts };
    case 'insecure':
      return { status: 'not-tested', outcome: 'insecure', findings, facts };
    case 'dnserror':
      return { status: 'not-tested', outcome: 'dnserror', findings, facts };
  }
}
