import { evaluate } from '@pastoe/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { withSignedBy, withStapleSigner } from '../../../../core/src/tls/scanner/certificate-signatures.js';
import type { OcspObservation } from '../../../../core/src/tls/types.js';
import { openTestPki, type TestCertificate, type TestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsOcsp } from './web-https-tls-ocsp.check.js';

let pki: TestPki;
let issuer: TestCertificate;
let leaf: TestCertificate;
beforeAll(() => {
  pki = openTestPki();
  issuer = pki.make({ key: 'ec-p256', ca: true, cn: 'Test CA' });
  leaf = pki.make({ key: 'ec-p256', dns: ['example.test'], issuer, ocspUrl: 'http://ocsp.example.test' });
});
afterAll(() => pki.close());

const judge = (certificate: TestCertificate, ocsp: OcspObservation) => {
  // Signatures are checked by the probe, as the scan would have recorded them.
  const chain = withSignedBy({
    source: 'handshake' as const,
    version: 'TLSv1.3' as const,
    certificates: [certificate, issuer].map((c) => c.der.toString('base64')),
  });
  const signed = withStapleSigner(ocsp, [chain]);
  const bundle = tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence({ certificateChains: [chain], ocsp: signed }) }]);
  // The staple and the certificates are made now: judge them now.
  return evaluate([webHttpsTlsOcsp], { ...bundle, startedAt: new Date().toISOString() })[0];
};

describe('web-https-tls-ocsp', () => {
  it('passes a trusted staple and warns about one that does not verify', () => {
    const staple = pki.ocspResponse(issuer, leaf).toString('base64');
    expect(judge(leaf, { stapled: true, response: staple })).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'web_https_tls_ocsp' },
    });
    const stranger = pki.make({ key: 'ec-p256', cn: 'Stranger', eku: ['OCSPSigning'] });
    const forged = pki.ocspResponse(issuer, leaf, { signer: stranger }).toString('base64');
    expect(judge(leaf, { stapled: true, response: forged })).toMatchObject({ status: 'warning', outcome: 'bad' });
  });

  it('is info without a staple, and not tested for a leaf without an OCSP URL', () => {
    expect(judge(leaf, { stapled: false })).toMatchObject({ status: 'info', outcome: 'ok' });
    const noUrl = pki.make({ key: 'ec-p256', dns: ['example.test'], issuer });
    expect(judge(noUrl, { stapled: false })).toMatchObject({ status: 'not-tested', outcome: 'not-in-cert' });
  });
});
