import { describe, expect, it } from 'vitest';
import { httpsFailed, httpsResponse, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webHttpsHttpCompress } from './web-https-http-compress.check.js';

describe('web-https-http-compress', () => {
  it('passes an uncompressed response', () => {
    expect(judgeOne(webHttpsHttpCompress, webHttp())).toMatchObject({ status: 'pass', outcome: 'good', level: 'optional' });
  });

  it('gives info for any Content-Encoding (optional: BREACH)', () => {
    const verdict = judgeOne(webHttpsHttpCompress, webHttp({ https: httpsResponse({}, { contentEncoding: 'gzip' }) }));
    expect(verdict).toMatchObject({ status: 'info', rawStatus: 'fail', outcome: 'bad' });
    expect(verdict.findings[0]).toMatchObject({ id: 'web-https-http-compress.compressed', params: { encoding: 'gzip' } });
  });

  it('is not tested without an HTTPS response', () => {
    expect(judgeOne(webHttpsHttpCompress, webHttp({ https: httpsFailed }))).toMatchObject({ status: 'not-tested' });
  });
});
