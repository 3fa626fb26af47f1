import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer, connect as tlsConnect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { type LabCertificate, type LabKeyType, createLabCa, issueCertificate } from './ca.js';

/** Serves `cert` on loopback and reports whether a client trusting `ca` accepts it for `servername`. */
async function handshake(cert: LabCertificate, ca: string, servername: string): Promise<{ authorized: boolean; error?: string }> {
  const server = createTlsServer({ cert: cert.chainPem, key: cert.privateKeyPem }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve) => {
      const socket = tlsConnect({ host: '127.0.0.1', port, ca, servername, rejectUnauthorized: false }, () => {
        const error = socket.authorizationError;
        resolve(
          error === null || error === undefined
            ? { authorized: socket.authorized }
            : { authorized: socket.authorized, error: String(error) },
        );
        socket.destroy();
      });
      socket.on('error', (e) => resolve({ authorized: false, error: e.message }));
    });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('lab CA', () => {
  it('creates a self-signed CA certificate quickly', async () => {
    const started = performance.now();
    const ca = await createLabCa();
    expect(performance.now() - started).toBeLessThan(500);
    expect(ca.isCa).toBe(true);
    expect(ca.certificate.ca).toBe(true);
    expect(ca.certificate.subject).toContain('CN=pastoe lab CA');
    expect(ca.certificate.checkIssued(ca.certificate)).toBe(true);
    expect(ca.certificate.verify(ca.certificate.publicKey)).toBe(true);
    expect(ca.chainPem).toBe(ca.certificatePem);
  });

  const keyTypes: LabKeyType[] = ['ecdsa-p256', 'ecdsa-p384', 'ed25519', 'rsa-1024', 'rsa-2048'];
  it.each(keyTypes)('issues a %s server certificate that node verifies and TLS accepts', async (keyType) => {
    const ca = await createLabCa();
    const leaf = await issueCertificate(ca, { names: ['www.secure.test', '*.secure.test'], ips: ['192.0.2.10', '2001:db8::a'], keyType });
    expect(leaf.isCa).toBe(false);
    expect(leaf.certificate.ca).toBe(false);
    expect(leaf.certificate.verify(ca.certificate.publicKey)).toBe(true);
    expect(leaf.certificate.checkIssued(ca.certificate)).toBe(true);
    expect(leaf.certificate.checkHost('www.secure.test')).toBe('www.secure.test');
    expect(leaf.certificate.checkHost('any.secure.test')).toBe('*.secure.test');
    expect(leaf.certificate.checkIP('192.0.2.10')).toBe('192.0.2.10');
    expect(leaf.certificate.checkIP('2001:db8::a')).toBe('2001:db8::a');
    expect(leaf.certificate.subjectAltName).toContain('DNS:www.secure.test');
    const key = leaf.certificate.publicKey;
    if (keyType.startsWith('rsa-')) expect(key.asymmetricKeyDetails?.modulusLength).toBe(Number(keyType.slice(4)));
    if (keyType === 'ecdsa-p384') expect(key.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
    if (keyType === 'ed25519') expect(key.asymmetricKeyType).toBe('ed25519');
    expect(await handshake(leaf, ca.certificatePem, 'www.secure.test')).toEqual({ authorized: true });
  });

  it('issues through an intermediate, and the chain verifies up to the root', async () => {
    const root = await createLabCa({ keyType: 'rsa-2048' });
    const intermediate = await issueCertificate(root, { isCa: true, commonName: 'lab intermediate', keyType: 'ecdsa-p384' });
    const leaf = await issueCertificate(intermediate, { names: ['chain.test'] });
    expect(intermediate.certificate.ca).toBe(true);
    expect(leaf.chainPem).toBe(leaf.certificatePem + intermediate.certificatePem);
    expect(await handshake(leaf, root.certificatePem, 'chain.test')).toEqual({ authorized: true });
  });

  it('makes expired and wrong-name certificates that TLS rejects for those reasons', async () => {
    const ca = await createLabCa();
    const day = 86_400_000;
    const expired = await issueCertificate(ca, {
      names: ['expired.test'],
      notBefore: new Date(Date.now() - 30 * day),
      notAfter: new Date(Date.now() - day),
    });
    expect((await handshake(expired, ca.certificatePem, 'expired.test')).error).toMatch(/CERT_HAS_EXPIRED/);
    const wrongName = await issueCertificate(ca, { names: ['other.test'] });
    expect((await handshake(wrongName, ca.certificatePem, 'wanted.test')).error).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID|does not match/);
    const otherCa = await createLabCa();
    expect((await handshake(wrongName, otherCa.certificatePem, 'other.test')).error).toMatch(
      /UNABLE_TO_VERIFY_LEAF_SIGNATURE|self.signed|unable to verify/i,
    );
  });

  it('will not issue from a certificate that is not a CA', async () => {
    const ca = await createLabCa();
    const leaf = await issueCertificate(ca, { names: ['leaf.test'] });
    await expect(issueCertificate(leaf, { names: ['x.test'] })).rejects.toThrow(/not a CA/);
  });

  it('writes dates after 2049 as GeneralizedTime', async () => {
    const ca = await createLabCa({ notAfter: new Date('2060-01-01T00:00:00Z') });
    expect(new Date(ca.certificate.validTo).getUTCFullYear()).toBe(2060);
  });
});
