import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdoptionSummary, Comparison } from '@pastoe/reporting';
import { openStore } from '@pastoe/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostedReport } from '../../../reporting/src/suppliers/test-support/hosted-report.js';
import { parseCsv } from '../../../reporting/src/test-support/csv.js';
import { report, suiteVerdicts } from '../../../reporting/src/test-support/reports.js';
import { runCli } from '../run.js';
import { capture } from '../test-support.js';

let dir: string;
let file: string;

/**
 * A store of three measurements of hand-built web reports: 1 (voorjaar) and 2 (najaar) finished,
 * 3 still running. Between 1 and 2 fixed.nl got HSTS and broken.nl lost it.
 */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pastoe-report-'));
  file = join(dir, 'results.sqlite');
  const store = openStore(file);
  const domains = [
    { domain: 'fixed.nl', group: 'gemeenten' },
    { domain: 'broken.nl', group: 'rijk' },
  ];
  const first = store.startMeasurement({ domains, policy: 'streefbeeld', label: 'voorjaar' });
  store.saveReport(first.id, report('fixed.nl', suiteVerdicts('web', { web_https_http_hsts: 'fail' })));
  store.saveReport(first.id, report('broken.nl', suiteVerdicts('web')));
  store.finishMeasurement(first.id);
  const second = store.startMeasurement({ domains, policy: 'streefbeeld', label: 'najaar' });
  store.saveReport(second.id, report('fixed.nl', suiteVerdicts('web')));
  store.saveReport(second.id, report('broken.nl', suiteVerdicts('web', { web_https_http_hsts: 'fail' })));
  store.finishMeasurement(second.id);
  store.startMeasurement({ domains, policy: 'streefbeeld', label: 'running' });
  store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: readonly string[]) {
  const c = capture();
  const status = await runCli(['report', ...args], c.io);
  return { status, out: c.out(), err: c.err() };
}

describe('pastoe report', () => {
  it('writes the latest finished measurement’s summary, as Markdown by default', async () => {
    const { status, out, err } = await run(['--store', file]);
    expect([status, err]).toEqual([0, '']);
    expect(out).toMatch(/^# Adoption\n/);
    // Measurement 2: fixed.nl meets the web streefbeeld, broken.nl does not.
    expect(out).toContain('| All domains | 2 | 50 % (1/2) |');
  });

  it('writes a named measurement’s summary as JSON, CSV and Dutch HTML, as pastoe bulk does', async () => {
    const json = JSON.parse((await run(['--store', file, '--measurement', '1', '--format', 'json'])).out) as AdoptionSummary;
    expect(json.groups.map((group) => [group.group, group.streefbeeld.web.yes])).toEqual([
      ['gemeenten', 0],
      ['rijk', 1],
    ]);
    const csv = await run(['--store', file, '--measurement', '1', '--format', 'csv']);
    expect(csv.out).toContain('\r\noverall,,streefbeeld,web,,2,1,1,50,0,0,0\r\n');
    const out = join(dir, 'summary.html');
    const html = await run(['--store', file, '--format', 'html', '--lang', 'nl', '--out', out]);
    expect([html.status, html.out, html.err]).toEqual([0, '', '']);
    expect(readFileSync(out, 'utf8')).toMatch(/<title>najaar<\/title>[\s\S]*Alle domeinen/);
  });

  it('compares an earlier measurement with a later one, in every format', async () => {
    const json = await run(['--store', file, '--measurement', '2', '--compare', '1', '--format', 'json']);
    expect(json.status).toBe(0);
    const comparison = JSON.parse(json.out) as Comparison;
    expect(comparison.measurements.a).toMatchObject({ id: 1, label: 'voorjaar', domains: 2 });
    expect(comparison.domains.map((entry) => [entry.domain, entry.improved.streefbeeld, entry.regressed.streefbeeld])).toEqual([
      ['fixed.nl', ['web'], []],
      ['broken.nl', [], ['web']],
    ]);
    const html = await run(['--store', file, '--compare', '1', '--format', 'html', '--lang', 'nl']);
    expect(html.out).toMatch(/^<!doctype html>[\s\S]*Verandering in adoptie[\s\S]*<svg[\s\S]*fixed\.nl/);
    const md = await run(['--store', file, '--compare', '1']);
    expect(md.out).toContain('| broken.nl | rijk |  | Target state website;');
    expect(parseCsv((await run(['--store', file, '--compare', '1', '--format', 'csv'])).out)).toContainEqual([
      'overall',
      '',
      'streefbeeld',
      'web',
      '',
      '2',
      '2',
      '1',
      '1',
      '50',
      '1',
      '1',
      '50',
      '0',
    ]);
    const domains = parseCsv((await run(['--store', file, '--compare', '1', '--format', 'csv-domains'])).out);
    expect(domains.filter((row) => row[3] === 'streefbeeld')).toEqual([
      ['fixed.nl', 'gemeenten', 'improved', 'streefbeeld', 'web'],
      ['broken.nl', 'rijk', 'regressed', 'streefbeeld', 'web'],
    ]);
  });

  it('exports a measurement as JSON lines (the reports as stored) and as a CSV row per domain', async () => {
    const jsonl = await run(['--store', file, '--measurement', '1', '--format', 'jsonl']);
    const lines = jsonl.out.split('\n');
    expect(lines.at(-1)).toBe('');
    const reports = lines.slice(0, -1).map((line) => JSON.parse(line) as ReturnType<typeof report>);
    expect(reports.map((entry) => entry.target.domain)).toEqual(['fixed.nl', 'broken.nl']);
    expect(reports[0]).toEqual(report('fixed.nl', suiteVerdicts('web', { web_https_http_hsts: 'fail' })));
    const out = join(dir, 'domains.csv');
    expect((await run(['--store', file, '--measurement', '1', '--format', 'csv-domains', '--out', out])).status).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows.map((row) => row.slice(0, 6))).toEqual([
      ['domain', 'internetnl_web', 'internetnl_mail', 'streefbeeld', 'streefbeeld_web', 'streefbeeld_mail'],
      ['fixed.nl', expect.any(String), '', 'no', 'no', ''],
      ['broken.nl', expect.any(String), '', 'yes', 'yes', ''],
    ]);
  });

  it.each([
    [['--store', 'missing.sqlite'], /--store: missing\.sqlite does not exist/],
    [['--measurement', '9'], /has no measurement 9$/m],
    [['--compare', '9'], /has no measurement 9$/m],
    [['--measurement', '2', '--compare', '2'], /--compare names the measurement itself/],
    [['--compare', '1', '--format', 'jsonl'], /--format jsonl exports one measurement/],
    [['--measurement', 'two'], /option '--measurement <id>' argument 'two' is invalid/],
    [['--format', 'pdf'], /argument 'pdf' is invalid. Allowed choices are html, md, csv, json, jsonl, csv-domains/],
    [['--lang', 'de'], /argument 'de' is invalid/],
    [['--out', '/nonexistent-dir/x.html'], /cannot write --out "\/nonexistent-dir\/x\.html"/],
    [[], /required option '--store <file>' not specified/],
  ])('refuses %j in one line with exit status 2', async (args, message) => {
    const withStore = args.includes('--store') || args.length === 0 ? args : ['--store', file, ...args];
    const { status, out, err } = await run(withStore);
    expect(status).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).toMatch(/^pastoe report: [^\n]*\nRun 'pastoe report --help' for usage\.\n$/);
  });

  it('refuses a file that is not a store, and a store without a finished measurement', async () => {
    const text = join(dir, 'not-a-store.sqlite');
    writeFileSync(text, 'domain\nexample.nl\n'.repeat(200));
    expect((await run(['--store', text])).err).toMatch(/^pastoe report: --store: .* is not a pastoe results store/);
    const empty = join(dir, 'empty.sqlite');
    openStore(empty).close();
    const run2 = await run(['--store', empty]);
    expect([run2.status, run2.err]).toEqual([2, expect.stringMatching(/has no finished measurement; name one with --measurement/)]);
  });
});

describe('pastoe report --suppliers', () => {
  let supplierStore: string;
  let catalogue: string;

  /** Two measurements of mail hosted at Acme Mail: DANE fails for both domains in 1, for one in 2. */
  beforeAll(() => {
    supplierStore = join(dir, 'suppliers.sqlite');
    catalogue = join(dir, 'suppliers.json');
    writeFileSync(catalogue, JSON.stringify({ suppliers: [{ id: 'acme', name: 'Acme Mail', mx: ['*.mx.acme.example'] }] }));
    const hosted = (domain: string, dane: boolean) =>
      hostedReport(
        domain,
        { mx: [[10, `${domain}.mx.acme.example`]] },
        suiteVerdicts('mail', dane ? {} : { mail_starttls_dane_exist: 'fail' }),
      );
    const store = openStore(supplierStore);
    const domains = [{ domain: 'a.nl' }, { domain: 'b.nl' }];
    const first = store.startMeasurement({ domains, policy: 'streefbeeld' });
    store.saveReport(first.id, hosted('a.nl', false));
    store.saveReport(first.id, hosted('b.nl', false));
    store.finishMeasurement(first.id);
    const second = store.startMeasurement({ domains, policy: 'streefbeeld' });
    store.saveReport(second.id, hosted('a.nl', true));
    store.saveReport(second.id, hosted('b.nl', false));
    store.finishMeasurement(second.id);
    store.close();
  });

  it('attributes the comparison’s and the summary’s suppliers with the catalogue given, else the shipped one', async () => {
    const json = await run(['--store', supplierStore, '--compare', '1', '--suppliers', catalogue, '--format', 'json']);
    expect([json.status, json.err]).toEqual([0, '']);
    const mail = (JSON.parse(json.out) as Comparison).suppliers?.find((role) => role.role === 'mail');
    expect(mail?.suppliers.map((use) => [use.supplier, use.domains])).toEqual([['acme', { a: 2, b: 2 }]]);
    expect(mail?.suppliers[0]?.standards.find((standard) => standard.policyStandard === 'mail-dane')).toMatchObject({
      a: { yes: 0, no: 2 },
      b: { yes: 1, no: 1 },
      change: 0.5,
    });
    const md = await run(['--store', supplierStore, '--compare', '1', '--suppliers', catalogue, '--lang', 'nl']);
    expect(md.out).toContain('| Acme Mail | 2 | 2 | E-mail: DANE | 0 % (0/2) | 50 % (1/2) | +50 procentpunt |');
    const summary = JSON.parse(
      (await run(['--store', supplierStore, '--suppliers', catalogue, '--format', 'json'])).out,
    ) as AdoptionSummary;
    expect(summary.suppliers?.find((role) => role.role === 'mail')?.suppliers.map((use) => [use.supplier, use.domains])).toEqual([
      ['acme', 2],
    ]);
    // The shipped catalogue does not know Acme: its customers are other or self-hosted.
    const shipped = JSON.parse((await run(['--store', supplierStore, '--compare', '1', '--format', 'json'])).out) as Comparison;
    expect(shipped.suppliers?.find((role) => role.role === 'mail')?.suppliers.map((use) => use.supplier)).toEqual(['other']);
  });

  it('refuses a catalogue that does not hold, or no file, in one line with exit status 2', async () => {
    const bad = join(dir, 'bad-suppliers.json');
    writeFileSync(bad, JSON.stringify({ suppliers: [{ id: 'other', name: 'X' }] }));
    for (const [file, message] of [
      [bad, /--suppliers ".*bad-suppliers\.json": supplier catalogue: suppliers\[0\]\.id "other" is reserved/],
      [join(dir, 'missing.json'), /--suppliers ".*missing\.json": ENOENT/],
    ] as const) {
      const { status, out, err } = await run(['--store', supplierStore, '--compare', '1', '--suppliers', file]);
      expect([status, out]).toEqual([2, '']);
      expect(err).toMatch(message);
      expect(err).toMatch(/^pastoe report: [^\n]*\nRun 'pastoe report --help' for usage\.\n$/);
    }
  });
});
