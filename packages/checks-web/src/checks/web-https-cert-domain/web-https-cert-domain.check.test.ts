import { evaluate } from '@pastoe/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { openTestPki, type TestCertificate, type TestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsCertDomain } from './web-https-cert-domain.check.js';

let pki: TestPki;
let root: TestCertificate;
beforeAll(() => {
  pki = openTestPki();
  root = pki.make({ key: 'ec-p256', ca: true, cn: 'Test Root' });
});
afterAll(() => pki.close());

const judge = (names: string[]) => {
  const leaf = pki.make({ key: 'ec-p256', dns: names, issuer: root });
  const chain = {
    source: 'handshake' as const,
    version: 'TLSv1.3' as const,
    certificates: [leaf, root].map((c) => c.der.toString('base64')),
  };
  return evaluate([webHttpsCertDomain], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence({ certificateChains: [chain] }) }]))[0];
};

describe('web-https-cert-domain', () => {
  it('passes a leaf that names the domain (among others) and fails one for another name', () => {
    expect(judge(['example.test'])).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'web_https_cert_domain' } });
    expect(judge(['www.example.test', 'example.test'])).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judge(['other.test'])).toMatchObject({ status: 'fail', outcome: 'bad' });
  });
});
