import { describe, expect, it } from 'vitest';
import { findingIds, httpsFailed, httpsResponse, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webAppsecprivXFrameOptions } from './web-appsecpriv-x-frame-options.check.js';

const judge = (value: string | readonly string[] | null) =>
  judgeOne(webAppsecprivXFrameOptions, webHttp({ https: httpsResponse({ 'x-frame-options': value }) }));

describe('web-appsecpriv-x-frame-options', () => {
  it('passes DENY and SAMEORIGIN in any case, by the first value', () => {
    for (const value of ['DENY', 'sameorigin', 'SameOrigin, ALLOW-FROM https://x.test', ['deny', 'bogus']])
      expect(judge(value)).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('gives info (optional) for a missing header, ALLOW-FROM or anything else', () => {
    expect(judge(null)).toMatchObject({ status: 'info', outcome: 'bad' });
    expect(findingIds(judge(null))).toEqual(['missing']);
    expect(findingIds(judge('ALLOW-FROM https://x.test'))).toEqual(['invalid']);
    expect(judge(['bogus', 'DENY'])).toMatchObject({ status: 'info', outcome: 'bad' });
  });

  it('is not tested without an HTTPS response', () => {
    expect(judgeOne(webAppsecprivXFrameOptions, webHttp({ https: httpsFailed }))).toMatchObject({ status: 'not-tested' });
  });
});
