import { describe, expect, it } from 'vitest';
import { build } from '../../util/bytes.js';
import { DecodeError } from './decode-error.js';
import {
  parseCertificateList,
  parseCertificateStatus,
  parseServerHello,
  parseServerKeyExchange,
  parseSslv2ServerHello,
} from './server-messages.js';
import { certificateMessage, certificateStatus, dheKeyExchange, ecdheKeyExchange, serverHello } from './test-support/tls-builders.js';

const body = (message: Uint8Array): Uint8Array => message.subarray(4);

describe('parseServerHello', () => {
  it('reads version, suite, compression and the extensions the scanner needs', () => {
    const hello = parseServerHello(
      body(serverHello({ version: 0x0303, suite: 0xc02f, compression: 1, renegotiationInfo: true, ems: true, statusRequest: true })),
    );
    expect(hello).toMatchObject({
      version: 0x0303,
      suite: 0xc02f,
      compression: 1,
      secureRenegotiation: true,
      extendedMasterSecret: true,
      statusRequest: true,
      helloRetry: false,
    });
  });
  it('takes the version from supported_versions and the group from key_share', () => {
    const hello = parseServerHello(body(serverHello({ version: 0x0303, suite: 0x1302, supportedVersion: 0x0304, keyShareGroup: 29 })));
    expect(hello).toMatchObject({ legacyVersion: 0x0303, version: 0x0304, keyShareGroup: 29, helloRetry: false });
  });
  it('recognises a HelloRetryRequest and its selected group', () => {
    const hello = parseServerHello(
      body(serverHello({ version: 0x0303, suite: 0x1301, supportedVersion: 0x0304, keyShareGroup: 24, helloRetry: true })),
    );
    expect(hello).toMatchObject({ helloRetry: true, keyShareGroup: 24, version: 0x0304 });
  });
  it('accepts a ServerHello without extensions (SSLv3)', () => {
    const hello = parseServerHello(body(serverHello({ version: 0x0300, suite: 0x000a, noExtensions: true })));
    expect(hello).toMatchObject({ version: 0x0300, secureRenegotiation: false, extensions: [] });
  });
  it('refuses truncated, padded and duplicated input', () => {
    const good = body(serverHello({ version: 0x0303, suite: 0xc02f, ems: true }));
    expect(() => parseServerHello(good.subarray(0, 20))).toThrow(DecodeError);
    expect(() => parseServerHello(Uint8Array.from([...good, 0]))).toThrow(DecodeError);
    const twice = body(serverHello({ version: 0x0303, suite: 0xc02f, ems: true, extra: [{ type: 0x0017, data: new Uint8Array(0) }] }));
    expect(() => parseServerHello(twice)).toThrow(/twice/);
  });
});

describe('parseServerKeyExchange', () => {
  it('reads an ECDHE group and the TLS 1.2 signature scheme', () => {
    expect(parseServerKeyExchange(body(ecdheKeyExchange(23, 0x0403)), true)).toEqual({
      kind: 'ecdhe',
      group: 23,
      signed: true,
      signatureScheme: 0x0403,
    });
  });
  it('reads an ECDHE group before TLS 1.2 (no scheme) and anonymous ECDH', () => {
    const old = build((w) => w.uint(3, 1).uint(24, 2).vector(new Uint8Array(97).fill(4), 1).vector(new Uint8Array(10), 2));
    expect(parseServerKeyExchange(old, false)).toEqual({ kind: 'ecdhe', group: 24, signed: true });
    const anon = build((w) => w.uint(3, 1).uint(29, 2).vector(new Uint8Array(32).fill(4), 1));
    expect(parseServerKeyExchange(anon, true)).toEqual({ kind: 'ecdhe', group: 29, signed: false });
  });
  it('reads DH prime, generator and size', () => {
    const prime = new Uint8Array(256).fill(0xff);
    const kex = parseServerKeyExchange(body(dheKeyExchange(Uint8Array.from([0, ...prime]), Uint8Array.from([2]), 0x0804)), true);
    expect(kex).toMatchObject({ kind: 'dhe', signed: true, signatureScheme: 0x0804, dh: { bits: 2048, generatorHex: '02' } });
    expect(kex?.dh?.primeHex).toBe('ff'.repeat(256));
  });
  it('reads a DHE key exchange whose prime length starts with 0x03 (6144 bits)', () => {
    const prime = new Uint8Array(768).fill(0xff);
    expect(parseServerKeyExchange(body(dheKeyExchange(prime, Uint8Array.from([2]), 0x0401)), true)).toMatchObject({
      kind: 'dhe',
      dh: { bits: 6144 },
    });
  });
  it('reads ECDHE after a PSK identity hint', () => {
    const inner = body(ecdheKeyExchange(29, undefined));
    const withHint = build((w) => w.vector(Uint8Array.from([1, 2, 3]), 2).bytes(inner));
    expect(parseServerKeyExchange(withHint, true)).toMatchObject({ kind: 'ecdhe', group: 29, signed: false });
  });
  it('gives undefined for structures it cannot explain', () => {
    expect(parseServerKeyExchange(Uint8Array.from([9, 9, 9]), true)).toBeUndefined();
    expect(parseServerKeyExchange(new Uint8Array(0), true)).toBeUndefined();
  });
});

describe('certificates and status', () => {
  it('reads the chain in order and refuses empty entries and too many', () => {
    const a = Uint8Array.from([0x30, 1, 2]);
    const b = Uint8Array.from([0x30, 3, 4, 5]);
    expect(parseCertificateList(body(certificateMessage([a, b])), 16).map((c) => [...c])).toEqual([[...a], [...b]]);
    expect(() => parseCertificateList(body(certificateMessage([a, new Uint8Array(0)])), 16)).toThrow(DecodeError);
    expect(() => parseCertificateList(body(certificateMessage([a, b, a])), 2)).toThrow(/more than 2/);
  });
  it('reads a stapled OCSP response', () => {
    expect([...parseCertificateStatus(body(certificateStatus(Uint8Array.from([1, 2, 3]))))]).toEqual([1, 2, 3]);
    expect(() => parseCertificateStatus(Uint8Array.from([2, 0, 0, 0]))).toThrow(DecodeError);
  });
});

describe('parseSslv2ServerHello', () => {
  it('reads version and cipher kinds', () => {
    const message = Uint8Array.from([4, 0, 1, 0, 2, 0, 2, 0, 6, 0, 1, 0xaa, 0xbb, 0x01, 0x00, 0x80, 0x07, 0x00, 0xc0, 0x55]);
    expect(parseSslv2ServerHello(message)).toEqual({ version: 2, cipherKinds: [0x010080, 0x0700c0] });
  });
  it('refuses other messages and bad lengths', () => {
    expect(() => parseSslv2ServerHello(Uint8Array.from([0, 0, 1]))).toThrow(DecodeError);
    expect(() => parseSslv2ServerHello(Uint8Array.from([4, 0, 1, 0, 2, 0, 0, 0, 4, 0, 0, 1, 2, 3, 4]))).toThrow(DecodeError);
  });
});
