import { describe, expect, it } from 'vitest';
import { httpsFailed, httpsResponse, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webCoop } from './web-coop.check.js';

const judge = (value: string | null) => judgeOne(webCoop, webHttp({ https: httpsResponse({ 'cross-origin-opener-policy': value }) }));

describe('web-coop', () => {
  it('passes same-origin (with parameters) and the allow-popups values', () => {
    expect(judge('same-origin; report-to="r"')).toMatchObject({ status: 'pass', outcome: 'good', level: 'optional' });
    expect(judge('same-origin-allow-popups')).toMatchObject({ status: 'pass', outcome: 'allow-popups' });
    expect(judge('noopener-allow-popups')).toMatchObject({ status: 'pass', outcome: 'allow-popups' });
  });

  it('gives info for unsafe-none, a missing and an unknown value', () => {
    expect(judge('unsafe-none')).toMatchObject({ status: 'info', outcome: 'unsafe-none' });
    expect(judge(null)).toMatchObject({ status: 'info', outcome: 'missing' });
    expect(judge('open')).toMatchObject({ status: 'info', outcome: 'invalid' });
  });

  it('is not tested without an HTTPS response', () => {
    expect(judgeOne(webCoop, webHttp({ https: httpsFailed }))).toMatchObject({ status: 'not-tested' });
  });
});
