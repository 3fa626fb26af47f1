import { evaluate } from '@pastoe/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { openTestPki, type TestCertificate, type TestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsCertSignature } from './web-https-cert-sig.check.js';

let pki: TestPki;
let root: TestCertificate;
beforeAll(() => {
  pki = openTestPki();
  root = pki.make({ key: 'rsa-3072', ca: true, cn: 'Test Root' });
});
afterAll(() => pki.close());

const judge = (digest: 'sha1' | 'sha224' | 'sha256') => {
  const leaf = pki.make({ key: 'rsa-2048', dns: ['example.test'], issuer: root, digest });
  const chain = {
    source: 'handshake' as const,
    version: 'TLSv1.3' as const,
    certificates: [leaf, root].map((c) => c.der.toString('base64')),
  };
  return evaluate([webHttpsCertSignature], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence({ certificateChains: [chain] }) }]))[0];
};

describe('web-https-cert-sig', () => {
  it('passes SHA-256, warns SHA-224 and fails SHA-1 signatures', () => {
    expect(judge('sha256')).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'web_https_cert_sig' } });
    expect(judge('sha224')).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(judge('sha1')).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is not tested without TLS', () => {
    expect(evaluate([webHttpsCertSignature], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence({ reachable: false }) }]))[0]).toMatchObject({
      status: 'not-tested',
    });
  });
});
