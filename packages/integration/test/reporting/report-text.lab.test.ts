/**
 * `toMarkdown` and `toHtml` on real scans: three lab domains (legacy.test and modern.test with
 * the web preset, mail-modern.test with the mail preset) in two groups, with their adoption
 * summary, compared with reviewed golden files in English and Dutch. The scans' times, the
 * vantage check (its resolver has a random port) and the provenance are fixed, so the files hold
 * only what the scans decide. To rewrite them after a deliberate change (such as new catalogue
 * texts): `PASTOE_UPDATE_GOLDEN=1 npx vitest run packages/integration/test/reporting`, then
 * review the diff.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import { rulesetVersions, type ScanReport, scan } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { type AdoptionSummary, summarize, toHtml, toMarkdown } from '@pastoe/reporting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const groups = new Map([
  ['legacy.test', 'gemeenten'],
  ['modern.test', 'Rijk'],
  ['mail-modern.test', 'Rijk'],
]);

/** A report with nothing that changes between runs: fixed times, no vantage, fixed provenance. */
function stable(report: ScanReport): ScanReport {
  const { vantage: _vantage, ...rest } = report;
  return {
    ...rest,
    tool: { name: 'pastoe', version: '0.0.0-golden' },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:05.000Z',
    durationMs: 5000,
    verdicts: redactLabKeys(report.verdicts) as ScanReport['verdicts'],
    // The lab's resolver port and key tags change between starts: fixed values keep the golden stable.
    provenance: {
      pastoeVersion: '0.0.0-golden',
      rulesets: rulesetVersions,
      resolver: 'udp://127.0.0.1:5353',
      dnssec: { mode: 'own', trustAnchors: ['. DS 12345 13 2 00'] },
      certificateTrust: { kind: 'custom', mozillaRoots: 0, custom: [] },
      rpki: true,
      identity: { ehloName: 'pastoe.invalid', userAgent: 'pastoe' },
    },
  };
}

let lab: Lab;
let reports: ScanReport[];
let summary: AdoptionSummary;
beforeAll(async () => {
  lab = await startLab();
  const options = { transports: lab.transports(), vantage: lab.vantage };
  const scanned = await Promise.all([
    scan('legacy.test', { preset: webPreset, ...options }),
    scan('modern.test', { preset: webPreset, ...options }),
    scan('mail-modern.test', { preset: mailPreset, ...options }),
  ]);
  reports = scanned.map(stable);
  summary = summarize(reports, { groupBy: groups });
}, 120_000);
afterAll(() => lab?.close());

/**
 * The lab makes new keys and certificates each time it starts: the digests, key tags and
 * validity times in the verdicts' facts and findings are replaced by fixed values (before
 * rendering, so that text cut to length is cut in the same place every run).
 */
function redactLabKeys(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    return value.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, '[time]').replace(/\b[0-9a-fA-F]{16,}\b/g, '[hex]');
  }
  if (typeof value === 'number') return key === 'keyTag' ? 0 : value;
  if (Array.isArray(value)) return value.map((item) => redactLabKeys(item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redactLabKeys(item, name)]));
  }
  return value;
}

async function matchesGolden(name: string, text: string): Promise<void> {
  const file = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.PASTOE_UPDATE_GOLDEN === '1') await writeFile(file, text);
  expect(text).toBe(await readFile(file, 'utf8'));
}

describe('Markdown and HTML reports of lab scans', () => {
  it('match the reviewed golden files', async () => {
    await matchesGolden('report.en.md', toMarkdown(reports, { summary, title: 'pastoe lab' }));
    await matchesGolden('report.nl.md', toMarkdown(reports, { summary, title: 'pastoe-lab', language: 'nl' }));
    await matchesGolden('report.en.html', toHtml(reports, { summary, title: 'pastoe lab' }));
  });

  it('say what the scans decided', () => {
    const text = toMarkdown(reports, { summary });
    expect(text).toContain('| legacy.test | 90 % |  | ❌ not met |');
    expect(text).toContain('| modern.test | 100 % |  | ✅ met |');
    expect(text).toContain('| mail-modern.test |  | 100 % | ✅ met |');
    // legacy.test has no HSTS: its section explains that check, modern.test's does not.
    const legacy = text.slice(text.indexOf('## legacy.test'), text.indexOf('## modern.test'));
    const modern = text.slice(text.indexOf('## modern.test'), text.indexOf('## mail-modern.test'));
    expect(legacy).toMatch(/#### ❌ .*\n\nfail · `web-https-http-hsts`/);
    expect(modern).not.toContain('· `web-https-http-hsts`');
    expect(text).toContain('| Rijk | 2 | 100 % (1/1) | 100 % (1/1) |');
  });
});
