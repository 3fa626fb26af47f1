import { describe, expect, it } from 'vitest';
import { hop, httpsFailed, httpsResponse, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webHttpsRedirectDowngrade } from './web-https-redirect-downgrade.check.js';

const judge = (http: Parameters<typeof webHttp>[0]) => judgeOne(webHttpsRedirectDowngrade, webHttp(http));

describe('web-https-redirect-downgrade', () => {
  it('passes a chain that stays on https', () => {
    expect(judge({})).toMatchObject({ status: 'pass', outcome: 'good', level: 'recommended' });
    expect(judge({}).internetnl).toBeUndefined();
  });

  it('warns of an https → http redirect anywhere in the chain', () => {
    const verdict = judge({
      http: {
        hops: [
          hop('http://example.test/', 301, 'https://example.test/'),
          hop('https://example.test/', 301, 'https://www.example.test/'),
          hop('https://www.example.test/', 302, 'http://www.example.test/'),
          hop('http://www.example.test/', 200),
        ],
        end: 'final',
      },
    });
    expect(verdict).toMatchObject({ status: 'warning', outcome: 'bad' });
    expect(verdict.findings.map((f) => f.params)).toEqual([{ from: 'https://www.example.test/', to: 'http://www.example.test/' }]);
  });

  it('sees a downgrade in the first HTTPS response itself', () => {
    const https = httpsResponse({ location: 'http://example.test/' }, { status: 301 });
    expect(judge({ https })).toMatchObject({ status: 'warning', outcome: 'bad' });
  });

  it('is not tested when neither HTTP nor HTTPS answered', () => {
    const http = { hops: [{ url: 'http://example.test/', error: { code: 'refused', message: 'no' } }], end: 'failed' as const };
    expect(judge({ https: httpsFailed, http })).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
