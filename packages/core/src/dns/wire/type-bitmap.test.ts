import { describe, expect, it } from 'vitest';
import { malformedWire } from './errors.js';
import { decodeMessage, encodeMessage } from './message.js';
import { ByteReader, toHex } from '../../util/bytes.js';
import { bitmapHasType, readTypeBitmap, typeBitmapOctets, typeBitmapOf, typesInBitmap } from './type-bitmap.js';

/** Every type number set: all 256 windows of 32 octets, the largest bitmap the format allows. */
const fullBitmap = Array.from({ length: 256 }, (_, window) => `${toHex(Uint8Array.of(window, 32))}${'ff'.repeat(32)}`).join('');

describe('NSEC/NSEC3 type bitmaps', () => {
  it('encodes types into windows and reads them back in type order', () => {
    // RFC 4034 §4.3: A MX RRSIG NSEC TYPE1234.
    const bitmap = typeBitmapOf(['RRSIG', 'TYPE1234', 'A', 'NSEC', 'mx', 'A']);
    expect(bitmap).toBe(`0006400100000003041b${'00'.repeat(26)}20`);
    expect(typesInBitmap(bitmap)).toEqual(['A', 'MX', 'RRSIG', 'NSEC', 'TYPE1234']);
    expect(typeBitmapOf([1, 15, 46, 47, 1234])).toBe(bitmap);
    expect(typeBitmapOf([])).toBe('');
    expect(typesInBitmap('')).toEqual([]);
  });

  it('answers one type without expanding the bitmap', () => {
    const bitmap = typeBitmapOf(['A', 'CAA', 'TYPE65535']);
    expect(bitmapHasType(bitmap, 'A')).toBe(true);
    expect(bitmapHasType(bitmap, 257)).toBe(true);
    expect(bitmapHasType(bitmap, 'TYPE65535')).toBe(true);
    expect(bitmapHasType(bitmap, 'AAAA')).toBe(false);
    expect(bitmapHasType(bitmap, 258)).toBe(false);
    expect(bitmapHasType(bitmap, 'TYPE65534')).toBe(false);
    expect(bitmapHasType(bitmap, 'NOT-A-TYPE' as never)).toBe(false);
    expect(bitmapHasType(typeBitmapOctets(bitmap), 'CAA')).toBe(true);
  });

  it('round-trips the largest bitmap through the wire and names all 65,536 types on demand', () => {
    const encoded = encodeMessage({
      id: 1,
      flags: { qr: true },
      question: [{ name: 'example', type: 'NSEC' }],
      answers: [{ name: 'example', ttl: 60, data: { type: 'NSEC', nextDomain: 'a.example', typeBitmap: fullBitmap } }],
    });
    const decoded = decodeMessage(encoded);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const data = decoded.message.answers[0]?.data;
    expect(data).toEqual({ type: 'NSEC', nextDomain: 'a.example', typeBitmap: fullBitmap });
    if (data?.type !== 'NSEC') throw new Error('not NSEC');
    expect(bitmapHasType(data.typeBitmap, 'TYPE0')).toBe(true);
    expect(bitmapHasType(data.typeBitmap, 'TYPE65535')).toBe(true);
    const types = typesInBitmap(data.typeBitmap);
    expect(types).toHaveLength(65_536);
    expect(types.slice(0, 3)).toEqual(['TYPE0', 'A', 'NS']);
    expect(typeBitmapOf(types)).toBe(fullBitmap);
  });

  it('rejects malformed bitmaps when decoding and encoding, and reads them as naming nothing', () => {
    const bad = {
      'windows out of order': '010140000140',
      'a repeated window': '000140000120',
      'an empty window': '0000',
      'a window over 32 octets': `0021${'00'.repeat(33)}`,
      'a window cut short': '000340',
      'a lone window number': '00',
    };
    for (const [problem, hex] of Object.entries(bad)) {
      const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
      expect(() => readTypeBitmap(new ByteReader(bytes, malformedWire)), problem).toThrow(/type bitmap/);
      expect(() => typeBitmapOctets(hex), problem).toThrow(/type bitmap/);
      expect(typesInBitmap(hex), problem).toEqual([]);
      expect(bitmapHasType(hex, 'A'), problem).toBe(false);
    }
    expect(() => typeBitmapOctets('zz')).toThrow(/not hex/);
    expect(() => typeBitmapOf(['NOPE'])).toThrow(/unknown record type/);
    expect(() => typeBitmapOf([65_536])).toThrow(/unknown record type/);
  });
});
