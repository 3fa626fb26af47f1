/**
 * scanTls against scripted servers: detections no TLS library can serve (no renegotiation_info,
 * no EMS, DEFLATE, SHA-1 key-exchange signatures, SSLv2, HelloRetryRequest, hello intolerance)
 * and hostile answers (garbage, truncation, oversized records, alerts, resets, silence). Every one
 * ends as evidence; none as an exception.
 */
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TlsEvidence } from '../types.js';
import { ExtensionType } from './constants.js';
import { type ScanTlsOptions, scanTls } from './scan-tls.js';
import { type FakeTlsBehaviour, startFakeTlsServer } from './test-support/fake-tls.js';
import { resourceCounts, settle } from './test-support/leaks.js';
import { loopbackNetwork, type Script, startScriptedServer, type TestServer } from './test-support/servers.js';
import { alertRecord, record, serverHello } from './test-support/tls-builders.js';

const network = loopbackNetwork();
let servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function fake(behaviour: FakeTlsBehaviour): Promise<TestServer> {
  const server = await startFakeTlsServer(behaviour);
  servers.push(server);
  return server;
}

async function scripted(script: Script): Promise<TestServer> {
  const server = await startScriptedServer(script);
  servers.push(server);
  return server;
}

function scan(port: number, extra: Partial<ScanTlsOptions> = {}): Promise<TlsEvidence> {
  return scanTls({ host: 'fake.example.test', ip: '127.0.0.1', port, network, helloTimeoutMs: 1_000, ...extra });
}

function support(evidence: TlsEvidence): Record<string, boolean | null> {
  return Object.fromEntries(evidence.versions.map((v) => [v.version, v.supported]));
}

describe('detections only a scripted server can show', () => {
  it('sees missing renegotiation_info and EMS, DEFLATE, and SHA-1 key-exchange signatures', async () => {
    const certificate = Uint8Array.from([0x30, 0x05, 0x02, 0x03, 0x01, 0x02, 0x03]);
    const server = await fake({
      versions: [0x0301, 0x0302, 0x0303],
      suites: [0xc02f, 0xc013, 0x000a, 0x0005],
      renegotiationInfo: false,
      ems: false,
      deflate: true,
      sha1WhenAsked: true,
      certificate,
    });
    const evidence = await scan(server.port);
    expect(support(evidence)).toEqual({ SSLv2: false, SSLv3: false, 'TLSv1.0': true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false });
    expect(evidence.suites).toEqual([{ version: 'TLSv1.2', accepted: [0xc02f, 0xc013, 0x000a, 0x0005], complete: true, candidates: 360 }]);
    expect(evidence.secureRenegotiation).toBe(false);
    expect(evidence.extendedMasterSecret).toBe(false);
    expect(evidence.compression).toBe(true);
    expect(evidence.kexHash).toEqual({ sha1: true, sha224: null, defaultScheme: 0x0804 });
    expect(evidence.keyExchanges[0]).toEqual({ version: 'TLSv1.2', suite: 0xc02f, group: 23, signatureScheme: 0x0804 });
    expect(evidence.certificateChains).toEqual([
      { source: 'raw', version: 'TLSv1.2', certificates: [Buffer.from(certificate).toString('base64')] },
    ]);
    // node:tls cannot finish a handshake with a server that stops after ServerHelloDone.
    expect(evidence.problems.map((p) => p.step)).toContain('handshake');
    expect(evidence.trust).toBeUndefined();
    expect(evidence.connections).toBe(server.connections());
  });

  it('sees the group a TLS 1.3 server asks for in a HelloRetryRequest', async () => {
    const server = await fake({ versions: [0x0303, 0x0304], suites: [0x1301, 0xc02f], group: 24 });
    const evidence = await scan(server.port, { handshakes: false });
    expect(evidence.suites.find((s) => s.version === 'TLSv1.3')?.accepted).toEqual([0x1301]);
    expect(evidence.keyExchanges.find((k) => k.version === 'TLSv1.3')).toEqual({ version: 'TLSv1.3', suite: 0x1301, group: 24 });
  });

  it('detects SSLv2 with an SSLv2 CLIENT-HELLO', async () => {
    const server = await fake({ versions: [], suites: [], sslv2: true });
    const evidence = await scan(server.port);
    expect(evidence.versions.find((v) => v.version === 'SSLv2')?.supported).toBe(true);
    expect(evidence.reachable).toBe(true);
  });

  it('falls back to a minimal hello for a server intolerant of uncommon extensions', async () => {
    const server = await fake({
      versions: [0x0303],
      suites: [0xc02f],
      intolerant: (hello) => hello.extensions.has(ExtensionType.statusRequest) || hello.extensions.has(ExtensionType.padding),
    });
    const evidence = await scan(server.port, { handshakes: false });
    expect(evidence.problems).toContainEqual(expect.objectContaining({ step: 'versions', code: 'hello-intolerance' }));
    expect(support(evidence)['TLSv1.2']).toBe(true);
    expect(evidence.suites[0]?.accepted).toEqual([0xc02f]);
    // With the minimal hello DEFLATE is not offered, so compression is not tested.
    expect(evidence.compression).toBeNull();
    expect(evidence.secureRenegotiation).toBe(true);
  });
});

describe('hostile servers', () => {
  const garbage: Script = (socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  const alert: Script = (socket) => socket.end(alertRecord(40));
  const reset: Script = (socket) => socket.resetAndDestroy();
  const silence: Script = () => undefined;
  const truncated: Script = (socket) => socket.end(record(22, serverHello({ version: 0x0303, suite: 0xc02f })).subarray(0, 30));
  const oversized: Script = (socket) => socket.write(Buffer.from([22, 3, 3, 0xff, 0xff, 2]));

  it.each([
    ['garbage', garbage, 'malformed'],
    ['a truncated record', truncated, 'malformed'],
    ['an oversized record', oversized, 'too-large'],
    ['a reset', reset, 'reset the connection'],
  ] as const)('turns %s into unreachable evidence with undecided versions', async (_name, script, code) => {
    const server = await scripted(script);
    const evidence = await scan(server.port);
    expect(evidence.reachable).toBe(false);
    expect(evidence.versions.every((v) => v.supported === null)).toBe(true);
    expect(evidence.problems).toContainEqual(expect.objectContaining({ step: 'versions', code: 'no-handshake' }));
    expect(evidence.problems.some((p) => p.code === code || p.message.includes(code))).toBe(true);
    expect(evidence.connections).toBe(server.connections());
    // Six first hellos, and for a dropped connection one retry each of TLS 1.3 and 1.2 with the minimal hello.
    expect(evidence.connections).toBeLessThanOrEqual(8);
  });

  it('keeps alerts as answers: every version refused', async () => {
    const server = await scripted(alert);
    const evidence = await scan(server.port);
    expect(evidence.reachable).toBe(false);
    expect(evidence.versions.every((v) => v.supported === false)).toBe(true);
  });

  it('gives up on a silent server within the hello time limit', async () => {
    const before = resourceCounts();
    const server = await scripted(silence);
    const started = performance.now();
    const evidence = await scan(server.port, { helloTimeoutMs: 150 });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(evidence.reachable).toBe(false);
    expect(evidence.versions.every((v) => v.supported === null)).toBe(true);
    expect(evidence.problems.some((p) => p.code === 'timeout')).toBe(true);
    await server.close();
    servers = [];
    await settle();
    const after = resourceCounts();
    expect(after.sockets).toBeLessThanOrEqual(before.sockets);
    expect(after.timers).toBeLessThanOrEqual(before.timers);
  });

  it('notes a server that chooses a suite it was not offered', async () => {
    const server = await scripted((socket) => socket.end(record(22, serverHello({ version: 0x0303, suite: 0x1234 }))));
    const evidence = await scan(server.port);
    expect(evidence.reachable).toBe(true);
    expect(evidence.versions.find((v) => v.version === 'TLSv1.2')).toMatchObject({ supported: null });
    expect(evidence.problems).toContainEqual(expect.objectContaining({ step: 'suites:TLSv1.2', code: 'malformed' }));
  });

  it('marks an enumeration incomplete when the server falls silent half way', async () => {
    let answered = 0;
    const server = await scripted((socket: Socket, first) => {
      // Answer TLS 1.2 hellos once; then stay silent.
      const tls12 = first[9] === 3 && first[10] === 3 && !first.includes(Buffer.from([0x00, 0x2b]));
      if (tls12 && answered === 0) {
        answered++;
        socket.end(record(22, serverHello({ version: 0x0303, suite: 0xc02c, renegotiationInfo: true, ems: true })));
        return;
      }
      if (!tls12) socket.end(alertRecord(70));
    });
    const evidence = await scan(server.port, { helloTimeoutMs: 200, handshakes: false });
    expect(support(evidence)['TLSv1.2']).toBe(true);
    expect(evidence.suites[0]).toMatchObject({ version: 'TLSv1.2', accepted: [0xc02c], complete: false });
    expect(evidence.problems).toContainEqual(expect.objectContaining({ step: 'suites:TLSv1.2', code: 'timeout' }));
  });
});
