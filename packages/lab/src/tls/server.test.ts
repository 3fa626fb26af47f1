import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TLSSocket, connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabCa, type LabCertificate, createLabCa, issueCertificate } from '../pki/ca.js';
import { createOcspResponse } from '../pki/ocsp.js';
import { ffdhePrime } from './ffdhe.js';
import { type LabRenegotiation, type LabTlsServer, startTlsServer } from './server.js';
import { sClient, tlsHandshake } from './test-support.js';

let ca: LabCa;
let ecdsa: LabCertificate;
let rsa: LabCertificate;
const servers: LabTlsServer[] = [];
beforeAll(async () => {
  ca = await createLabCa();
  [ecdsa, rsa] = await Promise.all([
    issueCertificate(ca, { names: ['tls.test'], ocspUrl: 'http://ocsp.lab.test/' }),
    issueCertificate(ca, { names: ['tls.test'], keyType: 'rsa-2048' }),
  ]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(options: Parameters<typeof startTlsServer>[0]): Promise<LabTlsServer> {
  const server = await startTlsServer(options);
  servers.push(server);
  return server;
}

/** Renegotiates up to `times` on one TLS 1.2 connection; resolves with how many succeeded. */
function renegotiations(port: number, times: number): Promise<number> {
  return new Promise((resolve) => {
    let done = 0;
    const socket: TLSSocket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false, maxVersion: 'TLSv1.2' }, () => {
      const next = (): void => {
        if (done === times) {
          socket.destroy();
          resolve(done);
          return;
        }
        const started = socket.renegotiate({ rejectUnauthorized: false }, (error) => {
          if (error) {
            socket.destroy();
            resolve(done);
            return;
          }
          done++;
          // The server only completes a renegotiation when the client reads.
          setImmediate(next);
        });
        if (!started) {
          socket.destroy();
          resolve(done);
        }
      };
      next();
    });
    socket.on('data', () => {});
    socket.on('error', () => resolve(done));
    socket.on('close', () => resolve(done));
  });
}

describe('startTlsServer', () => {
  it('serves TLS 1.3 and 1.2 with the configured suites and groups to node:tls', async () => {
    const server = await serve({
      certificates: [ecdsa],
      ciphers: 'TLS_AES_256_GCM_SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305',
      ecdhCurve: 'X25519:P-256',
    });
    const v13 = await tlsHandshake(server.port, { ca: ca.certificatePem, servername: 'tls.test', rejectUnauthorized: true });
    expect(v13).toMatchObject({ ok: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', authorized: true });
    expect(v13.ephemeral?.name).toBe('X25519');
    const v12 = await tlsHandshake(server.port, { maxVersion: 'TLSv1.2', ecdhCurve: 'P-256' });
    expect(v12).toMatchObject({ ok: true, protocol: 'TLSv1.2', cipher: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384' });
    expect(v12.ephemeral?.name).toBe('prime256v1');
    const v11 = await tlsHandshake(server.port, { minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' });
    expect(v11.ok).toBe(false);
  });

  it('serves TLS 1.0 with CBC suites when asked, as openssl s_client sees it', async () => {
    const server = await serve({
      certificates: [rsa],
      minVersion: 'TLSv1.0',
      maxVersion: 'TLSv1.2',
      ciphers: 'ECDHE-RSA-AES128-SHA:AES128-SHA',
    });
    const { output } = await sClient(server.port, ['-tls1', '-cipher', 'ALL:@SECLEVEL=0']);
    expect(output).toMatch(/Protocol\s*: TLSv1\b/);
    expect(output).toMatch(/Cipher\s*: ECDHE-RSA-AES128-SHA/);
    const rsaKex = await tlsHandshake(server.port, { minVersion: 'TLSv1', ciphers: 'AES128-SHA:@SECLEVEL=0' });
    expect(rsaKex).toMatchObject({ ok: true, protocol: 'TLSv1.2', cipher: 'TLS_RSA_WITH_AES_128_CBC_SHA' });
  });

  it('presents an ECDSA or an RSA chain depending on the suite', async () => {
    const server = await serve({
      certificates: [ecdsa, rsa],
      maxVersion: 'TLSv1.2',
      ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256',
    });
    expect((await tlsHandshake(server.port, { ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' })).peerKeyType).toBe('ec');
    expect((await tlsHandshake(server.port, { ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' })).peerKeyType).toBe('rsa');
  });

  it('follows its own suite order, or the client order when told', async () => {
    const ciphers = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256';
    const server = await serve({ certificates: [rsa], maxVersion: 'TLSv1.2', ciphers });
    const client = await serve({ certificates: [rsa], maxVersion: 'TLSv1.2', ciphers, serverPreference: false });
    const offer = { ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384' };
    expect((await tlsHandshake(server.port, offer)).cipher).toBe('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
    expect((await tlsHandshake(client.port, offer)).cipher).toBe('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
  });

  it('uses the RFC 7919 ffdhe2048 prime for DHE, byte for byte as OpenSSL knows it', async () => {
    const server = await serve({ certificates: [rsa], maxVersion: 'TLSv1.2', ciphers: 'DHE-RSA-AES128-GCM-SHA256', dhparam: 'ffdhe2048' });
    const result = await tlsHandshake(server.port, { ciphers: 'DHE-RSA-AES128-GCM-SHA256' });
    expect(result).toMatchObject({ ok: true, cipher: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256' });
    expect(result.ephemeral).toMatchObject({ type: 'DH', size: 2048 });
    const dir = mkdtempSync(join(tmpdir(), 'pastoe-lab-'));
    try {
      for (const bits of [2048, 3072, 4096, 6144, 8192] as const) {
        const file = join(dir, `${bits}.pem`);
        execFileSync('openssl', ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', `group:ffdhe${bits}`, '-out', file]);
        const text = execFileSync('openssl', ['asn1parse', '-in', file]).toString();
        const prime = /INTEGER\s+:([0-9A-F]+)/.exec(text)?.[1];
        expect([bits, prime?.toLowerCase()]).toEqual([bits, ffdhePrime(bits).toString('hex')]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('staples the OCSP response it is given, for node:tls and openssl -status', async () => {
    const staple = createOcspResponse({ certificate: ecdsa, issuer: ca });
    const server = await serve({ certificates: [ecdsa], ocspStaple: staple });
    for (const maxVersion of ['TLSv1.2', 'TLSv1.3'] as const) {
      const result = await tlsHandshake(server.port, { requestOCSP: true, maxVersion });
      expect(result.ocsp?.equals(staple)).toBe(true);
    }
    const dir = mkdtempSync(join(tmpdir(), 'pastoe-lab-'));
    try {
      writeFileSync(join(dir, 'ca.pem'), ca.certificatePem);
      const { output } = await sClient(server.port, ['-status', '-CAfile', join(dir, 'ca.pem'), '-servername', 'tls.test']);
      expect(output).toMatch(/OCSP Response Status: successful/);
      expect(output).toMatch(/Cert Status: good/);
      expect(output).toMatch(/Verify return code: 0 \(ok\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const plain = await serve({ certificates: [ecdsa] });
    expect((await tlsHandshake(plain.port, { requestOCSP: true })).ocsp).toBeUndefined();
  });

  it.each([
    ['refused', 0],
    ['limited', 3],
    ['unlimited', 5],
  ] as [LabRenegotiation, number][])('handles client-initiated renegotiation: %s', async (renegotiation, expected) => {
    const server = await serve({ certificates: [rsa], renegotiation });
    expect(await renegotiations(server.port, 5)).toBe(expected);
  });

  it('refuses renegotiation as openssl s_client sees it', async () => {
    const refused = await serve({ certificates: [rsa] });
    const allowed = await serve({ certificates: [rsa], renegotiation: 'unlimited' });
    // s_client renegotiates when it reads a line "R"; wait for the handshake, then quit.
    const no = await sClient(refused.port, ['-tls1_2'], 'R\n');
    expect(no.output).toMatch(/RENEGOTIATING/);
    expect(no.output).toMatch(/no renegotiation|alert/i);
    const yes = await sClient(allowed.port, ['-tls1_2'], 'R\n');
    expect(yes.output).toMatch(/RENEGOTIATING/);
    expect(yes.output).not.toMatch(/no renegotiation/i);
  });

  it('issues TLS 1.2 session tickets unless told not to', async () => {
    const ticket = (port: number): Promise<Buffer | undefined> =>
      new Promise((resolve) => {
        const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false, maxVersion: 'TLSv1.2' }, () => {
          resolve(socket.getTLSTicket());
          socket.destroy();
        });
      });
    const withTickets = await serve({ certificates: [ecdsa] });
    const without = await serve({ certificates: [ecdsa], sessionTickets: false });
    expect(await ticket(withTickets.port)).toBeInstanceOf(Buffer);
    expect(await ticket(without.port)).toBeUndefined();
  });

  it('negotiates ALPN and hands connections to the handler', async () => {
    const server = await serve({
      certificates: [ecdsa],
      alpn: ['h2', 'http/1.1'],
      handler: (socket) => socket.end(`hello ${socket.alpnProtocol}`),
    });
    const result = await tlsHandshake(server.port, { ALPNProtocols: ['http/1.1'] });
    expect(result.alpn).toBe('http/1.1');
    const text = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: server.port, rejectUnauthorized: false, ALPNProtocols: ['h2'] });
      let data = '';
      socket.on('data', (chunk: Buffer) => {
        data += chunk.toString();
      });
      socket.on('end', () => resolve(data));
    });
    expect(text).toBe('hello h2');
  });

  it('closes open connections when it closes', async () => {
    const server = await startTlsServer({ certificates: [ecdsa] });
    const socket = connect({ host: '127.0.0.1', port: server.port, rejectUnauthorized: false });
    await new Promise((resolve) => socket.once('secureConnect', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await server.close();
    await closed;
    expect(socket.destroyed).toBe(true);
  });
});
