import { describe, expect, it } from 'vitest';
import { httpsFailed, httpsResponse, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webCookies } from './web-cookies.check.js';

const judge = (cookies: string | readonly string[] | null) =>
  judgeOne(webCookies, webHttp({ https: httpsResponse({ 'set-cookie': cookies }) }));

describe('web-cookies', () => {
  it('passes cookies with Secure, HttpOnly and SameSite', () => {
    expect(
      judge([
        'a=1; Secure; HttpOnly; SameSite=Strict',
        'b=2; path=/; secure; httponly; samesite=Lax',
        'c=3; Secure; HttpOnly; SameSite=None',
      ]),
    ).toMatchObject({
      status: 'pass',
      outcome: 'good',
      level: 'optional',
    });
  });

  it('is not applicable without cookies', () => {
    expect(judge(null)).toMatchObject({ status: 'not-applicable', outcome: 'no-cookies' });
  });

  it('gives info (optional) naming each cookie and missing attribute', () => {
    const verdict = judge(['session=x; Path=/', 'pref=y; Secure; HttpOnly; SameSite=None', 'c=3; Secure; HttpOnly; SameSite=Sometimes']);
    expect(verdict).toMatchObject({ status: 'info', rawStatus: 'fail', outcome: 'bad' });
    expect(verdict.findings.map((f) => [f.id, f.params?.cookie])).toEqual([
      ['web-cookies.missing-secure', 'session'],
      ['web-cookies.missing-httponly', 'session'],
      ['web-cookies.missing-samesite', 'session'],
      ['web-cookies.invalid-samesite', 'c'],
    ]);
    expect(judge('n=1; HttpOnly; SameSite=None').findings.map((f) => f.id)).toEqual([
      'web-cookies.missing-secure',
      'web-cookies.invalid-samesite',
    ]);
  });

  it('is not tested without an HTTPS response', () => {
    expect(judgeOne(webCookies, webHttp({ https: httpsFailed }))).toMatchObject({ status: 'not-tested' });
  });
});
