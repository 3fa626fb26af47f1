import { describe, expect, it } from 'vitest';
import { labRpkiData } from './data.js';

describe('labRpkiData', () => {
  it('gives each /24 and /48 the routes and VRPs of its case', () => {
    const data = labRpkiData([
      { address: '192.0.2.1', case: 'valid', owner: 'a' },
      { address: '192.0.2.2', case: 'valid', owner: 'b' },
      { address: '2001:db8:f0::1', case: 'invalid-as', owner: 'c' },
      { address: '2001:db8:f2::1', case: 'invalid-length', owner: 'd' },
      { address: '2001:db8:f4::1', case: 'not-found', owner: 'e' },
      { address: '203.0.113.10', case: 'not-routed', owner: 'f' },
    ]);
    expect(data.routes).toEqual([
      { prefix: '192.0.2.0/24', origin: 64500 },
      { prefix: '2001:db8:f0::/48', origin: 64511 },
      { prefix: '2001:db8:f2::/48', origin: 64500 },
      { prefix: '2001:db8:f4::/48', origin: 64500 },
    ]);
    expect(data.vrps).toEqual([
      { prefix: '192.0.2.0/24', maxLength: 24, asn: 64500 },
      { prefix: '2001:db8:f0::/48', maxLength: 48, asn: 64500 },
      { prefix: '2001:db8:f2::/47', maxLength: 47, asn: 64500 },
      { prefix: '203.0.113.0/24', maxLength: 24, asn: 0 },
    ]);
  });

  it('refuses two cases for one prefix, and a shorter ROA that spoils a neighbour', () => {
    expect(() =>
      labRpkiData([
        { address: '192.0.2.1', case: 'valid', owner: 'a.test' },
        { address: '192.0.2.2', case: 'not-found', owner: 'b.test' },
      ]),
    ).toThrow(/192\.0\.2\.0\/24 is valid for a\.test but not-found for b\.test/);
    expect(() =>
      labRpkiData([
        { address: '2001:db8:f2::1', case: 'invalid-length', owner: 'a.test' },
        { address: '2001:db8:f3::1', case: 'not-found', owner: 'b.test' },
      ]),
    ).toThrow(/2001:db8:f3::\/48 of b\.test validates as invalid-length, not not-found/);
  });
});
