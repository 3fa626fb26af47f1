import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { connect as h2connect } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { type Socket, connect as tcpConnect } from 'node:net';
import * as dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabDnsZones, createLabDnsZones } from './catalogue.js';
import { type DnsServerHandle, startDnsServer } from './server.js';

function query(name: string, type: string, id = 1, dnssecOk = true): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type: type as dnsPacket.RecordType, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: 1232,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: dnssecOk ? dnsPacket.DNSSEC_OK : 0,
        flag_do: dnssecOk,
        options: [],
      },
    ],
  });
}

interface Decoded {
  id: number;
  rcode: number;
  tc: boolean;
  answers: { name: string; type: string; data?: unknown }[];
}

function decode(raw: Buffer): Decoded {
  const packet = dnsPacket.decode(raw);
  return {
    id: raw.readUInt16BE(0),
    rcode: raw.readUInt16BE(2) & 0xf,
    tc: (raw.readUInt16BE(2) & 0x200) !== 0,
    answers: (packet.answers ?? []) as Decoded['answers'],
  };
}

function udpAsk(port: number, message: Buffer, waitMs = 2000): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => {
      socket.close();
      resolve(undefined);
    }, waitMs);
    socket.once('message', (reply) => {
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    });
    socket.send(message, port, '127.0.0.1');
  });
}

function frame(message: Buffer): Buffer {
  const out = Buffer.alloc(2 + message.length);
  out.writeUInt16BE(message.length);
  message.copy(out, 2);
  return out;
}

/** Reads `count` length-prefixed messages from a TCP socket. */
function readFrames(socket: Socket, count: number, waitMs = 3000): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const frames: Buffer[] = [];
    const timer = setTimeout(() => reject(new Error(`only ${frames.length} of ${count} frames`)), waitMs);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        frames.push(buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
        buffered = buffered.subarray(2 + buffered.readUInt16BE(0));
      }
      if (frames.length >= count) {
        clearTimeout(timer);
        resolve(frames);
      }
    });
  });
}

function connectTcp(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

function waitForClose(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed) {
      resolve(true);
      return;
    }
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

interface HttpResult {
  status: number;
  type: string | undefined;
  body: Buffer;
  protocol: string;
}

function h2Request(
  server: DnsServerHandle,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: Buffer,
  contentType = 'application/dns-message',
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.dohUrl);
    const session = h2connect(url.origin, { ca: server.caCertificatePem });
    session.on('error', reject);
    const headers: Record<string, string> = { ':method': method, ':path': path, accept: 'application/dns-message' };
    if (body !== undefined) headers['content-type'] = contentType;
    const stream = session.request(headers);
    const chunks: Buffer[] = [];
    let status = 0;
    let type: string | undefined;
    stream.on('response', (h) => {
      status = Number(h[':status']);
      type = h['content-type'] as string | undefined;
    });
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const protocol = session.alpnProtocol ?? '';
      session.close();
      resolve({ status, type, body: Buffer.concat(chunks), protocol });
    });
    stream.on('error', (e) => {
      session.close();
      reject(e);
    });
    stream.end(body);
  });
}

function h1Request(server: DnsServerHandle, method: 'GET' | 'POST', path: string, body?: Buffer): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.dohUrl);
    const req = httpsRequest(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        ca: server.caCertificatePem,
        headers: body === undefined ? { accept: 'application/dns-message' } : { 'content-type': 'application/dns-message' },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'],
            body: Buffer.concat(chunks),
            protocol: `http/${res.httpVersion}`,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let lab: LabDnsZones;
let server: DnsServerHandle;

beforeAll(async () => {
  lab = await createLabDnsZones();
  server = await startDnsServer({ zones: lab.zones, limits: { silentHoldMs: 300 } });
});

afterAll(async () => {
  await server.close();
});

describe('startDnsServer', () => {
  it('listens on loopback with UDP and TCP on one port and a DoH URL', () => {
    expect(server.udp.ip).toBe('127.0.0.1');
    expect(server.tcp.port).toBe(server.udp.port);
    expect(server.dohUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/dns-query$/);
    expect(server.caCertificatePem).toMatch(/BEGIN CERTIFICATE/);
  });

  it('answers over UDP and truncates a large answer', async () => {
    const reply = decode((await udpAsk(server.udp.port, query('www.secure-ecdsa.test', 'A', 77))) as Buffer);
    expect(reply).toMatchObject({ id: 77, rcode: 0, tc: false });
    expect(reply.answers.filter((a) => a.type === 'A').map((a) => a.data)).toEqual(['192.0.2.10']);
    const big = decode((await udpAsk(server.udp.port, query('big.secure-ecdsa.test', 'TXT'))) as Buffer);
    expect(big.tc).toBe(true);
  });

  it('answers several queries on one TCP connection, pipelined and split across writes', async () => {
    const socket = await connectTcp(server.tcp.port);
    const frames = readFrames(socket, 3);
    socket.write(Buffer.concat([frame(query('secure-rsa.test', 'A', 1)), frame(query('big.secure-ecdsa.test', 'TXT', 2))]));
    const third = frame(query('nothing.nsec3.test', 'A', 3));
    socket.write(third.subarray(0, 5));
    await new Promise((r) => setTimeout(r, 20));
    socket.write(third.subarray(5));
    const replies = (await frames).map(decode);
    socket.destroy();
    expect(replies.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(replies[1]?.answers.filter((a) => a.type === 'TXT')).toHaveLength(8);
    expect(replies[2]?.rcode).toBe(3);
  });

  it.each(['GET', 'POST'] as const)('answers DoH %s over HTTP/2', async (method) => {
    const message = query('secure-ed25519.test', 'A', 0);
    const path = method === 'GET' ? `/dns-query?dns=${message.toString('base64url')}` : '/dns-query';
    const result = await h2Request(server, method, path, method === 'POST' ? message : undefined);
    expect(result).toMatchObject({ status: 200, type: 'application/dns-message', protocol: 'h2' });
    expect(
      decode(result.body)
        .answers.filter((a) => a.type === 'A')
        .map((a) => a.data),
    ).toEqual(['192.0.2.12']);
  });

  it.each(['GET', 'POST'] as const)('answers DoH %s over HTTP/1.1', async (method) => {
    const message = query('secure-p384.test', 'A', 0);
    const path = method === 'GET' ? `/dns-query?dns=${message.toString('base64url')}` : '/dns-query';
    const result = await h1Request(server, method, path, method === 'POST' ? message : undefined);
    expect(result).toMatchObject({ status: 200, type: 'application/dns-message', protocol: 'http/1.1' });
    expect(
      decode(result.body)
        .answers.filter((a) => a.type === 'A')
        .map((a) => a.data),
    ).toEqual(['192.0.2.13']);
  });

  it('rejects bad DoH requests with the right HTTP status', async () => {
    expect((await h2Request(server, 'GET', '/other')).status).toBe(404);
    expect((await h2Request(server, 'PUT', '/dns-query', Buffer.from('x'))).status).toBe(405);
    expect((await h2Request(server, 'GET', '/dns-query')).status).toBe(400);
    expect((await h2Request(server, 'GET', '/dns-query?dns=a+b')).status).toBe(400);
    expect((await h2Request(server, 'POST', '/dns-query', query('secure-ecdsa.test', 'A'), 'text/plain')).status).toBe(415);
    expect((await h2Request(server, 'POST', '/dns-query', Buffer.alloc(70_000))).status).toBe(413);
    expect((await h2Request(server, 'POST', '/dns-query', Buffer.from([1, 2]))).status).toBe(400);
    const garbage = await h2Request(server, 'POST', '/dns-query', Buffer.from('abcd0000000100000000000003ff', 'hex'));
    expect(garbage.status).toBe(200);
    expect(decode(garbage.body).rcode).toBe(1);
  });

  it('serves node:dns (c-ares): answers, TCP fallback, NXDOMAIN, NODATA, SERVFAIL', async () => {
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${server.udp.port}`]);
    expect(await resolver.resolve4('www.secure-ecdsa.test')).toEqual(['192.0.2.10']);
    expect(await resolver.resolve6('secure-rsa.test')).toEqual(['2001:db8::b']);
    expect(await resolver.resolveMx('secure-ed25519.test')).toEqual([{ priority: 10, exchange: 'mail.secure-ed25519.test' }]);
    expect((await resolver.resolveTxt('big.secure-ecdsa.test')).length).toBe(8);
    expect(await resolver.resolveTxt('_dmarc.secure-ecdsa.test')).toEqual([['v=DMARC1; p=reject; rua=mailto:dmarc@secure-ecdsa.test']]);
    expect(await resolver.resolve4('chain.cname.test')).toEqual(['192.0.2.12']);
    await expect(resolver.resolve4('nothing.secure-ecdsa.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolver.resolveSrv('secure-ecdsa.test')).rejects.toMatchObject({ code: 'ENODATA' });
    await expect(resolver.resolve4('servfail.test')).rejects.toMatchObject({ code: 'ESERVFAIL' });
    await expect(resolver.resolve4('lame.test')).rejects.toMatchObject({ code: 'EREFUSED' });
  });

  it('stays silent for the timeout zone over UDP, TCP and DoH', async () => {
    expect(await udpAsk(server.udp.port, query('timeout.test', 'A'), 300)).toBeUndefined();
    const socket = await connectTcp(server.tcp.port);
    const reply = readFrames(socket, 1, 500).then(
      () => 'answered',
      () => 'silent',
    );
    socket.write(frame(query('timeout.test', 'A')));
    expect(await reply).toBe('silent');
    socket.destroy();
    const message = query('timeout.test', 'A', 0);
    // The stream is cancelled after the hold time without any HTTP response.
    const status = await h2Request(server, 'GET', `/dns-query?dns=${message.toString('base64url')}`).then(
      (r) => r.status,
      () => 0,
    );
    expect(status).toBe(0);
  });
});

describe('slow zones', () => {
  it('holds answers of a slow zone over UDP, TCP and DoH, and only those', async () => {
    const zones = lab.zones.map((z) => (z.origin === 'slow.test' ? { ...z, faults: { delayMs: 250 } } : z));
    const own = await startDnsServer({ zones });
    try {
      let started = performance.now();
      const udp = await udpAsk(own.udp.port, query('slow.test', 'A'));
      expect(udp === undefined ? -1 : decode(udp).rcode).toBe(0);
      expect(performance.now() - started).toBeGreaterThanOrEqual(240);

      const socket = await connectTcp(own.tcp.port);
      const frames = readFrames(socket, 2);
      socket.write(Buffer.concat([frame(query('slow.test', 'A', 1)), frame(query('secure-ecdsa.test', 'A', 2))]));
      // The fast answer overtakes the slow one (RFC 7766 §7).
      expect((await frames).map((f) => f.readUInt16BE(0))).toEqual([2, 1]);
      socket.destroy();

      started = performance.now();
      const message = query('www.slow.test', 'A', 0);
      expect((await h2Request(own, 'GET', `/dns-query?dns=${message.toString('base64url')}`)).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    } finally {
      await own.close();
    }
  });
});

describe('server limits and shutdown', () => {
  it('closes idle TCP connections and refuses connections over the limit', async () => {
    const limited = await startDnsServer({ zones: lab.zones, limits: { tcpIdleTimeoutMs: 150, maxTcpConnections: 2 } });
    try {
      const first = await connectTcp(limited.tcp.port);
      const second = await connectTcp(limited.tcp.port);
      const third = await connectTcp(limited.tcp.port);
      first.on('error', () => undefined);
      second.on('error', () => undefined);
      third.on('error', () => undefined);
      expect(await waitForClose(third, 100)).toBe(true);
      expect(first.destroyed).toBe(false);
      expect(await waitForClose(first, 1000)).toBe(true);
      second.destroy();
    } finally {
      await limited.close();
    }
  });

  it('closes when the signal aborts, and close is idempotent', async () => {
    const controller = new AbortController();
    const own = await startDnsServer({ zones: lab.zones, signal: controller.signal });
    expect(decode((await udpAsk(own.udp.port, query('secure-ecdsa.test', 'A'))) as Buffer).rcode).toBe(0);
    controller.abort();
    await own.close();
    await own.close();
    await expect(connectTcp(own.tcp.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(startDnsServer({ zones: lab.zones, signal: controller.signal })).rejects.toThrow();
  });

  it('uses a given TLS certificate and reports it for trust', async () => {
    const { createLabCa, issueCertificate } = await import('../pki/ca.js');
    const ca = await createLabCa();
    const leaf = await issueCertificate(ca, { ips: ['127.0.0.1'] });
    const own = await startDnsServer({ zones: lab.zones, tls: { cert: leaf.chainPem, key: leaf.privateKeyPem } });
    try {
      expect(own.caCertificatePem).toBe(leaf.certificatePem);
      const withCa = { ...own, caCertificatePem: ca.certificatePem };
      const message = query('secure-ecdsa.test', 'A', 0);
      expect((await h2Request(withCa, 'GET', `/dns-query?dns=${message.toString('base64url')}`)).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});
