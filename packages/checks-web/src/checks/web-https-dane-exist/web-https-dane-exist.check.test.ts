import { evaluate, type TlsaLookupEvidence } from '@pastoe/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { openTestPki, type TestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { noTlsa, tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsDaneExist } from './web-https-dane-exist.check.js';

let pki: TestPki;
let chain: { source: 'handshake'; version: 'TLSv1.3'; certificates: string[] };
beforeAll(() => {
  pki = openTestPki();
  const leaf = pki.make({ key: 'ec-p256', dns: ['example.test'] });
  chain = { source: 'handshake', version: 'TLSv1.3', certificates: [leaf.der.toString('base64')] };
});
afterAll(() => pki.close());

const tlsa: TlsaLookupEvidence = {
  ...noTlsa,
  records: [
    {
      name: noTlsa.name,
      type: 'TLSA',
      class: 'IN',
      ttl: 300,
      data: { type: 'TLSA', usage: 3, selector: 1, matchingType: 1, certificateData: 'ab'.repeat(32) },
    },
  ],
};
const judge = (lookup: TlsaLookupEvidence) =>
  evaluate([webHttpsDaneExist], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence({ certificateChains: [chain] }) }], { tlsa: lookup }))[0];

describe('web-https-dane-exist', () => {
  it('passes DNSSEC-secure TLSA records and lists them', () => {
    const verdict = judge(tlsa);
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'web_https_dane_exist' } });
    expect(verdict?.subjects?.[0]?.facts).toMatchObject({ records: [`3 1 1 ${'ab'.repeat(32)}`], tlsaName: '_443._tcp.example.test' });
  });

  it('is info/bad without TLSA or with TLSA in an unsigned zone (the optional level clamps the fail)', () => {
    expect(judge(noTlsa)).toMatchObject({ status: 'info', outcome: 'bad' });
    expect(judge({ ...tlsa, dnssec: 'insecure', status: 'insecure', reason: 'insecure-delegation' })).toMatchObject({
      status: 'info',
      outcome: 'bad',
    });
  });

  it('is info/bogus for a bogus TLSA answer or a bogus denial', () => {
    expect(judge({ ...noTlsa, dnssec: 'bogus', status: 'bogus', reason: 'signature-invalid' })).toMatchObject({
      status: 'info',
      outcome: 'bogus',
    });
    expect(judge({ ...tlsa, denialBogus: true })).toMatchObject({ status: 'info', outcome: 'bogus' });
  });

  it('is not tested where TLS did not answer', () => {
    const verdict = evaluate([webHttpsDaneExist], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence({ reachable: false }) }], { tlsa }))[0];
    expect(verdict).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
