import { X509Certificate } from 'node:crypto';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import type { Duplex } from 'node:stream';
import { type TLSSocket, connect as tlsConnect } from 'node:tls';
import { ProbeFailure, cipherSuites, namedGroups, tlsVersionCodes } from '@pastoe/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, startLab } from '../lab.js';
import { tlsaFor } from '../pki/tlsa.js';
import { type LabTlsVersion, suiteHandshake } from '../tls/codes.js';
import { type RawHelloOptions, type ServerFlight, flightComplete, parseServerFlight, rawClientHello } from '../tls/test-support.js';
import type { LabServiceEndpoint } from './scenarios/types.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

/** Reads from a duplex until `done` says the bytes are complete, it ends, or the time runs out. */
function readUntil(socket: Duplex, done: (bytes: Buffer) => boolean, timeoutMs = 3_000): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const finish = (): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('end', finish);
      socket.off('close', finish);
      resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      if (done(Buffer.concat(chunks))) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', onData);
    socket.once('end', finish);
    socket.once('close', finish);
  });
}

const smtpReply = (bytes: Buffer): boolean => /(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(bytes.toString('latin1'));

/**
 * Opens a connection through the lab network to an endpoint's public IPv4 address (its IPv6 one
 * for an IPv6-only scenario, whose IPv4 address reaches nothing), after STARTTLS for SMTP.
 */
async function open(endpoint: LabServiceEndpoint, family?: 4 | 6): Promise<Duplex> {
  const ipv4Routed = lab.addressMap.lookup({ ip: endpoint.ipv4, port: endpoint.port }, 'tcp') !== undefined;
  const ip = (family ?? (ipv4Routed ? 4 : 6)) === 4 ? endpoint.ipv4 : endpoint.ipv6;
  const connection = await lab.network.connect({ ip, port: endpoint.port, timeoutMs: 3_000 });
  const socket = connection.socket;
  if (endpoint.service === 'smtp') {
    await readUntil(socket, smtpReply);
    socket.write('EHLO scanner.test\r\n');
    await readUntil(socket, smtpReply);
    socket.write('STARTTLS\r\n');
    const answer = (await readUntil(socket, smtpReply)).toString('latin1');
    if (!answer.startsWith('220')) throw new Error(`STARTTLS refused: ${answer}`);
  }
  return socket;
}

/** One raw ClientHello to an endpoint; the server's flight. */
async function hello(endpoint: LabServiceEndpoint, options: RawHelloOptions): Promise<ServerFlight> {
  const socket = await open(endpoint);
  socket.write(rawClientHello({ serverName: endpoint.host, ...options }));
  const bytes = await readUntil(socket, flightComplete);
  socket.destroy();
  return parseServerFlight(bytes);
}

const allSuites = [...cipherSuites.keys()];
const allGroups = [...namedGroups.keys()].filter((g) => g < 0x100);
const allSchemes = [0x0403, 0x0503, 0x0603, 0x0807, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0303, 0x0301, 0x0203, 0x0201];

function offerFor(version: LabTlsVersion, suites: readonly number[]): RawHelloOptions {
  const common = {
    suites,
    groups: allGroups,
    signatureAlgorithms: allSchemes,
    ecPointFormats: true,
    renegotiationInfo: true,
    extendedMasterSecret: true,
    statusRequest: true,
  };
  if (version === 'TLSv1.3') {
    return { ...common, supportedVersions: [0x0304], keyShares: [{ group: 29, key: Buffer.alloc(32, 9) }] };
  }
  return { ...common, version: tlsVersionCodes[version] };
}

/** Iterative removal at one version, as a scanner enumerates. */
async function enumerate(endpoint: LabServiceEndpoint, version: LabTlsVersion): Promise<number[]> {
  const accepted: number[] = [];
  let remaining = allSuites;
  for (;;) {
    const flight = await hello(endpoint, offerFor(version, remaining));
    const suite = flight.serverHello?.suite;
    const negotiated = flight.serverHello?.extensions?.get(43)?.readUInt16BE(0) ?? flight.serverHello?.version;
    if (suite === undefined || negotiated !== tlsVersionCodes[version]) return accepted;
    accepted.push(suite);
    remaining = remaining.filter((s) => s !== suite);
  }
}

function tlsEndpoints(): LabServiceEndpoint[] {
  // The tarpit MX answers each connection 1.5 s late; it gets its own test.
  return lab.endpoints.filter((e) => e.tls !== undefined && e.scenario !== 'mail-tarpit.test');
}

describe('startLab services', () => {
  it('closes every scenario server with the lab, and can start without them', async () => {
    const own = await startLab();
    const locals = [...new Set(own.endpoints.map((e) => e.local.port))];
    expect(locals.length).toBeGreaterThan(20);
    await own.close();
    const { tcpConnect } = await import('../tls/test-support.js');
    for (const port of locals) await expect(tcpConnect(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const dnsOnly = await startLab({ services: false });
    try {
      expect([dnsOnly.web, dnsOnly.mail, dnsOnly.endpoints]).toEqual([[], [], []]);
      expect(dnsOnly.addressOf('modern.test')).toBeUndefined();
      expect((await dnsOnly.transports().validator.validate('secure-ecdsa.test', 'A')).status).toBe('secure');
    } finally {
      await dnsOnly.close();
    }
  });
});

describe('lab scenario world', () => {
  it('lists the web and mail scenarios with addresses in DNS', () => {
    const web = lab.web.map((s) => s.domain);
    expect(web).toEqual(expect.arrayContaining(['modern.test', 'legacy.test', 'expired-cert.test', 'wrong-name.test', 'http-only.test']));
    expect(lab.mail.map((s) => s.domain)).toEqual(expect.arrayContaining(['mail-modern.test', 'mail-nostarttls.test']));
    const modern = lab.web.find((s) => s.domain === 'modern.test');
    expect(lab.addressOf('modern.test')).toEqual({ ipv4: [modern?.ipv4], ipv6: [modern?.ipv6] });
    expect(lab.addressOf('WWW.Modern.Test.')).toEqual(lab.addressOf('modern.test'));
    expect(modern?.www).toEqual({ cname: false, hsts: modern?.hsts });
    // www.www-weak.test is a CNAME to www-weak.test, which addressOf does not follow.
    expect(lab.addressOf('www.www-weak.test')).toBeUndefined();
    expect(lab.addressOf('mx.mail-modern.test')?.ipv4).toEqual(['198.51.100.100']);
    expect(lab.addressOf('secure-ecdsa.test')?.ipv4).toEqual(['192.0.2.10']);
    expect(lab.addressOf('nothing.test')).toBeUndefined();
    expect(lab.caPem).toBe(lab.ca.certificatePem);
  });

  it('maps documentation addresses to the right loopback servers, IPv4 and IPv6, and refuses the rest', async () => {
    const modern = lab.web.find((s) => s.domain === 'modern.test')?.https as LabServiceEndpoint;
    expect(modern.ipv4).toBe('192.0.2.100');
    for (const family of [4, 6] as const) {
      const socket = await open(modern, family);
      const tls: TLSSocket = tlsConnect({ socket, servername: 'modern.test', ca: lab.caPem });
      await new Promise((resolve, reject) => {
        tls.once('secureConnect', resolve);
        tls.once('error', reject);
      });
      expect([family, tls.authorized, tls.getPeerX509Certificate()?.subject]).toEqual([family, true, 'O=pastoe lab\nCN=modern.test']);
      tls.destroy();
    }
    await expect(lab.network.connect({ ip: '8.8.8.8', port: 443 })).rejects.toMatchObject({ code: 'forbidden-address' });
    await expect(lab.network.connect({ ip: '10.1.2.3', port: 443 })).rejects.toBeInstanceOf(ProbeFailure);
    // Unmapped documentation endpoints are refused on loopback, never routed off the machine.
    await expect(lab.network.connect({ ip: '192.0.2.250', port: 443, timeoutMs: 2_000 })).rejects.toMatchObject({ code: 'refused' });
    const httpOnly = lab.web.find((s) => s.domain === 'http-only.test');
    expect(httpOnly?.https).toBeUndefined();
    await expect(lab.network.connect({ ip: httpOnly?.ipv4 as string, port: 443, timeoutMs: 2_000 })).rejects.toMatchObject({
      code: 'refused',
    });
    expect(lab.addressMap.routes.every((r) => r.local.ip === '127.0.0.1')).toBe(true);
  });

  it('answers DNS on the name server glue addresses too', async () => {
    const query = Buffer.from('abcd01000001000000000000066d6f6465726e04746573740000010001', 'hex');
    const answer = await lab.network.udpExchange({ ip: '192.0.2.53', port: 53, payload: query, timeoutMs: 2_000 });
    expect(Buffer.from(answer).readUInt16BE(0)).toBe(0xabcd);
    expect(Buffer.from(answer).readUInt16BE(6)).toBe(1);
  });

  it('serves HTTP redirects and HTTPS with HSTS and security.txt through the network', async () => {
    const get = async (ip: string, port: number, host: string, path: string): Promise<IncomingMessage & { body: string }> => {
      const connection = await lab.network.connect({ ip, port });
      const socket = port === 443 ? tlsConnect({ socket: connection.socket, servername: host, ca: lab.caPem }) : connection.socket;
      return new Promise((resolve, reject) => {
        const request = httpRequest({ host, path, createConnection: () => socket as never, headers: { Host: host } }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          response.on('end', () => {
            connection.close();
            resolve(Object.assign(response, { body }));
          });
        });
        request.on('error', reject);
        request.end();
      });
    };
    const modern = lab.web.find((s) => s.domain === 'modern.test');
    const redirect = await get('192.0.2.100', 80, 'modern.test', '/a?b=1');
    expect([redirect.statusCode, redirect.headers.location]).toEqual([301, 'https://modern.test/a?b=1']);
    const page = await get(modern?.ipv6 as string, 443, 'www.modern.test', '/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['strict-transport-security']).toBe(modern?.hsts);
    // A www site of its own upgrades its own name; www-weak.test's sends no HSTS.
    const wwwRedirect = await get('192.0.2.100', 80, 'www.modern.test', '/a');
    expect([wwwRedirect.statusCode, wwwRedirect.headers.location]).toEqual([301, 'https://www.modern.test/a']);
    const weak = lab.web.find((s) => s.domain === 'www-weak.test');
    const weakApex = await get(weak?.ipv4 as string, 443, 'www-weak.test', '/');
    const weakWww = await get(weak?.ipv4 as string, 443, 'www.www-weak.test', '/');
    expect([weakApex.headers['strict-transport-security'], weakWww.headers['strict-transport-security']]).toEqual([weak?.hsts, undefined]);
    expect(weak?.www).toEqual({ cname: true, hsts: null });
    const txt = await get('192.0.2.100', 443, 'modern.test', '/.well-known/security.txt');
    expect(txt.body).toMatch(
      /^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n# security.txt of modern.test\nContact: mailto:security@modern\.test\n/,
    );
    const legacy = lab.web.find((s) => s.domain === 'legacy.test');
    const plain = await get(legacy?.ipv4 as string, 80, 'legacy.test', '/');
    expect([plain.statusCode, legacy?.httpBehaviour]).toEqual([200, 'page']);
    const legacyTls = await get(legacy?.ipv4 as string, 443, 'legacy.test', '/');
    expect([legacyTls.statusCode, legacyTls.headers['strict-transport-security'], legacy?.hsts]).toEqual([200, undefined, null]);
  });

  it('speaks SMTP with STARTTLS behind the MX addresses as each mail scenario says', async () => {
    for (const scenario of lab.mail) {
      if (scenario.smtp === undefined || scenario.bannerDelayMs > 0) continue;
      // An MX without a reachable IPv6 address answers on IPv4 only.
      const ip = scenario.mxIpv6 === undefined ? scenario.smtp.ipv6 : scenario.smtp.ipv4;
      const connection = await lab.network.connect({ ip, port: 25 });
      const socket = connection.socket;
      const banner = (await readUntil(socket, smtpReply)).toString();
      expect(banner).toMatch(new RegExp(`^220 ${scenario.mx?.replace(/\./g, '\\.')} `));
      socket.write('EHLO scanner.test\r\n');
      const ehlo = (await readUntil(socket, smtpReply)).toString();
      expect([scenario.domain, /STARTTLS/.test(ehlo)]).toEqual([scenario.domain, scenario.starttls !== 'not-offered']);
      socket.write('STARTTLS\r\n');
      const answer = (await readUntil(socket, smtpReply)).toString().slice(0, 3);
      expect([scenario.domain, answer]).toEqual([
        scenario.domain,
        { offered: '220', refused: '454', 'not-offered': '502' }[scenario.starttls ?? 'not-offered'],
      ]);
      connection.close();
    }
  });

  it('gives node:tls clients the certificate verdicts each endpoint expects', async () => {
    for (const endpoint of tlsEndpoints()) {
      const expected = endpoint.tls;
      if (expected?.engine !== 'node') continue;
      const socket = await open(endpoint);
      const tls: TLSSocket = tlsConnect({
        socket,
        servername: endpoint.host,
        ca: lab.caPem,
        rejectUnauthorized: false,
        requestOCSP: true,
      } as never);
      let staple: Buffer | null = null;
      tls.on('OCSPResponse', (response: Buffer | null) => {
        staple = response;
      });
      await new Promise((resolve, reject) => {
        tls.once('secureConnect', resolve);
        tls.once('error', reject);
      });
      const error = tls.authorizationError as (Error & { code?: string }) | string | null;
      const code = error === null ? undefined : typeof error === 'string' ? error : (error.code ?? error.message);
      const certificate = expected.certificate;
      const wanted = certificate.chainError ?? (certificate.nameMatches ? undefined : 'ERR_TLS_CERT_ALTNAME_INVALID');
      expect([endpoint.host, code]).toEqual([endpoint.host, wanted]);
      expect([endpoint.host, staple !== null]).toEqual([endpoint.host, expected.ocspStaple !== null]);
      tls.destroy();
    }
  });

  it('accepts exactly the versions and suites each endpoint expects, as a raw-hello scanner enumerates them', async () => {
    await Promise.all(
      tlsEndpoints().map(async (endpoint) => {
        const expected = endpoint.tls;
        if (expected === undefined) return;
        for (const version of ['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const) {
          const accepted = await enumerate(endpoint, version);
          const wanted = expected.suites[version] ?? [];
          const order =
            expected.serverPreference === false
              ? (list: readonly number[]) => [...list].sort((a, b) => a - b)
              : (list: readonly number[]) => list;
          expect([endpoint.host, version, order(accepted)]).toEqual([endpoint.host, version, order(wanted)]);
          expect([endpoint.host, version, accepted.length > 0]).toEqual([endpoint.host, version, expected.versions.includes(version)]);
        }
      }),
    );
  });

  it('accepts exactly the named groups each endpoint expects', async () => {
    await Promise.all(
      tlsEndpoints().map(async (endpoint) => {
        const expected = endpoint.tls;
        if (expected === undefined) return;
        const ecdhe12 = (expected.suites['TLSv1.2'] ?? []).filter((s) => suiteHandshake(s).keyExchange === 'ecdhe');
        // At TLS 1.2 OpenSSL also needs an ECDSA certificate's curve among the client's groups, so
        // removing it would end the enumeration early; TLS 1.3 has no such tie.
        const version: LabTlsVersion = expected.versions.includes('TLSv1.3') || ecdhe12.length === 0 ? 'TLSv1.3' : 'TLSv1.2';
        const suites = version === 'TLSv1.2' ? ecdhe12 : (expected.suites['TLSv1.3'] ?? []);
        if (suites.length === 0) return;
        const accepted: number[] = [];
        let remaining = allGroups;
        while (remaining.length > 0) {
          // TLS 1.3: an empty key_share makes the server name its choice in a HelloRetryRequest.
          const flight = await hello(endpoint, {
            ...offerFor(version, suites),
            groups: remaining,
            ...(version === 'TLSv1.3' ? { keyShares: [] } : {}),
          });
          const group =
            version === 'TLSv1.2' ? flight.serverKeyExchange?.readUInt16BE(1) : flight.serverHello?.extensions?.get(51)?.readUInt16BE(0);
          if (group === undefined) break;
          accepted.push(group);
          remaining = remaining.filter((g) => g !== group);
        }
        const sorted = (list: readonly number[]) => [...list].sort((a, b) => a - b);
        expect([endpoint.host, version, sorted(accepted)]).toEqual([endpoint.host, version, sorted(expected.groups)]);
      }),
    );
  });

  it('shows the expected renegotiation_info, EMS, compression and SHA-1 key exchange at TLS ≤ 1.2', async () => {
    await Promise.all(
      tlsEndpoints().map(async (endpoint) => {
        const expected = endpoint.tls;
        if (expected === undefined) return;
        const best = [...expected.versions].reverse().find((v) => v !== 'TLSv1.3');
        if (best === undefined) {
          expect([endpoint.host, expected.secureRenegotiation, expected.extendedMasterSecret]).toEqual([endpoint.host, null, null]);
          return;
        }
        const suites = expected.suites[best] ?? [];
        const flight = await hello(endpoint, { ...offerFor(best, suites), compression: [1, 0] });
        const extensions = flight.serverHello?.extensions;
        expect([endpoint.host, extensions?.has(0xff01) ?? false]).toEqual([endpoint.host, expected.secureRenegotiation]);
        expect([endpoint.host, extensions?.has(0x0017) ?? false]).toEqual([endpoint.host, expected.extendedMasterSecret]);
        expect([endpoint.host, flight.serverHello?.compression === 1]).toEqual([endpoint.host, expected.compression]);
        if (expected.versions.includes('TLSv1.2')) {
          const signed = (expected.suites['TLSv1.2'] ?? []).filter((s) => suiteHandshake(s).keyExchange !== 'rsa');
          if (signed.length > 0) {
            const sha1 = await hello(endpoint, { ...offerFor('TLSv1.2', signed), signatureAlgorithms: [0x0201, 0x0203] });
            const ske = sha1.serverKeyExchange;
            let scheme: number | undefined;
            if (ske !== undefined) {
              const kex = suiteHandshake(sha1.serverHello?.suite ?? 0).keyExchange;
              const paramsLength = kex === 'ecdhe' ? 4 + (ske[3] as number) : dhParamsLength(ske);
              scheme = ske.readUInt16BE(paramsLength);
            }
            expect([endpoint.host, scheme === 0x0201 || scheme === 0x0203]).toEqual([endpoint.host, expected.sha1KeyExchange]);
          }
        }
      }),
    );
  });

  it('publishes TLSA records that match (or on purpose do not match) what each endpoint serves', async () => {
    const { validator } = lab.transports();
    for (const endpoint of tlsEndpoints()) {
      const expected = endpoint.tls;
      if (expected === undefined) continue;
      const name = `_${endpoint.port}._tcp.${endpoint.host}`;
      const result = await validator.validate(name, 'TLSA');
      if (expected.dane === 'bogus') {
        expect([name, result.status]).toEqual([name, 'bogus']);
        continue;
      }
      const published = result.records.filter((r) => r.data.type === 'TLSA').map((r) => r.data);
      expect([name, published.length]).toEqual([name, expected.tlsa.length]);
      if (expected.dane === 'none') continue;
      expect([name, result.status]).toEqual([name, expected.dane === 'insecure' ? 'insecure' : 'secure']);
      // Compare with what the server really sends: the chain of a TLS 1.2 handshake, or node's view of a TLS 1.3 one.
      const chain = expected.versions.includes('TLSv1.2')
        ? ((await hello(endpoint, offerFor('TLSv1.2', expected.suites['TLSv1.2'] ?? []))).certificates ?? [])
        : await nodeChain(endpoint);
      const matches = published.some((tlsa) =>
        chain.some((der, i) => {
          if (tlsa.type !== 'TLSA') return false;
          const fake = { der, spkiDer: spkiOf(der) } as Parameters<typeof tlsaFor>[0];
          const candidate = tlsaFor(fake, tlsa.usage as 1 | 2 | 3, tlsa.selector as 0 | 1, tlsa.matchingType as 1);
          // End-entity usages (PKIX-EE 1, DANE-EE 3) match the leaf; trust-anchor usages a certificate above it.
          return candidate.certificateData === tlsa.certificateData && (tlsa.usage === 3 || tlsa.usage === 1 ? i === 0 : i > 0);
        }),
      );
      expect([name, matches]).toEqual([name, expected.dane !== 'invalid']);
    }
  });

  it('handles client-initiated renegotiation as each HTTPS endpoint expects', async () => {
    for (const endpoint of tlsEndpoints()) {
      const expected = endpoint.tls;
      if (endpoint.service !== 'https' || expected?.engine !== 'node' || !expected.versions.includes('TLSv1.2')) continue;
      const socket = await open(endpoint);
      const tls = tlsConnect({ socket, servername: endpoint.host, rejectUnauthorized: false, maxVersion: 'TLSv1.2' });
      await new Promise((resolve) => tls.once('secureConnect', resolve));
      tls.on('data', () => {});
      tls.on('error', () => {});
      let done = 0;
      for (; done < 5; done++) {
        const ok = await new Promise<boolean>((resolve) => {
          if (!tls.renegotiate({ rejectUnauthorized: false }, (error) => resolve(error === null || error === undefined))) resolve(false);
          tls.once('close', () => resolve(false));
        });
        if (!ok) break;
      }
      tls.destroy();
      const wanted = { refused: 0, limited: 3, unlimited: 5 }[expected.clientRenegotiation ?? 'refused'];
      expect([endpoint.host, done]).toEqual([endpoint.host, wanted]);
    }
  });

  it('tarpits the mail-tarpit.test banner', async () => {
    const tarpit = lab.mail.find((m) => m.domain === 'mail-tarpit.test');
    const connection = await lab.network.connect({ ip: tarpit?.smtp?.ipv4 as string, port: 25 });
    const started = performance.now();
    const banner = await readUntil(connection.socket, smtpReply, 3_000);
    expect(banner.toString()).toMatch(/^220 /);
    expect(performance.now() - started).toBeGreaterThanOrEqual((tarpit?.bannerDelayMs ?? 0) - 20);
    connection.close();
  });
});

/** The chain node:tls received from an endpoint, leaf first (node may add the root it trusts). */
async function nodeChain(endpoint: LabServiceEndpoint): Promise<Buffer[]> {
  const socket = await open(endpoint);
  const tls = tlsConnect({ socket, servername: endpoint.host, rejectUnauthorized: false });
  await new Promise((resolve, reject) => {
    tls.once('secureConnect', resolve);
    tls.once('error', reject);
  });
  const chain: Buffer[] = [];
  for (
    let cert = tls.getPeerCertificate(true);
    cert?.raw !== undefined && !chain.some((c) => c.equals(cert.raw));
    cert = cert.issuerCertificate
  ) {
    chain.push(cert.raw);
  }
  tls.destroy();
  return chain;
}

/** The length of ServerDHParams at the start of a DHE ServerKeyExchange. */
function dhParamsLength(ske: Buffer): number {
  let at = 0;
  for (let i = 0; i < 3; i++) at += 2 + ske.readUInt16BE(at);
  return at;
}

/** The subjectPublicKeyInfo of a DER certificate (node parses it; export gives the SPKI back). */
function spkiOf(der: Buffer): Buffer {
  return new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
}
