import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabCa, type LabCertificate, createLabCa, issueCertificate } from '../pki/ca.js';
import { type LabHttpServer, type LabHttpSite, startHttpServer } from './server.js';

let ca: LabCa;
let cert: LabCertificate;
const servers: LabHttpServer[] = [];
beforeAll(async () => {
  ca = await createLabCa();
  cert = await issueCertificate(ca, { names: ['a.test', 'www.a.test', 'b.test'] });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function get(port: number, path: string, host: string, tls?: { servername?: string; agent?: Agent }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path, headers: { Host: host } };
    const request =
      tls === undefined
        ? httpRequest(options)
        : httpsRequest({
            ...options,
            ca: ca.certificatePem,
            servername: tls.servername ?? host,
            ...(tls.agent === undefined ? { agent: false } : { agent: tls.agent }),
          });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

const sites: LabHttpSite[] = [
  {
    hosts: ['a.test', 'www.a.test'],
    headers: { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' },
    securityTxt: 'Contact: mailto:security@a.test\nExpires: 2099-01-01T00:00:00Z\n',
    routes: {
      '/old': { redirect: 'https://a.test/new' },
      '/teapot': { status: 418, body: 'short and stout', headers: { 'X-Lab': ['1', '2'] } },
    },
  },
  { hosts: ['b.test'], fallback: { redirect: 'https://b.test{path}', status: 308 } },
];

describe('lab HTTP(S) servers', () => {
  it('serve sites by Host: pages, redirects, headers, security.txt, and 404 for strangers', async () => {
    const server = await startHttpServer({ sites });
    servers.push(server);
    const home = await get(server.port, '/', 'www.a.test');
    expect(home.status).toBe(200);
    expect(home.body).toMatch(/a\.test, a pastoe lab site/);
    expect(home.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(await get(server.port, '/old', 'a.test')).toMatchObject({ status: 301, headers: { location: 'https://a.test/new' } });
    const teapot = await get(server.port, '/teapot?x=1', 'a.test:80');
    expect(teapot).toMatchObject({ status: 418, body: 'short and stout' });
    expect(teapot.headers['x-lab']).toBe('1, 2');
    const txt = await get(server.port, '/.well-known/security.txt', 'a.test');
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(txt.body).toMatch(/^Contact: mailto:security@a\.test/);
    expect(await get(server.port, '/some/where?q=1', 'B.TEST.')).toMatchObject({
      status: 308,
      headers: { location: 'https://b.test/some/where?q=1' },
    });
    expect((await get(server.port, '/.well-known/security.txt', 'b.test')).status).toBe(308);
    expect((await get(server.port, '/', 'c.test')).status).toBe(404);
    expect(server.requests).toBe(7);
  });

  it('serve HTTPS with the lab TLS setup, choosing the site by Host and verified by node:https', async () => {
    const server = await startHttpServer({ sites, tls: { certificates: [cert], minVersion: 'TLSv1.2' } });
    servers.push(server);
    expect(server.scheme).toBe('https');
    const home = await get(server.port, '/', 'a.test', {});
    expect(home.status).toBe(200);
    expect(home.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect((await get(server.port, '/x', 'b.test', {})).headers.location).toBe('https://b.test/x');
  });

  it('close keep-alive connections when they close', async () => {
    const server = await startHttpServer({ sites, tls: { certificates: [cert] } });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(server.port, '/', 'a.test', { agent })).status).toBe(200);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(500);
    agent.destroy();
  });
});
