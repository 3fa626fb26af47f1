import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { ecdhe, tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsKeyExchange } from './web-https-tls-keyexchange.check.js';

const judge = (...data: Parameters<typeof tlsEvidence>[0][]) =>
  evaluate(
    [webHttpsTlsKeyExchange],
    tlsBundle(data.map((overrides, index) => ({ ip: `192.0.2.${index + 1}`, data: tlsEvidence(overrides) }))),
  )[0];

describe('web-https-tls-keyexchange', () => {
  it('passes good curves, and is na (a pass) without (EC)DHE', () => {
    expect(judge({})).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'web_https_tls_keyexchange' } });
    expect(judge({ keyExchanges: [{ version: 'TLSv1.2', suite: 0x009c }] })).toMatchObject({ status: 'pass', outcome: 'na' });
  });

  it('warns on secp224r1 and fails on a bad curve', () => {
    expect(judge({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 21)] })).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(judge({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 22)] })).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is not tested when the server speaks no TLS version', () => {
    expect(judge({ versions: [] })).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
