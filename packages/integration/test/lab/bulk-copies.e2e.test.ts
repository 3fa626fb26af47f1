/**
 * The lab's bulk domains end to end: each scenario's first copy (`d00001.bulk.test` …) scanned
 * with the web and mail checks gives, check by check, the verdicts its web scenario gets from the
 * website test and its mail scenario from the mail test: a copy differs from its scenarios in
 * name only.
 */
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import { type ScanReport, scan, scanMany } from '@pastoe/core';
import { type Lab, labBulkScenarios, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
const copies = new Map<string, ScanReport>();
beforeAll(async () => {
  lab = await startLab({ bulk: labBulkScenarios.length });
  const run = scanMany(
    lab.bulkDomains.map((domain) => domain.name),
    {
      checks: [...webPreset.checks, ...mailPreset.checks],
      probes: [...webPreset.probes, ...mailPreset.probes],
      transports: lab.transports(),
      vantage: lab.vantage,
      domainConcurrency: 4,
    },
  );
  for await (const result of run) if (result.ok) copies.set(result.input, result.report);
}, 120_000);
afterAll(() => lab?.close());

/** `check: status/outcome` for each verdict of the checks in `ids`. */
function verdicts(report: ScanReport | undefined, ids: ReadonlySet<string>): Record<string, string> {
  const entries = (report?.verdicts ?? []).filter((v) => ids.has(v.check)).map((v) => [v.check, `${v.status}/${v.outcome}`] as const);
  return Object.fromEntries(entries);
}

const webIds = new Set(webPreset.checks.map((check) => check.id));
const mailIds = new Set(mailPreset.checks.map((check) => check.id));

describe('a bulk domain', () => {
  for (const [index, scenario] of labBulkScenarios.entries()) {
    it(`${scenario.id}: gets the web verdicts of ${scenario.web} and the mail verdicts of ${scenario.mail}`, async () => {
      const domain = lab.bulkDomains[index];
      expect(domain?.scenario).toBe(scenario.id);
      const copy = copies.get(domain?.name ?? '');
      expect(copy, `${domain?.name} was not scanned`).toBeDefined();
      const [web, mail] = await Promise.all([
        scan(scenario.web, { preset: webPreset, transports: lab.transports(), vantage: lab.vantage }),
        scan(scenario.mail, { preset: mailPreset, transports: lab.transports(), vantage: lab.vantage }),
      ]);
      // Every check gave a verdict, so the comparison covers the whole website and mail test.
      expect(Object.keys(verdicts(copy, webIds))).toHaveLength(webIds.size);
      expect(Object.keys(verdicts(copy, mailIds))).toHaveLength(mailIds.size);
      expect(verdicts(copy, webIds)).toEqual(verdicts(web, webIds));
      expect(verdicts(copy, mailIds)).toEqual(verdicts(mail, mailIds));
    }, 60_000);
  }
});
