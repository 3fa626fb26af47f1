import { describe, expect, it } from 'vitest';
import { bindPsk, buildClientHello, buildSslv2ClientHello, type ClientHelloSpec, helloMessage, sniName } from './client-hello.js';
import {
  ExtensionType,
  RENEGOTIATION_SCSV,
  defaultGroups,
  defaultSignatureSchemes,
  legacySuiteCandidates,
  tls13Suites,
} from './constants.js';
import { parseClientHelloRecord } from './test-support/tls-builders.js';

const base: ClientHelloSpec = {
  version: 'TLSv1.2',
  suites: [0xc02f, 0xc030],
  serverName: 'example.test',
  groups: defaultGroups,
  signatureSchemes: defaultSignatureSchemes,
  profile: 'full',
  random: new Uint8Array(32).fill(1),
};

describe('buildClientHello', () => {
  it('builds a TLS 1.2 hello with the full profile', () => {
    const hello = parseClientHelloRecord(buildClientHello({ ...base, deflate: true }));
    expect(hello.recordVersion).toBe(0x0301);
    expect(hello.version).toBe(0x0303);
    expect(hello.suites).toEqual([0xc02f, 0xc030]);
    expect(hello.compression).toEqual([1, 0]);
    expect(hello.serverName).toBe('example.test');
    expect(hello.groups).toEqual([...defaultGroups]);
    expect(hello.signatureSchemes).toEqual([...defaultSignatureSchemes]);
    for (const type of [
      ExtensionType.ecPointFormats,
      ExtensionType.sessionTicket,
      ExtensionType.extendedMasterSecret,
      ExtensionType.statusRequest,
      ExtensionType.renegotiationInfo,
    ]) {
      expect(hello.extensions.has(type)).toBe(true);
    }
    expect(hello.extensions.has(ExtensionType.supportedVersions)).toBe(false);
    expect(hello.extensions.has(ExtensionType.keyShare)).toBe(false);
  });

  it('pads hellos of 256 to 511 bytes to 512 and avoids awkward lengths', () => {
    for (let n = 1; n <= 140; n++) {
      const suites = legacySuiteCandidates.slice(0, n);
      const hello = parseClientHelloRecord(buildClientHello({ ...base, suites }));
      expect(hello.messageLength < 256 || hello.messageLength >= 512).toBe(true);
      expect([10, 14]).not.toContain(hello.messageLength % 256);
    }
  });

  it('builds a TLS 1.3 hello with supported_versions, key_share and no compression', () => {
    const key = new Uint8Array(32).fill(5);
    const hello = parseClientHelloRecord(
      buildClientHello({
        ...base,
        version: 'TLSv1.3',
        suites: tls13Suites,
        keyShares: [{ group: 29, publicKey: key }],
        deflate: true,
        sessionId: new Uint8Array(32),
      }),
    );
    expect(hello.version).toBe(0x0303);
    expect(hello.supportedVersions).toEqual([0x0304]);
    expect(hello.keyShareGroups).toEqual([29]);
    expect(hello.compression).toEqual([0]);
    expect(hello.sessionId.length).toBe(32);
    expect(hello.extensions.has(ExtensionType.pskKeyExchangeModes)).toBe(true);
    expect(hello.extensions.has(ExtensionType.renegotiationInfo)).toBe(false);
  });

  it('resumes with a ticket: ALPN, early_data, and pre_shared_key last, after the padding', () => {
    const identity = new Uint8Array(100).fill(7);
    const record = buildClientHello({
      ...base,
      version: 'TLSv1.3',
      suites: [0x1301],
      keyShares: [{ group: 29, publicKey: new Uint8Array(32).fill(5) }],
      alpn: ['http/1.1'],
      psk: { identity, obfuscatedAge: 0x1_0000_0005, binderLength: 32 },
      earlyData: true,
    });
    const hello = parseClientHelloRecord(record);
    const types = [...hello.extensions.keys()];
    expect(types.at(-1)).toBe(ExtensionType.preSharedKey);
    expect(types.at(-2)).toBe(ExtensionType.padding);
    expect(hello.messageLength).toBe(512);
    expect(hello.extensions.get(ExtensionType.earlyData)).toEqual(new Uint8Array(0));
    expect(Buffer.from(hello.extensions.get(ExtensionType.alpn) ?? []).toString('latin1')).toBe('\x00\x09\x08http/1.1');
    // identities: one identity with its age (taken modulo 2^32); binders: one zero binder.
    const psk = Buffer.from(hello.extensions.get(ExtensionType.preSharedKey) ?? []);
    expect(psk.readUInt16BE(0)).toBe(2 + 100 + 4);
    expect(psk.subarray(4, 104)).toEqual(Buffer.from(identity));
    expect(psk.readUInt32BE(104)).toBe(5);
    expect(psk.subarray(108).toString('hex')).toBe(`002120${'00'.repeat(32)}`);
  });

  it('fills in the PSK binder over the hello up to the binders list', () => {
    const spec: ClientHelloSpec = {
      ...base,
      version: 'TLSv1.3',
      suites: [0x1301],
      keyShares: [],
      psk: { identity: Uint8Array.from([1, 2, 3]), obfuscatedAge: 9, binderLength: 48 },
    };
    const record = buildClientHello(spec);
    let covered: Uint8Array | undefined;
    const bound = bindPsk(record, 48, (partial) => {
      covered = Uint8Array.from(partial);
      return new Uint8Array(48).fill(0xab);
    });
    const message = helloMessage(record);
    expect(message[0]).toBe(1);
    expect(covered).toEqual(message.subarray(0, message.length - 51));
    expect(bound.subarray(0, bound.length - 48)).toEqual(record.subarray(0, record.length - 48));
    expect(Buffer.from(bound.subarray(bound.length - 48)).toString('hex')).toBe('ab'.repeat(48));
    expect(() => bindPsk(record, 48, () => new Uint8Array(32))).toThrow(RangeError);
  });

  it('sends neither early_data nor pre_shared_key below TLS 1.3 or without a ticket', () => {
    const psk = { identity: Uint8Array.from([1]), obfuscatedAge: 0, binderLength: 32 };
    const tls12 = parseClientHelloRecord(buildClientHello({ ...base, psk, earlyData: true }));
    expect(tls12.extensions.has(ExtensionType.preSharedKey)).toBe(false);
    expect(tls12.extensions.has(ExtensionType.earlyData)).toBe(false);
    const noTicket = parseClientHelloRecord(buildClientHello({ ...base, version: 'TLSv1.3', suites: tls13Suites, earlyData: true }));
    expect(noTicket.extensions.has(ExtensionType.earlyData)).toBe(false);
  });

  it('sends an empty key_share when asked to', () => {
    const hello = parseClientHelloRecord(buildClientHello({ ...base, version: 'TLSv1.3', suites: tls13Suites, keyShares: [] }));
    expect(hello.keyShareGroups).toEqual([]);
  });

  it('leaves out signature_algorithms before TLS 1.2', () => {
    const hello = parseClientHelloRecord(buildClientHello({ ...base, version: 'TLSv1.0' }));
    expect(hello.version).toBe(0x0301);
    expect(hello.signatureSchemes).toBeUndefined();
  });

  it('builds an SSLv3 hello without extensions, with the renegotiation SCSV', () => {
    const hello = parseClientHelloRecord(buildClientHello({ ...base, version: 'SSLv3' }));
    expect(hello.recordVersion).toBe(0x0300);
    expect(hello.version).toBe(0x0300);
    expect(hello.extensions.size).toBe(0);
    expect(hello.suites.at(-1)).toBe(RENEGOTIATION_SCSV);
  });

  it('drops uncommon extensions and DEFLATE in the minimal profile', () => {
    const hello = parseClientHelloRecord(buildClientHello({ ...base, profile: 'minimal', deflate: true }));
    expect(hello.extensions.has(ExtensionType.statusRequest)).toBe(false);
    expect(hello.extensions.has(ExtensionType.sessionTicket)).toBe(false);
    expect(hello.extensions.has(ExtensionType.padding)).toBe(false);
    expect(hello.extensions.has(ExtensionType.renegotiationInfo)).toBe(false);
    expect(hello.suites.at(-1)).toBe(RENEGOTIATION_SCSV);
    expect(hello.extensions.has(ExtensionType.extendedMasterSecret)).toBe(true);
  });

  it('sends no SNI for addresses', () => {
    expect(parseClientHelloRecord(buildClientHello({ ...base, serverName: '192.0.2.1' })).serverName).toBeUndefined();
    expect(parseClientHelloRecord(buildClientHello({ ...base, serverName: '2001:db8::1' })).serverName).toBeUndefined();
    expect(sniName('Example.TEST.')).toBe('Example.TEST');
    expect(sniName('bad name')).toBeUndefined();
    expect(sniName('')).toBeUndefined();
  });
});

describe('buildSslv2ClientHello', () => {
  it('builds a 2-byte-header SSLv2 CLIENT-HELLO', () => {
    const hello = buildSslv2ClientHello(new Uint8Array(16));
    expect((hello[0] as number) & 0x80).toBe(0x80);
    const length = (((hello[0] as number) & 0x7f) << 8) | (hello[1] as number);
    expect(length).toBe(hello.length - 2);
    expect(hello[2]).toBe(1);
    expect((hello[3] as number) * 256 + (hello[4] as number)).toBe(2);
  });
});
