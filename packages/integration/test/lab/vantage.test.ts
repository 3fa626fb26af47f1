/**
 * The website checks from a broken vantage point: offline, behind the lying resolver, and from
 * the healthy lab, where pastoe's own time limit is still its failure and not the domain's.
 */
import { webDnssecExists, webDnssecValid, webProbes } from '@pastoe/checks-web';
import { createServer } from 'node:net';
import { createNodeNetwork, createResolver, createValidator, scan } from '@pastoe/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, type LyingResolver, startLab, startLyingResolver } from '@pastoe/lab';

/** The website's DNSSEC checks: every check of this test depends on pastoe's resolver. */
const dnssecChecks = [webDnssecExists, webDnssecValid];

let lab: Lab;
let liar: LyingResolver;
let closedPort: number;

/** A loopback port that nothing listens on: bound, noted and closed again. */
async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 1;
}

beforeAll(async () => {
  [lab, liar, closedPort] = await Promise.all([startLab({ services: false }), startLyingResolver(), closedLoopbackPort()]);
});
afterAll(async () => {
  await Promise.all([lab?.close(), liar?.close()]);
});

const verdictsOf = (report: Awaited<ReturnType<typeof scan>>): string[][] => report.verdicts.map((v) => [v.check, v.status, v.outcome]);

describe('the website checks and pastoe’s vantage point', () => {
  it('offline (every connection refused): error/vantage naming the resolvers, within seconds', async () => {
    // Every connection, the configured DoH resolvers' included, goes to a closed loopback port.
    const network = createNodeNetwork({ map: () => ({ ip: '127.0.0.1', port: closedPort }) });
    const started = performance.now();
    const report = await scan('example.nl', { checks: dnssecChecks, probes: webProbes, transports: { network } });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(verdictsOf(report)).toEqual([
      ['web-dnssec-exists', 'error', 'vantage'],
      ['web-dnssec-valid', 'error', 'vantage'],
    ]);
    for (const verdict of report.verdicts) {
      expect(verdict.findings[0]).toMatchObject({
        id: 'vantage.resolver',
        params: { code: 'network', resolver: expect.stringContaining('https://dns.google/dns-query') },
      });
    }
  });

  it('behind a resolver that answers NXDOMAIN to everything: error/vantage, never pass or bogus', async () => {
    const resolver = createResolver(liar.resolverUrl, { network: lab.network, retries: 0 });
    try {
      const validator = createValidator({ resolver, trustAnchors: lab.trustAnchors });
      const report = await scan('secure-ecdsa.test', {
        checks: dnssecChecks,
        probes: webProbes,
        transports: { network: lab.network, resolver, validator },
      });
      expect(verdictsOf(report)).toEqual([
        ['web-dnssec-exists', 'error', 'vantage'],
        ['web-dnssec-valid', 'error', 'vantage'],
      ]);
      expect(report.verdicts[0]?.findings[0]?.params).toMatchObject({ code: 'nxdomain', resolver: liar.resolverUrl });
    } finally {
      await resolver.close();
    }
  });

  it('from the healthy lab: the vantage holds; a zone that never answers is pastoe’s timeout, SERVFAIL is the domain’s', async () => {
    const transports = lab.transports({ timeoutMs: 300 });
    const silent = await scan('timeout.test', { checks: dnssecChecks, probes: webProbes, transports });
    expect(silent.vantage?.ok).toBe(true);
    expect(verdictsOf(silent)).toEqual([
      ['web-dnssec-exists', 'error', 'error'],
      ['web-dnssec-valid', 'error', 'error'],
    ]);
    expect(silent.verdicts[0]?.error).toMatchObject({ source: 'check', code: 'timeout' });
    const failing = await scan('servfail.test', { checks: dnssecChecks, probes: webProbes, transports });
    expect(verdictsOf(failing)).toEqual([
      ['web-dnssec-exists', 'fail', 'resolver-error'],
      ['web-dnssec-valid', 'not-tested', 'dnserror'],
    ]);
  });
});
