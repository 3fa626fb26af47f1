import { describe, expect, it } from 'vitest';
import { isVerdictStatus, type VerdictStatus } from '../model/status.js';
import type { Verdict } from '../model/verdict.js';
import { derivePointsPolicy } from './derive.js';
import { findInternetNlSubtest, internetnlCatalogue, internetnlVerdict } from './internetnl-catalogue.js';
import { toInternetNlStatus } from './internetnl-status.js';
import { policies } from './policies.js';
import type { ScoringPolicy } from './policy.js';
import { score } from './score.js';

function everyObject(value: unknown, visit: (object: object) => void): void {
  if (typeof value !== 'object' || value === null) return;
  visit(value);
  for (const child of Object.values(value)) everyObject(child, visit);
}

describe('the catalogue', () => {
  it('lists every Internet.nl web and mail subtest once: 38 web and 38 mail (spec §5)', () => {
    const names = internetnlCatalogue.flatMap((c) => c.subtests.map((s) => s.name));
    expect(new Set(names).size).toBe(names.length);
    const count = (suite: string) => internetnlCatalogue.filter((c) => c.suite === suite).reduce((n, c) => n + c.subtests.length, 0);
    expect([count('web'), count('mail')]).toEqual([38, 38]);
    for (const category of internetnlCatalogue) {
      for (const subtest of category.subtests) {
        expect(subtest.name.startsWith(category.suite)).toBe(true);
        expect(subtest.category).toBe(category.id);
      }
    }
  });

  it('gives every outcome a valid status and every subtest a not-tested outcome', () => {
    for (const subtest of internetnlCatalogue.flatMap((c) => c.subtests)) {
      expect(subtest.outcomes['not-tested']?.status).toBe('not-tested');
      for (const spec of Object.values(subtest.outcomes)) expect(isVerdictStatus(spec.status)).toBe(true);
      expect(subtest.fullPoints > 0).toBe(subtest.scoreField !== undefined);
    }
  });

  it('maps pastoe-only outcome codes to Internet.nl verdict words', () => {
    expect(internetnlVerdict('web_dnssec_valid', 'insecure')).toBe('not-tested');
    expect(internetnlVerdict('web_dnssec_valid', 'secure')).toBe('good');
    expect(internetnlVerdict('mail_auth_spf_policy', 'include-invalid')).toBe('include');
    expect(internetnlVerdict('web_https_http_hsts', 'other')).toBe('other');
    expect(internetnlVerdict('no_such_test', 'good')).toBe('good');
    expect(findInternetNlSubtest('mail_starttls_dane_valid')?.scoreField).toBe('dane_score');
    expect(findInternetNlSubtest('mail_starttls_dane_exist')?.scoreField).toBe('dane_score');
  });
});

describe('the status map', () => {
  it('maps every pastoe status to Internet.nl API text', () => {
    const all: VerdictStatus[] = ['pass', 'fail', 'warning', 'info', 'not-tested', 'not-applicable', 'error'];
    expect(all.map(toInternetNlStatus)).toEqual(['passed', 'failed', 'warning', 'info', 'not_tested', 'not_tested', 'error']);
  });
});

describe('the built-in policies', () => {
  it('are deeply frozen', () => {
    let objects = 0;
    everyObject(policies, (object) => {
      objects++;
      expect(Object.isFrozen(object)).toBe(true);
    });
    expect(objects).toBeGreaterThan(100);
    everyObject(internetnlCatalogue, (object) => expect(Object.isFrozen(object)).toBe(true));
    expect(() => {
      (policies.internetnl as { id: string }).id = 'changed';
    }).toThrow(TypeError);
  });

  it('are plain data: a JSON round trip scores the same', () => {
    const verdicts: Verdict[] = [
      {
        check: 'web-hsts',
        status: 'fail',
        rawStatus: 'fail',
        outcome: 'other',
        level: 'required',
        forced: false,
        standard: 'hsts',
        internetnl: { name: 'web_https_http_hsts', category: 'web_https' },
        title: 'web-hsts.failure-title',
        findings: [],
      },
    ];
    for (const policy of Object.values(policies) as ScoringPolicy[]) {
      const copy = JSON.parse(JSON.stringify(policy)) as ScoringPolicy;
      expect(copy).toEqual(policy);
      expect(score({ verdicts }, copy)).toEqual(score({ verdicts }, policy));
    }
  });

  it('never set a level in the Internet.nl policy, so the checks’ was_tested() raise stands', () => {
    const tests = policies.internetnl.suites.flatMap((s) => s.categories.flatMap((c) => c.tests));
    expect(tests.length).toBe(76);
    expect(tests.filter((t) => t.level !== undefined)).toEqual([]);
    expect(policies.internetnlWeb.suites.map((s) => s.id)).toEqual(['web']);
    expect(policies.internetnlMail.suites.map((s) => s.id)).toEqual(['mail']);
  });

  it('name only tests the catalogue knows in the streefbeeld policy', () => {
    for (const standard of policies.streefbeeld.suites.flatMap((s) => s.standards)) {
      expect(standard.sources.length).toBeGreaterThan(0);
      const named = [
        ...standard.tests.map((t) => t.name),
        ...standard.tests.flatMap((t) => (t.skipWhen ?? []).map((c) => c.test)),
        ...(standard.notApplicableWhen ?? []).map((c) => c.test),
      ];
      for (const name of named) expect(findInternetNlSubtest(name), name).toBeDefined();
    }
  });

  it('derivePointsPolicy leaves the base untouched', () => {
    const before = JSON.stringify(policies.internetnl);
    const derived = derivePointsPolicy(policies.internetnl, { id: 'x', tests: { web_https_tls_ocsp: { level: 'required' } } });
    expect(JSON.stringify(policies.internetnl)).toBe(before);
    expect(Object.isFrozen(derived.suites[0]?.categories[0])).toBe(true);
  });
});
