import { describe, expect, it } from 'vitest';
import { dnssecState } from './state.js';
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
