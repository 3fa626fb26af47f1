import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../transport/network.js';
import { loopbackNetwork } from '../tls/scanner/test-support/servers.js';
import { type SmtpServerOptions, type TestSmtpServer, startTestSmtpServer } from '../tls/scanner/test-support/smtp-server.js';
import { isValidEhloName, negotiateStarttls, type StarttlsOptions } from './starttls.js';

const network = loopbackNetwork();
let server: TestSmtpServer | undefined;
let connection: Connection | undefined;

afterEach(async () => {
  connection?.close();
  connection = undefined;
  await server?.close();
  server = undefined;
});

async function dialogue(options: SmtpServerOptions, settings: Partial<StarttlsOptions> = {}) {
  server = await startTestSmtpServer(options);
  connection = await network.connect({ ip: '127.0.0.1', port: server.port });
  return negotiateStarttls(connection.socket, { ehloName: 'scanner.example', bannerTimeoutMs: 500, commandTimeoutMs: 500, ...settings });
}

describe('negotiateStarttls', () => {
  it('reads a multi-line banner, EHLO keywords, and accepts STARTTLS', async () => {
    const result = await dialogue({
      banner: ['mail.test ESMTP', 'second line', 'third'],
      ehloKeywords: ['PIPELINING', 'SIZE 1000', 'starttls', '8BITMIME'],
    });
    expect(result).toEqual({
      ok: true,
      observation: {
        banner: 'mail.test ESMTP',
        ehloKeywords: ['PIPELINING', 'SIZE', 'STARTTLS', '8BITMIME'],
        offered: true,
        accepted: true,
      },
    });
    expect(server?.ehloNames).toEqual(['scanner.example']);
  });

  it('reports a server that does not offer STARTTLS, without trying it', async () => {
    const result = await dialogue({ ehloKeywords: ['PIPELINING'] });
    expect(result).toMatchObject({
      ok: false,
      code: 'protocol',
      observation: { offered: false, accepted: false, ehloKeywords: ['PIPELINING'] },
    });
  });

  it('reports a refused STARTTLS', async () => {
    const result = await dialogue({ starttlsReply: '454 TLS not available\r\n' });
    expect(result).toMatchObject({
      ok: false,
      code: 'protocol',
      message: 'STARTTLS was answered 454 TLS not available',
      observation: { offered: true, accepted: false },
    });
  });

  it('reports a refused EHLO and does not fall back to HELO', async () => {
    const result = await dialogue({ ehloReply: '550 go away\r\n' });
    expect(result).toMatchObject({ ok: false, code: 'protocol', message: 'EHLO was answered 550 go away' });
  });

  it('reports a non-220 greeting', async () => {
    const result = await dialogue({ rawBanner: '554 no service\r\n' });
    expect(result).toMatchObject({ ok: false, code: 'protocol', observation: { banner: 'no service' } });
  });

  it('gives up on a silent server (tarpit) after the banner time limit', async () => {
    const started = Date.now();
    const result = await dialogue({ rawBanner: null }, { bannerTimeoutMs: 150 });
    expect(result).toMatchObject({ ok: false, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up on a trickling banner at the deadline, not per byte', async () => {
    server = await startTestSmtpServer({ rawBanner: '220-' });
    connection = await network.connect({ ip: '127.0.0.1', port: server.port });
    const socket = connection.socket;
    // Keep the idle timer happy with a byte every 30 ms; the step deadline must still end it.
    const timer = setInterval(() => socket.emit('data', Buffer.from('x')), 30);
    try {
      const result = await negotiateStarttls(socket, { ehloName: 'a.example', bannerTimeoutMs: 200 });
      expect(result).toMatchObject({ ok: false, code: 'timeout' });
    } finally {
      clearInterval(timer);
    }
  });

  it('bounds line length and reply size', async () => {
    expect(await dialogue({ rawBanner: `220 ${'x'.repeat(5000)}\r\n` })).toMatchObject({ ok: false, code: 'too-large' });
    await server?.close();
    expect(await dialogue({ rawBanner: '220-x\r\n'.repeat(200) })).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('refuses garbage and a reply whose code changes', async () => {
    expect(await dialogue({ rawBanner: 'SSH-2.0-OpenSSH\r\n' })).toMatchObject({ ok: false, code: 'malformed' });
    await server?.close();
    expect(await dialogue({ rawBanner: '220-a\r\n250 b\r\n' })).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('refuses data sent after the 220 to STARTTLS', async () => {
    expect(await dialogue({ starttlsReply: '220 go ahead\r\nextra' })).toMatchObject({ ok: false, code: 'protocol' });
  });

  it('reports a closed connection', async () => {
    expect(await dialogue({ rawBanner: '220-partial\r\n', closeAfterBanner: true })).toMatchObject({ ok: false, code: 'closed' });
  });

  it('validates the EHLO name', async () => {
    expect(isValidEhloName('mail.example.nl')).toBe(true);
    expect(isValidEhloName('[192.0.2.1]')).toBe(true);
    expect(isValidEhloName('[IPv6:2001:db8::1]')).toBe(true);
    expect(isValidEhloName('bad name')).toBe(false);
    expect(isValidEhloName('x\r\nRCPT TO:<a@b>')).toBe(false);
    expect(isValidEhloName('')).toBe(false);
    server = await startTestSmtpServer({});
    connection = await network.connect({ ip: '127.0.0.1', port: server.port });
    await expect(negotiateStarttls(connection.socket, { ehloName: 'a b' })).rejects.toThrow(TypeError);
  });
});
