import { type CaaEvidence, evaluate } from '@pastoe/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { openTestPki, type TestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { caaAt, goodCaa, tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsCaa } from './web-https-tls-caa.check.js';

let pki: TestPki;
let chain: { source: 'handshake'; version: 'TLSv1.3'; certificates: string[] };
beforeAll(() => {
  pki = openTestPki();
  chain = {
    source: 'handshake',
    version: 'TLSv1.3',
    certificates: [pki.make({ key: 'ec-p256', dns: ['example.test'] }).der.toString('base64')],
  };
});
afterAll(() => pki.close());

const judge = (caa: CaaEvidence, chains = [chain]) =>
  evaluate([webHttpsTlsCaa], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence({ certificateChains: chains }) }], { caa }))[0];

describe('web-https-tls-caa', () => {
  it('passes valid CAA records with an issue tag, also found on a parent', () => {
    expect(judge(goodCaa)).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'web_https_tls_caa' } });
    expect(judge(caaAt('test', [{ flags: 0, tag: 'issue', value: 'ca.example' }]))).toMatchObject({
      status: 'pass',
      facts: { foundOn: 'test' },
    });
  });

  it('warns without CAA, with a syntax error, and without an issue tag', () => {
    expect(judge(caaAt('none', []))).toMatchObject({ status: 'warning', outcome: 'bad' });
    expect(
      judge(
        caaAt('example.test', [
          { flags: 0, tag: 'issue', value: 'ca.example' },
          { flags: 0, tag: 'iodef', value: 'http://example.test/report' },
        ]),
      ),
    ).toMatchObject({ status: 'warning', outcome: 'syntax-error' });
    expect(judge(caaAt('example.test', [{ flags: 0, tag: 'iodef', value: 'mailto:security@example.test' }]))).toMatchObject({
      status: 'warning',
      outcome: 'insufficient',
    });
  });

  it('treats a SERVFAIL during the climb as no CAA, as Internet.nl does', () => {
    const servfail: CaaEvidence = { domain: 'example.test', lookups: [{ name: 'example.test', rcode: 'SERVFAIL', records: [] }] };
    expect(judge(servfail)).toMatchObject({ status: 'warning', outcome: 'bad' });
  });

  it('is not tested when no certificate chain was received, as in Internet.nl', () => {
    expect(judge(goodCaa, [])).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
