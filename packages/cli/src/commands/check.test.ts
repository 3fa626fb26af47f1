import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanReport } from '@pastoe/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreShortfalls, standardShortfalls } from '../monitoring.js';
import { renderReports } from '../output/formats.js';
import { runCli } from '../run.js';
import { capture } from '../test-support.js';

/** An ANSI colour code. */
const ansi = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`);

describe('pastoe check against the in-process lab', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pastoe-check-test-'));
  let report: ScanReport;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const c = capture();
    const file = join(dir, 'mail-modern.json');
    expect(await runCli(['check', 'mail-modern.test', '--lab', '--mail', '--format', 'json', '--out', file], c.io)).toBe(0);
    expect(c.out()).toBe('');
    report = JSON.parse(readFileSync(file, 'utf8')) as ScanReport;
  }, 120_000);

  it('writes the JSON report to --out: one report, mail checks only', () => {
    expect(report).toMatchObject({ target: { domain: 'mail-modern.test' }, tool: { name: 'pastoe' } });
    expect(report.verdicts.length).toBeGreaterThan(20);
    expect(report.verdicts.every((verdict) => verdict.check.startsWith('mail'))).toBe(true);
  });

  it('renders the same reports as text, CSV and Internet.nl JSON', () => {
    const options = { language: 'en', policy: 'internetnl', colour: false, kind: 'mail' } as const;
    const text = renderReports([report], 'text', options);
    expect(text).toMatch(/^mail-modern\.test\n {2}Internet\.nl score\n {4}mail {2}100% {3}ipv6 100% {2}dnssec 100%/);
    expect(text).toContain('streefbeeld (target state): yes (mail yes)');
    expect(text).not.toMatch(ansi);
    expect(renderReports([report], 'text', { ...options, language: 'nl' })).toContain('niet geslaagd (');
    expect(renderReports([report, report], 'json', options)).toMatch(/^\[\n\{[\s\S]*\},\n\{[\s\S]*\}\n\]\n$/);
    expect(renderReports([report], 'csv', options).split('\n')[1]).toMatch(/^mail-modern\.test,,100,/);
    const batch = JSON.parse(renderReports([report], 'internetnl', options));
    expect(batch.request.request_type).toBe('mail');
    expect(batch.domains['mail-modern.test'].scoring.percentage).toBe(100);
  });

  it('reports monitoring shortfalls: scores below --fail-under, standards --require names that are not met or not tested', () => {
    expect(scoreShortfalls([report], 100)).toEqual([]);
    expect(scoreShortfalls([report], undefined)).toEqual([]);
    expect(standardShortfalls([report], ['dmarc', 'starttls', 'dane'])).toEqual([]);
    expect(standardShortfalls([report], ['https'])).toEqual(['mail-modern.test: standard https was not tested']);
  });

  it('exits 0 when the thresholds are met, and colours the text summary on a terminal', async () => {
    const c = capture({ tty: true });
    expect(await runCli(['check', 'mail-modern.test', '--lab', '--mail', '--fail-under', '100', '--require', 'dmarc,dane'], c.io)).toBe(0);
    expect(c.out()).toMatch(ansi);
    expect(c.out()).toContain('\u001b[1mmail-modern.test\u001b[22m');
    expect(c.err()).toBe('');
  }, 120_000);

  it('exits 1 naming each threshold not met, without colours under NO_COLOR', async () => {
    const c = capture({ tty: true, env: { NO_COLOR: '1' } });
    const args = [
      'check',
      'mail-nostarttls.test',
      '--lab',
      '--mail',
      '--fail-under',
      '90',
      '--require',
      'starttls,dmarc',
      '--policy',
      'streefbeeld',
    ];
    expect(await runCli(args, c.io)).toBe(1);
    expect(c.out()).not.toMatch(ansi);
    // streefbeeld first, as --policy asks.
    expect(c.out()).toMatch(/^mail-nostarttls\.test\n {2}streefbeeld \(target state\): no/);
    expect(c.err()).toMatch(/^pastoe check: mail-nostarttls\.test: Internet\.nl mail score \d+% is below 90$/m);
    expect(c.err()).toMatch(/^pastoe check: mail-nostarttls\.test: standard starttls \(mail\) is not met \(false\)$/m);
    expect(c.err()).not.toMatch(/standard dmarc/);
  }, 120_000);
});

describe('pastoe check when pastoe itself cannot judge', () => {
  it('exits 1 with the vantage failure on stderr when its own resolver does not answer, marking no domain', async () => {
    const c = capture();
    const args = ['check', 'example.nl', '--web', '--resolver', 'udp://127.0.0.1:1', '--allow-private', '--vantage', '127.0.0.1:1'];
    expect(await runCli([...args, '--timeout', '10'], c.io)).toBe(1);
    expect(c.out()).toBe('');
    expect(c.err()).toMatch(/^pastoe check: pastoe cannot judge domains from here: .+\n$/);
  }, 60_000);
});
