import { describe, expect, it } from 'vitest';
import {
  formatPrefix,
  parseIpAddress,
  parsePrefix,
  prefixAddress,
  prefixContains,
  prefixOf,
  routedPrefixOf,
  unwrapIpv4Mapped,
} from './prefix.js';

const prefix = (text: string) => {
  const parsed = parsePrefix(text);
  if (parsed === undefined) throw new Error(`test prefix ${text} does not parse`);
  return parsed;
};

describe('parseIpAddress', () => {
  it('reads IPv4 and IPv6 in their usual spellings', () => {
    expect(parseIpAddress('192.0.2.1')).toEqual({ family: 4, value: 0xc0000201n });
    expect(parseIpAddress('2001:DB8::1')).toEqual({ family: 6, value: (0x20010db8n << 96n) | 1n });
    expect(parseIpAddress('::')).toEqual({ family: 6, value: 0n });
    expect(parseIpAddress('::ffff:192.0.2.1')).toEqual({ family: 6, value: (0xffffn << 32n) | 0xc0000201n });
    expect(parseIpAddress('1:2:3:4:5:6:7:8')?.value).toBe(0x00010002000300040005000600070008n);
  });

  it.each([
    '',
    '192.0.2',
    '192.0.2.256',
    '192.0.2.01',
    ' 192.0.2.1',
    '2001:db8::1::2',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    '2001:db8::g',
    'fe80::1%eth0',
    '[2001:db8::1]',
    'example.test',
    '1.2.3.4:1:2',
    'a'.repeat(100),
  ])('refuses %j', (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
  });
});

describe('parsePrefix and formatPrefix', () => {
  it('reads prefixes and writes them canonically', () => {
    expect(formatPrefix(prefix('192.0.2.0/24'))).toBe('192.0.2.0/24');
    expect(formatPrefix(prefix('2001:0DB8:0000::/32'))).toBe('2001:db8::/32');
    expect(formatPrefix(prefix('0.0.0.0/0'))).toBe('0.0.0.0/0');
    expect(formatPrefix(prefix('::/0'))).toBe('::/0');
    // RFC 5952: the longest zero run is compressed, the first of equal ones.
    expect(formatPrefix(prefix('2001:db8:0:0:1:0:0:0/80'))).toBe('2001:db8:0:0:1::/80');
    expect(formatPrefix(prefix('2001:db8:0:0:1:0:0:1/128'))).toBe('2001:db8::1:0:0:1/128');
    expect(formatPrefix(prefix('2001:db8:0:1:0:0:0:1/128'))).toBe('2001:db8:0:1::1/128');
    expect(formatPrefix(prefix('1:2:3:4:5:6:7:8/128'))).toBe('1:2:3:4:5:6:7:8/128');
    expect(prefixAddress(prefix('198.51.100.128/25'))).toBe('198.51.100.128');
  });

  it.each([
    '192.0.2.1/24',
    '192.0.2.0/33',
    '2001:db8::/129',
    '192.0.2.0',
    '192.0.2.0/',
    '192.0.2.0/024',
    '192.0.2.0/x',
    '2001:db8::1/64',
    '/24',
  ])('refuses %j (host bits set, length out of range, malformed)', (text) => {
    expect(parsePrefix(text)).toBeUndefined();
  });
});

describe('prefixContains', () => {
  it('holds for equal and less specific prefixes of the same family only', () => {
    expect(prefixContains(prefix('192.0.2.0/24'), prefix('192.0.2.0/24'))).toBe(true);
    expect(prefixContains(prefix('192.0.0.0/16'), prefix('192.0.2.0/24'))).toBe(true);
    expect(prefixContains(prefix('0.0.0.0/0'), prefix('203.0.113.0/24'))).toBe(true);
    expect(prefixContains(prefix('192.0.2.0/24'), prefix('192.0.0.0/16'))).toBe(false);
    expect(prefixContains(prefix('192.0.2.0/24'), prefix('192.0.3.0/24'))).toBe(false);
    expect(prefixContains(prefix('192.0.2.0/25'), prefix('192.0.2.128/25'))).toBe(false);
    expect(prefixContains(prefix('2001:db8::/32'), prefix('2001:db8:443::/48'))).toBe(true);
    expect(prefixContains(prefix('2001:db8:1::/48'), prefix('2001:db8:443::/48'))).toBe(false);
    expect(prefixContains(prefix('::/0'), prefix('192.0.2.0/24'))).toBe(false);
    expect(prefixContains(prefix('0.0.0.0/0'), prefix('::/0'))).toBe(false);
  });
});

describe('routedPrefixOf', () => {
  it('truncates IPv4 to /24 and IPv6 to /48', () => {
    expect(routedPrefixOf('192.0.2.100')).toEqual(prefix('192.0.2.0/24'));
    expect(routedPrefixOf('2001:db8:443:ffff::1')).toEqual(prefix('2001:db8:443::/48'));
  });

  it('unwraps an IPv4-mapped IPv6 address first', () => {
    expect(routedPrefixOf('::ffff:198.51.100.7')).toEqual(prefix('198.51.100.0/24'));
    expect(routedPrefixOf('::ffff:c633:6407')).toEqual(prefix('198.51.100.0/24'));
    // ::1.2.3.4 (IPv4-compatible, deprecated) is not mapped: it stays IPv6.
    expect(routedPrefixOf('::198.51.100.7')?.family).toBe(6);
  });

  it('gives nothing for a non-address', () => {
    expect(routedPrefixOf('not an address')).toBeUndefined();
  });
});

describe('prefixOf and unwrapIpv4Mapped', () => {
  it('clears host bits and refuses lengths out of range', () => {
    const address = parseIpAddress('192.0.2.255');
    if (address === undefined) throw new Error('unreachable');
    expect(formatPrefix(prefixOf(address, 25))).toBe('192.0.2.128/25');
    expect(formatPrefix(prefixOf(address, 0))).toBe('0.0.0.0/0');
    expect(() => prefixOf(address, 33)).toThrow(RangeError);
    expect(() => prefixOf(address, -1)).toThrow(RangeError);
  });

  it('leaves other addresses alone', () => {
    const v6 = parseIpAddress('2001:db8::1');
    if (v6 === undefined) throw new Error('unreachable');
    expect(unwrapIpv4Mapped(v6)).toBe(v6);
  });
});
