/**
 * The `smtp` need per subject, from a vantage report given to the scan: when pastoe cannot reach
 * port 25, an each-scope probe that needs it still plans but runs on no subject, its checks are
 * error/vantage, a plan without subjects leaves the check to judge (no mail server: not tested),
 * and `scanMany` goes on. No network: the probes are test probes that count their runs.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult, type Subject, type VantageReport, defineCheck, defineProbe, scan, scanMany } from '@pastoe/core';
import { bound } from './test-support/bind.js';
import { vantageBlocksScans } from './vantage.js';

const failedSmtp: VantageReport = {
  ok: false,
  resolver: 'udp://127.0.0.1:53',
  needs: ['dns', 'tcp', 'smtp'],
  checkedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 3,
  steps: [
    { step: 'resolver', ok: true, durationMs: 1 },
    { step: 'trust-anchors', ok: true, durationMs: 1 },
    { step: 'tcp', ok: true, durationMs: 1 },
    { step: 'smtp', ok: false, code: 'timeout', reason: 'no TCP connection to port 25 to any of 192.0.2.25:25', durationMs: 1 },
  ],
};

/** A probe per mail server that needs port 25, and a check that fails a server without STARTTLS. */
function smtpCase(servers: readonly string[]) {
  const ran: string[] = [];
  const probe = defineProbe<{ readonly starttls: boolean }>({
    id: 'smtp-per-server',
    description: 'test probe per mail server',
    scope: 'each',
    needs: ['dns', 'tcp', 'smtp'],
    plan: () => servers.map((name): Subject => ({ name, role: 'mx' })),
    run: async (subject) => {
      ran.push(subject.name);
      return { starttls: false };
    },
  });
  const check = defineCheck({
    id: 'smtp-check',
    standard: 'starttls',
    level: 'required',
    references: [],
    probes: { servers: probe },
    evaluate: ({ servers: list }): CheckResult => {
      if (list.length === 0) return { status: 'not-tested', outcome: 'no-mx' };
      return list.every((server) => server.data.starttls) ? { status: 'pass', outcome: 'good' } : { status: 'fail', outcome: 'bad' };
    },
  });
  return { check, ran };
}

describe("the vantage need 'smtp'", () => {
  it('runs no subject and makes the check error/vantage, never fail', async () => {
    const { check, ran } = smtpCase(['mx1.example.nl', 'mx2.example.nl']);
    const report = await scan('example.nl', { ...bound([check]), vantage: failedSmtp });
    expect(ran).toEqual([]);
    expect(report.verdicts[0]).toMatchObject({ status: 'error', outcome: 'vantage' });
    expect(report.verdicts[0]?.findings[0]).toMatchObject({ id: 'vantage.smtp', params: expect.objectContaining({ code: 'timeout' }) });
    expect(report.verdicts[0]?.error?.message).toContain('port 25');
  });

  it('leaves a domain without mail servers to its check, and runs every subject when port 25 works', async () => {
    const none = smtpCase([]);
    const withoutMx = await scan('example.nl', { ...bound([none.check]), vantage: failedSmtp });
    expect(withoutMx.verdicts[0]).toMatchObject({ status: 'not-tested', outcome: 'no-mx' });
    const fine = { ...failedSmtp, ok: true, steps: failedSmtp.steps.map(({ step, durationMs }) => ({ step, ok: true, durationMs })) };
    const open = smtpCase(['mx1.example.nl']);
    const report = await scan('example.nl', { ...bound([open.check]), vantage: fine });
    expect(open.ran).toEqual(['mx1.example.nl']);
    expect(report.verdicts[0]).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('does not stop a bulk run', async () => {
    expect(vantageBlocksScans(failedSmtp)).toBe(false);
    const { check } = smtpCase(['mx.example.nl']);
    const statuses: string[] = [];
    for await (const result of scanMany(['a.example.nl', 'b.example.nl'], { ...bound([check]), vantage: failedSmtp })) {
      if (result.ok) statuses.push(`${result.report.verdicts[0]?.status}/${result.report.verdicts[0]?.outcome}`);
    }
    expect(statuses).toEqual(['error/vantage', 'error/vantage']);
  });
});
