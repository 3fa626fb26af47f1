import { describe, expect, it } from 'vitest';
import { summarize } from '../summary/summarize.js';
import { report, suiteVerdicts } from '../test-support/reports.js';
import { adoptionChartSvg } from './adoption-chart.js';

describe('adoptionChartSvg', () => {
  // Two web-only domains in group "a" (one without HSTS), one in group "<b>".
  const reports = [
    report('one.example', suiteVerdicts('web')),
    report('two.example', suiteVerdicts('web', { web_https_http_hsts: 'fail' })),
    report('three.example', suiteVerdicts('web')),
  ];
  const groups = new Map([
    ['one.example', 'a'],
    ['two.example', 'a'],
    ['three.example', '<b>'],
  ]);
  const summary = summarize(reports, { groupBy: groups });
  const svg = adoptionChartSvg(summary);

  it('draws a bar per group and row with the share as its length and as text', () => {
    const bars = [...svg.matchAll(/<g class="bar"><title>([^<]*)<\/title>/g)].map((match) => match[1]);
    // Rows: the web streefbeeld and the six web standards; mail had no decided domain and is left out.
    expect(bars.length).toBe(3 * 7);
    expect(bars).toContain('a — Website: HSTS: 50 % (1/2)');
    expect(bars).toContain('All domains — Target state website: 67 % (2/3)');
    expect(svg).not.toContain('Email');
    const widths = [...svg.matchAll(/<rect class="share" [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(Math.max(...widths)).toBe(320);
    expect(widths).toContain(160);
    expect(svg).toContain('>50 %</text>');
  });

  it('is accessible without script, escapes labels and is the same for the same summary', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="(pastoe-chart-[0-9a-f]{8})-title \1-desc"/);
    expect(svg).toContain('>Adoption per group</title>');
    expect(svg).toContain('&lt;b&gt; (1)');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toMatch(/<script|\son\w+=/i);
    expect(adoptionChartSvg(summary)).toBe(svg);
    expect(adoptionChartSvg(summary, { language: 'nl' })).toContain('>Adoptie per groep</title>');
    expect(adoptionChartSvg(summarize(reports.slice(1)))).not.toContain(svg.slice(0, 200));
  });

  it('says so when nothing was decided', () => {
    const empty = adoptionChartSvg(summarize([]));
    expect(empty).toContain('>no data</text>');
    expect(empty).not.toContain('class="bar"');
  });
});
