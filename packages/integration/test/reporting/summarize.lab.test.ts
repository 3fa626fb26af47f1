/**
 * Reporting over real scans: five lab web scenarios scanned with the web preset, in two groups,
 * summarised with `summarize` and tabulated with `toCsv`. The expected shares follow from the
 * scenarios: modern.test meets the web streefbeeld, hsts-short.test has HSTS under a year,
 * unsigned-modern.test no DNSSEC, legacy.test old TLS and no HSTS, hsts-missing.test no HSTS.
 */
import { webPreset } from '@pastoe/checks-web';
import { type ScanReport, scan } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { type AdoptionStats, summarize, summaryToCsv, toCsv } from '@pastoe/reporting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const groups = new Map([
  ['modern.test', 'Rijk'],
  ['hsts-short.test', 'Rijk'],
  ['unsigned-modern.test', 'Rijk'],
  ['legacy.test', 'gemeenten'],
  ['hsts-missing.test', 'gemeenten'],
]);

let lab: Lab;
const reports: ScanReport[] = [];
beforeAll(async () => {
  lab = await startLab();
  for (const domain of groups.keys()) {
    reports.push(await scan(domain, { preset: webPreset, transports: lab.transports(), vantage: lab.vantage }));
  }
}, 120_000);
afterAll(() => lab?.close());

describe('summarize over lab scans', () => {
  it('gives the share meeting the web streefbeeld, its standards and the HSTS check, per group and overall', () => {
    const summary = summarize(reports, { groupBy: groups });
    expect(summary.ungrouped).toBe(0);
    // Labels sort in code unit order: upper case first.
    const [rijk, gemeenten] = summary.groups;
    expect([rijk?.group, rijk?.domains, gemeenten?.group, gemeenten?.domains]).toEqual(['Rijk', 3, 'gemeenten', 2]);

    expect(summary.overall.streefbeeld.web).toEqual({ yes: 1, no: 4, undecided: 0, notApplicable: 0, absent: 0, share: 0.2 });
    expect(rijk?.streefbeeld.web.share).toBeCloseTo(1 / 3);
    expect(gemeenten?.streefbeeld.web.share).toBe(0);
    // A web-only scan decides no mail: every domain is absent there, and no share is given.
    expect(summary.overall.streefbeeld.mail).toMatchObject({ yes: 0, no: 0, absent: 5, share: null });

    const share = (stats: AdoptionStats | undefined, id: string) => stats?.standards.find((entry) => entry.policyStandard === id)?.share;
    expect(share(rijk, 'web-hsts')).toBeCloseTo(2 / 3);
    expect(share(gemeenten, 'web-hsts')).toBe(0);
    expect(share(rijk, 'web-dnssec')).toBeCloseTo(2 / 3);
    expect(share(gemeenten, 'web-dnssec')).toBe(1);
    expect(share(rijk, 'web-https')).toBe(1);
    expect(share(gemeenten, 'web-https')).toBe(0.5);
    expect(share(summary.overall, 'mail-dmarc')).toBeNull();

    const hsts = (stats: AdoptionStats | undefined) => stats?.checks.find((check) => check.internetnl === 'web_https_http_hsts');
    expect(hsts(rijk)).toMatchObject({ yes: 2, no: 1, undecided: 0, share: 2 / 3 });
    expect(hsts(summary.overall)).toMatchObject({ yes: 2, no: 3, share: 0.4 });
    // Every scan was judged: no check has an error in the lab.
    expect(summary.overall.checks.filter((check) => check.undecided > 0).map((check) => check.check)).toEqual([]);

    expect(summaryToCsv(summary)).toContain('\r\noverall,,streefbeeld,web,,5,1,4,20,0,0,0\r\n');
  });

  it("tabulates the scans with Internet.nl's web percentages and the streefbeeld decision", () => {
    const lines = toCsv(reports).split('\r\n');
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, 6)).toEqual([
      'domain',
      'internetnl_web',
      'internetnl_mail',
      'streefbeeld',
      'streefbeeld_web',
      'streefbeeld_mail',
    ]);
    expect(header.length).toBe(6 + (reports[0]?.verdicts.length ?? 0));
    expect(lines.slice(1, 4).map((line) => line.split(',').slice(0, 6))).toEqual([
      ['modern.test', '100', '', 'yes', 'yes', ''],
      ['hsts-short.test', '98', '', 'no', 'no', ''],
      ['unsigned-modern.test', '80', '', 'no', 'no', ''],
    ]);
  });
});
