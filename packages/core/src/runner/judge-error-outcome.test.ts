/**
 * An `error` a check returns is one of two things: pastoe could not judge (the check gives a
 * reason, `CheckResult.error`), or Internet.nl's error outcome about the domain (an unreachable
 * mail server), which has none. Only the first becomes the verdict's `error`, so scoring counts
 * the second as Internet.nl does (0 points) instead of leaving the test out as not measured.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult, defineCheck, defineProbe, policies, scan, score } from '@pastoe/core';
import { bound } from './test-support/bind.js';

const mailServer = defineProbe<{ readonly offered: boolean }>({
  id: 'test-starttls',
  description: 'test probe',
  needs: [],
  run: async () => ({ offered: false }),
});

function availability(result: CheckResult) {
  return defineCheck({
    id: 'test-starttls-available',
    standard: 'starttls',
    internetnl: 'mail_starttls_tls_available',
    references: [],
    probes: { server: mailServer },
    evaluate: () => result,
  });
}

describe("a check's error verdict", () => {
  it('without a reason is the domain’s: no verdict error, scored as Internet.nl scores it', async () => {
    const check = availability({ status: 'error', outcome: 'other', forced: true, level: 'required' });
    const report = await scan('example.nl', { ...bound([check]), vantage: 'skip' });
    expect(report.verdicts[0]).toMatchObject({ status: 'error', outcome: 'other', title: 'test-starttls-available.failure-title' });
    expect(report.verdicts[0]?.error).toBeUndefined();
    const starttls = score(report, policies.internetnlMail).suites[0]?.categories.find((c) => c.id === 'mail_starttls');
    expect(starttls).toMatchObject({ included: true, raw: 0, percentage: 0, status: 'error' });
    expect(starttls?.missing).not.toContain('mail_starttls_tls_available');
  });

  it('with a reason is pastoe’s: the verdict carries it and scoring leaves the test out as not measured', async () => {
    const check = availability({
      status: 'error',
      outcome: 'could-not-test',
      forced: true,
      level: 'required',
      error: { code: 'timeout', message: 'the scan ran out of time' },
    });
    const report = await scan('example.nl', { ...bound([check]), vantage: 'skip' });
    expect(report.verdicts[0]?.error).toEqual({ source: 'check', code: 'timeout', message: 'the scan ran out of time' });
    const result = score(report, policies.internetnlMail);
    expect(result.missing).toContain('mail_starttls_tls_available');
    expect(result.unscored).toContainEqual(expect.objectContaining({ internetnl: 'mail_starttls_tls_available', reason: 'not-measured' }));
  });
});

describe("a verdict's headline", () => {
  it("is the failure title only when the domain fell short, never for an untested check or pastoe's own error", async () => {
    const titleOf = async (result: CheckResult) =>
      (await scan('example.nl', { ...bound([availability(result)]), vantage: 'skip' })).verdicts[0]?.title;
    expect(await titleOf({ status: 'fail', outcome: 'bad' })).toBe('test-starttls-available.failure-title');
    expect(await titleOf({ status: 'pass', outcome: 'good' })).toBe('test-starttls-available.title');
    expect(await titleOf({ status: 'not-tested', outcome: 'untestable' })).toBe('test-starttls-available.title');
    expect(await titleOf({ status: 'error', outcome: 'error', error: { code: 'timeout', message: 'slow' } })).toBe(
      'test-starttls-available.title',
    );
  });
});
