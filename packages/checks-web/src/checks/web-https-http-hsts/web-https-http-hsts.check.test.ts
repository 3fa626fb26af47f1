import { describe, expect, it } from 'vitest';
import { findingIds, httpsFailed, httpsResponse, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webHttpsHttpHsts } from './web-https-http-hsts.check.js';

const judge = (hsts: string | readonly string[] | null) =>
  judgeOne(webHttpsHttpHsts, webHttp({ https: httpsResponse({ 'strict-transport-security': hsts }) }));

describe('web-https-http-hsts', () => {
  it('passes max-age of a year or more, full points', () => {
    const verdict = judge('max-age=31536000; includeSubDomains');
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'good', score: 1, internetnl: { name: 'web_https_http_hsts' } });
    expect(verdict.facts).toMatchObject({ addresses: ['192.0.2.1'] });
    expect(verdict.subjects?.[0]?.facts).toMatchObject({ maxAge: 31536000, includeSubDomains: true, rfcValid: true });
  });

  it('passes what Python int() reads: blanks after =, a sign, underscores', () => {
    for (const value of ['max-age= 31536000', 'MAX-AGE=+31536000', 'max-age=31_536_000 ; preload'])
      expect([value, judge(value).outcome]).toEqual([value, 'good']);
  });

  it('fails a max-age below a year (0 included) as other with 2 of 10 points', () => {
    for (const value of ['max-age=86400', 'max-age=0', 'max-age=-1']) {
      const verdict = judge(value);
      expect(verdict).toMatchObject({ status: 'fail', outcome: 'other', score: 0.2 });
      expect(findingIds(verdict)).toContain('max-age-too-short');
    }
  });

  it('fails as bad: missing header, missing max-age, quoted, space before =', () => {
    expect(findingIds(judge(null))).toEqual(['missing']);
    for (const value of ['includeSubDomains', 'max-age="31536000"', 'max-age =31536000', 'max-age=1y']) {
      const verdict = judge(value);
      expect([value, verdict.status, verdict.outcome, verdict.score]).toEqual([value, 'fail', 'bad', 0]);
      expect(findingIds(verdict)[0]).toBe('invalid-max-age');
    }
  });

  it('notes where the value departs from RFC 6797, though Internet.nl passes it', () => {
    const verdict = judge('max-age=31536000; max-age=5');
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(verdict.findings).toEqual([
      expect.objectContaining({ id: 'web-https-http-hsts.syntax', params: { problem: 'duplicate-directive', directive: 'max-age' } }),
    ]);
  });

  it('reads only the first value: the first header, up to its first comma', () => {
    expect(judge(['max-age=60', 'max-age=31536000'])).toMatchObject({ outcome: 'other' });
    expect(findingIds(judge(['max-age=60', 'max-age=31536000']))).toContain('several-headers');
    expect(judge('max-age=31536000, max-age=60')).toMatchObject({ outcome: 'good' });
    expect(judge('max-age=60, max-age=31536000')).toMatchObject({ outcome: 'other' });
  });

  it('is not tested without an HTTPS response', () => {
    expect(judgeOne(webHttpsHttpHsts, webHttp({ https: httpsFailed }))).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
