/**
 * The HTTP client against hostile servers on loopback: every case ends in a typed error or a
 * bounded response within its time limit, and leaves no socket open.
 */
import { createLabCa, issueCertificate, type LabCertificate } from '@pastoe/lab';
import { beforeAll, describe, expect, it } from 'vitest';
import { settle } from '../../../core/src/tls/scanner/test-support/leaks.js';
import { closedAfterEachTest } from './resources.js';
import { loopbackNetwork } from '../../../core/src/tls/scanner/test-support/servers.js';
import { createTrustStore, type TrustStore } from '../../../core/src/trust/store.js';
import { createHttpClient, type HttpClient } from '../../../core/src/http/client.js';
import {
  hostile,
  okResponse,
  type RawHandler,
  type RawServer,
  type RawServerOptions,
  startRawServer,
} from '../../../core/src/http/test-support/hostile.js';
import type { HttpRequest, HttpResult } from '../../../core/src/http/types.js';

const network = loopbackNetwork();
const timeoutMs = 1_500;
// Generous: the machine is shared and loaded; the point is that nothing waits for the server.
const slackMs = 2_500;
const { clients, servers } = closedAfterEachTest();
let trust: TrustStore;
let wrongName: LabCertificate;
let rightName: LabCertificate;

beforeAll(async () => {
  const ca = await createLabCa({ keyType: 'ecdsa-p256' });
  trust = createTrustStore({ ca: ca.certificatePem, mozilla: false });
  wrongName = await issueCertificate(ca, { names: ['other.example.test'], keyType: 'ecdsa-p256' });
  rightName = await issueCertificate(ca, { names: ['www.example.test'], keyType: 'ecdsa-p256' });
});

async function serve(handler: RawHandler, options: RawServerOptions = {}): Promise<RawServer> {
  const server = await startRawServer(handler, options);
  servers.push(server);
  return server;
}

function client(): HttpClient {
  const created = createHttpClient({ network, trust, timeoutMs });
  clients.push(created);
  return created;
}

/** Requests once and checks that the answer came within the time limit and left no connection open. */
async function fetchFrom(server: RawServer, extra: Partial<HttpRequest> = {}, scheme = 'http'): Promise<HttpResult> {
  const http = client();
  const started = performance.now();
  const result = await http.request({ url: `${scheme}://www.example.test:${server.port}/`, ip: '127.0.0.1', ...extra });
  expect(performance.now() - started).toBeLessThan(timeoutMs + slackMs);
  await settle();
  if (!result.ok || !result.response.bodyTruncated) return result;
  expect(http.stats().idle).toBe(0);
  return result;
}

function errorOf(result: HttpResult) {
  if (result.ok) throw new Error(`expected an error, got status ${result.response.status}`);
  return result.error;
}

describe('createHttpClient against hostile servers', () => {
  it('endless headers: header-too-large at the limit, without waiting', async () => {
    const server = await serve(hostile.endlessHeaders);
    expect(errorOf(await fetchFrom(server))).toMatchObject({ code: 'header-too-large', stage: 'headers' });
  });

  it('one header line of 1 MB: header-too-large', async () => {
    const server = await serve(hostile.megabyteHeaderLine);
    const error = errorOf(await fetchFrom(server));
    expect(error.code).toBe('header-too-large');
    expect(error.message).toContain('32768');
  });

  it('a trickling body: timeout while reading the body', async () => {
    const server = await serve(hostile.trickleBody);
    expect(errorOf(await fetchFrom(server))).toMatchObject({ code: 'timeout', stage: 'body' });
  });

  it('a chunk size of ffffffffffffffff: the body is cut at the limit, or body-too-large', async () => {
    const server = await serve(hostile.hugeChunk);
    const truncated = await fetchFrom(server, { maxBodyBytes: 100_000 });
    expect(truncated.ok && truncated.response).toMatchObject({ bodyTruncated: true, framing: 'chunked' });
    expect(truncated.ok && truncated.response.body.length).toBe(100_000);
    expect(errorOf(await fetchFrom(server, { bodyOverflow: 'error' }))).toMatchObject({ code: 'body-too-large', stage: 'body' });
  });

  it('a chunk size that is not hex, and chunk data without its CRLF: bad-chunked-encoding', async () => {
    const nonHex = await serve(hostile.nonHexChunk);
    expect(errorOf(await fetchFrom(nonHex))).toMatchObject({ code: 'bad-chunked-encoding', stage: 'body' });
    const missingCrlf = await serve(hostile.missingChunkCrlf);
    expect(errorOf(await fetchFrom(missingCrlf))).toMatchObject({ code: 'bad-chunked-encoding' });
  });

  it('conflicting Content-Length values: malformed-response', async () => {
    const server = await serve(hostile.conflictingLengths);
    expect(errorOf(await fetchFrom(server)).message).toContain('conflicting Content-Length');
  });

  it('a body shorter than its Content-Length: closed in the body', async () => {
    const server = await serve(hostile.shortBody);
    expect(errorOf(await fetchFrom(server))).toMatchObject({ code: 'closed', stage: 'body' });
  });

  it('a body longer than its Content-Length: Content-Length wins and the connection is not reused', async () => {
    const server = await serve(hostile.longBody);
    const http = client();
    const url = `http://www.example.test:${server.port}/`;
    const first = await http.request({ url, ip: '127.0.0.1' });
    expect(first.ok && Buffer.from(first.response.body).toString()).toBe('hello');
    const second = await http.request({ url, ip: '127.0.0.1' });
    expect(second.ok).toBe(true);
    expect(http.stats()).toMatchObject({ connectionsOpened: 2, connectionsReused: 0 });
  });

  it('a server that never answers: timeout waiting for the head', async () => {
    const server = await serve(hostile.silent);
    const error = errorOf(await fetchFrom(server));
    expect(error).toMatchObject({ code: 'timeout', stage: 'headers' });
    expect(error.message).toContain(`${timeoutMs} ms`);
  });

  it('a server that closes in the middle of the head: closed', async () => {
    const server = await serve(hostile.closeMidHeaders);
    expect(errorOf(await fetchFrom(server))).toMatchObject({ code: 'closed', stage: 'headers' });
  });

  it('a gzip body: reported as content-encoding gzip, its bytes not decoded', async () => {
    const server = await serve(hostile.gzipBody);
    const result = await fetchFrom(server, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(result.ok && result.response.contentEncoding).toBe('gzip');
    const body = result.ok ? result.response.body : new Uint8Array();
    expect([body[0], body[1]]).toEqual([0x1f, 0x8b]);
    expect(server.requests[0]).toContain('Accept-Encoding: gzip\r\n');
  });

  it('a TLS server with a certificate for another name: certificate error with the node code', async () => {
    const server = await serve(okResponse(), { tls: { key: wrongName.privateKeyPem, cert: wrongName.chainPem } });
    const error = errorOf(await fetchFrom(server, {}, 'https'));
    expect(error).toMatchObject({ code: 'certificate', nodeCode: 'ERR_TLS_CERT_ALTNAME_INVALID', stage: 'tls' });
    expect(server.requests).toHaveLength(0);
  });

  it('the caller aborting while the server is silent: aborted, at once', async () => {
    const server = await serve(hostile.silent);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const error = errorOf(await fetchFrom(server, { signal: controller.signal }));
    expect(error).toMatchObject({ code: 'aborted', stage: 'headers' });
    expect(performance.now() - started).toBeLessThan(timeoutMs);
  });

  it('closing the client while a request waits: client-closed', async () => {
    const server = await serve(hostile.silent);
    const http = client();
    const pending = http.request({ url: `http://www.example.test:${server.port}/`, ip: '127.0.0.1' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await http.close();
    expect(errorOf(await pending)).toMatchObject({ code: 'client-closed' });
  });
});

describe('keep-alive over HTTPS and stale connections', () => {
  it('reuses a TLS connection, and retries once on a new one when the server dropped the idle one', async () => {
    const server = await serve(hostile.closeOnSecondRequest, { tls: { key: rightName.privateKeyPem, cert: rightName.chainPem } });
    const http = client();
    const url = `https://www.example.test:${server.port}/`;
    const first = await http.request({ url, ip: '127.0.0.1' });
    expect(first.ok && first.response.tls?.authorized).toBe(true);
    // The server closes the connection when the second request arrives on it, without answering.
    const second = await http.request({ url, ip: '127.0.0.1' });
    expect(second.ok && second.response.timings.reusedConnection).toBe(false);
    expect(http.stats()).toMatchObject({ connectionsOpened: 2, connectionsReused: 1 });
    expect(server.requests).toHaveLength(3);
  });

  it('a server that sends bytes on an idle connection loses it', async () => {
    const server = await serve((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      setTimeout(() => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil'), 30);
    });
    const http = client();
    const url = `http://www.example.test:${server.port}/`;
    expect((await http.request({ url, ip: '127.0.0.1' })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(http.stats()).toMatchObject({ idle: 0, open: 0 });
    const next = await http.request({ url, ip: '127.0.0.1' });
    expect(next.ok && Buffer.from(next.response.body).toString()).toBe('ok');
  });
});
