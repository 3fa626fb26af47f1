/**
 * scanTls against `openssl s_server`, for what node cannot serve: TLS 1.0/1.1 at security
 * level 0 with every OpenSSL suite (like the research's legacy config B), SHA-1 key-exchange
 * signatures, client-initiated renegotiation allowed or refused, and a 0-RTT advertisement.
 * Skipped when no openssl binary is installed.
 */
import { execFileSync } from 'node:child_process';
import { createLabCa, issueCertificate, type LabCa, type LabCertificate } from '@pastoe/lab';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TlsEvidence } from '../../../core/src/tls/types.js';
import { scanTls, type ScanTlsOptions } from '../../../core/src/tls/scanner/scan-tls.js';
import { loopbackNetwork, startOpenSslServer, type TestServer } from '../../../core/src/tls/scanner/test-support/servers.js';

function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const network = loopbackNetwork();
const ALL_TLS13 =
  'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256';
let ca: LabCa;
let rsa: LabCertificate;
let servers: TestServer[] = [];

async function serve(args: readonly string[]): Promise<Awaited<ReturnType<typeof startOpenSslServer>>> {
  const server = await startOpenSslServer({ certPem: rsa.chainPem, keyPem: rsa.privateKeyPem, args });
  servers.push(server);
  return server;
}

function scan(port: number, extra: Partial<ScanTlsOptions> = {}): Promise<TlsEvidence> {
  return scanTls({ host: 'legacy.example.test', ip: '127.0.0.1', port, network, ca: ca.certificatePem, ...extra });
}

describe.skipIf(!opensslAvailable())('scanTls against openssl s_server', () => {
  beforeAll(async () => {
    ca = await createLabCa();
    rsa = await issueCertificate(ca, { names: ['legacy.example.test'], keyType: 'rsa-2048' });
  });

  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });

  it('finds every suite of a legacy server (TLS 1.0-1.3, security level 0), in both scopes', async () => {
    const server = await serve([
      '-cipher',
      'ALL:COMPLEMENTOFALL:@SECLEVEL=0',
      '-ciphersuites',
      ALL_TLS13,
      '-min_protocol',
      'TLSv1',
      '-client_renegotiation',
    ]);
    let started = performance.now();
    const internetnl = await scan(server.port);
    const internetnlMs = performance.now() - started;
    expect(internetnl.versions.map((v) => [v.version, v.supported])).toEqual([
      ['SSLv2', false],
      ['SSLv3', false],
      ['TLSv1.0', true],
      ['TLSv1.1', true],
      ['TLSv1.2', true],
      ['TLSv1.3', true],
    ]);
    // The same counts as sslscan and testssl found on the research's config B: 5 / 61 / 20 / 20.
    expect(internetnl.suites.map((s) => [s.version, s.accepted.length, s.complete])).toEqual([
      ['TLSv1.2', 61, true],
      ['TLSv1.3', 5, true],
    ]);
    expect(internetnl.suites[1]?.accepted).toContain(0x1305);
    // At security level 0 the server signs with SHA-1 when that is all the client offers.
    expect(internetnl.kexHash).toEqual({ sha1: true, sha224: null, defaultScheme: 0x0804 });
    expect(internetnl.renegotiation).toEqual({ attempted: 11, accepted: 11 });
    expect(internetnl.cipherOrder?.serverPreference).toBe(false);
    expect(internetnl.keyExchanges.some((k) => k.dh !== undefined && k.dh.bits >= 2048)).toBe(true);
    expect(internetnl.problems).toEqual([]);

    started = performance.now();
    const all = await scan(server.port, { scope: 'all', handshakes: false });
    const allMs = performance.now() - started;
    expect(all.suites.map((s) => [s.version, s.accepted.length])).toEqual([
      ['TLSv1.0', 20],
      ['TLSv1.1', 20],
      ['TLSv1.2', 61],
      ['TLSv1.3', 5],
    ]);
    expect(all.keyExchanges.filter((k) => k.version === 'TLSv1.0').every((k) => k.signatureScheme === undefined)).toBe(true);
    console.log(
      `legacy s_server: internetnl scope ${internetnl.connections} connections ${internetnlMs.toFixed(0)} ms; all versions (no handshakes) ${all.connections} connections ${allMs.toFixed(0)} ms`,
    );
    expect(internetnl.connections).toBeLessThanOrEqual(100);
  });

  it('counts refused client renegotiation and sees 0-RTT accepted', async () => {
    const server = await serve(['-early_data', '-max_early_data', '16384']);
    // s_server reads the early data but never answers HTTP: a short wait for the answer.
    const evidence = await scan(server.port, { helloTimeoutMs: 500 });
    expect(evidence.versions.filter((v) => v.supported).map((v) => v.version)).toEqual(['TLSv1.2', 'TLSv1.3']);
    // OpenSSL 3 servers refuse client-initiated renegotiation unless told otherwise.
    expect(evidence.renegotiation).toEqual({ attempted: 1, accepted: 0, refusal: 'ERR_SSL_NO_RENEGOTIATION' });
    expect(evidence.zeroRtt).toEqual({ maxEarlyData: 16384, accepted: true });
    // The server got the early request, and took the EndOfEarlyData and Finished that followed.
    expect(server.output()).toContain('GET / HTTP/1.1');
    const afterEarlyData = server.output().slice(server.output().lastIndexOf('GET / HTTP/1.1'));
    expect(afterEarlyData).not.toMatch(/decrypt|finished|bad record mac|alert/i);
    // TLS 1.0/1.1 enabled by protocol but impossible at the default security level: internal_error, not protocol_version.
    expect(evidence.versions.find((v) => v.version === 'TLSv1.0')).toMatchObject({ supported: false });
    // 20 TLS 1.2 suites and 3 TLS 1.3 suites: enumeration costs accepted suites + chunks; 0-RTT two more.
    expect(evidence.suites.map((s) => [s.version, s.accepted.length])).toEqual([
      ['TLSv1.2', 20],
      ['TLSv1.3', 3],
    ]);
    console.log(`default s_server: ${evidence.connections} connections`);
    expect(evidence.connections).toBeLessThanOrEqual(48);
  });

  it('sees 0-RTT advertised but refused, and not tested for mail', async () => {
    // Without -early_data s_server advertises early data in its tickets but never reads it.
    const server = await serve(['-max_early_data', '16384']);
    const evidence = await scan(server.port, { renegotiationAttempts: 0 });
    expect(evidence.zeroRtt).toEqual({ maxEarlyData: 16384, accepted: false });
    expect(evidence.problems).toEqual([]);
    const skipped = await scan(server.port, { renegotiationAttempts: 0, zeroRtt: false });
    expect(skipped.zeroRtt).toEqual({ maxEarlyData: 16384, accepted: null });
    expect(skipped.connections).toBe(evidence.connections - 2);
  });

  it('scans a TLS 1.0-only server and renegotiates at TLS 1.0', async () => {
    const server = await serve(['-tls1', '-cipher', 'ECDHE-RSA-AES128-SHA:AES128-SHA:@SECLEVEL=0', '-client_renegotiation']);
    const evidence = await scan(server.port);
    expect(evidence.versions.filter((v) => v.supported).map((v) => v.version)).toEqual(['TLSv1.0']);
    expect(evidence.suites).toEqual([
      { version: 'TLSv1.0', accepted: expect.arrayContaining([0xc013, 0x002f]), complete: true, candidates: 126 },
    ]);
    expect(evidence.extendedMasterSecret).toBeNull();
    expect(evidence.secureRenegotiation).toBe(true);
    expect(evidence.kexHash).toEqual({ sha1: null, sha224: null });
    expect(evidence.renegotiation).toEqual({ attempted: 11, accepted: 11 });
    expect(evidence.certificateChains.map((c) => [c.source, c.version])).toEqual([
      ['raw', 'TLSv1.0'],
      ['handshake', 'TLSv1.0'],
    ]);
  });
});
