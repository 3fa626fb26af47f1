import { X509Certificate, createECDH, generateKeyPairSync, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabCa, type LabCertificate, createLabCa, issueCertificate } from '../pki/ca.js';
import { createOcspResponse } from '../pki/ocsp.js';
import { ffdhePrime } from './ffdhe.js';
import { type ScriptedTlsServer, type ScriptedTlsServerOptions, startScriptedTlsServer } from './scripted.js';
import { type RawHelloOptions, flightComplete, parseServerFlight, rawClientHello, rawExchange, sClient } from './test-support.js';

let ca: LabCa;
let rsa: LabCertificate;
let ecdsa: LabCertificate;
const servers: ScriptedTlsServer[] = [];
beforeAll(async () => {
  ca = await createLabCa();
  [rsa, ecdsa] = await Promise.all([
    issueCertificate(ca, { names: ['scripted.test'], keyType: 'rsa-2048' }),
    issueCertificate(ca, { names: ['scripted.test'] }),
  ]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(options: ScriptedTlsServerOptions): Promise<ScriptedTlsServer> {
  const server = await startScriptedTlsServer({ lingerMs: 500, ...options });
  servers.push(server);
  return server;
}

async function hello(server: ScriptedTlsServer, options: RawHelloOptions) {
  const receipt = await rawExchange(server.port, rawClientHello(options), { enough: flightComplete });
  return { ...parseServerFlight(receipt.bytes), ended: receipt.ended, bytes: receipt.bytes };
}

const modernOffer = {
  groups: [29, 23, 24],
  signatureAlgorithms: [0x0403, 0x0804, 0x0401, 0x0201],
  ecPointFormats: true,
  extendedMasterSecret: true,
  renegotiationInfo: true,
  statusRequest: true,
  sessionTicket: true,
} as const;

/** Iterative removal, the way a scanner enumerates: offer, note the choice, remove it, repeat. */
async function enumerate(server: ScriptedTlsServer, offer: readonly number[], options: Partial<RawHelloOptions> = {}): Promise<number[]> {
  const accepted: number[] = [];
  let remaining = [...offer];
  while (remaining.length > 0) {
    const flight = await hello(server, { ...modernOffer, ...options, suites: remaining });
    const suite = flight.serverHello?.suite;
    if (suite === undefined) break;
    accepted.push(suite);
    remaining = remaining.filter((s) => s !== suite);
  }
  return accepted;
}

describe('scripted TLS server', () => {
  const legacy = {
    versions: ['TLSv1.0', 'TLSv1.1', 'TLSv1.2'],
    suites: [0x0005, 0x000a, 0xc013, 0x002f, 0xc02f],
    signatureSchemes: [0x0401, 0x0201],
  } satisfies ScriptedTlsServerOptions;

  it('emulates a legacy server with RC4 and 3DES at TLS 1.0–1.2 and its own suite order, for an enumerating scanner', async () => {
    const server = await serve({ ...legacy, certificates: [rsa] });
    const offer = [0xc02f, 0xc013, 0x002f, 0x000a, 0x0005, 0x009c, 0x1301];
    expect(await enumerate(server, offer)).toEqual([0x0005, 0x000a, 0xc013, 0x002f, 0xc02f]);
    // TLS 1.0: the GCM suite is TLS 1.2-only and drops out.
    expect(await enumerate(server, offer, { version: 0x0301 })).toEqual([0x0005, 0x000a, 0xc013, 0x002f]);
    const tls10 = await hello(server, { ...modernOffer, version: 0x0301, suites: [0xc013] });
    expect(tls10.serverHello?.version).toBe(0x0301);
    expect(tls10.records[0]?.version).toBe(0x0301);
    const none = await hello(server, { ...modernOffer, suites: [0x009c] });
    expect(none.alert).toEqual({ level: 2, description: 40 });
    const sslv3 = await hello(server, { ...modernOffer, version: 0x0300, suites: [0x0005] });
    expect(sslv3.alert).toEqual({ level: 2, description: 70 });
  });

  it('follows the client order when told', async () => {
    const server = await serve({ ...legacy, certificates: [rsa], preference: 'client' });
    expect(await enumerate(server, [0xc02f, 0xc013, 0x0005])).toEqual([0xc02f, 0xc013, 0x0005]);
  });

  it('sends a genuine chain and a ServerKeyExchange signed with the scheme both sides allow (SHA-1 when that is all)', async () => {
    const staple = createOcspResponse({ certificate: rsa, issuer: ca });
    const server = await serve({ ...legacy, certificates: [rsa], ocspStaple: staple });
    const leafKey = new X509Certificate(rsa.der).publicKey;
    for (const [offered, expected] of [
      [[0x0804, 0x0401, 0x0201], 0x0401],
      [[0x0201, 0x0203], 0x0201],
    ] as const) {
      const random = Buffer.alloc(32, 0x42);
      const flight = await hello(server, { ...modernOffer, signatureAlgorithms: offered, suites: [0xc013], random });
      expect(flight.certificates?.[0]?.equals(rsa.der)).toBe(true);
      expect(flight.ocsp?.equals(staple)).toBe(true);
      const ske = flight.serverKeyExchange as Buffer;
      expect(ske[0]).toBe(3);
      expect(ske.readUInt16BE(1)).toBe(29);
      const paramsLength = 4 + (ske[3] as number);
      const scheme = ske.readUInt16BE(paramsLength);
      expect(scheme).toBe(expected);
      const signature = ske.subarray(paramsLength + 4);
      const signed = Buffer.concat([random, flight.serverHello?.random as Buffer, ske.subarray(0, paramsLength)]);
      expect(verify(expected === 0x0201 ? 'sha1' : 'sha256', signed, leafKey, signature)).toBe(true);
      expect(flight.done).toBe(true);
    }
    const modern = await serve({ ...legacy, certificates: [rsa], signatureSchemes: undefined });
    const sha1Only = await hello(modern, { ...modernOffer, signatureAlgorithms: [0x0201], suites: [0xc013] });
    expect(sha1Only.alert?.description).toBe(40);
  });

  it('answers an SSLv3 hello with SSLv3, DEFLATE, and no renegotiation_info or extended master secret', async () => {
    const server = await serve({
      versions: ['SSLv3', 'TLSv1.0'],
      suites: [0x0004, 0x0005],
      certificates: [rsa],
      compression: true,
      secureRenegotiation: false,
      extendedMasterSecret: false,
    });
    const flight = await hello(server, { ...modernOffer, version: 0x0300, compression: [1, 0], suites: [0x0005, 0x0004, 0x00ff] });
    expect(flight.serverHello).toMatchObject({ version: 0x0300, suite: 0x0004, compression: 1 });
    expect(flight.serverHello?.extensions?.has(0xff01) ?? false).toBe(false);
    expect(flight.serverHello?.extensions?.has(0x0017) ?? false).toBe(false);
    expect(flight.records[0]?.version).toBe(0x0300);
    expect(flight.done).toBe(true);
    const tls = await serve({ versions: ['TLSv1.2'], suites: [0xc02f], certificates: [rsa] });
    const normal = await hello(tls, { ...modernOffer, compression: [1, 0], suites: [0xc02f] });
    expect(normal.serverHello?.compression).toBe(0);
    expect(normal.serverHello?.extensions?.get(0xff01)).toEqual(Buffer.from([0]));
    expect(normal.serverHello?.extensions?.has(0x0017)).toBe(true);
  });

  it('uses the chosen ECDHE group, or any DH prime and generator', async () => {
    const prime = ffdhePrime(2048).subarray(0, 128);
    const server = await serve({
      versions: ['TLSv1.2'],
      suites: [0xc02f, 0x009e],
      certificates: [rsa],
      groups: [21, 23],
      dh: { prime, generator: Buffer.from([5]) },
    });
    const ec = await hello(server, { ...modernOffer, groups: [23, 21], suites: [0xc02f] });
    expect(ec.serverKeyExchange?.readUInt16BE(1)).toBe(21);
    expect(ec.serverKeyExchange?.[3]).toBe(57);
    const noShared = await hello(server, { ...modernOffer, groups: [29], suites: [0xc02f, 0x009e] });
    expect(noShared.serverHello?.suite).toBe(0x009e);
    const ske = noShared.serverKeyExchange as Buffer;
    expect(ske.readUInt16BE(0)).toBe(128);
    expect(ske.subarray(2, 130).equals(prime)).toBe(true);
    expect(ske.subarray(130, 133)).toEqual(Buffer.from([0, 1, 5]));
  });

  it('presents the ECDSA chain for ECDSA suites and signs with ECDSA', async () => {
    const server = await serve({ versions: ['TLSv1.2'], suites: [0xc02b, 0xc02f], certificates: [rsa, ecdsa] });
    const random = Buffer.alloc(32, 1);
    const flight = await hello(server, { ...modernOffer, suites: [0xc02b], random });
    expect(flight.certificates?.[0]?.equals(ecdsa.der)).toBe(true);
    const ske = flight.serverKeyExchange as Buffer;
    const paramsLength = 4 + (ske[3] as number);
    expect(ske.readUInt16BE(paramsLength)).toBe(0x0403);
    const signed = Buffer.concat([random, flight.serverHello?.random as Buffer, ske.subarray(0, paramsLength)]);
    expect(verify('sha256', signed, new X509Certificate(ecdsa.der).publicKey, ske.subarray(paramsLength + 4))).toBe(true);
  });

  it('answers TLS 1.3 with a key share, or a HelloRetryRequest and then a ServerHello on the same connection', async () => {
    const server = await serve({
      versions: ['TLSv1.2', 'TLSv1.3'],
      suites: [0x1302, 0x1301, 0xc02f],
      certificates: [rsa],
      groups: [23, 29],
    });
    const share = createECDH('prime256v1');
    const tls13 = {
      ...modernOffer,
      supportedVersions: [0x0304, 0x0303],
      suites: [0x1301, 0x1302, 0xc02f],
    };
    const direct = await hello(server, { ...tls13, keyShares: [{ group: 23, key: share.generateKeys() }] });
    expect(direct.serverHello?.version).toBe(0x0303);
    expect(direct.serverHello?.suite).toBe(0x1302);
    expect(direct.serverHello?.extensions?.get(43)).toEqual(Buffer.from([3, 4]));
    const keyShare = direct.serverHello?.extensions?.get(51) as Buffer;
    expect(keyShare.readUInt16BE(0)).toBe(23);
    expect(keyShare.readUInt16BE(2)).toBe(65);

    const x25519 = generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
    const first = rawClientHello({ ...tls13, keyShares: [{ group: 29, key: x25519 }] });
    const second = rawClientHello({ ...tls13, keyShares: [{ group: 23, key: share.generateKeys() }] });
    const { tcpConnect } = await import('./test-support.js');
    const socket = await tcpConnect(server.port);
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.write(first);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const retry = parseServerFlight(Buffer.concat(received));
    expect(retry.serverHello?.random.toString('hex')).toBe('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c');
    expect(retry.serverHello?.extensions?.get(51)).toEqual(Buffer.from([0, 23]));
    received.length = 0;
    // Middlebox compatibility: a ChangeCipherSpec, then the second hello.
    socket.write(Buffer.concat([Buffer.from([20, 3, 3, 0, 1, 1]), second]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    const after = parseServerFlight(Buffer.concat(received));
    expect(after.serverHello?.extensions?.get(51)?.readUInt16BE(0)).toBe(23);

    // Version first, as OpenSSL does: a TLS 1.3 client without TLS 1.3 suites gets no TLS 1.2 fallback.
    expect((await hello(server, { ...tls13, suites: [0xc02f] })).alert?.description).toBe(40);
    expect((await hello(server, { ...modernOffer, suites: [0xc02f] })).serverHello?.suite).toBe(0xc02f);
  });

  it('sends a HelloRetryRequest naming any group when scripted to', async () => {
    const server = await serve({ versions: ['TLSv1.3'], suites: [0x1301], action: { kind: 'hello-retry', group: 0x11ec } });
    const flight = await hello(server, { ...modernOffer, supportedVersions: [0x0304], suites: [0x1301], keyShares: [] });
    expect(flight.serverHello?.extensions?.get(51)).toEqual(Buffer.from([0x11, 0xec]));
  });

  it('refuses a fallback below its best version when the client signals it', async () => {
    const server = await serve({ ...legacy, certificates: [rsa] });
    const fallback = await hello(server, { ...modernOffer, version: 0x0302, suites: [0xc013, 0x5600] });
    expect(fallback.alert?.description).toBe(86);
    const server2 = await serve({ ...legacy, certificates: [rsa], fallbackScsv: false });
    expect((await hello(server2, { ...modernOffer, version: 0x0302, suites: [0xc013, 0x5600] })).serverHello?.version).toBe(0x0302);
  });

  it('misbehaves on script: alert, garbage, truncated and oversize records, reset, close, silence', async () => {
    const offer = { ...modernOffer, suites: [0xc02f] };
    const alert = await hello(await serve({ ...legacy, action: { kind: 'alert', description: 80 } }), offer);
    expect(alert.alert).toEqual({ level: 2, description: 80 });
    const garbage = await hello(await serve({ ...legacy, action: { kind: 'garbage' } }), offer);
    expect(garbage.bytes.toString('latin1')).toMatch(/^HTTP\/1\.1 400/);
    const truncated = await hello(await serve({ ...legacy, action: { kind: 'truncated' } }), offer);
    expect(truncated.records).toEqual([]);
    expect(truncated.trailing).toBeGreaterThan(5);
    expect(truncated.ended).toBe('end');
    const oversize = await hello(await serve({ ...legacy, action: { kind: 'oversize' } }), offer);
    expect(oversize.bytes.readUInt16BE(3)).toBe(0xffff);
    expect((await hello(await serve({ ...legacy, action: { kind: 'reset' } }), offer)).ended).toBe('reset');
    const closed = await hello(await serve({ ...legacy, action: { kind: 'close' } }), offer);
    expect([closed.ended, closed.bytes.length]).toEqual(['end', 0]);
    const silent = await rawExchange((await serve({ ...legacy, action: { kind: 'silence' } })).port, rawClientHello(offer), {
      timeoutMs: 300,
    });
    expect([silent.ended, silent.bytes.length]).toEqual(['timeout', 0]);
  });

  it('chooses per hello with a script function, and keeps what it received', async () => {
    const server = await serve({
      ...legacy,
      certificates: [rsa],
      action: (clientHello, context) =>
        clientHello.serverName === 'down.test'
          ? { kind: 'alert', description: 112 }
          : context.connection > 2
            ? { kind: 'reset' }
            : { kind: 'negotiate' },
    });
    expect((await hello(server, { ...modernOffer, serverName: 'down.test', suites: [0xc013] })).alert?.description).toBe(112);
    expect((await hello(server, { ...modernOffer, serverName: 'up.test', suites: [0xc013] })).serverHello?.suite).toBe(0xc013);
    expect((await hello(server, { ...modernOffer, serverName: 'up.test', suites: [0xc013] })).ended).toBe('reset');
    expect(server.received.map((h) => h.serverName)).toEqual(['down.test', 'up.test', 'up.test']);
    expect(server.received[0]?.signatureAlgorithms).toEqual(modernOffer.signatureAlgorithms);
    expect(server.connections).toBe(3);
  });

  it('reads SSLv2-compatible hellos, and bounds what it reads', async () => {
    const server = await serve({ ...legacy, certificates: [rsa], maxHelloBytes: 1024 });
    // SSLv2 CLIENT-HELLO for TLS 1.0: kinds RC4_128_WITH_MD5 (SSLv2 only) and TLS_RSA_WITH_RC4_128_SHA.
    const body = Buffer.concat([Buffer.from([1, 3, 1, 0, 6, 0, 0, 0, 16]), Buffer.from([1, 0, 0x80, 0, 0, 5]), Buffer.alloc(16, 3)]);
    const sslv2 = Buffer.concat([Buffer.from([0x80 | (body.length >> 8), body.length & 0xff]), body]);
    const flight = parseServerFlight((await rawExchange(server.port, sslv2, { enough: flightComplete })).bytes);
    expect(flight.serverHello).toMatchObject({ version: 0x0301, suite: 0x0005 });
    const huge = rawClientHello({ ...modernOffer, suites: Array.from({ length: 800 }, (_, i) => i + 0x100) });
    expect((await hello(server, { ...modernOffer, suites: [] })).alert).toBeDefined();
    const tooBig = parseServerFlight((await rawExchange(server.port, huge, { enough: flightComplete })).bytes);
    expect(tooBig.alert?.description).toBe(50);
    const http = parseServerFlight(
      (await rawExchange(server.port, Buffer.from('GET / HTTP/1.0\r\n\r\n'), { enough: flightComplete })).bytes,
    );
    expect(http.alert?.description).toBe(10);
  });

  it('gets a real client (openssl s_client) through ServerKeyExchange verification to its key exchange', async () => {
    const server = await serve({ ...legacy, certificates: [rsa], suites: [0xc013, 0x0033], lingerMs: 200 });
    for (const args of [
      ['-tls1_2'],
      ['-tls1', '-cipher', 'ECDHE-RSA-AES128-SHA:@SECLEVEL=0'],
      ['-tls1_2', '-cipher', 'DHE-RSA-AES128-SHA'],
    ]) {
      const { output } = await sClient(server.port, ['-msg', ...args]);
      expect([args, output]).toEqual([args, expect.stringMatching(/<<< .*ServerHelloDone/)]);
      expect([args, output]).toEqual([args, expect.stringMatching(/>>> .*ClientKeyExchange/)]);
    }
  });
});
