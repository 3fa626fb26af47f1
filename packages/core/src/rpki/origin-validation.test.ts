import { describe, expect, it } from 'vitest';
import { coveringVrps, isValidVrp, parseAsn, validateOrigin, type Vrp } from './origin-validation.js';
import { parsePrefix } from './prefix.js';

const vrp = (prefix: string, maxLength: number, asn: number): Vrp => ({ prefix, maxLength, asn });

describe('validateOrigin (RFC 6811)', () => {
  const vrps = [vrp('192.0.2.0/24', 24, 64500), vrp('198.51.100.0/22', 24, 64501)];

  it('is not-found when no VRP covers the route', () => {
    expect(validateOrigin({ prefix: '203.0.113.0/24', origin: 64500 }, vrps)).toBe('not-found');
    expect(validateOrigin({ prefix: '192.0.0.0/16', origin: 64500 }, vrps)).toBe('not-found');
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 64500 }, [])).toBe('not-found');
  });

  it('is valid when a covering VRP names the origin and allows the length', () => {
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 64500 }, vrps)).toBe('valid');
    expect(validateOrigin({ prefix: '198.51.101.0/24', origin: 64501 }, vrps)).toBe('valid');
    expect(validateOrigin({ prefix: '198.51.100.0/23', origin: 64501 }, vrps)).toBe('valid');
  });

  it('is invalid-as when covering VRPs allow the length but name another AS', () => {
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 64999 }, vrps)).toBe('invalid-as');
  });

  it('is invalid-length when the route is longer than maxLength', () => {
    expect(validateOrigin({ prefix: '192.0.2.0/25', origin: 64500 }, vrps)).toBe('invalid-length');
    expect(validateOrigin({ prefix: '198.51.100.0/25', origin: 64501 }, vrps)).toBe('invalid-length');
    // Too long for every VRP and of another AS: the length decides, as Routinator reports it.
    expect(validateOrigin({ prefix: '192.0.2.0/25', origin: 64999 }, vrps)).toBe('invalid-length');
  });

  it('lets one matching VRP among overlapping ones make the route valid', () => {
    const overlapping = [vrp('192.0.0.0/16', 16, 64999), vrp('192.0.2.0/24', 24, 64998), vrp('192.0.2.0/23', 25, 64500)];
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 64500 }, overlapping)).toBe('valid');
    expect(validateOrigin({ prefix: '192.0.2.0/25', origin: 64500 }, overlapping)).toBe('valid');
    expect(validateOrigin({ prefix: '192.0.2.0/26', origin: 64500 }, overlapping)).toBe('invalid-length');
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 64997 }, overlapping)).toBe('invalid-as');
  });

  it('never validates with an AS0 VRP (RFC 6483, RFC 7607)', () => {
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 64500 }, [vrp('192.0.2.0/24', 32, 0)])).toBe('invalid-as');
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 0 }, [vrp('192.0.2.0/24', 24, 0)])).toBe('invalid-as');
    // AS0 next to a real authorisation: the real one still validates its own origin.
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 64500 }, [vrp('192.0.2.0/24', 24, 0), vrp('192.0.2.0/24', 24, 64500)])).toBe(
      'valid',
    );
  });

  it('ignores VRPs with maxLength below the prefix length or beyond the address length', () => {
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 64500 }, [vrp('192.0.2.0/24', 23, 64500)])).toBe('not-found');
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 64500 }, [vrp('192.0.2.0/24', 33, 64500)])).toBe('not-found');
    expect(validateOrigin({ prefix: '192.0.2.0/24', origin: 64500 }, [vrp('192.0.2.1/24', 24, 64500)])).toBe('not-found');
  });

  it('validates IPv6 routes and keeps the families apart', () => {
    const v6 = [vrp('2001:db8::/32', 48, 64500), vrp('0.0.0.0/0', 128, 64501)];
    expect(validateOrigin({ prefix: '2001:db8:443::/48', origin: 64500 }, v6)).toBe('valid');
    expect(validateOrigin({ prefix: '2001:db8:443::/49', origin: 64500 }, v6)).toBe('invalid-length');
    expect(validateOrigin({ prefix: '2001:db8:443::/48', origin: 64501 }, v6)).toBe('invalid-as');
    expect(validateOrigin({ prefix: '2001:db9::/48', origin: 64500 }, v6)).toBe('not-found');
    expect(validateOrigin({ prefix: '2001:0db8:0443::/48', origin: 64500 }, [vrp('2001:DB8:443::/48', 48, 64500)])).toBe('valid');
  });

  it('refuses a malformed route', () => {
    expect(() => validateOrigin({ prefix: '192.0.2.1/24', origin: 64500 }, vrps)).toThrow(TypeError);
    expect(() => validateOrigin({ prefix: '192.0.2.0/24', origin: -1 }, vrps)).toThrow(TypeError);
    expect(() => validateOrigin({ prefix: '192.0.2.0/24', origin: 2 ** 32 }, vrps)).toThrow(TypeError);
  });
});

describe('coveringVrps, isValidVrp and parseAsn', () => {
  it('lists the well-formed VRPs that cover a prefix', () => {
    const target = parsePrefix('192.0.2.0/24');
    if (target === undefined) throw new Error('unreachable');
    const list = [vrp('192.0.0.0/16', 24, 1), vrp('192.0.2.0/25', 25, 2), vrp('192.0.2.0/24', 20, 3), vrp('192.0.2.0/24', 24, 4)];
    expect(coveringVrps(target, list).map((v) => v.asn)).toEqual([1, 4]);
  });

  it('checks VRP bounds', () => {
    expect(isValidVrp(vrp('192.0.2.0/24', 24, 64500))).toBe(true);
    expect(isValidVrp(vrp('2001:db8::/32', 128, 4_294_967_295))).toBe(true);
    expect(isValidVrp(vrp('192.0.2.0/24', 24.5, 64500))).toBe(false);
    expect(isValidVrp(vrp('192.0.2.0/24', 24, 2 ** 32))).toBe(false);
    expect(isValidVrp(vrp('not a prefix', 24, 1))).toBe(false);
  });

  it('reads AS numbers as numbers, digits or AS-prefixed text', () => {
    expect(parseAsn(64500)).toBe(64500);
    expect(parseAsn('64500')).toBe(64500);
    expect(parseAsn('AS64500')).toBe(64500);
    expect(parseAsn('as0')).toBe(0);
    expect(parseAsn('AS4294967295')).toBe(4_294_967_295);
    for (const bad of ['AS4294967296', 'AS-1', 'AS 1', '', 'ASN1', -1, 1.5, null, {}]) expect(parseAsn(bad)).toBeUndefined();
  });
});
