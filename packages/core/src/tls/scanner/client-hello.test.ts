import { describe, expect, it } from 'vitest';
import { buildClientHello, buildSslv2ClientHello, type ClientHelloSpec, sniName } from './client-hello.js';
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
        keyShares: [{ group: 29, key }],
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
