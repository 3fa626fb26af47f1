import { describe, expect, it } from 'vitest';
import { addressRpkiReport, type RouteOriginEvidence, roaExistenceReport, routeValidityReport } from './report.js';

const sources = { routes: 'static routes', vrps: 'static VRPs' };
const evidence = (address: string, prefix: string, routes: RouteOriginEvidence['routes'], vrps: RouteOriginEvidence['vrps']) => ({
  address,
  prefix,
  routes,
  vrps,
  sources,
});

const valid = evidence(
  '192.0.2.1',
  '192.0.2.0/24',
  [{ prefix: '192.0.2.0/24', origin: 64500 }],
  [{ prefix: '192.0.2.0/24', maxLength: 24, asn: 64500 }],
);
const validV6 = evidence(
  '2001:db8::1',
  '2001:db8::/48',
  [{ prefix: '2001:db8::/32', origin: 64500 }],
  [{ prefix: '2001:db8::/32', maxLength: 48, asn: 64500 }],
);
const wrongAs = evidence('192.0.2.2', '192.0.2.0/24', [{ prefix: '192.0.2.0/24', origin: 64999 }], valid.vrps);
const tooLong = evidence(
  '198.51.100.1',
  '198.51.100.0/24',
  [{ prefix: '198.51.100.0/24', origin: 64500 }],
  [{ prefix: '198.51.100.0/22', maxLength: 22, asn: 64500 }],
);
const notFound = evidence('203.0.113.1', '203.0.113.0/24', [{ prefix: '203.0.113.0/24', origin: 64500 }], []);
const unroutedWithRoa = evidence('203.0.113.9', '203.0.113.0/24', [], [{ prefix: '203.0.113.0/24', maxLength: 24, asn: 0 }]);
const unroutedWithoutRoa = evidence('203.0.113.10', '203.0.113.0/24', [], []);

describe('addressRpkiReport', () => {
  it('lists every route with its state, as Internet.nl shows it', () => {
    const both = evidence(
      '192.0.2.1',
      '192.0.2.0/24',
      [
        { prefix: '192.0.2.0/24', origin: 64500 },
        { prefix: '192.0.0.0/16', origin: 64501 },
      ],
      valid.vrps,
    );
    expect(addressRpkiReport(both)).toEqual({
      address: '192.0.2.1',
      prefix: '192.0.2.0/24',
      routes: [
        { route: '192.0.2.0/24', origin: 'AS64500', state: 'valid' },
        { route: '192.0.0.0/16', origin: 'AS64501', state: 'not-found' },
      ],
      // One of its routes has a ROA.
      roaExists: true,
    });
  });

  it('looks for ROAs of the /24 or /48 itself when the address has no route', () => {
    expect(addressRpkiReport(unroutedWithRoa).roaExists).toBe(true);
    expect(addressRpkiReport(unroutedWithoutRoa).roaExists).toBe(false);
  });

  it('leaves out routes from hostile or damaged evidence instead of throwing', () => {
    const damaged = evidence(
      '192.0.2.1',
      '192.0.2.0/24',
      [
        { prefix: '192.0.2.1/24', origin: 64500 },
        { prefix: '192.0.2.0/24', origin: -5 },
      ],
      [],
    );
    expect(addressRpkiReport(damaged).routes).toEqual([]);
  });
});

describe('roaExistenceReport', () => {
  it('is good when a ROA covers every address, even an invalid or unrouted one', () => {
    expect(roaExistenceReport([valid, validV6, wrongAs, tooLong, unroutedWithRoa])).toMatchObject({ outcome: 'good', withoutRoa: [] });
  });

  it('is bad when any address lacks a ROA', () => {
    expect(roaExistenceReport([valid, notFound, unroutedWithoutRoa])).toMatchObject({
      outcome: 'bad',
      withoutRoa: ['203.0.113.1', '203.0.113.10'],
    });
  });

  it('is no-addresses without addresses', () => {
    expect(roaExistenceReport([]).outcome).toBe('no-addresses');
  });
});

describe('routeValidityReport', () => {
  it('is good when every route of every address is valid, unrouted addresses aside', () => {
    expect(routeValidityReport([valid, validV6, unroutedWithoutRoa])).toMatchObject({ outcome: 'good', invalid: [], notFound: [] });
  });

  it('is invalid when any route is invalid, for a wrong AS or a too long prefix, over not-found', () => {
    expect(routeValidityReport([valid, wrongAs])).toMatchObject({ outcome: 'invalid', invalid: ['192.0.2.2'] });
    expect(routeValidityReport([tooLong, notFound])).toMatchObject({
      outcome: 'invalid',
      invalid: ['198.51.100.1'],
      notFound: ['203.0.113.1'],
    });
  });

  it('is bad when a route is not-found and none is invalid', () => {
    expect(routeValidityReport([valid, notFound])).toMatchObject({ outcome: 'bad', notFound: ['203.0.113.1'] });
  });

  it('is not-routed when no address has a route, or there are no addresses', () => {
    expect(routeValidityReport([unroutedWithRoa, unroutedWithoutRoa]).outcome).toBe('not-routed');
    expect(routeValidityReport([]).outcome).toBe('not-routed');
  });

  it('counts every overlapping announcement: one invalid origin spoils a valid one', () => {
    const moas = evidence(
      '192.0.2.1',
      '192.0.2.0/24',
      [
        { prefix: '192.0.2.0/24', origin: 64500 },
        { prefix: '192.0.2.0/24', origin: 64666 },
      ],
      valid.vrps,
    );
    expect(routeValidityReport([moas]).outcome).toBe('invalid');
  });
});
