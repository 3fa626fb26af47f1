import { describe, expect, it } from 'vitest';
import { parseSessionFacts } from './session.js';

function tlv(tag: number, content: Uint8Array): Uint8Array {
  // Minimal DER lengths: short form below 128, then one or two length bytes.
  const length =
    content.length < 128
      ? [content.length]
      : content.length < 256
        ? [0x81, content.length]
        : [0x82, content.length >> 8, content.length & 0xff];
  return Uint8Array.from([tag, ...length, ...content]);
}
const int = (n: number): Uint8Array => tlv(0x02, n < 128 ? Uint8Array.from([n]) : Uint8Array.from([0x00, ...[(n >> 8) & 0xff, n & 0xff]]));
const seq = (...parts: Uint8Array[]): Uint8Array => tlv(0x30, Uint8Array.from(parts.flatMap((p) => [...p])));

describe('parseSessionFacts', () => {
  it('reads max_early_data [15] and the ticket [10]', () => {
    const der = seq(
      int(1),
      int(0x0304),
      tlv(0x04, Uint8Array.from([0x13, 0x02])),
      tlv(0xaa, tlv(0x04, new Uint8Array(200).fill(1))),
      tlv(0xaf, int(16384)),
    );
    expect(parseSessionFacts(der)).toEqual({ ticket: true, maxEarlyData: 16384 });
  });
  it('reads a ticket longer than 255 bytes', () => {
    expect(parseSessionFacts(seq(int(1), tlv(0xaa, tlv(0x04, new Uint8Array(1000).fill(2)))))).toEqual({ ticket: true, maxEarlyData: 0 });
  });
  it('refuses lengths DER forbids', () => {
    // 0x82 0x00 0x05: a two-byte length for five bytes.
    expect(parseSessionFacts(Uint8Array.from([0x30, 0x82, 0x00, 0x05, 0x02, 0x01, 0x01, 0x02, 0x00]))).toBeUndefined();
    expect(parseSessionFacts(Uint8Array.from([0x30, 0x80, 0x00, 0x00]))).toBeUndefined();
  });
  it('reads 0 when [15] is absent', () => {
    expect(parseSessionFacts(seq(int(1), int(0x0304)))).toEqual({ ticket: false, maxEarlyData: 0 });
  });
  it('refuses what does not parse', () => {
    expect(parseSessionFacts(Uint8Array.from([0x30, 0x05, 0x02]))).toBeUndefined();
    expect(parseSessionFacts(Uint8Array.from([0x04, 0x00]))).toBeUndefined();
    expect(parseSessionFacts(seq(tlv(0xaf, tlv(0x04, Uint8Array.from([1])))))).toBeUndefined();
    expect(parseSessionFacts(new Uint8Array(0))).toBeUndefined();
  });
  it('never throws on random bytes', () => {
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      const bytes = Uint8Array.from({ length: i % 60 }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed & 0xff;
      });
      if (i % 3 === 0 && bytes.length > 2) {
        bytes[0] = 0x30;
        bytes[1] = bytes.length - 2;
      }
      expect(() => parseSessionFacts(bytes)).not.toThrow();
    }
  });
});
