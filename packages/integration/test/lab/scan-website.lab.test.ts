/**
 * `scanWebsite` with `www` on the lab: the www name gets a report of its own, the second scan
 * reuses what the first one fetched, and a www name that differs from its domain shows it.
 */
import { scanWebsite, webDnssecExists, webDnssecValid, webHttpsHttpHsts, webIpv6WsReach, webPreset } from '@pastoe/checks-web';
import { createScanCaches, type ScanEvent, ScanInputError, type ScanReport, scan } from '@pastoe/core';
import { countingNetwork, type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

/** Every verdict of a report as `<check> <status>/<outcome>`. */
const verdictsOf = (report: ScanReport | undefined): string[] =>
  (report?.verdicts ?? []).map((verdict) => `${verdict.check} ${verdict.status}/${verdict.outcome}`);

describe('scanWebsite with www', () => {
  it('tests www.modern.test (the same site) beside modern.test, reusing the first scan’s DNS answers', async () => {
    const counts = countingNetwork(lab.network);
    const transports = lab.transports({ network: counts.network });
    // What the resolver had sent upstream, and the connections made, when the domain's scan ended.
    let afterDomain: { upstream: number; connections: number } | undefined;
    const onEvent = (event: ScanEvent): void => {
      if (event.type === 'scan-finished' && event.domain === 'modern.test')
        afterDomain = { upstream: transports.resolver.stats().upstreamQueries, connections: counts.connections() };
    };
    const result = await scanWebsite('modern.test', { www: true, transports, vantage: lab.vantage, onEvent });
    expect(result.domain.target.domain).toBe('modern.test');
    expect(result.www?.target.domain).toBe('www.modern.test');
    // The same site under its own name: every subtest as for the domain, which passes throughout.
    expect(verdictsOf(result.www)).toEqual(verdictsOf(result.domain));
    expect(verdictsOf(result.domain)).toContain('web-https-http-hsts pass/good');

    if (afterDomain === undefined) throw new Error('no scan-finished event for modern.test');
    const warmUpstream = transports.resolver.stats().upstreamQueries - afterDomain.upstream;
    const warmConnections = counts.connections() - afterDomain.connections;

    const coldCounts = countingNetwork(lab.network);
    const cold = lab.transports({ network: coldCounts.network });
    const alone = await scan('www.modern.test', { preset: webPreset, transports: cold, vantage: lab.vantage });
    expect(verdictsOf(alone)).toEqual(verdictsOf(result.www));
    const coldUpstream = cold.resolver.stats().upstreamQueries;
    console.log(
      `www.modern.test after modern.test: ${warmUpstream} upstream DNS queries, ${warmConnections} TCP connections; ` +
        `alone: ${coldUpstream} upstream DNS queries, ${coldCounts.connections()} TCP connections`,
    );
    // The name servers, the zone's keys and the addresses come from the first scan.
    expect(warmUpstream).toBeLessThan(coldUpstream * 0.75);
    // TLS is scanned per name (the server name may select another certificate or configuration),
    // so the www scan opens nearly as many connections as alone; no more.
    expect(warmConnections).toBeLessThanOrEqual(coldCounts.connections());
  }, 60_000);

  it('shows a www name that differs: www.www-weak.test, a CNAME to www-weak.test, sends no HSTS', async () => {
    const result = await scanWebsite('www-weak.test', {
      www: true,
      checks: [webDnssecValid, webHttpsHttpHsts],
      transports: lab.transports(),
      vantage: lab.vantage,
    });
    expect(verdictsOf(result.domain)).toEqual(['web-dnssec-valid pass/secure', 'web-https-http-hsts pass/good']);
    // The CNAME and its target are both secure, so DNSSEC is too.
    expect(verdictsOf(result.www)).toEqual(['web-dnssec-valid pass/secure', 'web-https-http-hsts fail/bad']);
  });

  it('scans both names at once with concurrent, to the same verdicts', async () => {
    const caches = createScanCaches();
    const started: string[] = [];
    const result = await scanWebsite('www-weak.test', {
      www: true,
      concurrent: true,
      checks: [webDnssecExists, webDnssecValid, webHttpsHttpHsts],
      caches,
      transports: lab.transports(),
      vantage: lab.vantage,
      onEvent: (event) => {
        if (event.type === 'scan-started') started.push(event.domain);
      },
    });
    expect(started.sort()).toEqual(['www-weak.test', 'www.www-weak.test']);
    expect(verdictsOf(result.www)).toEqual(['web-dnssec-exists pass/good', 'web-dnssec-valid pass/secure', 'web-https-http-hsts fail/bad']);
    expect(verdictsOf(result.domain)).toContain('web-https-http-hsts pass/good');
  });

  it('tests a www. domain once, and the domain alone without www', async () => {
    const options = { checks: [webDnssecValid], transports: lab.transports(), vantage: lab.vantage };
    const given = await scanWebsite('WWW.Modern.Test', { ...options, www: true });
    expect([given.domain.target.domain, given.www]).toEqual(['www.modern.test', undefined]);
    const alone = await scanWebsite('modern.test', options);
    expect([alone.domain.target.domain, alone.www]).toEqual(['modern.test', undefined]);
    // The preset defaults to the whole website test.
    expect(alone.domain.verdicts.map((verdict) => verdict.check)).toEqual(['web-dnssec-valid']);
  });

  it('rejects bad input before scanning, and with the signal’s reason when the caller aborts', async () => {
    await expect(scanWebsite('not a domain', { www: true, transports: lab.transports() })).rejects.toBeInstanceOf(ScanInputError);
    // A 252-character name is a domain; with www. in front it is too long to be one.
    const long = `${'a'.repeat(61)}.${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(61)}.test`;
    await expect(scanWebsite(long, { www: true, transports: lab.transports() })).rejects.toThrow(/www name/);
    const controller = new AbortController();
    const reason = new Error('the caller gave up');
    const scanning = scanWebsite('modern.test', {
      www: true,
      transports: lab.transports(),
      vantage: lab.vantage,
      onEvent: (event) => {
        if (event.type === 'scan-started') controller.abort(reason);
      },
      signal: controller.signal,
    });
    await expect(scanning).rejects.toBe(reason);
  });

  it('judges both names from a failed vantage point as scan does: error/vantage where the failed step is needed', async () => {
    // Reaching the web server needs TCP egress, whose default test endpoints are public addresses
    // the lab network refuses; the DNSSEC check needs only the resolver, which works.
    const result = await scanWebsite('modern.test', {
      www: true,
      checks: [webDnssecValid, webIpv6WsReach],
      transports: lab.transports(),
      vantage: { timeoutMs: 2_000 },
    });
    for (const report of [result.domain, result.www]) {
      expect(report?.vantage?.ok).toBe(false);
      expect(verdictsOf(report)).toEqual(['web-dnssec-valid pass/secure', 'web-ipv6-ws-reach error/vantage']);
    }
  });
});
