import { describe, expect, it } from 'vitest';
import { dnssecOwnFailure, dnssecState, ownFailureReasons } from './state.js';
import { judgeDnssecExists, judgeDnssecValid } from './results.js';
import type { ValidationResult } from './validator.js';

function result(status: ValidationResult['status'], answer: ValidationResult['answer'], reason = 'validated'): ValidationResult {
  return {
    name: 'example.test',
    type: 'SOA',
    status,
    reason: reason as ValidationResult['reason'],
    rcode: answer === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR',
    answer,
    wildcard: false,
    records: [],
    chain: [],
    queries: 3,
  };
}

describe('DNSSEC states and Internet.nl verdicts', () => {
  it.each([
    ['secure', 'positive', 'secure', ['pass', 'good'], ['pass', 'secure']],
    ['secure', 'nodata', 'secure', ['pass', 'good'], ['pass', 'secure']],
    ['insecure', 'positive', 'insecure', ['fail', 'bad'], ['not-tested', 'insecure']],
    ['bogus', 'positive', 'bogus', ['pass', 'good'], ['fail', 'bogus']],
    ['bogus', 'nxdomain', 'bogus', ['pass', 'good'], ['fail', 'bogus']],
    ['secure', 'nxdomain', 'dnserror', ['fail', 'resolver-error'], ['not-tested', 'dnserror']],
    ['insecure', 'nxdomain', 'dnserror', ['fail', 'resolver-error'], ['not-tested', 'dnserror']],
    ['indeterminate', 'none', 'dnserror', ['fail', 'resolver-error'], ['not-tested', 'dnserror']],
  ] as const)('%s %s → %s', (status, answer, state, exists, valid) => {
    const r = result(status, answer);
    expect(dnssecState(r)).toBe(state);
    const e = judgeDnssecExists('web-dnssec-exists', r);
    expect([e.status, e.outcome]).toEqual(exists);
    const v = judgeDnssecValid('web-dnssec-valid', r);
    expect([v.status, v.outcome]).toEqual(valid);
    expect(v.findings[0]?.id).toBe(`web-dnssec-valid.${state}`);
    expect(v.facts).toMatchObject({ state, status });
  });
});

describe("pastoe's own failures are errors, never the domain's dnserror", () => {
  it.each(['timeout', 'network', 'aborted', 'malformed', 'internal-error', 'work-limit-exceeded'] as const)('%s → error', (reason) => {
    const r = { ...result('indeterminate', 'none', reason), detail: 'what happened' };
    expect(dnssecOwnFailure(r)).toBe(reason);
    for (const judged of [judgeDnssecExists('web-dnssec-exists', r), judgeDnssecValid('web-dnssec-valid', r)]) {
      expect([judged.status, judged.outcome]).toEqual(['error', 'error']);
      expect(judged.error).toEqual({ code: reason, message: `pastoe could not validate example.test (${reason}: what happened)` });
      expect(judged.facts).toMatchObject({ state: 'error', reason });
      expect(judged.findings[0]?.id).toMatch(/\.error$/);
    }
  });

  it.each(['servfail', 'refused', 'invalid-name', 'cname-chain-too-long', 'unexpected-response'] as const)(
    '%s stays the domain’s dnserror, as Internet.nl scores it',
    (reason) => {
      const r = result('indeterminate', 'none', reason);
      expect(dnssecOwnFailure(r)).toBeUndefined();
      expect([judgeDnssecExists('web-dnssec-exists', r).status, judgeDnssecExists('web-dnssec-exists', r).outcome]).toEqual([
        'fail',
        'resolver-error',
      ]);
      expect(judgeDnssecValid('web-dnssec-valid', r).outcome).toBe('dnserror');
      expect(judgeDnssecValid('web-dnssec-valid', r).error).toBeUndefined();
    },
  );

  it('covers every indeterminate reason one way or the other', () => {
    expect(ownFailureReasons).toEqual(['timeout', 'network', 'aborted', 'malformed', 'internal-error', 'work-limit-exceeded']);
    expect(dnssecOwnFailure(result('secure', 'positive', 'validated'))).toBeUndefined();
  });
});
