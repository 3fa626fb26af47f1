/**
 * scanTls against the lab's servers (@pastoe/lab): its node:tls server, its SMTP server with
 * STARTTLS, and its scripted TLS server for what no library serves (SSLv3, RC4 and 3DES, no
 * renegotiation_info, DEFLATE, SHA-1 key-exchange signatures). An independent implementation of
 * the server side, so agreement checks both.
 */
import {
  createLabCa,
  createOcspResponse,
  issueCertificate,
  type LabCa,
  type LabCertificate,
  type LabListener,
  startScriptedTlsServer,
  startSmtpServer,
  startTlsServer,
} from '@pastoe/lab';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TlsEvidence } from '../../../core/src/tls/types.js';
import { type ScanTlsOptions, scanTls } from '../../../core/src/tls/scanner/scan-tls.js';
import { loopbackNetwork } from '../../../core/src/tls/scanner/test-support/servers.js';

const network = loopbackNetwork();
let ca: LabCa;
let rsa: LabCertificate;
let listeners: LabListener[] = [];

beforeAll(async () => {
  ca = await createLabCa();
  rsa = await issueCertificate(ca, { names: ['lab.example.test', 'mx.lab.example.test'], keyType: 'rsa-2048' });
});

afterEach(async () => {
  await Promise.all(listeners.map((l) => l.close()));
  listeners = [];
});

function scan(port: number, extra: Partial<ScanTlsOptions> = {}): Promise<TlsEvidence> {
  return scanTls({ host: 'lab.example.test', ip: '127.0.0.1', port, network, ca: ca.certificatePem, helloTimeoutMs: 2_000, ...extra });
}

function supported(evidence: TlsEvidence): string[] {
  return evidence.versions.filter((v) => v.supported === true).map((v) => v.version);
}

describe('scanTls against the lab', () => {
  it('scans the lab TLS server: ffdhe3072, OCSP staple, renegotiation refused, limited and unlimited', async () => {
    const staple = createOcspResponse({ certificate: rsa, issuer: ca });
    const base = {
      certificates: [rsa],
      ciphers: 'TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES256-GCM-SHA384',
      dhparam: 'ffdhe3072',
      ocspStaple: staple,
    } as const;
    const refused = await startTlsServer({ ...base, renegotiation: 'refused' });
    const limited = await startTlsServer({ ...base, renegotiation: 'limited' });
    const unlimited = await startTlsServer({ ...base, renegotiation: 'unlimited' });
    listeners.push(refused, limited, unlimited);

    const evidence = await scan(refused.port);
    expect(supported(evidence)).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(evidence.suites.map((s) => [s.version, s.accepted])).toEqual([
      ['TLSv1.2', [0xc030, 0x009f]],
      ['TLSv1.3', [0x1302]],
    ]);
    expect(evidence.keyExchanges.find((k) => k.suite === 0x009f)?.dh?.bits).toBe(3072);
    // The probe checks the staple's signature with the issuer's key, so that checks need no crypto.
    expect(evidence.ocsp).toEqual({ stapled: true, response: staple.toString('base64'), signer: 'issuer' });
    expect(evidence.certificateChains.find((chain) => chain.source === 'handshake')?.signedBy).toEqual([[1], [1]]);
    expect(evidence.trust?.verified).toBe(true);
    expect(evidence.renegotiation).toMatchObject({ accepted: 0 });
    expect(evidence.renegotiation?.error).toBeUndefined();

    expect((await scan(limited.port, { handshakes: true })).renegotiation?.accepted).toBe(3);
    expect((await scan(unlimited.port)).renegotiation).toEqual({ attempted: 11, accepted: 11 });
  });

  it('scans the lab SMTP server over STARTTLS, one connection at a time', async () => {
    const smtp = await startSmtpServer({ hostname: 'mx.lab.example.test', tls: { certificates: [rsa] } });
    listeners.push(smtp);
    const evidence = await scan(smtp.port, { starttls: 'smtp', host: 'mx.lab.example.test' });
    expect(evidence.starttls).toMatchObject({ offered: true, accepted: true, banner: expect.stringContaining('mx.lab.example.test') });
    expect(evidence.starttls?.ehloKeywords).toContain('STARTTLS');
    expect(supported(evidence)).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(evidence.trust?.verified).toBe(true);
    expect(evidence.connections).toBe(smtp.sessions);
    expect(evidence.problems).toEqual([]);
  });

  it('reports a lab SMTP server that refuses STARTTLS or tarpits', async () => {
    const refusing = await startSmtpServer({ hostname: 'mx.lab.example.test', tls: { certificates: [rsa] }, starttls: 'refused' });
    const tarpit = await startSmtpServer({ hostname: 'mx.lab.example.test', bannerDelayMs: 5_000 });
    listeners.push(refusing, tarpit);
    const refused = await scan(refusing.port, { starttls: 'smtp' });
    expect(refused.reachable).toBe(false);
    expect(refused.starttls).toMatchObject({ offered: true, accepted: false });
    const started = performance.now();
    const slow = await scan(tarpit.port, { starttls: 'smtp', smtpTimeouts: { bannerMs: 200 } });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(slow.problems).toEqual([expect.objectContaining({ step: 'starttls', code: 'starttls' })]);
    expect(slow.connections).toBe(1);
  });

  it('sees SSLv3, RC4 and 3DES, no renegotiation_info, DEFLATE and SHA-1 signatures on the scripted server', async () => {
    const server = await startScriptedTlsServer({
      versions: ['SSLv3', 'TLSv1.0', 'TLSv1.2'],
      suites: [0xc02f, 0xc013, 0x000a, 0x0005],
      suitesByVersion: { SSLv3: [0x000a, 0x0005] },
      certificates: [rsa],
      secureRenegotiation: false,
      compression: true,
      signatureSchemes: [0x0804, 0x0201],
      afterResponse: 'close',
    });
    listeners.push(server);
    const evidence = await scan(server.port, { scope: 'all', handshakes: false });
    expect(supported(evidence)).toEqual(['SSLv3', 'TLSv1.0', 'TLSv1.2']);
    expect(evidence.versions.find((v) => v.version === 'TLSv1.1')?.supported).toBe(false);
    expect(evidence.suites.map((s) => [s.version, s.accepted])).toEqual([
      ['SSLv3', [0x000a, 0x0005]],
      ['TLSv1.0', [0xc013, 0x000a, 0x0005]],
      ['TLSv1.2', [0xc02f, 0xc013, 0x000a, 0x0005]],
    ]);
    expect(evidence.secureRenegotiation).toBe(false);
    expect(evidence.compression).toBe(true);
    expect(evidence.kexHash).toMatchObject({ sha1: true });
    expect(evidence.certificateChains[0]?.certificates[0]).toBe(rsa.certificate.raw.toString('base64'));
    expect(evidence.connections).toBe(server.connections);
  });

  it('follows a lab HelloRetryRequest and survives the scripted hostile answers', async () => {
    const hrr = await startScriptedTlsServer({
      versions: ['TLSv1.3'],
      suites: [0x1301],
      certificates: [rsa],
      action: (hello) => (hello.keyShares?.some((k) => k.group === 24) ? { kind: 'negotiate' } : { kind: 'hello-retry', group: 24 }),
    });
    listeners.push(hrr);
    const evidence = await scan(hrr.port, { handshakes: false });
    expect(supported(evidence)).toEqual(['TLSv1.3']);
    expect(evidence.keyExchanges).toEqual([{ version: 'TLSv1.3', suite: 0x1301, group: 24 }]);

    for (const action of [{ kind: 'garbage' }, { kind: 'truncated' }, { kind: 'oversize' }, { kind: 'reset' }] as const) {
      const hostile = await startScriptedTlsServer({ versions: ['TLSv1.2'], suites: [0xc02f], certificates: [rsa], action });
      listeners.push(hostile);
      const result = await scan(hostile.port);
      expect(result.reachable, action.kind).toBe(false);
      expect(result.connections).toBe(hostile.connections);
    }
  });
});
