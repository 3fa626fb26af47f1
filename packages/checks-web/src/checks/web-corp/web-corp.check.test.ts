import { describe, expect, it } from 'vitest';
import { httpsFailed, httpsResponse, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webCorp } from './web-corp.check.js';

const judge = (value: string | null) => judgeOne(webCorp, webHttp({ https: httpsResponse({ 'cross-origin-resource-policy': value }) }));

describe('web-corp', () => {
  it('passes same-origin and same-site', () => {
    expect(judge('same-origin')).toMatchObject({ status: 'pass', outcome: 'good', level: 'optional' });
    expect(judge('Same-Site')).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('gives info for cross-origin, a missing and an unknown value', () => {
    expect(judge('cross-origin')).toMatchObject({ status: 'info', outcome: 'cross-origin' });
    expect(judge(null)).toMatchObject({ status: 'info', rawStatus: 'fail', outcome: 'missing' });
    expect(judge('nobody')).toMatchObject({ status: 'info', rawStatus: 'fail', outcome: 'invalid' });
  });

  it('is not tested without an HTTPS response', () => {
    expect(judgeOne(webCorp, webHttp({ https: httpsFailed }))).toMatchObject({ status: 'not-tested' });
  });
});
