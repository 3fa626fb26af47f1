import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanCaches } from '../../runner/caches.js';
import { parseCertificate } from '../../x509/certificate.js';
import { openTestPki, type TestCertificate, type TestKey, type TestPki } from '../../x509/test-support/openssl.js';
import { withSignedBy, withStapleSigner } from '../scanner/certificate-signatures.js';
import type { CertificateChainObservation, OcspObservation } from '../types.js';
import { evaluateCertHostmatch } from './cert-hostmatch.js';
import { evaluateCertPubkey } from './cert-pubkey.js';
import { evaluateCertSignature } from './cert-signature.js';
import { evaluateCertTrust } from './cert-trust.js';
import { evaluateTlsOcsp } from './ocsp.js';
import { findingNames, pastoeFindings, testContext, tlsEvidence } from './test-support/evidence.js';

let pki: TestPki;
let root: TestCertificate;
let intermediate: TestCertificate;
beforeAll(() => {
  pki = openTestPki();
  root = pki.make({ key: 'rsa-3072', ca: true, cn: 'Test Root' });
  intermediate = pki.make({ key: 'ec-p384', ca: true, cn: 'Test Intermediate', issuer: root });
});
afterAll(() => pki.close());

const ctx = testContext();

/** A chain as the TLS probe records it: the certificates and which of them signed which. */
function chain(...certs: TestCertificate[]): CertificateChainObservation {
  return withSignedBy({ source: 'handshake', version: 'TLSv1.3', certificates: certs.map((c) => c.der.toString('base64')) });
}

/** A staple as the TLS probe records it: the response and who signed it, checked against the chains. */
function staple(response: Buffer, chains: readonly CertificateChainObservation[]): OcspObservation {
  return withStapleSigner({ stapled: true, response: response.toString('base64') }, chains);
}

function leaf(options: Parameters<TestPki['make']>[0] = {}): TestCertificate {
  return pki.make({ key: 'ec-p256', dns: ['example.nl', 'www.example.nl'], issuer: intermediate, ...options });
}

describe('withSignedBy with caches shared across scans', () => {
  it('checks a chain once and gives the later scans the same links, another chain its own', () => {
    const shared = createScanCaches().shared;
    const certificates = (...certs: TestCertificate[]) => certs.map((c) => c.der.toString('base64'));
    const first = leaf();
    const observed = (certs: TestCertificate[]) =>
      withSignedBy({ source: 'handshake', version: 'TLSv1.3', certificates: certificates(...certs) }, shared);
    const once = observed([first, intermediate, root]);
    expect(once.signedBy).toEqual([[1], [2], [2]]);
    expect(shared.size).toBe(1);
    const again = observed([first, intermediate, root]);
    expect(again.signedBy).toEqual(once.signedBy);
    expect(shared.size).toBe(1);
    // The same certificates in another order are another chain, with other links.
    expect(observed([first, root, intermediate]).signedBy).toEqual([[2], [1], [1]]);
    // A leaf whose issuer is missing links to nothing, cache or not.
    expect(observed([leaf(), root]).signedBy).toEqual([[], [1]]);
    expect(shared.size).toBe(3);
  });
});

describe('evaluateCertPubkey', () => {
  it.each([
    ['rsa-1024', 'fail', 'bad'],
    ['rsa-2048', 'warning', 'phase-out'],
    ['rsa-3072', 'pass', 'good'],
    ['ec-p224', 'warning', 'phase-out'],
    ['ec-p256', 'pass', 'good'],
    ['ec-p384', 'pass', 'good'],
    ['ec-secp256k1', 'fail', 'bad'],
    ['ec-brainpoolP256r1', 'pass', 'good'],
  ] as const)('grades a %s leaf %s / %s', (key: TestKey, status, outcome) => {
    const result = evaluateCertPubkey(tlsEvidence({ certificateChains: [chain(leaf({ key }), intermediate, root)] }), ctx);
    expect(result).toMatchObject({ status, outcome });
  });

  it('counts Ed25519 as Internet.nl does (bad) and pastoe as sufficient', () => {
    const result = evaluateCertPubkey(tlsEvidence({ certificateChains: [chain(leaf({ key: 'ed25519' }), intermediate, root)] }), ctx);
    expect(result).toMatchObject({ status: 'fail', outcome: 'bad', facts: { pastoe: { status: 'pass', outcome: 'good' } } });
    expect(findingNames(result)).toEqual(['insufficient-key', 'eddsa-key']);
  });

  it('skips a root the server sent, but judges a weak intermediate', () => {
    const weakRoot = pki.make({ key: 'rsa-1024', ca: true, cn: 'Weak Root' });
    const mid = pki.make({ key: 'rsa-2048', ca: true, cn: 'Mid', issuer: weakRoot });
    const result = evaluateCertPubkey(tlsEvidence({ certificateChains: [chain(leaf({ issuer: mid }), mid, weakRoot)] }), ctx);
    expect(result.outcome).toBe('phase-out');
    expect(result.findings[0]?.params).toMatchObject({ certificate: 'Mid', key: 'RSA-2048' });
    // With Internet.nl's root list supplied, only listed fingerprints are skipped.
    const listed = evaluateCertPubkey(
      tlsEvidence({ certificateChains: [chain(leaf({ issuer: mid }), mid, weakRoot)] }),
      testContext({ rootFingerprints: new Set() }),
    );
    expect(listed.outcome).toBe('bad');
    // Whether the root is self-signed is the probe's finding: a chain without it judges the root too.
    const { signedBy: _, ...unchecked } = chain(leaf({ issuer: mid }), mid, weakRoot);
    expect(evaluateCertPubkey(tlsEvidence({ certificateChains: [unchecked] }), ctx).outcome).toBe('bad');
  });

  it('judges a second chain for pastoe only', () => {
    const second = { ...chain(leaf({ key: 'rsa-1024' }), intermediate), source: 'raw' as const, version: 'TLSv1.2' as const };
    const result = evaluateCertPubkey(tlsEvidence({ certificateChains: [chain(leaf(), intermediate), second] }), ctx);
    expect(result).toMatchObject({ outcome: 'good', facts: { pastoe: { outcome: 'bad' } } });
    expect(pastoeFindings(result)).toEqual(['insufficient-key']);
  });

  it('is not tested without a chain', () => {
    expect(evaluateCertPubkey(tlsEvidence(), ctx).outcome).toBe('not-tested');
  });
});

describe('evaluateCertSignature', () => {
  it.each([
    ['sha256', 'pass', 'good'],
    ['sha384', 'pass', 'good'],
    ['sha224', 'warning', 'phase-out'],
    ['sha1', 'fail', 'bad'],
  ] as const)('grades a %s-signed leaf', (digest, status, outcome) => {
    const result = evaluateCertSignature(tlsEvidence({ certificateChains: [chain(leaf({ digest }), intermediate, root)] }), ctx);
    expect(result).toMatchObject({ status, outcome });
  });

  it('passes Ed25519 signatures', () => {
    const edCa = pki.make({ key: 'ed25519', ca: true, cn: 'Ed CA' });
    const result = evaluateCertSignature(tlsEvidence({ certificateChains: [chain(leaf({ issuer: edCa }), edCa)] }), ctx);
    expect(result.outcome).toBe('good');
  });

  it('reproduces RSASSA-PSS as bad and adds pastoe’s reading', () => {
    const rsaCa = pki.make({ key: 'rsa-3072', ca: true, cn: 'RSA CA' });
    const result = evaluateCertSignature(tlsEvidence({ certificateChains: [chain(leaf({ issuer: rsaCa, pss: true }), rsaCa)] }), ctx);
    expect(result).toMatchObject({ status: 'fail', outcome: 'bad', facts: { pastoe: { status: 'pass', outcome: 'good' } } });
    expect(findingNames(result)).toEqual(['insufficient-signature', 'rsassa-pss-signature']);
  });

  it('ignores the root’s own signature', () => {
    const sha1Root = pki.make({ key: 'rsa-3072', ca: true, cn: 'SHA1 Root', digest: 'sha1' });
    const result = evaluateCertSignature(tlsEvidence({ certificateChains: [chain(leaf({ issuer: sha1Root }), sha1Root)] }), ctx);
    expect(result.outcome).toBe('good');
  });
});

describe('evaluateCertTrust', () => {
  const good = () => tlsEvidence({ certificateChains: [chain(leaf(), intermediate, root)] });

  it('follows the verification', () => {
    expect(evaluateCertTrust(good(), ctx)).toMatchObject({
      status: 'pass',
      outcome: 'good',
      facts: { chain: ['cert', 'Test Intermediate', 'Test Root'].map((x, i) => (i === 0 ? expect.any(String) : x)) },
    });
    const bad = evaluateCertTrust(
      { ...good(), trust: { verified: false, error: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', store: 'mozilla' } },
      ctx,
    );
    expect(bad).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(bad.findings[0]?.params).toEqual({ error: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
  });

  it('could not test without a chain or a verification', () => {
    expect(evaluateCertTrust(tlsEvidence(), ctx)).toMatchObject({ status: 'not-tested', outcome: 'could-not-test' });
    expect(evaluateCertTrust({ ...good(), trust: undefined }, ctx).outcome).toBe('could-not-test');
  });

  it('reports expired certificates for pastoe', () => {
    const later = testContext({ now: new Date(Date.now() + 400 * 24 * 3600 * 1000) });
    const result = evaluateCertTrust({ ...good(), trust: { verified: false, error: 'CERT_HAS_EXPIRED', store: 'mozilla' } }, later);
    expect(result.outcome).toBe('bad');
    expect(pastoeFindings(result)).toEqual(['outside-validity', 'outside-validity', 'outside-validity']);
  });
});

describe('evaluateCertHostmatch', () => {
  const withLeaf = (cert: TestCertificate, host = 'www.example.nl') =>
    tlsEvidence({ endpoint: { host, ip: '192.0.2.10', port: 443 }, certificateChains: [chain(cert, intermediate)] });

  it('matches exact and wildcard names', () => {
    expect(evaluateCertHostmatch(withLeaf(leaf()), ctx)).toMatchObject({
      status: 'pass',
      outcome: 'good',
      facts: { matchedName: 'www.example.nl' },
    });
    expect(evaluateCertHostmatch(withLeaf(leaf({ dns: ['*.example.nl'] })), ctx).outcome).toBe('good');
    expect(evaluateCertHostmatch(withLeaf(leaf({ dns: ['*.example.nl'] }), 'example.nl'), ctx).outcome).toBe('bad');
  });

  it('fails a wrong name, and ignores the common name', () => {
    const wrong = evaluateCertHostmatch(withLeaf(leaf({ dns: ['other.nl'] })), ctx);
    expect(wrong).toMatchObject({ status: 'fail', outcome: 'bad', facts: { reason: 'no-match' } });
    expect(wrong.forced).toBeUndefined();
    const cnOnly = evaluateCertHostmatch(withLeaf(pki.make({ cn: 'www.example.nl', issuer: intermediate })), ctx);
    expect(cnOnly).toMatchObject({ outcome: 'bad', facts: { reason: 'no-subject-alt-name' } });
  });

  it('forces the fail for mail only with a DANE-TA record', () => {
    const mx = withLeaf(leaf({ dns: ['other.nl'] }), 'mx.example.nl');
    expect(evaluateCertHostmatch(mx, testContext({ service: 'mail' })).forced).toBeUndefined();
    expect(evaluateCertHostmatch(mx, testContext({ service: 'mail', hasDaneTa: true }))).toMatchObject({
      status: 'fail',
      outcome: 'bad',
      forced: true,
    });
  });
});

describe('evaluateTlsOcsp', () => {
  const ocspLeaf = () => leaf({ ocspUrl: 'http://ocsp.example.nl/' });

  it('is not-in-cert without an OCSP URL and ok without a staple', () => {
    expect(evaluateTlsOcsp(tlsEvidence({ certificateChains: [chain(leaf(), intermediate)] }), ctx)).toMatchObject({
      status: 'not-tested',
      outcome: 'not-in-cert',
    });
    expect(evaluateTlsOcsp(tlsEvidence({ certificateChains: [chain(ocspLeaf(), intermediate)] }), ctx)).toMatchObject({
      status: 'info',
      outcome: 'ok',
    });
  });

  it('trusts a response signed by the issuer or a delegated responder', () => {
    const cert = ocspLeaf();
    const chains = [chain(cert, intermediate)];
    const evidence = tlsEvidence({ certificateChains: chains, ocsp: staple(pki.ocspResponse(intermediate, cert), chains) });
    expect(evidence.ocsp?.signer).toBe('issuer');
    expect(evaluateTlsOcsp(evidence, ctx)).toMatchObject({ status: 'pass', outcome: 'good', facts: { certStatus: 'good', trusted: true } });
    const responder = pki.make({ key: 'ec-p256', cn: 'OCSP responder', eku: ['OCSPSigning'], issuer: intermediate });
    const delegated = staple(pki.ocspResponse(intermediate, cert, { signer: responder }), chains);
    expect(delegated.signer).toBe('delegated');
    expect(evaluateTlsOcsp({ ...evidence, ocsp: delegated }, ctx).outcome).toBe('good');
    // Who signed is the probe's finding: a staple without it is not trusted.
    const { signer: _, ...unchecked } = evidence.ocsp as OcspObservation;
    expect(evaluateTlsOcsp({ ...evidence, ocsp: unchecked }, ctx).facts.reason).toBe('bad-signature');
  });

  it('rejects a response from a stranger, for another certificate, or out of date', () => {
    const cert = ocspLeaf();
    const stranger = pki.make({ key: 'ec-p256', cn: 'Stranger', eku: ['OCSPSigning'] });
    const base = tlsEvidence({ certificateChains: [chain(cert, intermediate)] });
    const stapled = (response: Buffer) => ({ ...base, ocsp: staple(response, base.certificateChains) });
    const forged = stapled(pki.ocspResponse(intermediate, cert, { signer: stranger }));
    expect(forged.ocsp.signer).toBeNull();
    expect(evaluateTlsOcsp(forged, ctx)).toMatchObject({ status: 'fail', outcome: 'bad', facts: { reason: 'bad-signature' } });
    const otherCert = evaluateTlsOcsp(stapled(pki.ocspResponse(intermediate, ocspLeaf())), ctx);
    expect(otherCert.facts.reason).toBe('no-response-for-certificate');
    const later = testContext({ now: new Date(Date.now() + 3 * 24 * 3600 * 1000) });
    expect(evaluateTlsOcsp(stapled(pki.ocspResponse(intermediate, cert)), later).facts.reason).toBe('expired');
    const garbage = stapled(Buffer.from('3003020101', 'hex'));
    expect(garbage.ocsp.signer).toBeNull();
    expect(evaluateTlsOcsp(garbage, ctx).facts.reason).toBe('malformed');
  });

  it('reports a revoked certificate for pastoe', () => {
    const cert = ocspLeaf();
    const chains = [chain(cert, intermediate)];
    const result = evaluateTlsOcsp(
      tlsEvidence({ certificateChains: chains, ocsp: staple(pki.ocspResponse(intermediate, cert, { status: 'revoked' }), chains) }),
      ctx,
    );
    expect(result).toMatchObject({ outcome: 'good', facts: { certStatus: 'revoked', pastoe: { outcome: 'bad' } } });
  });

  it('parses the leaf it judges', () => {
    expect(parseCertificate(ocspLeaf().der).facts.ocspUrls).toEqual(['http://ocsp.example.nl/']);
  });
});
