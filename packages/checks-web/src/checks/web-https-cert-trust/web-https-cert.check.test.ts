import { evaluate } from '@pastoe/core/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import type { CertificateChainObservation } from '../../../../core/src/tls/types.js';
import { openTestPki, type TestCertificate, type TestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { webHttpsCertPubkey } from '../web-https-cert-pubkey/web-https-cert-pubkey.check.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsCertTrust } from './web-https-cert-trust.check.js';

let pki: TestPki;
let root: TestCertificate;
beforeAll(() => {
  pki = openTestPki();
  root = pki.make({ key: 'rsa-3072', ca: true, cn: 'Test Root' });
});
afterAll(() => pki.close());

function chain(...certificates: TestCertificate[]): CertificateChainObservation {
  return { source: 'handshake', version: 'TLSv1.3', certificates: certificates.map((c) => c.der.toString('base64')) };
}

function leafChain(key: 'ec-p256' | 'rsa-2048' | 'rsa-1024'): CertificateChainObservation[] {
  // Valid around the fixture time, so that the trust check's validity findings stay quiet.
  return [chain(pki.make({ key, dns: ['example.test'], issuer: root, days: 3650 }), root)];
}

const judge = (...data: Parameters<typeof tlsEvidence>[0][]) =>
  evaluate(
    [webHttpsCertTrust, webHttpsCertPubkey],
    tlsBundle(data.map((overrides, index) => ({ ip: `192.0.2.${index + 1}`, data: tlsEvidence(overrides) }))),
  );

describe('web-https-cert-trust', () => {
  it('passes a chain the trust store verified and fails one it did not', () => {
    expect(judge({ certificateChains: leafChain('ec-p256') })[0]).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'web_https_cert_chain', category: 'web_https' },
    });
    const untrusted = judge({
      certificateChains: leafChain('ec-p256'),
      trust: { verified: false, store: 'mozilla', error: 'unable to get issuer' },
    });
    expect(untrusted[0]).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('could not test without a chain, and is not tested when TLS is unreachable', () => {
    expect(judge({ certificateChains: [] })[0]).toMatchObject({ status: 'not-tested', outcome: 'could-not-test' });
    expect(judge({ reachable: false })[0]).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});

describe('web-https-cert-pubkey', () => {
  it('grades the leaf key: P-256 good, RSA-2048 phase-out, RSA-1024 bad', () => {
    expect(judge({ certificateChains: leafChain('ec-p256') })[1]).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judge({ certificateChains: leafChain('rsa-2048') })[1]).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(judge({ certificateChains: leafChain('rsa-1024') })[1]).toMatchObject({
      status: 'fail',
      outcome: 'bad',
      internetnl: { name: 'web_https_cert_pubkey' },
    });
  });

  it('takes the worse of the first IPv6 and the first IPv4 address', () => {
    const servers = [
      { ip: '2001:db8::1', data: tlsEvidence({ certificateChains: leafChain('ec-p256') }) },
      { ip: '192.0.2.1', data: tlsEvidence({ certificateChains: leafChain('rsa-2048') }) },
      { ip: '192.0.2.2', data: tlsEvidence({ certificateChains: leafChain('rsa-1024') }) },
    ];
    const [, pubkey] = evaluate([webHttpsCertTrust, webHttpsCertPubkey], tlsBundle(servers));
    expect(pubkey).toMatchObject({ status: 'warning', outcome: 'phase-out', facts: { addresses: ['2001:db8::1', '192.0.2.1'] } });
  });
});
