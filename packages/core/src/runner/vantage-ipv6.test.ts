/**
 * The `ipv6` need per subject, from a vantage report given to the scan: an each-scope probe runs
 * on its IPv4 subjects only when pastoe's own IPv6 failed, and the runner judges its checks on
 * the IPv4 part. No network: the probes are test probes that count their runs.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult, type Subject, type VantageReport, defineCheck, defineProbe, evaluate, scan } from '@pastoe/core';
import { bound } from './test-support/bind.js';

const failedIpv6: VantageReport = {
  ok: false,
  resolver: 'udp://127.0.0.1:53',
  needs: ['dns', 'ipv6'],
  checkedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 3,
  steps: [
    { step: 'resolver', ok: true, durationMs: 1 },
    { step: 'trust-anchors', ok: true, durationMs: 1 },
    { step: 'ipv6', ok: false, code: 'unreachable', reason: 'no TCP connection over IPv6 to [2620:fe::fe]:443', durationMs: 1 },
  ],
};
const fine: VantageReport = {
  ...failedIpv6,
  ok: true,
  steps: failedIpv6.steps.map(({ step, durationMs }) => ({ step, ok: true, durationMs })),
};

/** A per-address probe on two addresses, counting the addresses it ran on. */
function perAddressProbe(addresses: readonly string[] = ['2001:db8::1', '192.0.2.1']) {
  const ran: string[] = [];
  const probe = defineProbe<{ readonly good: boolean }>({
    id: 'per-address',
    description: 'test probe per address',
    scope: 'each',
    needs: ['dns', 'ipv6'],
    plan: () => addresses.map((ip): Subject => ({ name: 'example.nl', role: 'web', ip })),
    run: async (subject) => {
      ran.push(subject.ip ?? '');
      return { good: subject.ip !== '192.0.2.66' };
    },
  });
  return { probe, ran };
}

/** A check judging each address, the worst deciding, with one subject row per address. */
function perAddressCheck(probe: ReturnType<typeof perAddressProbe>['probe']) {
  return defineCheck({
    id: 'per-address-check',
    standard: 'https',
    level: 'required',
    references: [],
    probes: { servers: probe },
    evaluate: ({ servers }): CheckResult => {
      const subjects = servers.map((server) => ({
        subject: server.subject,
        status: server.data.good ? ('pass' as const) : ('fail' as const),
        outcome: server.data.good ? 'good' : 'bad',
      }));
      const failed = subjects.some((row) => row.status === 'fail');
      return { status: failed ? 'fail' : 'pass', outcome: failed ? 'bad' : 'good', subjects };
    },
  });
}

describe("the vantage need 'ipv6', per subject", () => {
  it('runs the IPv4 subjects only, judges on IPv4 and shows the IPv6 address as error', async () => {
    const { probe, ran } = perAddressProbe();
    const check = perAddressCheck(probe);
    const report = await scan('example.nl', { ...bound([check]), vantage: failedIpv6 });
    expect(ran).toEqual(['192.0.2.1']);
    const verdict = report.verdicts[0];
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(verdict?.subjects?.map((row) => [row.subject.ip, row.status, row.outcome])).toEqual([
      ['192.0.2.1', 'pass', 'good'],
      ['2001:db8::1', 'error', 'vantage'],
    ]);
    expect(verdict?.findings).toEqual([
      expect.objectContaining({
        id: 'vantage.ipv6',
        params: expect.objectContaining({ code: 'unreachable' }),
        subject: expect.objectContaining({ ip: '2001:db8::1' }),
      }),
    ]);
    expect(report.evidence.find((e) => e.subject.ip === '2001:db8::1')).toMatchObject({
      ok: false,
      error: { code: 'vantage', message: expect.stringContaining("pastoe's own IPv6 is not working") },
    });
    // Offline re-evaluation of the saved evidence decides alike.
    expect(evaluate([check], report)).toEqual(report.verdicts);
  });

  it('keeps a failure found on IPv4', async () => {
    const { probe } = perAddressProbe(['2001:db8::1', '192.0.2.66']);
    const report = await scan('example.nl', { ...bound([perAddressCheck(probe)]), vantage: failedIpv6 });
    expect(report.verdicts[0]).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(report.verdicts[0]?.subjects?.map((row) => row.status)).toEqual(['fail', 'error']);
  });

  it('is error/vantage when nothing IPv4 was judged, and blocks a target-scope probe that needs ipv6', async () => {
    const { probe, ran } = perAddressProbe(['2001:db8::1', '2001:db8::2']);
    const target = defineProbe({ id: 'whole', description: 'test probe', needs: ['ipv6'], run: async () => ({ ok: true }) });
    const onTarget = defineCheck({
      id: 'whole-check',
      standard: 'https',
      level: 'required',
      references: [],
      probes: { whole: target },
      evaluate: () => ({ status: 'pass', outcome: 'good' }),
    });
    const report = await scan('example.nl', { ...bound([perAddressCheck(probe), onTarget]), vantage: failedIpv6 });
    expect(ran).toEqual([]);
    expect(report.verdicts.map((v) => `${v.status}/${v.outcome}/${v.findings[0]?.id}`)).toEqual([
      'error/vantage/vantage.ipv6',
      'error/vantage/vantage.ipv6',
    ]);
  });

  it('runs every subject when IPv6 works, or when the report did not check it', async () => {
    for (const vantage of [fine, { ...failedIpv6, steps: failedIpv6.steps.slice(0, 2), ok: true }]) {
      const { probe, ran } = perAddressProbe();
      const report = await scan('example.nl', { ...bound([perAddressCheck(probe)]), vantage });
      expect(ran.sort()).toEqual(['192.0.2.1', '2001:db8::1']);
      expect(report.verdicts[0]?.subjects).toHaveLength(2);
    }
  });
});
