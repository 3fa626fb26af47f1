import { describe, expect, it } from 'vitest';
import { ProbeFailure } from '../../model/evidence.js';
import { parseRipestatNetworkInfo } from './ripestat.js';
import { parseRoutinatorValidity } from './routinator.js';
import { createStaticRouteSource, createStaticVrpSource } from './static.js';
import { parseVrpExport } from './vrp-export.js';

const failureCode = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof ProbeFailure ? error.code : `not a ProbeFailure: ${String(error)}`;
  }
  return undefined;
};

describe('parseRipestatNetworkInfo', () => {
  it('reads the prefix and every origin AS', () => {
    const body = { status: 'ok', data: { asns: ['64500', 64501], prefix: '192.0.2.0/24' } };
    expect(parseRipestatNetworkInfo(body)).toEqual([
      { prefix: '192.0.2.0/24', origin: 64500 },
      { prefix: '192.0.2.0/24', origin: 64501 },
    ]);
  });

  it('reads an unrouted address as no routes', () => {
    expect(parseRipestatNetworkInfo({ status: 'ok', data: { asns: [], prefix: null } })).toEqual([]);
    expect(parseRipestatNetworkInfo({ status: 'ok', data: { asns: [] } })).toEqual([]);
  });

  it('fails typed on anything unexpected', () => {
    expect(failureCode(() => parseRipestatNetworkInfo({ status: 'error', data: {} }))).toBe('malformed');
    expect(failureCode(() => parseRipestatNetworkInfo([]))).toBe('malformed');
    expect(failureCode(() => parseRipestatNetworkInfo({ data: { asns: 'AS1', prefix: '192.0.2.0/24' } }))).toBe('malformed');
    expect(failureCode(() => parseRipestatNetworkInfo({ data: { asns: ['1'], prefix: '192.0.2.1/24' } }))).toBe('malformed');
    expect(failureCode(() => parseRipestatNetworkInfo({ data: { asns: ['AS-1'], prefix: '192.0.2.0/24' } }))).toBe('malformed');
    const many = Array.from({ length: 65 }, (_, i) => String(i + 1));
    expect(failureCode(() => parseRipestatNetworkInfo({ data: { asns: many, prefix: '192.0.2.0/24' } }))).toBe('too-large');
  });
});

describe('parseRoutinatorValidity', () => {
  it('collects the VRPs of all three lists, max_length as text or number', () => {
    const body = {
      validated_route: {
        route: { origin_asn: 'AS0', prefix: '192.0.2.0/24' },
        validity: {
          state: 'invalid',
          reason: 'as',
          VRPs: {
            matched: [],
            unmatched_as: [{ asn: 'AS64500', prefix: '192.0.2.0/24', max_length: '24' }],
            unmatched_length: [{ asn: 'AS64501', prefix: '192.0.0.0/16', max_length: 16 }],
          },
        },
      },
      generatedTime: '2026-01-01T00:00:00Z',
    };
    expect(parseRoutinatorValidity(body)).toEqual([
      { prefix: '192.0.2.0/24', maxLength: 24, asn: 64500 },
      { prefix: '192.0.0.0/16', maxLength: 16, asn: 64501 },
    ]);
  });

  it('fails typed on anything unexpected', () => {
    expect(failureCode(() => parseRoutinatorValidity({ validated_routes: [] }))).toBe('malformed');
    expect(failureCode(() => parseRoutinatorValidity({ validated_route: { validity: { VRPs: { matched: 'x' } } } }))).toBe('malformed');
    const bad = { validated_route: { validity: { VRPs: { matched: [{ asn: 'AS1', prefix: '192.0.2.0/24', max_length: 'x' }] } } } };
    expect(failureCode(() => parseRoutinatorValidity(bad))).toBe('malformed');
    const many = Array.from({ length: 1001 }, () => ({ asn: 'AS1', prefix: '192.0.2.0/24', max_length: 24 }));
    expect(failureCode(() => parseRoutinatorValidity({ validated_route: { validity: { VRPs: { matched: many } } } }))).toBe('too-large');
  });
});

describe('parseVrpExport', () => {
  it('reads rpki-client and Routinator exports, skipping entries that are no VRP', () => {
    const text = JSON.stringify({
      metadata: { generated: 0 },
      roas: [
        { asn: 'AS64500', prefix: '192.0.2.0/24', maxLength: 24, ta: 'ripe' },
        { asn: 64501, prefix: '2001:db8::/32', maxLength: 48, ta: 'arin', expires: 1 },
        { asn: 'AS64502', prefix: '192.0.2.0/24', maxLength: 20 },
        { asn: 'ASX', prefix: '192.0.2.0/24', maxLength: 24 },
        'garbage',
      ],
    });
    expect(parseVrpExport(text)).toEqual({
      vrps: [
        { prefix: '192.0.2.0/24', maxLength: 24, asn: 64500 },
        { prefix: '2001:db8::/32', maxLength: 48, asn: 64501 },
      ],
      skipped: 3,
    });
  });

  it('refuses documents that are no export, or too large', () => {
    expect(() => parseVrpExport('{"vrps": []}')).toThrow(TypeError);
    expect(() => parseVrpExport('[]')).toThrow(TypeError);
    expect(() => parseVrpExport('not json')).toThrow(SyntaxError);
    expect(() => parseVrpExport({ roas: [{}, {}, {}] }, { maxEntries: 2 })).toThrow(/more than 2/);
  });
});

describe('static sources', () => {
  const context = {} as never;

  it('answer with the routes and VRPs that cover the prefix', async () => {
    const routes = createStaticRouteSource([
      { prefix: '192.0.2.0/24', origin: 64500 },
      { prefix: '192.0.0.0/16', origin: 64501 },
      { prefix: '192.0.2.0/25', origin: 64502 },
      { prefix: '2001:db8::/32', origin: 64503 },
    ]);
    expect(await routes.routesFor('192.0.2.0/24', context)).toEqual([
      { prefix: '192.0.2.0/24', origin: 64500 },
      { prefix: '192.0.0.0/16', origin: 64501 },
    ]);
    expect(await routes.routesFor('2001:db8:1::/48', context)).toEqual([{ prefix: '2001:db8::/32', origin: 64503 }]);
    const vrps = createStaticVrpSource([
      { prefix: '192.0.2.0/24', maxLength: 24, asn: 64500 },
      { prefix: '192.0.2.0/25', maxLength: 25, asn: 64500 },
    ]);
    expect(await vrps.vrpsCovering('192.0.2.0/24', context)).toEqual([{ prefix: '192.0.2.0/24', maxLength: 24, asn: 64500 }]);
  });

  it('refuse malformed data when made', () => {
    expect(() => createStaticRouteSource([{ prefix: '192.0.2.1/24', origin: 1 }])).toThrow(TypeError);
    expect(() => createStaticRouteSource([{ prefix: '192.0.2.0/24', origin: -1 }])).toThrow(TypeError);
    expect(() => createStaticVrpSource([{ prefix: '192.0.2.0/24', maxLength: 23, asn: 1 }])).toThrow(TypeError);
  });
});
