/**
 * The judgement of one DKIM selector's key record, beyond Internet.nl: the key type and size,
 * revocation, test mode and syntax. Pure.
 */
import type { CheckResult, Finding, JsonObject, VerdictStatus } from '@pastoe/core/model';
import type { DkimSelectorLookup } from '../probes/dkim.declaration.js';
import { parseDkimRecord } from './parse.js';

/** RSA keys shorter than this fail: RFC 8301 §3.2 forbids verifying them. */
export const dkimRsaMinimumBits = 1024;
/** RSA keys shorter than this warn: RFC 8301 says signers should use at least 2048 bits. */
export const dkimRsaRecommendedBits = 2048;

/** One selector's verdict, before the check combines them. */
export interface DkimSelectorJudgement {
  /** The selector. */
  readonly selector: string;
  /** Its status. */
  readonly status: VerdictStatus;
  /** Its outcome code. */
  readonly outcome: string;
  /** What was found. */
  readonly findings: readonly Finding[];
  /** Its row in the report table. */
  readonly facts: JsonObject;
  /** Whether it publishes a key a verifier can use (not revoked, not refused). */
  readonly usable: boolean;
  /** Why pastoe could not judge it, when its lookup failed. */
  readonly error?: string;
}

/** A text that reads as a DKIM key record: it starts `v=DKIM1` or has a `p=` tag. */
const looksLikeKey = (text: string): boolean => /^\s*v\s*=\s*DKIM1/i.test(text) || /(^|;)\s*p\s*=/.test(text);

/**
 * Judges one selector: no key record fails; a record a wildcard gave fails; a syntax error fails;
 * an RSA key under {@link dkimRsaMinimumBits} fails, under {@link dkimRsaRecommendedBits} warns; a
 * revoked key (`p=`) is info; test mode (`t=y`) warns. The first of several key records is judged.
 */
export function judgeDkimSelector(
  check: string,
  { selector, lookup }: DkimSelectorLookup,
  wildcardTexts: readonly string[] | undefined,
): DkimSelectorJudgement {
  const base = { name: lookup.name, ...(lookup.rcode === undefined ? {} : { rcode: lookup.rcode }), records: [...lookup.texts] };
  const result = (status: VerdictStatus, outcome: string, findings: Finding[], facts: JsonObject = {}, usable = false) => ({
    selector,
    status,
    outcome,
    findings,
    facts: { selector, ...base, ...facts },
    usable,
  });
  const params = { selector, name: lookup.name };
  if (lookup.error !== undefined) return { ...result('error', 'error', []), error: `${lookup.name}: ${lookup.error}` };
  const keys = lookup.texts.filter(looksLikeKey);
  const text = keys[0];
  if (text === undefined)
    return result('fail', 'missing', [{ id: `${check}.no-key-record`, params: { ...params, rcode: lookup.rcode ?? '' } }]);
  const findings: Finding[] = keys.length > 1 ? [{ id: `${check}.multiple-records`, params: { ...params, count: keys.length } }] : [];
  if (wildcardTexts?.includes(text) === true) {
    return result('fail', 'wildcard', [...findings, { id: `${check}.from-wildcard`, params }]);
  }
  const parsed = parseDkimRecord(text);
  const warnings = parsed.warnings.map((problem) => ({ id: `${check}.${problem.code}`, params: { ...params, message: problem.message } }));
  const keyFacts: JsonObject = {
    keyType: parsed.record.keyType,
    ...(parsed.key === undefined ? {} : { bits: parsed.key.bits, encoding: parsed.key.encoding }),
    revoked: parsed.record.revoked,
    testing: parsed.record.testing,
  };
  if (!parsed.valid) {
    const errors = parsed.errors.map((problem) => ({
      id: `${check}.syntax-error`,
      params: { ...params, code: problem.code, message: problem.message },
    }));
    return result('fail', 'bad', [...findings, ...errors, ...warnings], keyFacts);
  }
  if (parsed.record.revoked) return result('info', 'revoked', [...findings, { id: `${check}.revoked`, params }, ...warnings], keyFacts);
  const bits = parsed.key?.type === 'rsa' ? parsed.key.bits : undefined;
  if (bits !== undefined && bits < dkimRsaMinimumBits) {
    return result('fail', 'weak-key', [...findings, { id: `${check}.rsa-too-short`, params: { ...params, bits } }, ...warnings], keyFacts);
  }
  const notes: Finding[] = [];
  if (bits !== undefined && bits < dkimRsaRecommendedBits) notes.push({ id: `${check}.rsa-short`, params: { ...params, bits } });
  if (parsed.record.testing) notes.push({ id: `${check}.test-mode`, params });
  const outcome = bits !== undefined && bits < dkimRsaRecommendedBits ? 'short-key' : parsed.record.testing ? 'test-mode' : 'good';
  return result(notes.length > 0 ? 'warning' : 'pass', outcome, [...findings, ...notes, ...warnings], keyFacts, true);
}

/** Combines the selectors' verdicts: an error wins, then the worst status; no usable key at all fails. */
export function combineDkimSelectors(check: string, judgements: readonly DkimSelectorJudgement[]): CheckResult {
  const facts = { selectors: judgements.map((judgement) => judgement.facts) };
  const findings = judgements.flatMap((judgement) => judgement.findings);
  const failed = judgements.find((judgement) => judgement.error !== undefined);
  if (failed !== undefined) {
    return { status: 'error', outcome: 'error', findings, facts, error: { code: 'dns-lookup', message: failed.error ?? '' } };
  }
  const order: readonly VerdictStatus[] = ['fail', 'warning', 'info', 'pass'];
  const worst = order.map((status) => judgements.find((judgement) => judgement.status === status)).find((found) => found !== undefined);
  if (worst === undefined) return { status: 'not-tested', outcome: 'not-tested', findings, facts };
  if (worst.status === 'info' && !judgements.some((judgement) => judgement.usable)) {
    return { status: 'fail', outcome: 'no-usable-key', findings: [...findings, { id: `${check}.no-usable-key` }], facts };
  }
  return { status: worst.status, outcome: worst.outcome, findings, facts };
}
