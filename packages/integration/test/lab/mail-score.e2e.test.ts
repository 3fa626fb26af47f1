/**
 * The Internet.nl mail score end to end: lab mail scenarios scanned with the mail preset, scored
 * with `policies.internetnlMail`, and compared with the figures derived by hand from the points
 * table (packages/lab/src/net/scenarios/expected/mail/scores.ts): the good domain, one without
 * DANE (dane_score counted once: 120/130), a Null MX (STARTTLS left out of the mean), weak TLS,
 * and an MX without STARTTLS (Internet.nl's "unreachable", scored 0). The figures are for the
 * complete mail test: they need the DKIM check (`mail_auth_dkim_exist`) in the preset.
 */
import { mailPreset } from '@pastoe/checks-mail';
import { policies, scan, score } from '@pastoe/core';
import { expectedMailScores, type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

describe('the Internet.nl mail score of lab scenarios', () => {
  it('is complete: the mail preset has every scored subtest, DKIM included', () => {
    const names = new Set(mailPreset.checks.map((check) => check.internetnl?.name));
    expect(names.has('mail_auth_dkim_exist')).toBe(true);
  });

  for (const [domain, expected] of Object.entries(expectedMailScores)) {
    it(`${domain}: ${expected.percentage} %`, async () => {
      const report = await scan(domain, { preset: mailPreset, transports: lab.transports(), vantage: lab.vantage });
      const result = score(report, policies.internetnlMail);
      expect(result.missing).toEqual([]);
      const suite = result.suites.find((candidate) => candidate.id === 'mail');
      const categories = Object.fromEntries(
        (suite?.categories ?? []).map((category) => [category.id, category.included ? category.percentage : null]),
      );
      expect({ percentage: suite?.percentage, categories }).toEqual(expected);
    }, 60_000);
  }
});
