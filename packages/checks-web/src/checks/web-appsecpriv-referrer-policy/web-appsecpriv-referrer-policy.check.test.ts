import { describe, expect, it } from 'vitest';
import { findingIds, httpsFailed, httpsResponse, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webAppsecprivReferrerPolicy } from './web-appsecpriv-referrer-policy.check.js';

const judge = (value: string | readonly string[] | null) =>
  judgeOne(webAppsecprivReferrerPolicy, webHttp({ https: httpsResponse({ 'referrer-policy': value }) }));

describe('web-appsecpriv-referrer-policy', () => {
  it('passes no-referrer and same-origin as the last value', () => {
    expect(judge('no-referrer')).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judge('unsafe-url, same-origin')).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judge(['origin', 'no-referrer'])).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('recommends for strict-origin(-when-cross-origin) and for no policy', () => {
    expect(judge('strict-origin')).toMatchObject({ status: 'info', outcome: 'recommendations' });
    expect(judge('strict-origin-when-cross-origin')).toMatchObject({ status: 'info', outcome: 'recommendations' });
    expect(findingIds(judge(null))).toEqual(['no-policy']);
    expect(judge(' , ')).toMatchObject({ status: 'info', outcome: 'recommendations' });
  });

  it('warns of a leaky or unknown last value, case-sensitively', () => {
    for (const value of ['origin', 'origin-when-cross-origin', 'no-referrer-when-downgrade', 'unsafe-url']) {
      expect(judge(value)).toMatchObject({ status: 'warning', outcome: 'bad' });
      expect(findingIds(judge(value))).toEqual([`bad-${value}`]);
    }
    expect(findingIds(judge('NO-REFERRER'))).toEqual(['bad-invalid']);
    expect(findingIds(judge('no-referrer, bogus'))).toEqual(['bad-invalid']);
  });

  it('is not tested without an HTTPS response', () => {
    expect(judgeOne(webAppsecprivReferrerPolicy, webHttp({ https: httpsFailed }))).toMatchObject({ status: 'not-tested' });
  });
});
