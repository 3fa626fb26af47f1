import { policies, rulesetVersions, type ScanReport, score } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { summarize } from '../summary/summarize.js';
import { renderableReport } from '../test-support/render.js';
import { report, verdict } from '../test-support/reports.js';
import { summaryToMarkdown } from './summary-markdown.js';
import { toMarkdown } from './to-markdown.js';

/** The lines of a Markdown table that starts at the line holding `header`. */
function tableAt(text: string, header: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|') && line.includes(header));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  return lines.slice(start, end === -1 ? undefined : end);
}

/** The cells of a table row, split at unescaped `|`. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe('toMarkdown', () => {
  const example = renderableReport('example.nl');

  it("gives the domain's Internet.nl scores and streefbeeld decision", () => {
    const text = toMarkdown(example);
    expect(text.startsWith('# pastoe report: example.nl\n')).toBe(true);
    const web = score(example, policies.internetnlWeb).suites[0]?.percentage;
    expect(web).toBeLessThan(100);
    expect(text).toContain(
      `| Internet.nl website test | ${web} % (15 of the tests are missing from this report; the score is over what was tested.) |`,
    );
    expect(text).toContain('| Internet.nl email test | 100 % (');
    expect(text).toContain('| Target state | ❌ not met |');
    expect(text).toContain('| Target state website | ❌ not met — Not met: HSTS |');
    expect(text).toContain('| Target state email | ✅ met |');
  });

  it('explains a failed check with its findings and evidence per server, and lists passed ones in the table only', () => {
    const text = toMarkdown(example);
    expect(text).toContain('#### ❌ HSTS not (properly) offered');
    // The catalogue on this branch lacks the finding: it shows as its id and parameters.
    expect(text).toContain(
      '- web-https-http-hsts.too-short (header=max-age=300) — example.nl (192.0.2.1:443), example.nl (\\[2001:db8::1\\]:443)',
    );
    const evidence = tableAt(text, '| Server | Status | Facts |');
    expect(evidence.slice(2).map(cells)).toEqual([
      ['example.nl (192.0.2.1:443)', '❌ fail', 'header: max-age=300; maxAge: 300; preload: false'],
      ['example.nl (\\[2001:db8::1\\]:443)', '❌ fail', 'header: max-age=300; maxAge: 300; preload: false'],
    ]);
    expect(text).toContain('| ✅ pass | web\\_https\\_http\\_available.title | web\\_https\\_http\\_available |');
    expect(text).not.toContain('#### ✅');
  });

  it('says an error verdict is pastoe not judging, with the reason, and gives no fix advice for it', () => {
    const text = toMarkdown(example);
    const section = text.slice(text.indexOf('#### ❔'), text.indexOf('###', text.indexOf('#### ❔') + 5));
    expect(section).toContain('not judged');
    expect(section).toContain('**pastoe could not judge this: pastoe timed out (probe: timeout)**');
    expect(section).toContain('This says nothing about the domain');
    expect(section).not.toContain('Advice');
    expect(toMarkdown(example, { language: 'nl' })).toContain('**pastoe kon dit niet beoordelen: pastoe timed out (probe: timeout)**');
  });

  it('escapes hostile text so it cannot break a table or become HTML', () => {
    const text = toMarkdown(renderableReport('example.nl', 'a|b\r\n<script>alert(1)</script> *x* [y](z)'));
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('[y](z)');
    const rows = tableAt(text, '| Server | Status | Facts |');
    expect(rows.map((row) => cells(row).length)).toEqual([3, 3, 3, 3]);
    expect(rows[2]).toContain('header: a\\|b<br>\\<script\\>alert(1)\\</script\\> \\*x\\* \\[y\\](z)');
  });

  it('renders a custom check, an unknown category and a report with nothing scorable without crashing', () => {
    const future = { ...verdict({ check: 'web-future', status: 'fail', internetnl: 'web_future_thing' }) };
    const text = toMarkdown(report('odd.example', [future, verdict({ check: 'acme', status: 'info' })]));
    expect(text).toContain('### web\\_future');
    expect(text).toContain('### Other checks (outside the Internet.nl score)');
    expect(text.indexOf('### web\\_future')).toBeLessThan(text.indexOf('### Other checks'));
    expect(text).toContain('#### ℹ️ acme.title');
    expect(toMarkdown(report('empty.example', []))).toContain('# pastoe report: empty.example');
    expect(toMarkdown([])).toContain('No domains in this report.');
  });

  it('writes provenance the report carries and tolerates its absence', () => {
    const plain = toMarkdown(example);
    expect(plain).toContain('- pastoe version: 0.0.0-test');
    expect(plain).toContain('- Scanned: 2026-01-01T00:00:00.000Z – 2026-01-01T00:00:01.000Z');
    const carried: ScanReport = {
      ...example,
      provenance: {
        pastoeVersion: '0.0.0-test',
        rulesets: rulesetVersions,
        resolver: 'udp://127.0.0.1:53',
        dnssec: { mode: 'own', trustAnchors: ['. DS 20326 8 2 e06d'] },
        certificateTrust: {
          kind: 'custom',
          mozillaRoots: 0,
          custom: [{ subject: 'CN=Lab CA', sha256: '00', notAfter: '2030-01-01', isCa: true }],
        },
        rpki: false,
        identity: { ehloName: 'pastoe.invalid', userAgent: 'pastoe' },
      },
    };
    const text = toMarkdown(carried, { language: 'nl' });
    expect(text).toContain('- Regelsets: NCSC TLS-richtlijnen 2025-05, Internet.nl 1.11');
    expect(text).toContain('- Resolver: udp://127.0.0.1:53');
    expect(text).toContain('- DNSSEC-validatie: door pastoe, vanaf trust anchors . DS 20326 8 2 e06d');
    expect(text).toContain('- Vertrouwde rootcertificaten: 0 van Mozilla, CN=Lab CA eigen');
    expect(text).toContain('- RPKI-bronnen: geen (RPKI niet getest)');
  });

  it('gives several reports an overview table and the adoption tables, in Dutch', () => {
    const other = renderableReport('voorbeeld.nl');
    const summary = summarize([example, other], { groupBy: new Map([['example.nl', 'Rijk']]) });
    const text = toMarkdown([example, other], { language: 'nl', summary, title: 'Meting 2026' });
    expect(text.startsWith('# Meting 2026\n')).toBe(true);
    const overview = tableAt(text, '| Domein |');
    expect(overview.slice(2).map((row) => cells(row)[0])).toEqual(['example.nl', 'voorbeeld.nl']);
    expect(text).toContain('## example.nl');
    expect(text).toContain('## voorbeeld.nl');
    expect(text).toContain('| Alle domeinen | 2 | 0 % (0/2) | 100 % (2/2) |');
    expect(text).toContain('1 domeinen zonder groep tellen alleen mee in het totaal.');
    expect(text).toContain(summaryToMarkdown(summary, { language: 'nl' }).trimEnd());
  });

  it('shows one decision when a policy is chosen', () => {
    expect(toMarkdown(example, { policy: 'internetnl' })).not.toContain('Target state');
    expect(toMarkdown(example, { policy: 'streefbeeld' })).not.toContain('Internet.nl website test');
  });
});
