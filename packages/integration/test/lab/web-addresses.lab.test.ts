/**
 * The scan option `addresses` against the lab's two-ipv4.test, whose second IPv4 address sends no
 * HSTS: with `first` (Internet.nl's choice) the HTTP probes never connect to it and the checks pass;
 * with `all` they fetch it and the checks fail, naming it. Connections are counted per address
 * by a wrapper around the lab's network.
 */
import { webAppsecprivSecuritytxt, webHttpsHttpHsts, webHttpsHttpRedirect, webProbes } from '@pastoe/checks-web';
import { type AddressSelection, type ScanReport, scan } from '@pastoe/core';
import { type CountingNetwork, countingNetwork, type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const checks = [webHttpsHttpRedirect, webHttpsHttpHsts, webAppsecprivSecuritytxt];

/** Connection attempts to one `address:port`. */
const connectionsTo = (counts: CountingNetwork, endpoint: string): number =>
  counts.connections(({ ip, port }) => `${ip}:${port}` === endpoint);

async function scanned(addresses: AddressSelection): Promise<{ report: ScanReport; counts: CountingNetwork }> {
  const counts = countingNetwork(lab.network);
  const transports = lab.transports({ network: counts.network });
  const report = await scan('two-ipv4.test', { checks, probes: webProbes, transports, vantage: lab.vantage, addresses });
  return { report, counts };
}

const verdict = (report: ScanReport, check: string) => report.verdicts.find((v) => v.check === check);

describe("the scan option addresses: 'first' | 'all'", () => {
  it('two-ipv4.test has two IPv4 addresses, the second last in the A RRset', () => {
    const scenario = lab.web.find((web) => web.domain === 'two-ipv4.test');
    expect(scenario?.secondIpv4).toBe('192.0.2.240');
    expect(lab.addressOf('two-ipv4.test')?.ipv4).toEqual([scenario?.ipv4, '192.0.2.240']);
  });

  it("'first' fetches the first IPv6 and IPv4 address only: the second IPv4 address sees no connection", async () => {
    const { report, counts } = await scanned('first');
    const first = lab.addressOf('two-ipv4.test');
    expect(verdict(report, 'web-https-http-hsts')).toMatchObject({
      status: 'pass',
      facts: { addresses: [first?.ipv6[0], first?.ipv4[0]] },
    });
    expect(verdict(report, 'web-appsecpriv-securitytxt')?.status).toBe('pass');
    expect(connectionsTo(counts, '192.0.2.240:443')).toBe(0);
    expect(connectionsTo(counts, '192.0.2.240:80')).toBe(0);
    // The judged addresses were fetched over HTTPS and HTTP.
    expect(connectionsTo(counts, `${first?.ipv4[0]}:443`)).toBeGreaterThan(0);
    expect(connectionsTo(counts, `${first?.ipv4[0]}:80`)).toBeGreaterThan(0);
    const subjects = report.evidence.filter((e) => e.probe === 'web-http' || e.probe === 'securitytxt').map((e) => e.subject.ip);
    expect(subjects).not.toContain('192.0.2.240');
  });

  it("'all' fetches every address and fails HSTS, naming the second IPv4 address", async () => {
    const { report, counts } = await scanned('all');
    expect(report.addresses).toBe('all');
    const hsts = verdict(report, 'web-https-http-hsts');
    expect(hsts).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(hsts?.subjects?.map((subject) => [subject.subject.ip, subject.status])).toEqual([
      [lab.addressOf('two-ipv4.test')?.ipv6[0], 'pass'],
      [lab.addressOf('two-ipv4.test')?.ipv4[0], 'pass'],
      ['192.0.2.240', 'fail'],
    ]);
    expect(hsts?.findings).toEqual([
      expect.objectContaining({ id: 'web-https-http-hsts.missing', subject: expect.objectContaining({ ip: '192.0.2.240' }) }),
    ]);
    // The rest of the site is the same there: the redirect and security.txt pass at all three addresses.
    expect(verdict(report, 'web-https-http-redirect')).toMatchObject({
      status: 'pass',
      subjects: expect.arrayContaining([expect.objectContaining({ subject: expect.objectContaining({ ip: '192.0.2.240' }) })]),
    });
    expect(verdict(report, 'web-appsecpriv-securitytxt')?.subjects).toHaveLength(3);
    expect(connectionsTo(counts, '192.0.2.240:443')).toBeGreaterThan(0);
    expect(connectionsTo(counts, '192.0.2.240:80')).toBeGreaterThan(0);
  });
});
