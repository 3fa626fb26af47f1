/**
 * pastoe's own IPv6, a need per address family: from a lab network with no IPv6 route (every
 * connection to an IPv6 address fails as unreachable, as on a host without an IPv6 default
 * route), the `ipv6` vantage step fails with one connection attempt, the IPv6 checks of a web
 * scan are `error` (pastoe's own IPv6 is not working), and the checks per address are judged on
 * IPv4 with the IPv6 address shown as `error`. No IPv6 connection is attempted by the probes.
 */
import { webPreset } from '@pastoe/checks-web';
import { checkVantage, type Network, ProbeFailure, type ScanManyResult, scan, scanMany } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

/** Connection attempts by family. */
interface Attempts {
  ipv4: number;
  ipv6: number;
}

/** The lab's network without IPv6: an IPv6 destination is unreachable, as on a host without an IPv6 route. */
function withoutIpv6(inner: Network, attempts: Attempts): Network {
  const unreachable = (ip: string) => new ProbeFailure('unreachable', `connect ENETUNREACH ${ip}: no IPv6 route`);
  return {
    policy: inner.policy,
    connect: async (options) => {
      if (options.ip.includes(':')) {
        attempts.ipv6 += 1;
        throw unreachable(options.ip);
      }
      attempts.ipv4 += 1;
      return inner.connect(options);
    },
    udpExchange: async (options) => {
      if (options.ip.includes(':')) {
        attempts.ipv6 += 1;
        throw unreachable(options.ip);
      }
      return inner.udpExchange(options);
    },
  };
}

const statusOf = (report: Awaited<ReturnType<typeof scan>>, check: string): string => {
  const verdict = report.verdicts.find((v) => v.check === check);
  return `${verdict?.status}/${verdict?.outcome}`;
};

describe("the vantage need 'ipv6'", () => {
  it('passes from the lab, one connection per family', async () => {
    const attempts = { ipv4: 0, ipv6: 0 };
    const network: Network = {
      policy: lab.network.policy,
      connect: (options) => {
        attempts[options.ip.includes(':') ? 'ipv6' : 'ipv4'] += 1;
        return lab.network.connect(options);
      },
      udpExchange: (options) => lab.network.udpExchange(options),
    };
    const report = await checkVantage(lab.transports({ network }), { needs: ['tcp', 'ipv6'], ...lab.vantage });
    expect(report.steps.map((step) => [step.step, step.ok])).toEqual([
      ['tcp', true],
      ['ipv6', true],
    ]);
    expect(attempts).toEqual({ ipv4: 1, ipv6: 1 });
  });

  it('fails without an IPv6 route, naming the endpoint, and refuses endpoints that are not IPv6', async () => {
    const attempts = { ipv4: 0, ipv6: 0 };
    const transports = lab.transports({ network: withoutIpv6(lab.network, attempts) });
    const report = await checkVantage(transports, { needs: ['dns', 'tcp', 'ipv6'], ...lab.vantage });
    expect(report.ok).toBe(false);
    expect(report.steps.map((step) => [step.step, step.ok, step.code])).toEqual([
      ['resolver', true, undefined],
      ['trust-anchors', true, undefined],
      ['tcp', true, undefined],
      ['ipv6', false, 'unreachable'],
    ]);
    expect(report.steps[3]?.reason).toContain('[2001:db8::53]:53');
    expect(attempts.ipv6).toBe(1);
    await expect(checkVantage(transports, { needs: ['ipv6'], tcp6Endpoints: [{ ip: '192.0.2.53', port: 53 }] })).rejects.toThrow(
      /IPv6 endpoints/,
    );
  });
});

describe('a website scan from a host without IPv6', () => {
  it('makes the IPv6 checks error and judges the rest on IPv4, without one IPv6 connection by the probes', {
    timeout: 60_000,
  }, async () => {
    const attempts = { ipv4: 0, ipv6: 0 };
    const transports = lab.transports({ network: withoutIpv6(lab.network, attempts) });
    const report = await scan('modern.test', { preset: webPreset, transports, vantage: lab.vantage });
    expect(report.vantage?.steps.find((step) => step.step === 'ipv6')).toMatchObject({ ok: false, code: 'unreachable' });
    // The vantage step's one attempt; the probes planned IPv6 subjects but did not run them.
    expect(attempts.ipv6).toBe(1);
    expect(statusOf(report, 'web-ipv6-ws-address')).toBe('pass/good');
    expect(statusOf(report, 'web-ipv6-ns-address')).toBe('pass/good');
    for (const check of ['web-ipv6-ws-reach', 'web-ipv6-ns-reach', 'web-ipv6-ws-similar']) {
      expect(statusOf(report, check)).toBe('error/vantage');
    }
    const reach = report.verdicts.find((v) => v.check === 'web-ipv6-ws-reach');
    expect(reach?.findings[0]).toMatchObject({ id: 'vantage.ipv6', params: { step: 'ipv6', code: 'unreachable' } });
    expect(reach?.error?.message).toContain("pastoe's own IPv6 is not working");

    const ipv6 = lab.addressOf('modern.test')?.ipv6[0];
    const ipv4 = lab.addressOf('modern.test')?.ipv4[0];
    for (const check of ['web-https-http-available', 'web-https-tls-version', 'web-https-http-hsts', 'web-appsecpriv-securitytxt']) {
      const verdict = report.verdicts.find((v) => v.check === check);
      expect(`${check} ${verdict?.status}/${verdict?.outcome}`).toBe(`${check} pass/good`);
      expect(verdict?.subjects?.map((row) => [row.subject.ip, row.status])).toEqual([
        [ipv4, 'pass'],
        [ipv6, 'error'],
      ]);
    }
    // DNSSEC asks the resolver, not the domain's addresses: judged as from any host.
    expect(statusOf(report, 'web-dnssec-valid')).toBe('pass/secure');
    const ipv6Evidence = report.evidence.filter((e) => (e.subject.ip ?? '').includes(':'));
    expect(ipv6Evidence.length).toBeGreaterThan(0);
    // Route origin data about an IPv6 address comes from the RPKI sources, over IPv4: it stays judged.
    expect(ipv6Evidence.filter((e) => e.ok || e.error.code !== 'vantage').map((e) => e.probe)).toEqual(['web-route-origin']);
    expect(statusOf(report, 'web-rpki-valid')).toBe('pass/good');
  });

  it('scanMany goes on when only IPv6 failed', { timeout: 60_000 }, async () => {
    const transports = lab.transports({ network: withoutIpv6(lab.network, { ipv4: 0, ipv6: 0 }) });
    const results: ScanManyResult[] = [];
    for await (const result of scanMany(['modern.test'], { preset: webPreset, transports, vantage: lab.vantage })) results.push(result);
    expect(results).toHaveLength(1);
    const only = results[0];
    expect(only?.ok).toBe(true);
    if (only?.ok) expect(only.report.verdicts.find((v) => v.check === 'web-ipv6-ws-reach')?.outcome).toBe('vantage');
  });
});
