import { describe, expect, it } from 'vitest';
import { DnsWireError, malformedWire } from './errors.js';
import { canonicalName, nameToWire, parseName, presentName, readName } from './names.js';
import { ByteReader, toHex } from '../../util/bytes.js';

const text = (labels: readonly Uint8Array[]): string[] => labels.map((l) => new TextDecoder().decode(l));

describe('parseName', () => {
  it('lowercases, drops a trailing dot and treats "" and "." as the root', () => {
    expect(text(parseName('WWW.Example.COM.'))).toEqual(['www', 'example', 'com']);
    expect(parseName('')).toEqual([]);
    expect(parseName('.')).toEqual([]);
  });

  it('converts IDNs with punycode', () => {
    expect(canonicalName('Bücher.example')).toBe('xn--bcher-kva.example');
    expect(canonicalName('ü.')).toBe('xn--tda');
  });

  it('keeps ASCII names as they are (no IPv4 rewriting of numeric labels)', () => {
    expect(canonicalName('0x7f.1')).toBe('0x7f.1');
    expect(canonicalName('_25._tcp.mail.example')).toBe('_25._tcp.mail.example');
    expect(canonicalName('*.example')).toBe('*.example');
  });

  it('honours escapes', () => {
    const labels = parseName('a\\.b.c\\032d\\\\.');
    expect(labels.map((l) => Array.from(l))).toEqual([
      [0x61, 0x2e, 0x62],
      [0x63, 0x20, 0x64, 0x5c],
    ]);
    expect(presentName(labels)).toBe('a\\.b.c\\032d\\\\');
    expect(canonicalName(presentName(labels))).toBe(presentName(labels));
  });

  it.each([
    ['a..b', 'empty label'],
    ['.a', 'empty label'],
    ['a b.example', 'space'],
    ['a\tb', 'control'],
    [`${'a'.repeat(64)}.example`, 'label over 63'],
    [Array.from({ length: 128 }, () => 'a').join('.'), 'over 255 octets'],
    ['bad\\999.example', 'escape out of range'],
    ['trailing\\', 'dangling escape'],
    ['bad\\2.example', 'short decimal escape'],
    ['xn--.\u00ad\u0000', 'invalid IDN'],
  ])('refuses %j (%s) as invalid-name', (name) => {
    expect(() => parseName(name)).toThrow(DnsWireError);
    try {
      parseName(name);
    } catch (caught) {
      expect((caught as DnsWireError).code).toBe('invalid-name');
    }
  });

  it('accepts a name of exactly 255 octets and 63-octet labels', () => {
    // 4 labels of 63 plus length octets = 256 > 255; 3×63 + 61 = 253 text octets, 255 on the wire.
    const name = ['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(61)].join('.');
    expect(nameToWire(parseName(name)).length).toBe(255);
    expect(() => parseName(`${name}d`)).toThrow(DnsWireError);
  });
});

describe('readName', () => {
  const message = (...parts: number[]): Uint8Array => Uint8Array.from(parts);
  const header = new Array<number>(12).fill(0);

  it('follows a backwards pointer and expands it in the wire form, keeping case', () => {
    // offset 12: 3 "Foo" 3 "com" 0 ; offset 21: 3 "www" ptr->12
    const bytes = message(...header, 3, 0x46, 0x6f, 0x6f, 3, 0x63, 0x6f, 0x6d, 0, 3, 0x77, 0x77, 0x77, 0xc0, 12);
    const reader = new ByteReader(bytes, malformedWire, 21);
    const name = readName(reader);
    expect(presentName(name.labels)).toBe('www.foo.com');
    expect(toHex(name.wire)).toBe('03777777' + '03466f6f' + '03636f6d' + '00');
    expect(reader.offset).toBe(bytes.length);
  });

  it.each<[string, number[], number]>([
    ['a pointer to itself', [...header, 0xc0, 12], 12],
    ['a forward pointer', [...header, 0xc0, 14, 1, 0x61, 0], 12],
    // 16: pointer to 12, label "a", then a pointer at 14 back to 16: a loop, refused as forward.
    ['a pointer loop', [...header, 1, 0x61, 0xc0, 16, 0xc0, 12], 16],
    ['a pointer into the header', [...header, 0xc0, 2], 12],
    ['a truncated pointer', [...header, 0xc0], 12],
    ['a truncated label', [...header, 5, 0x61, 0x62], 12],
    ['a missing terminator', [...header, 1, 0x61], 12],
    ['a label longer than 63 octets (0x41, a reserved label type)', [...header, 0x41, 0], 12],
    ['a reserved label type 0x80', [...header, 0x81, 0], 12],
  ])('refuses %s as malformed', (_what, parts, start) => {
    const reader = new ByteReader(Uint8Array.from(parts), malformedWire, start);
    expect(() => readName(reader)).toThrow(expect.objectContaining({ code: 'malformed' }));
  });

  it('refuses names longer than 255 octets built from pointers', () => {
    // Each block adds a 63-octet label pointing to the previous block; the fifth is over 255.
    const bytes: number[] = [...header];
    let previous = -1;
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      starts.push(bytes.length);
      bytes.push(63, ...new Array<number>(63).fill(0x61));
      if (previous < 0) bytes.push(0);
      else bytes.push(0xc0 | (previous >> 8), previous & 0xff);
      previous = starts[i] ?? 0;
    }
    const ok = new ByteReader(Uint8Array.from(bytes), malformedWire, starts[2]);
    expect(readName(ok).wire.length).toBe(3 * 64 + 1);
    const tooLong = new ByteReader(Uint8Array.from(bytes), malformedWire, starts[4]);
    expect(() => readName(tooLong)).toThrow(/longer than 255/);
  });

  it('refuses more than 127 labels', () => {
    const bytes = [...header];
    for (let i = 0; i < 128; i++) bytes.push(1, 0x61);
    bytes.push(0);
    expect(() => readName(new ByteReader(Uint8Array.from(bytes), malformedWire, 12))).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
  });

  it('does not read past a narrowed limit', () => {
    const bytes = Uint8Array.from([...header, 3, 0x61, 0x62, 0x63, 0]);
    const reader = new ByteReader(bytes, malformedWire, 12);
    reader.narrow(3);
    expect(() => readName(reader)).toThrow(/truncated/);
  });

  it('escapes binary labels in presentation form', () => {
    expect(presentName([Uint8Array.from([0x00, 0x2e, 0x41, 0xff])])).toBe('\\000\\.a\\255');
  });
});
