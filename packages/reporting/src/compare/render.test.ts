import { describe, expect, it } from 'vitest';
import { parseCsv } from '../test-support/csv.js';
import { report, suiteVerdicts } from '../test-support/reports.js';
import { compare } from './compare.js';
import { comparisonDomainsToCsv, comparisonToCsv } from './comparison-csv.js';
import { comparisonToHtml } from './comparison-html.js';
import { comparisonToMarkdown } from './comparison-markdown.js';
import { changePoints } from './comparison-view.js';
import type { ComparableReport } from './types.js';

const hostile = '<script>alert(1)</script>';
const a: ComparableReport[] = [
  { report: report('fixed.nl', suiteVerdicts('web', { web_https_http_hsts: 'fail' })), group: '=HYPERLINK("x")' },
  { report: report('broken.nl', suiteVerdicts('web')), group: hostile },
  { report: report('gone.nl', suiteVerdicts('web')) },
];
const b: ComparableReport[] = [
  { report: report('fixed.nl', suiteVerdicts('web')), group: '=HYPERLINK("x")' },
  { report: report('broken.nl', suiteVerdicts('web', { web_https_http_hsts: 'fail' })), group: hostile },
  { report: report('new.nl', suiteVerdicts('web')) },
];
const comparison = compare(
  {
    measurement: (id) => ({ id, startedAt: id === 1 ? '2026-04-01T10:00:00.000Z' : '2026-10-01T10:00:00.000Z', label: `<i>m${id}</i>` }),
    reports: (id) => (id === 1 ? a : b),
  },
  1,
  2,
);

describe('comparisonToHtml', () => {
  it('writes a self-contained page with the A/B chart, the tables and the changed domains, hostile text escaped', () => {
    const html = comparisonToHtml(comparison, { language: 'en' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<i>|src=|href=/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toMatch(/<svg[^>]*role="img"[\s\S]*Adoption in measurements A and B[\s\S]*<\/svg>/);
    // HSTS: 2 of 3 in A and in B, so no change; the web streefbeeld the same.
    expect(html).toContain('<th scope="row">Website: HSTS</th><td>67 % (2/3)</td><td>67 % (2/3)</td><td>0 points</td>');
    expect(html).toContain('Measurement A (earlier)</dt><dd>&lt;i&gt;m1&lt;/i&gt; (measurement 1, started 2026-04-01, 3 domains)');
    expect(html).toMatch(
      /<th scope="row">broken\.nl<\/th><td>&lt;script&gt;[^<]*<\/td><td><\/td><td>Target state website; Website: HSTS; /,
    );
    expect(html).toContain('Only in measurement A');
    expect(html).toContain('<th scope="row">new.nl</th>');
  });

  it('writes Dutch', () => {
    const html = comparisonToHtml(comparison, { language: 'nl', fragment: true });
    expect(html.startsWith('<div class="pastoe-report" lang="nl">')).toBe(true);
    expect(html).toContain('Verandering in adoptie');
    expect(html).toContain('0 procentpunt');
    expect(html).toContain('Alleen in meting B');
    expect(html).toContain('Streefbeeld website; Website: HSTS');
    expect(html).not.toMatch(/\b(Measurement|Improved|Regressed|points)\b/);
  });
});

describe('comparisonToMarkdown', () => {
  it('writes the same tables as Markdown, escaped', () => {
    const md = comparisonToMarkdown(comparison, { language: 'nl', title: 'Najaar | voorjaar' });
    expect(md.startsWith('# Najaar \\| voorjaar\n')).toBe(true);
    expect(md).toContain('| Website: HSTS | 67 % (2/3) | 67 % (2/3) | 0 procentpunt |');
    expect(md).toContain('| broken.nl | \\<script\\>alert(1)\\</script\\> |  | Streefbeeld website; Website: HSTS;');
    expect(md).toContain('0 domeinen in beide metingen zijn niet veranderd.');
  });
});

describe('comparisonToCsv and comparisonDomainsToCsv', () => {
  it('writes a row per suite, standard and check with A, B and the change, and a row per changed item', () => {
    const rows = parseCsv(comparisonToCsv(comparison));
    expect(rows[0]).toEqual([
      'scope',
      'group',
      'kind',
      'id',
      'standard',
      'domains_a',
      'domains_b',
      'yes_a',
      'no_a',
      'share_percent_a',
      'yes_b',
      'no_b',
      'share_percent_b',
      'change_points',
    ]);
    expect(rows).toContainEqual(['overall', '', 'standard', 'web-hsts', 'hsts', '3', '3', '2', '1', '66.7', '2', '1', '66.7', '0']);
    expect(rows).toContainEqual(['overall', '', 'streefbeeld', 'mail', '', '3', '3', '0', '0', '', '0', '0', '', '']);
    expect(rows).toContainEqual(['group', '\'=HYPERLINK("x")', 'streefbeeld', 'web', '', '1', '1', '0', '1', '0', '1', '0', '100', '100']);

    const domains = parseCsv(comparisonDomainsToCsv(comparison));
    expect(domains[0]).toEqual(['domain', 'group', 'change', 'kind', 'id']);
    expect(domains.slice(1)).toEqual([
      ['fixed.nl', '\'=HYPERLINK("x")', 'improved', 'streefbeeld', 'web'],
      ['fixed.nl', '\'=HYPERLINK("x")', 'improved', 'standard', 'web-hsts'],
      ['fixed.nl', '\'=HYPERLINK("x")', 'improved', 'check', 'web_https_http_hsts'],
      ['broken.nl', hostile, 'regressed', 'streefbeeld', 'web'],
      ['broken.nl', hostile, 'regressed', 'standard', 'web-hsts'],
      ['broken.nl', hostile, 'regressed', 'check', 'web_https_http_hsts'],
      ['gone.nl', '', 'only-in-a', '', ''],
      ['new.nl', '', 'only-in-b', '', ''],
    ]);
  });
});

describe('changePoints', () => {
  const adoption = (yes: number, no: number) => ({
    yes,
    no,
    undecided: 0,
    notApplicable: 0,
    absent: 0,
    share: yes + no === 0 ? null : yes / (yes + no),
  });
  it('rounds the exact change, not the difference of the rounded percentages, and has no minus zero', () => {
    // 67 % → 33 %: the exact change is -33.3 points.
    expect(changePoints({ a: adoption(2, 1), b: adoption(1, 2), change: 1 / 3 - 2 / 3 })).toBe('-33');
    expect(changePoints({ a: adoption(1, 1), b: adoption(3, 1), change: 0.25 })).toBe('+25');
    expect(changePoints({ a: adoption(1, 0), b: adoption(1, 0), change: -0.001 })).toBe('0');
    expect(changePoints({ a: adoption(0, 0), b: adoption(1, 0), change: null })).toBeUndefined();
  });
});
