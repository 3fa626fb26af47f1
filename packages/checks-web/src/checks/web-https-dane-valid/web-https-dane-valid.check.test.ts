import { createHash, X509Certificate } from 'node:crypto';
import { evaluate, type TlsaLookupEvidence } from '@pastoe/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { openTestPki, type TestCertificate, type TestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { noTlsa, tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsDaneValid } from './web-https-dane-valid.check.js';

let pki: TestPki;
let leaf: TestCertificate;
beforeAll(() => {
  pki = openTestPki();
  leaf = pki.make({ key: 'ec-p256', dns: ['example.test'] });
});
afterAll(() => pki.close());

/** A DANE-EE SPKI SHA-256 record set for this digest. */
function daneEe(certificateData: string): TlsaLookupEvidence {
  return {
    ...noTlsa,
    records: [
      {
        name: noTlsa.name,
        type: 'TLSA',
        class: 'IN',
        ttl: 300,
        data: { type: 'TLSA', usage: 3, selector: 1, matchingType: 1, certificateData },
      },
    ],
  };
}

const spkiSha256 = (certificate: TestCertificate): string =>
  createHash('sha256')
    .update(new X509Certificate(certificate.der).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');

const judge = (lookup: TlsaLookupEvidence) => {
  const chain = { source: 'handshake' as const, version: 'TLSv1.3' as const, certificates: [leaf.der.toString('base64')] };
  return evaluate(
    [webHttpsDaneValid],
    tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence({ certificateChains: [chain] }) }], { tlsa: lookup }),
  )[0];
};

describe('web-https-dane-valid', () => {
  it('passes when a DANE-EE record matches the leaf the server sent', () => {
    expect(judge(daneEe(spkiSha256(leaf)))).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'web_https_dane_valid' },
    });
  });

  it('warns when no record matches (the recommended level clamps the fail)', () => {
    expect(judge(daneEe('00'.repeat(32)))).toMatchObject({ status: 'warning', outcome: 'bad' });
  });

  it('is not tested when DANE does not exist', () => {
    expect(judge(noTlsa)).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
