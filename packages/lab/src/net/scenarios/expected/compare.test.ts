import { describe, expect, it } from 'vitest';
import { describeMismatch, verdictMismatches } from './compare.js';

describe('verdictMismatches', () => {
  const verdicts = [
    { check: 'web-https-http-hsts', internetnl: { name: 'web_https_http_hsts' }, status: 'pass', outcome: 'good' },
    { check: 'web-https-tls-version', internetnl: { name: 'web_https_tls_version' }, status: 'fail', outcome: 'bad' },
    { check: 'web-cookies', status: 'pass', outcome: 'good' },
  ];

  it('lists each expected subtest whose verdict differs or is missing, by Internet.nl name or check id', () => {
    const mismatches = verdictMismatches(verdicts, {
      web_https_http_hsts: 'pass/good',
      web_https_tls_version: 'pass/good',
      'web-cookies': 'pass/good',
      web_https_dane_exist: 'info/bad',
    });
    expect(mismatches).toEqual([
      { subtest: 'web_https_tls_version', actual: 'fail/bad', expected: 'pass/good' },
      { subtest: 'web_https_dane_exist', expected: 'info/bad' },
    ]);
    expect(mismatches.map((m) => describeMismatch('a.test', m))).toEqual([
      'a.test web_https_tls_version: got fail/bad, expected pass/good',
      'a.test web_https_dane_exist: no verdict',
    ]);
  });

  it('compares only what is expected', () => {
    expect(verdictMismatches(verdicts, {})).toEqual([]);
  });
});
