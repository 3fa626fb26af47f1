/**
 * Names that share a TLS server: a scan given the evidence of another name on the same address
 * (`reference`) carries the enumeration over only when its own first hellos answer the same, and
 * the TLS probe does so across scans that share caches unless `tlsSharing` is `name`. The server
 * here gives each name its own certificate by SNI, and one name an ECDSA key, which changes the
 * suites it negotiates.
 */
import tls from 'node:tls';
import { createLabCa, issueCertificate, type LabCa, type LabCertificate } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanCaches } from '../../../core/src/runner/caches.js';
import { probeTls } from '../../../core/src/tls/scanner/probe.js';
import { type ScanTlsOptions, scanTls } from '../../../core/src/tls/scanner/scan-tls.js';
import { loopbackNetwork, startNodeTlsServer, type TestServer } from '../../../core/src/tls/scanner/test-support/servers.js';
import type { TlsEvidence } from '../../../core/src/tls/types.js';
import { createTrustStore } from '../../../core/src/trust/store.js';

const network = loopbackNetwork();
let ca: LabCa;
let server: TestServer;
const certificates = new Map<string, LabCertificate>();

beforeAll(async () => {
  ca = await createLabCa();
  for (const name of ['a.example.test', 'b.example.test']) {
    certificates.set(name, await issueCertificate(ca, { names: [name], keyType: 'rsa-2048' }));
  }
  certificates.set('c.example.test', await issueCertificate(ca, { names: ['c.example.test'], keyType: 'ecdsa-p256' }));
  const contexts = new Map(
    [...certificates].map(([name, certificate]) => [
      name,
      tls.createSecureContext({ key: certificate.privateKeyPem, cert: certificate.chainPem }),
    ]),
  );
  const fallback = certificates.get('a.example.test') as LabCertificate;
  server = await startNodeTlsServer({
    key: fallback.privateKeyPem,
    cert: fallback.chainPem,
    SNICallback: (servername, done) => done(null, contexts.get(servername)),
  });
}, 60_000);
afterAll(() => server?.close());

function scan(host: string, extra: Partial<ScanTlsOptions> = {}): Promise<TlsEvidence> {
  return scanTls({ host, ip: '127.0.0.1', port: server.port, network, ca: ca.certificatePem, renegotiationAttempts: 2, ...extra });
}

/** What the carried-over part of the evidence says, to compare with a full scan of the same name. */
function enumeration(evidence: TlsEvidence) {
  const { versions, suites, keyExchanges, kexHash, cipherOrder, compression, secureRenegotiation, extendedMasterSecret } = evidence;
  return { versions, suites, keyExchanges, kexHash, cipherOrder, compression, secureRenegotiation, extendedMasterSecret };
}

const leafOf = (evidence: TlsEvidence): string | undefined =>
  evidence.certificateChains.find((chain) => chain.source === 'handshake')?.certificates[0];

describe('a scan with the evidence of another name on the same server', () => {
  it('carries the enumeration over when the first hellos answer the same, with its own certificate and trust', {
    timeout: 60_000,
  }, async () => {
    const reference = await scan('a.example.test');
    expect(reference.helloFingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(reference.enumerationFrom).toBeUndefined();

    const [shared, full] = await Promise.all([scan('b.example.test', { reference }), scan('b.example.test')]);
    expect(shared.enumerationFrom).toBe('a.example.test');
    expect(shared.helloFingerprint).toBe(full.helloFingerprint);
    // Five first hellos (TLS 1.3 to SSLv3; SSLv2's names no server, so the reference's answer is the address's), seven offers of the suites the reference did not accept (six
    // chunks at TLS 1.2, one at 1.3), one offer of its worst suites per version and one node:tls handshake.
    expect(shared.connections).toBe(15);
    expect(full.connections).toBeGreaterThan(shared.connections + 5);
    expect(enumeration(shared)).toEqual(enumeration(full));
    expect(shared.renegotiation).toEqual(reference.renegotiation);
    // The certificate facts are this name's own.
    expect(leafOf(shared)).toBe(leafOf(full));
    expect(leafOf(shared)).not.toBe(leafOf(reference));
    expect(shared.trust?.verified).toBe(true);
  });

  it('scans in full when the name accepts suites the reference did not (an ECDSA key beside the RSA one)', {
    timeout: 60_000,
  }, async () => {
    const reference = await scan('a.example.test');
    const other = await scan('c.example.test', { reference });
    // Its first hellos look the same (the server prefers the same suites): only the offers of the rest tell.
    expect(other.helloFingerprint).toBe(reference.helloFingerprint);
    expect(other.enumerationFrom).toBeUndefined();
    expect(other.connections).toBeGreaterThan(10);
    const tls12 = (evidence: TlsEvidence) => evidence.suites.find((entry) => entry.version === 'TLSv1.2')?.accepted ?? [];
    expect(tls12(other)).not.toEqual(tls12(reference));
  });

  it('refuses a reference from another endpoint', async () => {
    const reference = await scan('a.example.test', { handshakes: false });
    await expect(scanTls({ host: 'b.example.test', ip: '127.0.0.2', port: server.port, network, reference })).rejects.toThrow(TypeError);
    await expect(scan('b.example.test', { reference, starttls: 'smtp' })).rejects.toThrow(TypeError);
  });
});

describe('the TLS probe across scans that share caches', () => {
  const run = async (tlsSharing: 'address' | 'name') => {
    const context = {
      transports: { network, trust: createTrustStore({ ca: ca.certificatePem, mozilla: false }) },
      caches: createScanCaches(),
      signal: new AbortController().signal,
      settings: { ehloName: 'pastoe.invalid', userAgent: 'x', tlsSharing },
    } as unknown as Parameters<typeof probeTls>[1];
    const subject = (name: string) => ({ name, role: 'web' as const, ip: '127.0.0.1', port: server.port });
    // Side by side, as a bulk run does: the second name waits for the first's full scan, then builds on it.
    return Promise.all(['a.example.test', 'b.example.test', 'c.example.test'].map((name) => probeTls(subject(name), context)));
  };

  it('shares by address by default: one full scan, then a short one per name that answers the same', { timeout: 60_000 }, async () => {
    const [a, b, c] = await run('address');
    // The address's lock is taken in order of asking: the first name is the one scanned in full.
    expect(a?.enumerationFrom).toBeUndefined();
    expect(b?.enumerationFrom).toBe('a.example.test');
    expect(c?.enumerationFrom).toBeUndefined();
    expect([a, b, c].every((evidence) => evidence?.trust?.verified === true)).toBe(true);
  });

  it("scans every name in full with tlsSharing 'name'", { timeout: 60_000 }, async () => {
    const all = await run('name');
    expect(all.every((evidence) => evidence?.enumerationFrom === undefined)).toBe(true);
    expect(all.every((evidence) => (evidence?.connections ?? 0) > 10)).toBe(true);
  });
});
