import { describe, expect, it } from 'vitest';
import { findingIds, httpsFailed, httpsResponse, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webAppsecprivXContentTypeOptions } from './web-appsecpriv-x-content-type-options.check.js';

const judge = (value: string | null) =>
  judgeOne(webAppsecprivXContentTypeOptions, webHttp({ https: httpsResponse({ 'x-content-type-options': value }) }));

describe('web-appsecpriv-x-content-type-options', () => {
  it('passes nosniff in any case', () => {
    expect(judge('nosniff')).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judge('NoSniff')).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('warns (recommended) when missing or another value', () => {
    expect(judge(null)).toMatchObject({ status: 'warning', outcome: 'bad' });
    expect(findingIds(judge(null))).toEqual(['missing']);
    expect(findingIds(judge('sniff'))).toEqual(['invalid']);
  });

  it('is not tested without an HTTPS response', () => {
    expect(judgeOne(webAppsecprivXContentTypeOptions, webHttp({ https: httpsFailed }))).toMatchObject({ status: 'not-tested' });
  });
});
