/**
 * pastoe's RPKI sources and route origin probes against the lab's RIPEstat-like and
 * Routinator-like servers on loopback: what each source returns for each RPKI case, the probes'
 * evidence, the checks' verdicts without sources and with failing ones, and the address policy.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webNsRpkiValid, webProbes, webRpkiExists, webRpkiValid } from '@pastoe/checks-web';
import {
  createHttpClient,
  createNodeNetwork,
  createRipestatRouteSource,
  createRoutinatorVrpSource,
  createStaticRouteSource,
  createStaticVrpSource,
  loadVrpExportFile,
  parseVrpExport,
  ProbeFailure,
  type RpkiSourceContext,
  scan,
} from '@pastoe/core';
import { type Lab, type LabRpkiServerMode, labRpkiData, startLab, startRpkiServers } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
let context: RpkiSourceContext;
beforeAll(async () => {
  lab = await startLab();
  const transports = lab.transports();
  context = { signal: new AbortController().signal, http: transports.http, resolver: transports.resolver };
});
afterAll(() => lab?.close());

const failureOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return error instanceof ProbeFailure ? error.code : `not a ProbeFailure: ${String(error)}`;
  }
  return 'no failure';
};

describe('the RIPEstat route source against the lab', () => {
  it('gives the routes of a valid, a hijacked and an unrouted prefix', async () => {
    const routes = createRipestatRouteSource({ baseUrl: lab.rpki.ripestatUrl });
    expect(await routes.routesFor('192.0.2.0/24', context)).toEqual([{ prefix: '192.0.2.0/24', origin: 64500 }]);
    expect(await routes.routesFor('2001:db8:f0::/48', context)).toEqual([{ prefix: '2001:db8:f0::/48', origin: 64511 }]);
    expect(await routes.routesFor('203.0.113.0/24', context)).toEqual([]);
  });

  it('goes through the scan network: the default address policy refuses the loopback server', async () => {
    const http = createHttpClient({ network: createNodeNetwork(), trust: lab.trust });
    try {
      const routes = createRipestatRouteSource({ baseUrl: lab.rpki.ripestatUrl });
      expect(await failureOf(routes.routesFor('192.0.2.0/24', { ...context, http }))).toBe('forbidden-address');
    } finally {
      await http.close();
    }
  });
});

describe('the Routinator VRP source against the lab', () => {
  it('gives the covering VRPs, AS0 ones included', async () => {
    const vrps = createRoutinatorVrpSource({ baseUrl: lab.rpki.routinatorUrl });
    expect(await vrps.vrpsCovering('192.0.2.0/24', context)).toEqual([{ prefix: '192.0.2.0/24', maxLength: 24, asn: 64500 }]);
    expect(await vrps.vrpsCovering('2001:db8:f2::/48', context)).toEqual([{ prefix: '2001:db8:f2::/47', maxLength: 47, asn: 64500 }]);
    expect(await vrps.vrpsCovering('2001:db8:f4::/48', context)).toEqual([]);
    expect(await vrps.vrpsCovering('203.0.113.0/24', context)).toEqual([{ prefix: '203.0.113.0/24', maxLength: 24, asn: 0 }]);
  });

  it('serves the same VRPs as a JSON export that parseVrpExport and loadVrpExportFile read', async () => {
    const response = await lab.transports().http.request({ url: `${lab.rpki.routinatorUrl}/json`, ip: '127.0.0.1' });
    if (!response.ok) throw new Error(response.error.message);
    const text = new TextDecoder().decode(response.response.body);
    expect(parseVrpExport(text)).toEqual({ vrps: lab.rpki.data.vrps, skipped: 0 });
    const directory = await mkdtemp(join(tmpdir(), 'pastoe-vrps-'));
    try {
      const file = join(directory, 'vrps.json');
      await writeFile(file, text);
      const source = await loadVrpExportFile(file);
      expect(await source.vrpsCovering('2001:db8:f0::/48', context)).toEqual([{ prefix: '2001:db8:f0::/48', maxLength: 48, asn: 64500 }]);
      await expect(loadVrpExportFile(file, { maxBytes: 10 })).rejects.toThrow(RangeError);
    } finally {
      await rm(directory, { recursive: true });
    }
  });
});

describe('the RPKI sources against failing servers', () => {
  const cases: readonly [LabRpkiServerMode, string][] = [
    ['error-500', 'protocol'],
    ['not-json', 'malformed'],
    ['huge', 'too-large'],
    ['stall', 'timeout'],
  ];
  it.each(cases)('turn a %s server into a typed %s failure, in bounded time', async (mode, code) => {
    const servers = await startRpkiServers({ host: '127.0.0.1', data: labRpkiData([]), mode });
    try {
      const started = performance.now();
      const routes = createRipestatRouteSource({ baseUrl: servers.ripestatUrl, timeoutMs: 500 });
      const vrps = createRoutinatorVrpSource({ baseUrl: servers.routinatorUrl, timeoutMs: 500 });
      expect(await failureOf(routes.routesFor('192.0.2.0/24', context))).toBe(code);
      expect(await failureOf(vrps.vrpsCovering('192.0.2.0/24', context))).toBe(code);
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      await servers.close();
    }
  });

  it('make the RPKI checks an error, never a failure of the domain', async () => {
    const servers = await startRpkiServers({ host: '127.0.0.1', data: lab.rpki.data, mode: 'error-500' });
    try {
      const transports = {
        ...lab.transports({ rpki: false }),
        rpki: {
          routes: createRipestatRouteSource({ baseUrl: servers.ripestatUrl }),
          vrps: createRoutinatorVrpSource({ baseUrl: servers.routinatorUrl }),
        },
      };
      const report = await scan('modern.test', { checks: [webRpkiExists, webRpkiValid, webNsRpkiValid], probes: webProbes, transports });
      expect(report.verdicts.map((v) => [v.check, v.status, v.outcome])).toEqual([
        ['web-rpki-exists', 'error', 'validator-error'],
        ['web-rpki-valid', 'error', 'validator-error'],
        ['web-ns-rpki-valid', 'error', 'validator-error'],
      ]);
    } finally {
      await servers.close();
    }
  });
});

describe('the route origin probes against the lab', () => {
  it('leave the RPKI checks not tested, with the reason, when the scan has no RPKI sources', async () => {
    const report = await scan('modern.test', {
      checks: [webRpkiExists, webRpkiValid, webNsRpkiValid],
      probes: webProbes,
      transports: lab.transports({ rpki: false }),
    });
    expect(report.verdicts.map((v) => [v.status, v.outcome])).toEqual([
      ['not-tested', 'not-tested'],
      ['not-tested', 'not-tested'],
      ['not-tested', 'not-tested'],
    ]);
    expect(report.verdicts[0]?.findings[0]?.id).toBe('web-rpki-exists.no-source');
  });

  it('gather every web address and every name server address, and judge the name servers with the sources given', async () => {
    const transports = {
      ...lab.transports({ rpki: false }),
      rpki: {
        // The lab name server's IPv6 /48 announced by the wrong AS; everything else from the lab's data.
        routes: createStaticRouteSource([
          ...lab.rpki.data.routes.filter((r) => r.prefix !== '2001:db8::/48'),
          { prefix: '2001:db8::/48', origin: 64666 },
        ]),
        vrps: createStaticVrpSource(lab.rpki.data.vrps),
      },
    };
    const report = await scan('rpki-not-found.test', {
      checks: [webRpkiExists, webRpkiValid, webNsRpkiValid],
      probes: webProbes,
      transports,
    });
    const byCheck = new Map(report.verdicts.map((v) => [v.check, v]));
    expect(byCheck.get('web-rpki-valid')?.outcome).toBe('bad');
    const ipv4 = lab.web.find((scenario) => scenario.domain === 'rpki-not-found.test')?.ipv4;
    expect(byCheck.get('web-rpki-exists')?.facts).toEqual({
      addresses: [
        {
          address: '2001:db8:f4::1',
          prefix: '2001:db8:f4::/48',
          roaExists: false,
          routing: [{ origin: 'AS64500', route: '2001:db8:f4::/48', state: 'not-found' }],
        },
        { address: ipv4, prefix: '192.0.2.0/24', roaExists: true, routing: [{ origin: 'AS64500', route: '192.0.2.0/24', state: 'valid' }] },
      ],
    });
    const ns = byCheck.get('web-ns-rpki-valid');
    expect([ns?.status, ns?.outcome]).toEqual(['fail', 'invalid']);
    expect(ns?.findings).toEqual([
      {
        id: 'web-ns-rpki-valid.invalid-as',
        params: { address: '2001:db8::53', route: '2001:db8::/48', origin: 'AS64666' },
      },
    ]);
    const nsEvidence = report.evidence.find((e) => e.probe === 'ns-route-origin');
    expect(nsEvidence?.ok && nsEvidence.data).toMatchObject({
      zone: 'rpki-not-found.test',
      nameServers: [
        { name: 'ns1.rpki-not-found.test', ipv4: ['192.0.2.53'], ipv6: ['2001:db8::53'] },
        { name: 'ns2.rpki-not-found.test', ipv4: ['192.0.2.54'], ipv6: ['2001:db8:53::53'] },
      ],
    });
  });

  it("uses a parent zone's name servers for a name without its own, as Internet.nl strips labels", async () => {
    const report = await scan('www.modern.test', { checks: [webNsRpkiValid], probes: webProbes, transports: lab.transports() });
    const nsEvidence = report.evidence.find((e) => e.probe === 'ns-route-origin');
    expect(nsEvidence?.ok && nsEvidence.data).toMatchObject({ zone: 'modern.test' });
    expect(report.verdicts[0]?.outcome).toBe('good');
  });
});
