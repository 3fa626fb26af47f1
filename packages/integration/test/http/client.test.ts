/**
 * The HTTP client against real servers on loopback: the lab's HTTP and HTTPS servers (node:http
 * behind the lab's TLS server), the whole lab behind its documentation addresses, and the
 * address policy. Every test ends with no socket left open.
 */
import {
  createLabCa,
  issueCertificate,
  type LabCa,
  type LabCertificate,
  type LabHttpServer,
  type LabHttpSite,
  startHttpServer,
  startLab,
} from '@pastoe/lab';
import { beforeAll, describe, expect, it } from 'vitest';
import { settle } from '../../../core/src/tls/scanner/test-support/leaks.js';
import { closedAfterEachTest } from './resources.js';
import { loopbackNetwork } from '../../../core/src/tls/scanner/test-support/servers.js';
import { createNodeNetwork } from '../../../core/src/transport/node-network.js';
import { createTrustStore } from '../../../core/src/trust/store.js';
import { createHttpClient, type HttpClient } from '../../../core/src/http/client.js';
import { headerValues } from '../../../core/src/http/headers.js';
import { resolveRedirect } from '../../../core/src/http/redirect.js';
import type { HttpResult } from '../../../core/src/http/types.js';

const network = loopbackNetwork();
let ca: LabCa;
let certificate: LabCertificate;
const { clients, servers } = closedAfterEachTest();

const sites: LabHttpSite[] = [
  {
    hosts: ['a.test', 'www.a.test'],
    headers: { 'Strict-Transport-Security': 'max-age=31536000' },
    routes: {
      '/old': { redirect: 'https://a.test/new#top' },
      '/teapot': { status: 418, body: 'short and stout', headers: { 'X-Lab': ['1', '2'] } },
    },
  },
  { hosts: ['b.test'], fallback: { body: 'site b' } },
];

beforeAll(async () => {
  ca = await createLabCa({ keyType: 'ecdsa-p256' });
  certificate = await issueCertificate(ca, { names: ['a.test', 'www.a.test', 'b.test'], ips: ['127.0.0.1'], keyType: 'ecdsa-p256' });
});

function client(options: Partial<Parameters<typeof createHttpClient>[0]> = {}): HttpClient {
  const created = createHttpClient({ network, trust: createTrustStore({ ca: ca.certificatePem }), ...options });
  clients.push(created);
  return created;
}

async function serve(tls = false): Promise<LabHttpServer> {
  const server = await startHttpServer({
    sites,
    ...(tls ? { tls: { certificates: [{ chainPem: certificate.chainPem, privateKeyPem: certificate.privateKeyPem }] } } : {}),
  });
  servers.push(server);
  return server;
}

function response(result: HttpResult) {
  if (!result.ok) throw new Error(`expected a response, got ${result.error.code}: ${result.error.message}`);
  return result.response;
}

const text = (body: Uint8Array): string => Buffer.from(body).toString('utf8');

describe('createHttpClient over plain HTTP', () => {
  it('connects to the given IP with the URL host as Host, and keeps headers raw and in order', async () => {
    const server = await serve();
    const http = client();
    const teapot = response(await http.request({ url: `http://a.test:${server.port}/teapot?x=1#frag`, ip: '127.0.0.1' }));
    expect(teapot).toMatchObject({ status: 418, statusText: "I'm a Teapot", httpVersion: '1.1', framing: 'content-length' });
    expect(teapot.url).toBe(`http://a.test:${server.port}/teapot?x=1`);
    expect(text(teapot.body)).toBe('short and stout');
    expect(headerValues(teapot.headers, 'X-Lab')).toEqual(['1', '2']);
    expect(headerValues(teapot.headers, 'strict-transport-security')).toEqual(['max-age=31536000']);
    expect(teapot.headers.every(([name]) => name === name.toLowerCase())).toBe(true);
    expect(teapot.remote).toEqual({ ip: '127.0.0.1', port: server.port });
    expect(teapot.tls).toBeUndefined();
    expect(teapot.timings.reusedConnection).toBe(false);
    expect(teapot.timings.connectMs).toBeGreaterThanOrEqual(0);
    // The Host header chooses the site, though the address is the same.
    const b = response(await http.request({ url: `http://b.test:${server.port}/`, ip: '127.0.0.1' }));
    expect(text(b.body)).toBe('site b');
  });

  it('reuses a keep-alive connection per endpoint, also after HEAD', async () => {
    const server = await serve();
    const http = client();
    const url = `http://a.test:${server.port}/teapot`;
    const head = response(await http.request({ url, ip: '127.0.0.1', method: 'HEAD' }));
    expect(head).toMatchObject({ status: 418, framing: 'none', body: new Uint8Array(0) });
    const first = response(await http.request({ url, ip: '127.0.0.1' }));
    const second = response(await http.request({ url, ip: '127.0.0.1' }));
    expect(text(first.body)).toBe('short and stout');
    expect(second.timings).toMatchObject({ reusedConnection: true });
    expect(second.timings.connectMs).toBeUndefined();
    expect(http.stats()).toMatchObject({ requests: 3, connectionsOpened: 1, connectionsReused: 2, open: 1, idle: 1 });
    expect(server.requests).toBe(3);
  });

  it('opens one connection per request at once, and keeps no more idle than allowed', async () => {
    const server = await serve();
    const http = client({ maxIdlePerEndpoint: 1 });
    const url = `http://a.test:${server.port}/`;
    const results = await Promise.all([1, 2, 3].map(() => http.request({ url, ip: '127.0.0.1' })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(http.stats()).toMatchObject({ connectionsOpened: 3, idle: 1 });
    const none = client({ maxIdlePerEndpoint: 0 });
    response(await none.request({ url, ip: '127.0.0.1' }));
    await settle();
    expect(none.stats()).toMatchObject({ open: 0, idle: 0 });
  });

  it('serves many requests at once without a listener-leak warning', async () => {
    const server = await serve();
    const http = client();
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, () => http.request({ url: `http://a.test:${server.port}/`, ip: '127.0.0.1' })),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('returns a redirect as it is; resolveRedirect says where it leads', async () => {
    const server = await serve();
    const http = client();
    const url = `http://a.test:${server.port}/old`;
    const moved = response(await http.request({ url, ip: '127.0.0.1' }));
    expect(moved.status).toBe(301);
    expect(resolveRedirect(moved.url, headerValues(moved.headers, 'location')[0])).toEqual({ ok: true, url: 'https://a.test/new#top' });
    expect(server.requests).toBe(1);
  });

  it('sends the caller headers and User-Agent, and refuses injected or reserved ones', async () => {
    const server = await serve();
    const http = client({ userAgent: 'pastoe-test/1' });
    const url = `http://a.test:${server.port}/`;
    expect(response(await http.request({ url, ip: '127.0.0.1', headers: { 'Accept-Encoding': 'gzip' } })).status).toBe(200);
    const bad = [
      { url, ip: '127.0.0.1', headers: { 'X-A': 'one\r\nX-Injected: yes' } },
      { url, ip: '127.0.0.1', headers: [['Host', 'evil.test']] as const },
      { url, ip: '127.0.0.1', headers: [['Bad Name', 'x']] as const },
      { url: 'ftp://a.test/', ip: '127.0.0.1' },
      { url: '/relative', ip: '127.0.0.1' },
      { url, ip: 'a.test' },
      { url, ip: '127.0.0.1', method: 'POST' as 'GET' },
      { url, ip: '127.0.0.1', timeoutMs: -1 },
      { url, ip: '127.0.0.1', maxBodyBytes: 1.5 },
    ];
    for (const request of bad) {
      const result = await http.request(request);
      expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'invalid-request', stage: 'request' });
    }
    expect(server.requests).toBe(1);
  });

  it('reports the address policy, a refused port and an abort as typed errors', async () => {
    const server = await serve();
    const publicOnly = createHttpClient({ network: createNodeNetwork() });
    clients.push(publicOnly);
    const forbidden = await publicOnly.request({ url: `http://a.test:${server.port}/`, ip: '127.0.0.1' });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden-address', stage: 'connect' } });
    const http = client();
    const closedPort = await serve();
    const port = closedPort.port;
    await closedPort.close();
    expect(await http.request({ url: `http://a.test:${port}/`, ip: '127.0.0.1' })).toMatchObject({
      ok: false,
      error: { code: 'refused', stage: 'connect', nodeCode: 'ECONNREFUSED' },
    });
    const controller = new AbortController();
    controller.abort();
    expect(await http.request({ url: `http://a.test:${server.port}/`, ip: '127.0.0.1', signal: controller.signal })).toMatchObject({
      ok: false,
      error: { code: 'aborted' },
    });
  });
});

describe('createHttpClient over HTTPS', () => {
  it('validates against the trust store and reports the TLS connection', async () => {
    const server = await serve(true);
    const http = client();
    const result = response(await http.request({ url: `https://www.a.test:${server.port}/`, ip: '127.0.0.1' }));
    expect(result.status).toBe(200);
    expect(result.tls).toMatchObject({ protocol: 'TLSv1.3', alpn: 'http/1.1', servername: 'www.a.test', authorized: true });
    expect(result.tls?.authorizationError).toBeUndefined();
    expect(result.tls?.cipher).toMatch(/^TLS_/);
    expect(result.timings.tlsMs).toBeGreaterThanOrEqual(0);
    const again = response(await http.request({ url: `https://www.a.test:${server.port}/teapot`, ip: '127.0.0.1' }));
    expect(again.timings.reusedConnection).toBe(true);
    // A different server name is a different pool key: its own connection and handshake.
    response(await http.request({ url: `https://b.test:${server.port}/`, ip: '127.0.0.1' }));
    expect(http.stats().connectionsOpened).toBe(2);
  });

  it('fails with the node code when the roots do not hold the issuer, or reports it when asked', async () => {
    const server = await serve(true);
    const mozillaOnly = client({ trust: createTrustStore() });
    const url = `https://a.test:${server.port}/`;
    const refused = await mozillaOnly.request({ url, ip: '127.0.0.1' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'certificate', stage: 'tls', nodeCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', tls: { authorized: false } },
    });
    const reported = response(await mozillaOnly.request({ url, ip: '127.0.0.1', certificateErrors: 'report' }));
    expect(reported.status).toBe(200);
    expect(reported.tls).toMatchObject({ authorized: false, authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('checks the name: a certificate for other names fails with ERR_TLS_CERT_ALTNAME_INVALID', async () => {
    const server = await serve(true);
    const http = client();
    const result = await http.request({ url: `https://elsewhere.test:${server.port}/`, ip: '127.0.0.1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'certificate', nodeCode: 'ERR_TLS_CERT_ALTNAME_INVALID' } });
  });

  it('sends no SNI for an IP-literal URL and checks the IP against the certificate', async () => {
    const server = await serve(true);
    const http = client();
    const result = response(await http.request({ url: `https://127.0.0.1:${server.port}/`, ip: '127.0.0.1' }));
    expect(result.tls).toMatchObject({ authorized: true });
    expect(result.tls?.servername).toBeUndefined();
  });

  it('fails the handshake with a typed error against a server that does not speak TLS', async () => {
    const plain = await serve(false);
    const http = client();
    const result = await http.request({ url: `https://a.test:${plain.port}/`, ip: '127.0.0.1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'tls-handshake', stage: 'tls' } });
    if (!result.ok) expect(result.error.nodeCode).toMatch(/^ERR_SSL_/);
  });
});

describe('createHttpClient against the lab', () => {
  it('reaches the lab web scenarios behind their documentation addresses', async () => {
    const lab = await startLab();
    try {
      const http = createHttpClient({ network: lab.network, trust: createTrustStore({ ca: lab.caPem }) });
      clients.push(http);
      const ip = lab.addressOf('modern.test')?.ipv4[0];
      expect(ip).toBeDefined();
      const plain = response(await http.request({ url: 'http://modern.test/some/path', ip: ip as string }));
      expect(plain.status).toBe(301);
      const next = resolveRedirect(plain.url, headerValues(plain.headers, 'location')[0]);
      expect(next).toEqual({ ok: true, url: 'https://modern.test/some/path' });
      const secure = response(await http.request({ url: next.ok ? next.url : '', ip: ip as string }));
      expect(secure.status).toBe(200);
      expect(secure.remote).toEqual({ ip, port: 443 });
      expect(secure.tls).toMatchObject({ authorized: true, servername: 'modern.test' });
      expect(headerValues(secure.headers, 'strict-transport-security')).toHaveLength(1);
      await http.close();
    } finally {
      await lab.close();
    }
  });
});

describe('HttpClient.close', () => {
  it('ends requests in flight with client-closed and refuses new ones', async () => {
    const server = await serve();
    const http = client();
    const url = `http://a.test:${server.port}/`;
    response(await http.request({ url, ip: '127.0.0.1' }));
    expect(http.stats().idle).toBe(1);
    await http.close();
    expect(http.stats()).toMatchObject({ open: 0, idle: 0 });
    expect(await http.request({ url, ip: '127.0.0.1' })).toMatchObject({ ok: false, error: { code: 'client-closed' } });
  });
});
