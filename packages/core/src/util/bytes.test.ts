import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, build, bytesEqual, concatBytes, fromBase64, fromHex, latin1, toBase64, toHex } from './bytes.js';

class TestFailure extends Error {}
const fail = (message: string): TestFailure => new TestFailure(message);

describe('ByteReader', () => {
  it('reads big-endian integers of every size and length-prefixed vectors', () => {
    const r = new ByteReader(Uint8Array.from([1, 0, 2, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 2, 9, 8]), fail);
    expect([r.u8(), r.u16(), r.uint(3), r.u32()]).toEqual([1, 2, 3, 0xffffffff]);
    expect(toHex(r.vector(1))).toBe('0908');
    r.end('test message');
  });

  it('throws the caller’s error when a read or a length runs past the end', () => {
    expect(() => new ByteReader(Uint8Array.from([0, 5, 1]), fail).vector(2)).toThrow(TestFailure);
    expect(() => new ByteReader(Uint8Array.from([1]), fail).uint(3)).toThrow(/truncated 24-bit field at offset 0/);
    expect(() => new ByteReader(Uint8Array.from([1, 2]), fail).seek(3)).toThrow(TestFailure);
  });

  it('throws the caller’s error for bytes left over, and not before', () => {
    const r = new ByteReader(Uint8Array.from([1, 2]), fail);
    r.u8();
    expect(() => r.end('hello')).toThrow(new TestFailure('1 bytes left over after hello'));
    r.u8();
    expect(() => r.end('hello')).not.toThrow();
  });

  it('keeps a narrowed read inside its limit until widened', () => {
    const r = new ByteReader(Uint8Array.from([1, 2, 3]), fail);
    const outer = r.narrow(1);
    r.u8();
    expect(() => r.u8()).toThrow(TestFailure);
    r.widen(outer);
    expect(r.rest()).toEqual(Uint8Array.from([2, 3]));
  });
});

describe('ByteWriter', () => {
  it('writes integers, vectors and patched lengths past its first allocation', () => {
    const w = new ByteWriter(16);
    w.u8(1).u16(0x0203).uint(0x040506, 3).u32(-1).vector(new Uint8Array(20).fill(7), 2);
    w.patchU16(1, 0xabcd);
    const bytes = w.toBytes();
    expect(toHex(bytes.subarray(0, 12))).toBe('01abcd040506ffffffff0014');
    expect(bytes.length).toBe(32);
    expect(() => w.vector(new Uint8Array(256), 1)).toThrow(RangeError);
  });

  it('round-trips hex and joins parts', () => {
    expect(toHex(build((w) => w.bytes(fromHex('00ff') ?? new Uint8Array())))).toBe('00ff');
    expect(fromHex('0g')).toBeUndefined();
    expect(fromHex('AbCd09')).toEqual(Uint8Array.from([0xab, 0xcd, 0x09]));
    expect(fromHex('')).toEqual(new Uint8Array());
    for (const bad of ['abc', 'g0', '00 0', '0\u0130', '\u00ff0', '-1']) expect(fromHex(bad)).toBeUndefined();
    expect(toHex(concatBytes([Uint8Array.from([1]), Uint8Array.from([2, 3])]))).toBe('010203');
  });
});

describe('text codecs without Buffer', () => {
  it('agree with Buffer on hex, base64 and Latin-1 for random bytes of every padding length', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const buffer = Buffer.from(bytes);
      expect(toHex(bytes)).toBe(buffer.toString('hex'));
      expect(fromHex(buffer.toString('hex').toUpperCase())).toEqual(bytes);
      expect(toBase64(bytes)).toBe(buffer.toString('base64'));
      expect(latin1(bytes)).toBe(buffer.toString('latin1'));
      expect(fromBase64(buffer.toString('base64'))).toEqual(bytes);
      // PEM bodies: line breaks and no padding are fine.
      const pemBody = buffer
        .toString('base64')
        .replace(/=+$/, '')
        .replace(/(.{8})/g, '$1\r\n');
      expect(fromBase64(pemBody)).toEqual(bytes);
    }
  });

  it('rejects base64 with a character outside the alphabet or an impossible length', () => {
    expect(fromBase64('ab$d')).toBeUndefined();
    expect(fromBase64('abcde')).toBeUndefined();
    expect(fromBase64('-_')).toBeUndefined();
  });

  it('compares bytes', () => {
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 2]))).toBe(true);
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 3]))).toBe(false);
    expect(bytesEqual(Uint8Array.from([1]), Uint8Array.from([1, 0]))).toBe(false);
  });
});
