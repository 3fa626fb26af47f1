/**
 * scanTls against the lab's scripted TLS server: detections no TLS library can serve (no
 * renegotiation_info, no EMS, DEFLATE, SHA-1 key-exchange signatures, SSLv2, HelloRetryRequest,
 * hello intolerance) and hostile answers (garbage, truncation, oversized records, alerts, resets,
 * silence, a suite never offered). Every one ends as evidence; none as an exception.
 */
import {
  createLabCa,
  issueCertificate,
  type LabCertificate,
  type ParsedClientHello,
  type ScriptedTlsAction,
  type ScriptedTlsServer,
  type ScriptedTlsServerOptions,
  startScriptedTlsServer,
} from '@pastoe/lab';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionType } from '../../../core/src/tls/scanner/constants.js';
import { type ScanTlsOptions, scanTls } from '../../../core/src/tls/scanner/scan-tls.js';
import { resourceCounts, settle } from '../../../core/src/tls/scanner/test-support/leaks.js';
import { loopbackNetwork } from '../../../core/src/tls/scanner/test-support/servers.js';
import { record, serverHello } from '../../../core/src/tls/scanner/test-support/tls-builders.js';
import type { TlsEvidence } from '../../../core/src/tls/types.js';

const network = loopbackNetwork();
let rsa: LabCertificate;
let servers: ScriptedTlsServer[] = [];

beforeAll(async () => {
  rsa = await issueCertificate(await createLabCa(), { names: ['scripted.example.test'], keyType: 'rsa-2048' });
});

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function scripted(options: Omit<ScriptedTlsServerOptions, 'certificates'>): Promise<ScriptedTlsServer> {
  const server = await startScriptedTlsServer({ certificates: [rsa], ...options });
  servers.push(server);
  return server;
}

/** A server whose every hello gets `action` and which hangs up right after it. */
function hostile(action: ScriptedTlsAction | ((hello: ParsedClientHello) => ScriptedTlsAction)): Promise<ScriptedTlsServer> {
  return scripted({ versions: ['TLSv1.2'], suites: [0xc02f], action, afterResponse: 'close' });
}

function scan(port: number, extra: Partial<ScanTlsOptions> = {}): Promise<TlsEvidence> {
  return scanTls({ host: 'scripted.example.test', ip: '127.0.0.1', port, network, helloTimeoutMs: 1_000, ...extra });
}

function support(evidence: TlsEvidence): Record<string, boolean | null> {
  return Object.fromEntries(evidence.versions.map((v) => [v.version, v.supported]));
}

/** A TLS 1.2 hello without supported_versions: what the scanner sends when it asks about TLS 1.2 alone. */
function onlyTls12(hello: ParsedClientHello): boolean {
  return hello.legacyVersion === 0x0303 && hello.supportedVersions === undefined;
}

describe('detections only a scripted server can show', () => {
  it('sees missing renegotiation_info and EMS, DEFLATE, and SHA-1 key-exchange signatures', async () => {
    const server = await scripted({
      versions: ['TLSv1.0', 'TLSv1.1', 'TLSv1.2'],
      suites: [0xc02f, 0xc013, 0x000a, 0x0005],
      secureRenegotiation: false,
      extendedMasterSecret: false,
      compression: true,
      signatureSchemes: [0x0804, 0x0201],
      afterResponse: 'close',
    });
    const evidence = await scan(server.port);
    expect(support(evidence)).toEqual({ SSLv2: false, SSLv3: false, 'TLSv1.0': true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false });
    expect(evidence.suites).toEqual([{ version: 'TLSv1.2', accepted: [0xc02f, 0xc013, 0x000a, 0x0005], complete: true, candidates: 360 }]);
    expect(evidence.secureRenegotiation).toBe(false);
    expect(evidence.extendedMasterSecret).toBe(false);
    expect(evidence.compression).toBe(true);
    expect(evidence.kexHash).toEqual({ sha1: true, sha224: null, defaultScheme: 0x0804 });
    expect(evidence.keyExchanges[0]).toEqual({ version: 'TLSv1.2', suite: 0xc02f, group: 29, signatureScheme: 0x0804 });
    expect(evidence.certificateChains).toEqual([
      { source: 'raw', version: 'TLSv1.2', certificates: [rsa.certificate.raw.toString('base64')], signedBy: [[]] },
    ]);
    // node:tls cannot finish a handshake with a server that stops after ServerHelloDone.
    expect(evidence.problems.map((p) => p.step)).toContain('handshake');
    expect(evidence.trust).toBeUndefined();
    expect(evidence.connections).toBe(server.connections);
  });

  it('sees the group a TLS 1.3 server asks for in a HelloRetryRequest', async () => {
    const server = await scripted({ versions: ['TLSv1.2', 'TLSv1.3'], suites: [0x1301, 0xc02f], groups: [24], afterResponse: 'close' });
    const evidence = await scan(server.port, { handshakes: false });
    expect(evidence.suites.find((s) => s.version === 'TLSv1.3')?.accepted).toEqual([0x1301]);
    expect(evidence.keyExchanges.find((k) => k.version === 'TLSv1.3')).toEqual({ version: 'TLSv1.3', suite: 0x1301, group: 24 });
  });

  it('detects SSLv2 with an SSLv2 CLIENT-HELLO', async () => {
    // MSG-SERVER-HELLO: no session, X.509, version 2, a 3-byte "certificate", one cipher kind, 16-byte id.
    const message = Buffer.from([4, 0, 1, 0, 2, 0, 3, 0, 3, 0, 16, 0x30, 0x01, 0x00, 0x01, 0x00, 0x80, ...new Array<number>(16).fill(1)]);
    const sslv2ServerHello = Buffer.concat([Buffer.from([0x80 | (message.length >> 8), message.length & 0xff]), message]);
    const server = await hostile((hello) => (hello.format === 'sslv2' ? { kind: 'bytes', bytes: sslv2ServerHello } : { kind: 'close' }));
    const evidence = await scan(server.port);
    expect(evidence.versions.find((v) => v.version === 'SSLv2')?.supported).toBe(true);
    expect(evidence.reachable).toBe(true);
  });

  it('falls back to a minimal hello for a server intolerant of uncommon extensions', async () => {
    const server = await scripted({
      versions: ['TLSv1.2'],
      suites: [0xc02f],
      afterResponse: 'close',
      action: (hello) =>
        hello.statusRequest || hello.extensions.some((e) => e.type === ExtensionType.padding) ? { kind: 'reset' } : { kind: 'negotiate' },
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
  it.each([
    ['garbage', { kind: 'garbage' }, 'malformed'],
    ['a truncated record', { kind: 'truncated' }, 'malformed'],
    ['an oversized record', { kind: 'oversize' }, 'too-large'],
    ['a reset', { kind: 'reset' }, 'reset the connection'],
  ] as const)('turns %s into unreachable evidence with undecided versions', async (_name, action, code) => {
    const server = await hostile(action);
    const evidence = await scan(server.port);
    expect(evidence.reachable).toBe(false);
    expect(evidence.versions.every((v) => v.supported === null)).toBe(true);
    expect(evidence.problems).toContainEqual(expect.objectContaining({ step: 'versions', code: 'no-handshake' }));
    expect(evidence.problems.some((p) => p.code === code || p.message.includes(code))).toBe(true);
    expect(evidence.connections).toBe(server.connections);
    // Six first hellos, and for a dropped connection one retry each of TLS 1.3 and 1.2 with the minimal hello.
    expect(evidence.connections).toBeLessThanOrEqual(8);
  });

  it('keeps alerts as answers: every version refused', async () => {
    const server = await hostile({ kind: 'alert', description: 40 });
    const evidence = await scan(server.port);
    expect(evidence.reachable).toBe(false);
    expect(evidence.versions.every((v) => v.supported === false)).toBe(true);
  });

  it('gives up on a silent server within the hello time limit', async () => {
    const before = resourceCounts();
    const server = await hostile({ kind: 'silence' });
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
    const server = await hostile({ kind: 'bytes', bytes: record(22, serverHello({ version: 0x0303, suite: 0x1234 })) });
    const evidence = await scan(server.port);
    expect(evidence.reachable).toBe(true);
    expect(evidence.versions.find((v) => v.version === 'TLSv1.2')).toMatchObject({ supported: null });
    expect(evidence.problems).toContainEqual(expect.objectContaining({ step: 'suites:TLSv1.2', code: 'malformed' }));
  });

  it('marks an enumeration incomplete when the server falls silent half way', async () => {
    let answered = 0;
    // Answer one TLS 1.2 hello; then stay silent at TLS 1.2 and refuse every other version.
    const server = await hostile((hello) => {
      if (!onlyTls12(hello)) return { kind: 'alert', description: 70 };
      answered++;
      return answered === 1 ? { kind: 'negotiate' } : { kind: 'silence' };
    });
    const evidence = await scan(server.port, { helloTimeoutMs: 200, handshakes: false });
    expect(support(evidence)['TLSv1.2']).toBe(true);
    expect(evidence.suites[0]).toMatchObject({ version: 'TLSv1.2', accepted: [0xc02f], complete: false });
    expect(evidence.problems).toContainEqual(expect.objectContaining({ step: 'suites:TLSv1.2', code: 'timeout' }));
  });
});
