import { describe, expect, it } from 'vitest';
import type { ProbeContext, Transports } from '../model/probe.js';
import { createStaticRouteSource, createStaticVrpSource } from '../rpki/sources/static.js';
import type { RpkiSources } from '../rpki/types.js';
import { createScanCaches } from '../runner/caches.js';
import { probeRouteOrigin } from './route-origin.probe.js';

/** Static sources that count the questions they are asked, and fail while `failing` is set. */
function countingSources() {
  const routes = createStaticRouteSource([{ prefix: '192.0.2.0/24', origin: 64500 }]);
  const vrps = createStaticVrpSource([{ prefix: '192.0.2.0/24', maxLength: 24, asn: 64500 }]);
  const asked = { routes: 0, vrps: 0 };
  const state = { failing: false };
  const sources: RpkiSources = {
    routes: {
      description: routes.description,
      routesFor: (prefix, context) => {
        asked.routes += 1;
        if (state.failing) return Promise.reject(new Error('the route source is down'));
        return routes.routesFor(prefix, context);
      },
    },
    vrps: {
      description: vrps.description,
      vrpsCovering: (prefix, context) => {
        asked.vrps += 1;
        return vrps.vrpsCovering(prefix, context);
      },
    },
  };
  return { sources, asked, state };
}

function contextWith(sources: RpkiSources, caches = createScanCaches()): ProbeContext {
  return {
    target: { domain: 'example.test', input: 'example.test' },
    signal: new AbortController().signal,
    transports: { rpki: sources } as Partial<Transports> as Transports,
    caches,
    settings: { ehloName: 'scanner.test', userAgent: 'test', tlsSharing: 'address' },
    now: () => new Date(),
    evidence: () => Promise.reject(new Error('not used')),
    evidenceList: () => Promise.reject(new Error('not used')),
  };
}

describe('probeRouteOrigin across scans that share caches', () => {
  it('asks the sources once per prefix, and each address gets its own evidence', async () => {
    const { sources, asked } = countingSources();
    const caches = createScanCaches();
    const [one, two, three] = await Promise.all([
      probeRouteOrigin('192.0.2.10', contextWith(sources, caches)),
      probeRouteOrigin('192.0.2.20', contextWith(sources, caches)),
      probeRouteOrigin('192.0.2.10', contextWith(sources, caches)),
    ]);
    expect(asked).toEqual({ routes: 1, vrps: 1 });
    expect(one).toMatchObject({ address: '192.0.2.10', prefix: '192.0.2.0/24', routes: [{ prefix: '192.0.2.0/24', origin: 64500 }] });
    expect(two?.address).toBe('192.0.2.20');
    expect(three).toEqual(one);
    // Other caches (another run) ask again.
    await probeRouteOrigin('192.0.2.10', contextWith(sources));
    expect(asked).toEqual({ routes: 2, vrps: 2 });
  });

  it('keeps no failure: the next scan asks again', async () => {
    const { sources, asked, state } = countingSources();
    const caches = createScanCaches();
    state.failing = true;
    await expect(probeRouteOrigin('192.0.2.10', contextWith(sources, caches))).rejects.toThrow('down');
    state.failing = false;
    await expect(probeRouteOrigin('192.0.2.10', contextWith(sources, caches))).resolves.toMatchObject({ address: '192.0.2.10' });
    expect(asked.routes).toBe(2);
  });
});
