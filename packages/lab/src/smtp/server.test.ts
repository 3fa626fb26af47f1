import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TLSSocket, connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabCa, type LabCertificate, createLabCa, issueCertificate } from '../pki/ca.js';
import { rawExchange, replyReader, sClient, tcpConnect } from '../tls/test-support.js';
import { type LabSmtpServer, type StartSmtpServerOptions, startSmtpServer } from './server.js';

let ca: LabCa;
let cert: LabCertificate;
const servers: LabSmtpServer[] = [];
beforeAll(async () => {
  ca = await createLabCa();
  cert = await issueCertificate(ca, { names: ['mx.mail.test'] });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(options: Partial<StartSmtpServerOptions> = {}): Promise<LabSmtpServer> {
  const server = await startSmtpServer({ hostname: 'mx.mail.test', tls: { certificates: [cert] }, ...options });
  servers.push(server);
  return server;
}

describe('lab SMTP server', () => {
  it('speaks SMTP, offers STARTTLS and upgrades to TLS that node:tls verifies', async () => {
    const server = await serve();
    const raw = await tcpConnect(server.port);
    const plain = replyReader(raw);
    expect((await plain.reply())[0]).toMatch(/^220 mx\.mail\.test ESMTP/);
    raw.write('EHLO scanner.test\r\n');
    const ehlo = await plain.reply();
    expect(ehlo[0]).toBe('250-mx.mail.test greets scanner.test');
    expect(ehlo).toContain('250-STARTTLS');
    expect(ehlo).toContain('250 ENHANCEDSTATUSCODES');
    expect(ehlo.at(-1)).toMatch(/^250 /);
    raw.write('STARTTLS\r\n');
    expect(await plain.reply()).toEqual(['220 2.0.0 Ready to start TLS']);
    plain.detach();
    const tls: TLSSocket = connect({ socket: raw, ca: ca.certificatePem, servername: 'mx.mail.test' });
    await new Promise((resolve, reject) => {
      tls.once('secureConnect', resolve);
      tls.once('error', reject);
    });
    expect(tls.authorized).toBe(true);
    expect(tls.getProtocol()).toBe('TLSv1.3');
    const secure = replyReader(tls);
    tls.write('EHLO scanner.test\r\n');
    const again = await secure.reply();
    expect(again).not.toContain('250-STARTTLS');
    expect(again.join('\n')).not.toMatch(/STARTTLS/);
    tls.write('STARTTLS\r\n');
    expect((await secure.reply())[0]).toMatch(/^503 /);
    tls.write('QUIT\r\n');
    expect((await secure.reply())[0]).toMatch(/^221 /);
    tls.destroy();
    expect(server.tlsSessions).toBe(1);
    expect(server.received).toEqual(['EHLO scanner.test', 'STARTTLS', 'tls: EHLO scanner.test', 'tls: STARTTLS', 'tls: QUIT']);
  });

  it('counts the most sessions open at once', async () => {
    const server = await serve();
    const greeted = async () => {
      const socket = await tcpConnect(server.port);
      await replyReader(socket).reply();
      return socket;
    };
    const closed = (socket: Awaited<ReturnType<typeof tcpConnect>>) =>
      new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.destroy();
      });
    await closed(await greeted());
    // Give the server the close before the next session.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const one = await greeted();
    expect(server.peakSessions).toBe(1);
    const two = await greeted();
    expect(server.peakSessions).toBe(2);
    await Promise.all([closed(one), closed(two)]);
    expect(server.sessions).toBe(3);
  });

  it('works with openssl s_client -starttls smtp', async () => {
    const server = await serve({ tls: { certificates: [cert], minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' } });
    const dir = mkdtempSync(join(tmpdir(), 'pastoe-lab-'));
    try {
      writeFileSync(join(dir, 'ca.pem'), ca.certificatePem);
      const { output } = await sClient(
        server.port,
        ['-starttls', 'smtp', '-CAfile', join(dir, 'ca.pem'), '-verify_hostname', 'mx.mail.test'],
        'QUIT\r\n',
      );
      expect(output).toMatch(/Protocol\s*: TLSv1\.2/);
      expect(output).toMatch(/Verify return code: 0 \(ok\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('can leave STARTTLS out, or refuse it with 454', async () => {
    for (const [mode, listed, answer] of [
      ['not-offered', false, /^502 /],
      ['refused', true, /^454 /],
    ] as const) {
      const server = await serve({ starttls: mode });
      const raw = await tcpConnect(server.port);
      const reader = replyReader(raw);
      await reader.reply();
      raw.write('EHLO scanner.test\r\n');
      expect([mode, (await reader.reply()).includes('250-STARTTLS')]).toEqual([mode, listed]);
      raw.write('STARTTLS\r\n');
      expect((await reader.reply())[0]).toMatch(answer);
      raw.destroy();
    }
    const noTls = await startSmtpServer({ hostname: 'plain.test' });
    servers.push(noTls);
    const raw = await tcpConnect(noTls.port);
    const reader = replyReader(raw);
    await reader.reply();
    raw.write('EHLO x\r\n');
    expect((await reader.reply()).join('\n')).not.toMatch(/STARTTLS/);
    raw.destroy();
  });

  it('tarpits the banner, sends garbage, refuses service, and bounds the line length', async () => {
    const slow = await serve({ bannerDelayMs: 300 });
    const started = performance.now();
    const raw = await tcpConnect(slow.port);
    const reader = replyReader(raw);
    expect((await reader.reply())[0]).toMatch(/^220 /);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    raw.destroy();

    const garbage = await serve({ garbage: Buffer.from([0, 0xff, 0x16, 0x03]) });
    const bytes = await rawExchange(garbage.port, Buffer.alloc(0));
    expect([bytes.ended, [...bytes.bytes]]).toEqual(['end', [0, 0xff, 0x16, 0x03]]);

    const refusing = await serve({ bannerCode: 554 });
    const refusal = await rawExchange(refusing.port, Buffer.alloc(0));
    expect(refusal.bytes.toString()).toMatch(/^554 /);

    const bounded = await serve({ maxLineLength: 64 });
    const long = await rawExchange(bounded.port, Buffer.from(`EHLO ${'x'.repeat(100)}\r\n`), { timeoutMs: 1_000 });
    expect(long.bytes.toString()).toMatch(/\r\n500 5\.5\.2 line too long\r\n$/);
    expect(long.ended).toBe('end');
  });

  it('drops commands pipelined after STARTTLS in the clear', async () => {
    const server = await serve();
    const raw = await tcpConnect(server.port);
    const reader = replyReader(raw);
    await reader.reply();
    raw.write('EHLO a\r\n');
    await reader.reply();
    raw.write('STARTTLS\r\nRSET\r\n');
    expect(await reader.reply()).toEqual(['220 2.0.0 Ready to start TLS']);
    reader.detach();
    const tls = connect({ socket: raw, rejectUnauthorized: false });
    await new Promise((resolve) => tls.once('secureConnect', resolve));
    tls.write('QUIT\r\n');
    const secure = replyReader(tls);
    expect((await secure.reply())[0]).toMatch(/^221 /);
    tls.destroy();
    expect(server.received).not.toContain('RSET');
  });
});
