/**
 * The website test end to end: every lab web scenario scanned with the web preset over the lab's
 * transports, and every subtest's verdict compared with what the lab's scenario data says it
 * should be (packages/lab/src/net/scenarios/expected/).
 */
import { webPreset } from '@pastoe/checks-web';
import { policies, type ScanReport, scan, score } from '@pastoe/core';
import { describeMismatch, expectedWebVerdicts, type Lab, startLab, verdictMismatches, webExpectationAreas } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untranslatedTexts } from '../reporting/untranslated.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const covered = new Set(webExpectationAreas.flatMap((area) => area.subtests));

/** Every report the tests below scan, for the check that each has text in both languages. */
const scanned: ScanReport[] = [];

describe('the website test of every lab web scenario', () => {
  it('has scenarios to test', () => {
    expect(lab.web.length).toBeGreaterThanOrEqual(16);
  });

  it('reaches the expected verdict for every covered subtest of every scenario', async () => {
    const mismatches: string[] = [];
    for (const scenario of lab.web) {
      const report = await scan(scenario.domain, { preset: webPreset, transports: lab.transports(), vantage: lab.vantage });
      scanned.push(report);
      const expected = expectedWebVerdicts(scenario.domain);
      for (const name of covered) if (expected[name] === undefined) mismatches.push(`${scenario.domain} ${name}: no expectation`);
      for (const mismatch of verdictMismatches(report.verdicts, expected)) mismatches.push(describeMismatch(scenario.domain, mismatch));
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it("gives Internet.nl's web score end to end: 100 % for the good site, 98 % for HSTS under a year, 80 % unsigned (spec §6.5)", async () => {
    const percentages: Record<string, [number, boolean] | undefined> = {};
    for (const domain of ['modern.test', 'hsts-short.test', 'unsigned-modern.test', 'legacy.test']) {
      const report = await scan(domain, { preset: webPreset, transports: lab.transports(), vantage: lab.vantage });
      scanned.push(report);
      const suite = score(report, policies.internetnlWeb).suites[0];
      percentages[domain] = suite === undefined ? undefined : [suite.percentage, suite.complete];
    }
    expect(percentages['modern.test']).toEqual([100, true]);
    expect(percentages['hsts-short.test']).toEqual([98, true]);
    // Insecure DNSSEC scores 2 of 10: the categories give 100, 20, 100 and 100, int(320 / 4) = 80.
    expect(percentages['unsigned-modern.test']).toEqual([80, true]);
    expect(percentages['legacy.test']?.[0]).toBeLessThan(98);
  }, 60_000);

  it('has Dutch and English text for every verdict title and finding of every report scanned above', () => {
    // The reports come from the tests above (run them with this one); none means they did not run.
    expect(scanned.length).toBeGreaterThanOrEqual(16);
    expect(scanned.flatMap(untranslatedTexts)).toEqual([]);
  });
});
