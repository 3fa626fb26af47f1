import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabCa, type LabCertificate, createLabCa, createSelfSignedCertificate, issueCertificate } from './ca.js';
import { fixedLabKey } from './fixed-keys.js';
import { createOcspErrorResponse, createOcspResponse } from './ocsp.js';
import { tlsaFor, tlsaText } from './tlsa.js';

let dir: string;
let ca: LabCa;
let leaf: LabCertificate;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pastoe-lab-pki-'));
  ca = await createLabCa();
  leaf = await issueCertificate(ca, { names: ['ocsp.test'], ocspUrl: 'http://ocsp.lab.test/' });
  writeFileSync(join(dir, 'ca.pem'), ca.certificatePem);
  writeFileSync(join(dir, 'leaf.pem'), leaf.certificatePem);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `openssl ocsp` makes of a response for the leaf. */
function inspect(response: Buffer): string {
  const file = join(dir, `r${Math.random().toString(16).slice(2)}.der`);
  writeFileSync(file, response);
  const result = spawnSync('openssl', [
    'ocsp',
    '-respin',
    file,
    '-CAfile',
    join(dir, 'ca.pem'),
    '-issuer',
    join(dir, 'ca.pem'),
    '-cert',
    join(dir, 'leaf.pem'),
    '-resp_text',
  ]);
  // openssl writes the verification verdict to stderr and the rest to stdout.
  return `${result.stdout.toString()}${result.stderr.toString()}`;
}

describe('lab OCSP responses', () => {
  it('are good responses signed by the issuing CA that OpenSSL verifies', () => {
    const text = inspect(createOcspResponse({ certificate: leaf, issuer: ca }));
    expect(text).toMatch(/Response verify OK/);
    expect(text).toMatch(/OCSP Response Status: successful/);
    expect(text).toMatch(/Cert Status: good/);
    expect(text).toMatch(/leaf\.pem: good/);
  });

  it('can be signed by a delegated responder, say revoked or unknown, be stale, or carry a bad signature', async () => {
    const responder = await issueCertificate(ca, { purpose: 'ocsp-signing', commonName: 'lab OCSP responder' });
    expect(responder.certificate.keyUsage).toContain('1.3.6.1.5.5.7.3.9');
    const delegated = inspect(createOcspResponse({ certificate: leaf, issuer: ca, responder }));
    expect(delegated).toMatch(/Response verify OK/);
    expect(delegated).toMatch(/leaf\.pem: good/);
    expect(inspect(createOcspResponse({ certificate: leaf, issuer: ca, status: 'revoked' }))).toMatch(/leaf\.pem: revoked/);
    expect(inspect(createOcspResponse({ certificate: leaf, issuer: ca, status: 'unknown' }))).toMatch(/leaf\.pem: unknown/);
    const stale = inspect(createOcspResponse({ certificate: leaf, issuer: ca, producedAt: new Date(Date.now() - 30 * 86_400_000) }));
    expect(stale).toMatch(/Status times invalid|expired/i);
    expect(inspect(createOcspResponse({ certificate: leaf, issuer: ca, badSignature: true }))).toMatch(/Response Verify Failure/);
    expect(inspect(createOcspErrorResponse('tryLater'))).toMatch(/trylater \(3\)/);
  });
});

describe('lab CA extensions', () => {
  it('signs with SHA-1, SHA-224, SHA-512 and RSASSA-PSS on request, and OpenSSL names each', async () => {
    const rsaCa = await createLabCa({ privateKey: fixedLabKey('rsa2048a') });
    const cases = [
      [ca, 'sha1', 'ecdsa-with-SHA1'],
      [ca, 'sha224', 'ecdsa-with-SHA224'],
      [ca, 'sha512', 'ecdsa-with-SHA512'],
      [rsaCa, 'sha1', 'sha1WithRSAEncryption'],
      [rsaCa, 'sha224', 'sha224WithRSAEncryption'],
      [rsaCa, 'rsa-pss', 'rsassaPss'],
    ] as const;
    for (const [issuer, signatureAlgorithm, name] of cases) {
      const cert = await issueCertificate(issuer, { names: ['sig.test'], signatureAlgorithm });
      expect(cert.signatureAlgorithm).toBe(signatureAlgorithm);
      expect(cert.certificate.verify(issuer.certificate.publicKey)).toBe(true);
      const file = join(dir, 'sig.pem');
      writeFileSync(file, cert.certificatePem);
      const text = execFileSync('openssl', ['x509', '-in', file, '-noout', '-text']).toString();
      expect([signatureAlgorithm, /Signature Algorithm: (\S+)/.exec(text)?.[1]]).toEqual([signatureAlgorithm, name]);
    }
    await expect(issueCertificate(ca, { signatureAlgorithm: 'rsa-pss' })).rejects.toThrow(/RSA issuer/);
  });

  it('reuses a given key, makes self-signed leaves and writes the OCSP URL', async () => {
    const key = fixedLabKey('rsa3072');
    const a = await issueCertificate(ca, { names: ['a.test'], privateKey: key });
    const b = await issueCertificate(ca, { names: ['b.test'], privateKey: key });
    expect(a.keyType).toBe('rsa-3072');
    expect(a.spkiDer.equals(b.spkiDer)).toBe(true);
    expect(leaf.certificate.infoAccess).toMatch(/OCSP - URI:http:\/\/ocsp\.lab\.test\//);
    const self = await createSelfSignedCertificate({ names: ['self.test'] });
    expect(self.isCa).toBe(false);
    expect(self.certificate.issuer).toBe(self.certificate.subject);
    expect(self.certificate.verify(self.certificate.publicKey)).toBe(true);
  });

  it('computes TLSA data from the served certificate', async () => {
    const ee = tlsaFor(leaf);
    expect(tlsaText(ee)).toMatch(/^3 1 1 [0-9a-f]{64}$/);
    const expected = execFileSync('sh', [
      '-c',
      `openssl x509 -in ${join(dir, 'leaf.pem')} -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256 -r`,
    ])
      .toString()
      .split(' ')[0];
    expect(ee.certificateData).toBe(expected);
    expect(tlsaFor(ca, 2, 0, 2).certificateData).toHaveLength(128);
    expect(tlsaFor(ca, 2, 0, 0).certificateData).toBe(ca.der.toString('hex'));
  });
});
