import { describe, expect, it } from 'vitest';
import { classifyAddress, createAddressPolicy, parseAddress } from './address-policy.js';
import type { AddressCategory } from './network.js';

const table: ReadonlyArray<readonly [string, AddressCategory]> = [
  // IPv4, public
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['192.31.196.1', 'public'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  ['198.17.255.255', 'public'],
  ['198.20.0.0', 'public'],
  ['223.255.255.255', 'public'],
  // IPv4, special purpose
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'reserved'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.254', 'private'],
  ['192.168.1.1', 'private'],
  ['100.64.0.1', 'shared'],
  ['100.127.255.255', 'shared'],
  ['127.0.0.1', 'loopback'],
  ['127.255.0.9', 'loopback'],
  ['169.254.169.254', 'link-local'],
  ['192.0.0.8', 'reserved'],
  ['192.0.2.10', 'documentation'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.255', 'documentation'],
  ['192.88.99.1', 'reserved'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['224.0.0.251', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.254', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  // IPv6, public
  ['2001:4860:4860::8888', 'public'],
  ['2a00:1450:400e:80c::200e', 'public'],
  ['2A00:1450:400E:80C::200E', 'public'],
  ['2001:0200::1', 'public'],
  ['2620:4f:8000::1', 'public'],
  ['3ffe::1', 'public'],
  // IPv6, special purpose
  ['::', 'unspecified'],
  ['0:0:0:0:0:0:0:0', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::2', 'reserved'],
  ['::1.2.3.4', 'reserved'],
  ['100::1', 'reserved'],
  ['100:0:0:1::1', 'reserved'],
  ['2001::1', 'reserved'],
  ['2001:1::1', 'reserved'],
  ['2001:1ff:ffff::1', 'reserved'],
  ['2001:db8::1', 'documentation'],
  ['2001:DB8:0:0:8:800:200C:417A', 'documentation'],
  ['3fff::1', 'documentation'],
  ['3fff:0fff:ffff::1', 'documentation'],
  ['fc00::1', 'unique-local'],
  ['fd12:3456:789a::1', 'unique-local'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['FE80::ABCD%lo', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fec0::1', 'reserved'],
  ['ff02::1', 'multicast'],
  ['FF05::1:3', 'multicast'],
  ['4000::1', 'reserved'],
  // IPv4-mapped, NAT64 and 6to4: classified by the IPv4 address inside when that is special
  ['::ffff:8.8.8.8', 'ipv4-mapped'],
  ['::ffff:808:808', 'ipv4-mapped'],
  ['::FFFF:192.168.1.1', 'private'],
  ['::ffff:c0a8:101', 'private'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
  ['::ffff:0.0.0.0', 'unspecified'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['64:ff9b::8.8.8.8', 'nat64'],
  ['64:ff9b::10.0.0.1', 'private'],
  ['64:ff9b::7f00:1', 'loopback'],
  // The local-use prefix 64:ff9b:1::/48 (RFC 8215), read in every RFC 6052 format: the /48 one
  // puts the IPv4 octets in bytes 6-7 and 9-10, around the u-octet (byte 8)
  ['64:ff9b:1:7f00:0:100::', 'loopback'],
  ['64:ff9b:1:a00:0:100::', 'private'],
  ['64:ff9b:1:808:0:808::', 'nat64'],
  ['64:ff9b:1::7f00:1', 'loopback'],
  ['64:ff9b:1::808:808', 'nat64'],
  ['64:ff9b:1:0:7f:0:100:0', 'loopback'],
  ['64:ff9b:1:c0:a8:100:0:0', 'private'],
  ['64:ff9b:1::1', 'reserved'],
  ['2002:808:808::1', 'public'],
  ['2002:c0a8:101::1', 'private'],
  ['2002:7f00:1::', 'loopback'],
  ['2002:a9fe:a9fe::1', 'link-local'],
  // Not addresses at all
  ['', 'invalid'],
  ['localhost', 'invalid'],
  ['example.nl', 'invalid'],
  ['256.1.1.1', 'invalid'],
  ['1.2.3', 'invalid'],
  ['1.2.3.4.5', 'invalid'],
  ['010.0.0.1', 'invalid'],
  ['0x7f.0.0.1', 'invalid'],
  ['2130706433', 'invalid'],
  [' 8.8.8.8', 'invalid'],
  ['8.8.8.8 ', 'invalid'],
  ['8.8.8.8\n', 'invalid'],
  ['1.2.3.4%eth0', 'invalid'],
  ['[::1]', 'invalid'],
  ['::1:53', 'reserved'],
  ['[::1]:53', 'invalid'],
  ['1.2.3.4:80', 'invalid'],
  [':::', 'invalid'],
  ['1::2::3', 'invalid'],
  ['1:2:3:4:5:6:7:8:9', 'invalid'],
  ['1:2:3:4:5:6:7', 'invalid'],
  ['1::2:3:4:5:6:7:8', 'invalid'],
  ['12345::1', 'invalid'],
  ['g::1', 'invalid'],
  [':1::', 'invalid'],
  ['1:', 'invalid'],
  ['::ffff:1.2.3', 'invalid'],
  ['::ffff:01.2.3.4', 'invalid'],
  ['1.2.3.4::', 'invalid'],
  ['fe80::1%', 'invalid'],
  ['fe80::1%eth 0', 'invalid'],
  ['fe80::1%%eth0', 'invalid'],
  ['fe80::1%eth0%1', 'invalid'],
  ['١٢٧.0.0.1', 'invalid'],
  ['x'.repeat(10_000), 'invalid'],
];

describe('classifyAddress', () => {
  it.each(table)('classifies %s as %s', (ip, category) => {
    expect(classifyAddress(ip)).toBe(category);
  });

  it('covers every category with the table', () => {
    const seen = new Set(table.map(([, category]) => category));
    expect([...seen].sort()).toEqual(
      [
        'benchmarking',
        'broadcast',
        'documentation',
        'invalid',
        'ipv4-mapped',
        'link-local',
        'loopback',
        'multicast',
        'nat64',
        'private',
        'public',
        'reserved',
        'shared',
        'unique-local',
        'unspecified',
      ].sort(),
    );
  });

  it('treats values that are not strings as invalid', () => {
    expect(classifyAddress(undefined as unknown as string)).toBe('invalid');
    expect(classifyAddress(3232235777 as unknown as string)).toBe('invalid');
  });
});

describe('parseAddress', () => {
  it('gives bytes in network order and keeps the zone id', () => {
    expect(parseAddress('192.0.2.1')).toEqual({ family: 4, bytes: Uint8Array.of(192, 0, 2, 1), zone: undefined });
    const v6 = parseAddress('FE80::a:1.2.3.4%eth0');
    expect(v6?.family).toBe(6);
    expect(v6?.zone).toBe('eth0');
    expect([...(v6?.bytes ?? [])]).toEqual([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0a, 1, 2, 3, 4]);
    expect([...(parseAddress('1:2:3:4:5:6:7::')?.bytes ?? [])]).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0]);
  });
});

describe('createAddressPolicy', () => {
  it('allows only public addresses by default', () => {
    const policy = createAddressPolicy();
    expect(policy.check('8.8.8.8')).toEqual({ allowed: true, category: 'public' });
    expect(policy.check('2001:4860:4860::8888')).toEqual({ allowed: true, category: 'public' });
    for (const [ip, category] of table) {
      expect(policy.check(ip).allowed, ip).toBe(category === 'public');
    }
  });

  it('explains a refusal in a sentence that names the range', () => {
    const policy = createAddressPolicy();
    expect(policy.check('192.168.1.1')).toEqual({
      allowed: false,
      category: 'private',
      reason: '192.168.1.1 is a private address (RFC 1918); pastoe does not contact it unless allowed',
    });
    const mapped = policy.check('::ffff:10.1.2.3');
    expect(mapped.allowed).toBe(false);
    expect(!mapped.allowed && mapped.reason).toBe(
      '::ffff:10.1.2.3 is the IPv4-mapped form of 10.1.2.3, a private address (RFC 1918); pastoe does not contact it unless allowed',
    );
    const link = policy.check('fe80::1%eth0');
    expect(!link.allowed && link.reason).toContain('fe80::1%eth0 is a link-local address');
    const garbage = policy.check('evil.example\n');
    expect(garbage).toEqual({
      allowed: false,
      category: 'invalid',
      reason: '"evil.example\\n" is not an IP address; pastoe only contacts addresses written as IPv4 or IPv6 text',
    });
    const long = policy.check('a'.repeat(1000));
    expect(!long.allowed && long.reason.length).toBeLessThan(200);
  });

  it('allows exactly the listed categories', () => {
    const policy = createAddressPolicy({ allow: ['loopback', 'documentation'] });
    expect(policy.check('127.0.0.1')).toEqual({ allowed: true, category: 'loopback' });
    expect(policy.check('::1').allowed).toBe(true);
    expect(policy.check('192.0.2.10').allowed).toBe(true);
    expect(policy.check('2001:db8::10').allowed).toBe(true);
    expect(policy.check('8.8.8.8').allowed).toBe(false);
    expect(policy.check('10.0.0.1').allowed).toBe(false);
  });

  it('never lets a mapped or NAT64 private address through by allowing its wrapper', () => {
    const policy = createAddressPolicy({ allow: ['public', 'ipv4-mapped', 'nat64'] });
    expect(policy.check('::ffff:8.8.8.8')).toEqual({ allowed: true, category: 'ipv4-mapped' });
    expect(policy.check('64:ff9b::8.8.8.8')).toEqual({ allowed: true, category: 'nat64' });
    expect(policy.check('::ffff:192.168.0.1').allowed).toBe(false);
    expect(policy.check('::ffff:127.0.0.1').allowed).toBe(false);
    expect(policy.check('64:ff9b::a9fe:a9fe').allowed).toBe(false);
    expect(policy.check('2002:c0a8:1::1').allowed).toBe(false);
  });

  it('judges a local-use NAT64 address (RFC 8215) by the IPv4 address it wraps', () => {
    const policy = createAddressPolicy({ allow: ['public', 'nat64'] });
    // 127.0.0.1 and 10.0.0.1 in the /48 format: 7f00 and 0a00 in bits 48-63, the u-octet 0,
    // then 0001 across bits 72-87.
    expect(policy.check('64:ff9b:1:7f00:0:100::')).toEqual({
      allowed: false,
      category: 'loopback',
      reason:
        '64:ff9b:1:7f00:0:100:: is a local-use NAT64 address (RFC 8215) of 127.0.0.1, a loopback address (RFC 1122); pastoe does not contact it unless allowed',
    });
    expect(policy.check('64:ff9b:1:a00:0:100::')).toMatchObject({ allowed: false, category: 'private' });
    // 8.8.8.8 in the /48 format, and in a /96 inside the local-use prefix
    expect(policy.check('64:ff9b:1:808:0:808::')).toEqual({ allowed: true, category: 'nat64' });
    expect(policy.check('64:ff9b:1::808:808')).toEqual({ allowed: true, category: 'nat64' });
    // A translator with a /64 prefix reads 127.0.0.1 from bytes 9-12, one with a /56 prefix
    // 192.168.1.0 from bytes 7 and 9-11, whatever the /96 reading says
    expect(policy.check('64:ff9b:1:0:7f:0:100:0').allowed).toBe(false);
    expect(policy.check('64:ff9b:1:c0:a8:100::').allowed).toBe(false);
    expect(policy.check('64:ff9b:1::7f00:1').allowed).toBe(false);
    // Without nat64 allowed, even a public one stays closed, naming the prefix
    const publicOnly = createAddressPolicy();
    const refused = publicOnly.check('64:ff9b:1:808:0:808::');
    expect(refused).toMatchObject({ allowed: false, category: 'nat64' });
    expect(!refused.allowed && refused.reason).toMatch(/local-use NAT64 prefix \(RFC 8215\)/);
  });

  it('allows every valid address with allowAll but never invalid text', () => {
    const policy = createAddressPolicy({ allowAll: true });
    for (const [ip, category] of table) {
      expect(policy.check(ip).allowed, ip).toBe(category !== 'invalid');
    }
    expect(createAddressPolicy({ allow: ['invalid'] }).check('nonsense').allowed).toBe(false);
  });

  it('rejects a category that does not exist', () => {
    expect(() => createAddressPolicy({ allow: ['loopbak' as AddressCategory] })).toThrow(RangeError);
  });
});
