import type { ScanReport } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../test-support/csv.js';
import { report, suiteVerdicts, verdict } from '../test-support/reports.js';
import { summarize } from './summarize.js';
import { summaryToCsv } from './summary-csv.js';

const hsts = (domain: string, status: Parameters<typeof verdict>[0]['status']) =>
  report(domain, [verdict({ check: 'web-hsts', status, standard: 'hsts', internetnl: 'web_https_http_hsts' })]);

describe('summarize', () => {
  it('counts a check per group and overall; error, not-applicable and absent take no part in the share', () => {
    const reports = [
      hsts('a.gemeente.nl', 'pass'),
      hsts('b.gemeente.nl', 'fail'),
      hsts('c.gemeente.nl', 'error'),
      hsts('d.provincie.nl', 'pass'),
      hsts('e.provincie.nl', 'not-tested'),
      hsts('f.provincie.nl', 'not-applicable'),
      report('g.provincie.nl', [verdict({ check: 'web-caa', status: 'warning', standard: 'caa' })]),
      hsts('h.example', 'warning'),
    ];
    // A function typed on the full report fits: summarize takes the reports' own type.
    const groupBy = (r: ScanReport) => r.target.domain.split('.')[1]?.match(/gemeente|provincie/)?.[0];
    const summary = summarize(reports, { groupBy });
    expect(summary.ungrouped).toBe(1);
    expect(summary.groups.map((group) => [group.group, group.domains])).toEqual([
      ['gemeente', 3],
      ['provincie', 4],
    ]);
    const [gemeente, provincie] = summary.groups;
    expect(gemeente?.checks.map((check) => check.check)).toEqual(['web-hsts', 'web-caa']);
    expect(gemeente?.checks[0]).toMatchObject({ yes: 1, no: 1, undecided: 1, notApplicable: 0, absent: 0, share: 0.5 });
    expect(gemeente?.checks[0]?.internetnl).toBe('web_https_http_hsts');
    // A group that never saw a check still lists it, every domain absent.
    expect(gemeente?.checks[1]).toMatchObject({ check: 'web-caa', standard: 'caa', yes: 0, no: 0, absent: 3, share: null });
    expect(provincie?.checks[0]).toMatchObject({ yes: 1, no: 1, undecided: 0, notApplicable: 1, absent: 1, share: 0.5 });
    expect(provincie?.checks[0]?.statuses).toMatchObject({ pass: 1, 'not-tested': 1, 'not-applicable': 1, fail: 0 });
    expect(summary.overall.domains).toBe(8);
    // Overall: pass a, d; not passing b, e, h; error c.
    expect(summary.overall.checks[0]).toMatchObject({ yes: 2, no: 3, undecided: 1, notApplicable: 1, absent: 1, share: 0.4 });
  });

  it('takes a map from domain to label, by normalised domain or by input', () => {
    const withInput = { ...hsts('b.nl', 'fail'), target: { domain: 'b.nl', input: 'B.NL.' } };
    const labels = new Map([
      ['a.nl', 'Rijk'],
      ['B.NL.', 'Rijk'],
      ['c.nl', ''],
    ]);
    const summary = summarize([hsts('a.nl', 'pass'), withInput, hsts('c.nl', 'pass')], { groupBy: labels });
    expect(summary.groups.map((group) => [group.group, group.domains, group.checks[0]?.share])).toEqual([['Rijk', 2, 0.5]]);
    expect(summary.ungrouped).toBe(1);
  });

  it('decides the streefbeeld standards and suites: unknown when pastoe could not judge, never no', () => {
    const reports = [
      report('met.nl', [...suiteVerdicts('web'), ...suiteVerdicts('mail')]),
      report('nohsts.nl', suiteVerdicts('web', { web_https_http_hsts: 'fail' })),
      report('tlserror.nl', suiteVerdicts('web', { web_https_tls_version: 'error' })),
      report('nodane.nl', suiteVerdicts('mail', { mail_starttls_dane_exist: 'fail' })),
    ];
    const { overall } = summarize(reports);
    expect(overall.streefbeeld.web).toEqual({ yes: 1, no: 1, undecided: 1, notApplicable: 0, absent: 1, share: 0.5 });
    expect(overall.streefbeeld.mail).toEqual({ yes: 1, no: 1, undecided: 0, notApplicable: 0, absent: 2, share: 0.5 });
    const standard = (id: string) => overall.standards.find((entry) => entry.policyStandard === id);
    expect(standard('web-hsts')).toMatchObject({ suite: 'web', standard: 'hsts', yes: 2, no: 1, undecided: 0, absent: 1 });
    expect(standard('web-tls-ncsc')).toMatchObject({ standard: 'tls', yes: 2, no: 0, undecided: 1, share: 1 });
    expect(standard('mail-dane')).toMatchObject({ suite: 'mail', standard: 'dane', yes: 1, no: 1, absent: 2 });
    expect(standard('mail-spf')).toMatchObject({ yes: 2, no: 0, share: 1 });
    expect(overall.standards.map((entry) => entry.suite)).toEqual([
      ...Array(6).fill('web'),
      ...Array(overall.standards.length - 6).fill('mail'),
    ]);
  });

  it('is plain data: JSON round-trips it unchanged, hostile labels included', () => {
    const summary = summarize([hsts('a.nl', 'pass'), hsts('b.nl', 'fail')], {
      groupBy: (r) => (r.target.domain === 'a.nl' ? '__proto__' : 'constructor'),
    });
    expect(summary.groups.map((group) => group.group)).toEqual(['__proto__', 'constructor']);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(summary.schema).toBe('pastoe.summary/1');
    expect(summarize([]).overall).toMatchObject({ domains: 0, checks: [] });
  });
});

describe('summaryToCsv', () => {
  it('writes a row per suite, standard and check, overall then per group, with hostile labels guarded', () => {
    const summary = summarize([hsts('a.nl', 'pass'), hsts('b.nl', 'fail'), hsts('c.nl', 'pass')], {
      groupBy: (r) => (r.target.domain === 'b.nl' ? '=1+1,"x"' : 'Rijk'),
    });
    const rows = parseCsv(summaryToCsv(summary));
    expect(rows[0]).toEqual([
      'scope',
      'group',
      'kind',
      'id',
      'standard',
      'domains',
      'yes',
      'no',
      'share_percent',
      'undecided',
      'not_applicable',
      'absent',
    ]);
    const perGroup = 2 + summary.overall.standards.length + 1;
    expect(rows).toHaveLength(1 + 3 * perGroup);
    // A failing HSTS decides web `no`; with only HSTS measured, the passing domains stay unknown.
    expect(rows[1]).toEqual(['overall', '', 'streefbeeld', 'web', '', '3', '0', '1', '0', '2', '0', '0']);
    expect(rows[2]).toEqual(['overall', '', 'streefbeeld', 'mail', '', '3', '0', '0', '', '0', '0', '3']);
    const checkRows = rows.filter((row) => row[2] === 'check');
    expect(checkRows).toEqual([
      ['overall', '', 'check', 'web-hsts', 'hsts', '3', '2', '1', '66.7', '0', '0', '0'],
      ['group', '\'=1+1,"x"', 'check', 'web-hsts', 'hsts', '1', '0', '1', '0', '0', '0', '0'],
      ['group', 'Rijk', 'check', 'web-hsts', 'hsts', '2', '2', '0', '100', '0', '0', '0'],
    ]);
  });
});
