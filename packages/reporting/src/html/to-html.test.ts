import { describe, expect, it } from 'vitest';
import { summarize } from '../summary/summarize.js';
import { renderableReport } from '../test-support/render.js';
import { reportStyles } from './styles.js';
import { toHtml } from './to-html.js';

const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';

/** Every URL an attribute loads or links to: src, href, xlink:href, srcset, action, and CSS url(). */
function loadedUrls(html: string): string[] {
  // Attributes live inside tags; escaped report text holds no `<`, so it cannot look like one.
  const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((match) => match[0]);
  const attributes = tags.flatMap((tag) =>
    [...tag.matchAll(/\s(?:src|href|xlink:href|srcset|action|poster|data)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)].map(
      (match) => match[1] ?? '',
    ),
  );
  const css = [...html.matchAll(/url\(([^)]*)\)/gi)].map((match) => match[1] ?? '');
  return [...attributes, ...css];
}

describe('toHtml', () => {
  const example = renderableReport('example.nl');

  it('writes one self-contained document: lang set, inline styles, no script, nothing loaded from elsewhere', () => {
    const html = toHtml(example, { language: 'nl' });
    expect(html.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`<style>\n${reportStyles}\n</style>`);
    expect(html).not.toMatch(/<script/i);
    // Links inside the report are to its own sections only.
    expect(loadedUrls(html).filter((url) => !/^"#[\w-]+"$/.test(url))).toEqual([]);
    expect(html).toContain('<title>pastoe-rapport: example.nl</title>');
  });

  it('escapes every piece of report text, so a hostile value shows as text', () => {
    const html = toHtml(renderableReport('example.nl', hostile));
    expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>/i);
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(loadedUrls(html).filter((url) => !/^"#[\w-]+"$/.test(url))).toEqual([]);
    const titled = toHtml(example, { title: '<b>x</b>' });
    expect(titled).toContain('<title>&lt;b&gt;x&lt;/b&gt;</title>');
    expect(titled).not.toContain('<b>x</b>');
  });

  it('opens the checks that need attention, with findings, evidence, and for an error what pastoe could not do', () => {
    const html = toHtml(example);
    const hsts = html.slice(
      html.indexOf('<details class="check c-fail needs" open>'),
      html.indexOf('</details>', html.indexOf('c-fail needs')),
    );
    expect(hsts).toContain('<span class="badge st-fail">✗ fail</span> HSTS not (properly) offered <code>web-https-http-hsts</code>');
    expect(hsts).toContain(
      '<li>web-https-http-hsts.too-short (header=max-age=300) — example.nl (192.0.2.1:443), example.nl ([2001:db8::1]:443)</li>',
    );
    expect(hsts).toContain(
      '<tr><td>example.nl (192.0.2.1:443)</td><td><span class="badge st-fail">✗ fail</span></td><td>header: max-age=300; maxAge: 300; preload: false</td></tr>',
    );
    const error = html.slice(html.indexOf('<details class="check c-error" open>'));
    expect(error).toContain('<p class="error">pastoe could not judge this: pastoe timed out (probe: timeout)</p>');
    expect(error.slice(0, error.indexOf('</details>'))).not.toContain('Advice');
    // Passed checks are there, folded.
    expect(html).toContain('<details class="check c-pass">\n<summary><span class="badge st-pass">✓ pass</span>');
  });

  it('gives a fragment for notebooks: a div with its own scoped styles', () => {
    const html = toHtml(example, { fragment: true });
    expect(html.startsWith('<div class="pastoe-report" lang="en">\n<style>')).toBe(true);
    expect(html.trimEnd().endsWith('</div>')).toBe(true);
    expect(html).not.toMatch(/<html|<head|<body|<!doctype/i);
  });

  it('scopes every style rule to the report', () => {
    const rules = reportStyles.replace(/@media[^{]*\{/g, '').split('}');
    const selectors = rules.map((rule) => rule.split('{')[0]?.trim() ?? '').filter((selector) => selector !== '');
    const unscoped = selectors
      .flatMap((selector) => selector.split(','))
      .filter((selector) => !selector.trim().startsWith('.pastoe-report'));
    expect(selectors.length).toBeGreaterThan(20);
    expect(unscoped).toEqual([]);
  });

  it('gives several reports an overview linking to each domain, and the adoption chart and tables', () => {
    const other = renderableReport('voorbeeld.nl');
    const summary = summarize([example, other], { groupBy: (report) => (report.target.domain.endsWith('.nl') ? 'nl' : undefined) });
    const html = toHtml([example, other], { summary });
    expect(html).toContain('<th scope="row"><a href="#pastoe-domain-1">example.nl</a></th>');
    expect(html).toContain('<section class="domain" id="pastoe-domain-2">\n<h2>voorbeeld.nl</h2>');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="pastoe-chart" role="img"');
    expect(html).toContain('<th scope="row">All domains</th><td>2</td><td>0 % (0/2)</td><td>100 % (2/2)</td>');
  });
});
