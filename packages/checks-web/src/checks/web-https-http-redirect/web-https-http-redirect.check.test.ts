import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { findingIds, hop, httpBundle, httpsFailed, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webHttpsHttpRedirect } from './web-https-http-redirect.check.js';

const judge = (http: Parameters<typeof webHttp>[0]) => judgeOne(webHttpsHttpRedirect, webHttp(http));
const chain = (...hops: ReturnType<typeof hop>[]) => ({ http: { hops, end: 'final' as const } });

describe('web-https-http-redirect', () => {
  it('passes a first redirect to https on the same host, the port aside', () => {
    expect(judge({})).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'web_https_http_redirect' } });
    expect(judge(chain(hop('http://example.test/', 302, 'https://EXAMPLE.test:8443/x')))).toMatchObject({
      status: 'pass',
      outcome: 'good',
    });
  });

  it('passes a site without plain HTTP as other', () => {
    const verdict = judge({
      http: { hops: [{ url: 'http://example.test/', ip: '192.0.2.1', error: { code: 'refused', message: 'no' } }], end: 'failed' },
    });
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'other' });
    expect(findingIds(verdict)).toEqual(['https-only']);
  });

  it('fails no redirect, a redirect to another host or straight to www, and a first hop to http', () => {
    expect(judge(chain(hop('http://example.test/', 200)))).toMatchObject({
      status: 'fail',
      outcome: 'bad',
      findings: [expect.objectContaining({ id: 'web-https-http-redirect.no-redirect' })],
    });
    expect(findingIds(judge(chain(hop('http://example.test/', 301, 'https://other.test/'))))).toEqual(['first-hop-other-host']);
    expect(findingIds(judge(chain(hop('http://example.test/', 301, 'https://www.example.test/'))))).toEqual(['first-hop-other-host']);
    expect(findingIds(judge(chain(hop('http://example.test/', 301, '/elsewhere'))))).toEqual(['first-hop-not-https']);
    expect(judge(chain(hop('http://example.test/', 301)))).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is not tested when HTTPS gives no response', () => {
    expect(judge({ https: httpsFailed })).toMatchObject({ status: 'not-tested', outcome: 'no-https' });
  });

  it('reports an https → http downgrade later in the chain without changing the verdict', () => {
    const verdict = judge(
      chain(
        hop('http://example.test/', 301, 'https://example.test/'),
        hop('https://example.test/', 302, 'http://cdn.test/'),
        hop('http://cdn.test/', 200),
      ),
    );
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(verdict.findings).toEqual([
      expect.objectContaining({
        id: 'web-https-http-redirect.downgrade',
        params: { from: 'https://example.test/', to: 'http://cdn.test/' },
      }),
    ]);
  });

  it('judges the first IPv6 and IPv4 address, the worst winning, and none without addresses', () => {
    const bad = webHttp(chain(hop('http://example.test/', 200)));
    const verdict = evaluate(
      [webHttpsHttpRedirect],
      httpBundle([
        { ip: '2001:db8::1', data: webHttp() },
        { ip: '192.0.2.1', data: bad },
        { ip: '192.0.2.2', data: webHttp() },
      ]),
    )[0];
    expect(verdict).toMatchObject({ status: 'fail', outcome: 'bad', facts: { addresses: ['2001:db8::1', '192.0.2.1'] } });
    expect(evaluate([webHttpsHttpRedirect], httpBundle([]))[0]).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
