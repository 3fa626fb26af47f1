import { describe, expect, it } from 'vitest';
import { summaryToMarkdown } from '../markdown/summary-markdown.js';
import { toHtml } from '../html/to-html.js';
import { summarize } from '../summary/summarize.js';
import { summaryToCsv } from '../summary/summary-csv.js';
import { parseCsv } from '../test-support/csv.js';
import { report, suiteVerdicts } from '../test-support/reports.js';
import type { SupplierCatalogue } from './catalogue.js';
import { hostedReport } from './test-support/hosted-report.js';

const catalogue: SupplierCatalogue = {
  suppliers: [
    { id: 'nodane', name: 'No DANE <Mail>', mx: ['*.mx.nodane.example'], ns: ['*.ns.nodane.example'] },
    { id: 'danemail', name: 'DANE Mail', mx: ['*.mx.danemail.example'], asn: [64501] },
  ],
};

/** A web-and-mail report hosted as given; DANE fails unless `dane`, DNSSEC passes unless `dnssec` is false. */
function customer(domain: string, mx: string, options: { dane?: boolean; dnssec?: boolean; ns?: string; asn?: number } = {}) {
  const verdicts = [
    ...suiteVerdicts('web', options.dnssec === false ? { web_dnssec_exist: 'fail' } : {}),
    ...suiteVerdicts('mail', options.dane === true ? {} : { mail_starttls_dane_exist: 'fail' }),
  ];
  return hostedReport(domain, { mx: [[10, mx]], ns: [options.ns ?? `ns1.${domain}`], origins: [[options.asn ?? 64999]] }, verdicts);
}

const reports = [
  customer('a.nl', 'a.mx.nodane.example', { ns: 'x.ns.nodane.example', dnssec: false }),
  customer('b.nl', 'b.mx.nodane.example', { ns: 'x.ns.nodane.example', dnssec: false }),
  customer('c.nl', 'c.mx.nodane.example', { ns: 'x.ns.nodane.example', dane: true }),
  customer('d.nl', 'd.mx.danemail.example', { dane: true, asn: 64501 }),
  customer('e.nl', 'e.mx.danemail.example', { dane: true, asn: 64501 }),
  customer('f.nl', 'mail.f.nl'),
  // No evidence: counted overall, never attributed.
  report('g.nl', suiteVerdicts('mail')),
];

describe('summarize with suppliers', () => {
  const summary = summarize(reports, { suppliers: catalogue });
  const role = (name: string) => summary.suppliers?.find((entry) => entry.role === name);
  const use = (roleName: string, supplier: string) => role(roleName)?.suppliers.find((entry) => entry.supplier === supplier);
  const standard = (roleName: string, supplier: string, id: string) =>
    use(roleName, supplier)?.standards.find((entry) => entry.policyStandard === id);

  it('counts the customers of each supplier per role, most customers first, other last', () => {
    expect(summary.schema).toBe('pastoe.summary/1');
    expect(summary.overall.domains).toBe(7);
    expect(summary.suppliers?.map((entry) => [entry.role, entry.domains, entry.unattributed])).toEqual([
      ['mail', 6, 1],
      ['dns', 6, 1],
      ['web', 6, 1],
    ]);
    expect(role('mail')?.suppliers.map((entry) => [entry.supplier, entry.name, entry.domains])).toEqual([
      ['nodane', 'No DANE <Mail>', 3],
      ['danemail', 'DANE Mail', 2],
      ['other', undefined, 1],
    ]);
    expect(role('web')?.suppliers.map((entry) => [entry.supplier, entry.domains])).toEqual([
      ['danemail', 2],
      ['other', 4],
    ]);
  });

  it('gives the share of customers meeting each standard of the role, and names the ones that comply against the trend', () => {
    expect(standard('mail', 'nodane', 'mail-dane')).toMatchObject({ yes: 1, no: 2, share: 1 / 3, complying: ['c.nl'] });
    expect(standard('mail', 'danemail', 'mail-dane')).toMatchObject({ yes: 2, no: 0, share: 1 });
    expect(standard('mail', 'danemail', 'mail-dane')?.complying).toBeUndefined();
    expect(standard('mail', 'nodane', 'mail-spf')).toMatchObject({ yes: 3, share: 1 });
    expect(use('mail', 'nodane')?.streefbeeld).toMatchObject({ yes: 1, no: 2 });
    expect(use('mail', 'nodane')?.standards.every((entry) => entry.suite === 'mail')).toBe(true);
    // DNS answers for DNSSEC of the domain only; the web host for the web suite.
    expect(use('dns', 'nodane')?.standards.map((entry) => [entry.policyStandard, entry.yes, entry.no, entry.complying])).toEqual([
      ['web-dnssec', 1, 2, ['c.nl']],
    ]);
    expect(use('dns', 'nodane')?.streefbeeld).toBeUndefined();
    expect(use('web', 'danemail')?.standards.every((entry) => entry.suite === 'web')).toBe(true);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('leaves the supplier view out without a catalogue, and rejects a bad one', () => {
    expect(summarize(reports).suppliers).toBeUndefined();
    expect(() => summarize(reports, { suppliers: { suppliers: [{ id: 'x', name: 'X', mx: ['mx.*'] }] } })).toThrow(
      /suppliers\[0\]\.mx\[0\]/,
    );
  });

  it('writes supplier rows into the CSV summary', () => {
    const rows = parseCsv(summaryToCsv(summary));
    const dane = rows.filter((row) => row[0] === 'mail-supplier' && row[3] === 'mail-dane');
    expect(dane).toEqual([
      ['mail-supplier', 'nodane', 'standard', 'mail-dane', 'dane', '3', '1', '2', '33.3', '0', '0', '0'],
      ['mail-supplier', 'danemail', 'standard', 'mail-dane', 'dane', '2', '2', '0', '100', '0', '0', '0'],
      ['mail-supplier', 'other', 'standard', 'mail-dane', 'dane', '1', '0', '1', '0', '0', '0', '0'],
    ]);
    expect(rows.filter((row) => row[0] === 'dns-supplier').map((row) => [row[1], row[2], row[3]])).toEqual([
      ['nodane', 'standard', 'web-dnssec'],
      ['other', 'standard', 'web-dnssec'],
    ]);
  });

  it('shows a supplier table per role in Markdown and HTML, in Dutch and English, names escaped', () => {
    const en = summaryToMarkdown(summary, { language: 'en' });
    expect(en).toContain('### Suppliers');
    expect(en).toContain('#### Email (MX servers)');
    expect(en).toContain('| No DANE \\<Mail\\> | 3 | 33 % (1/3) |');
    expect(en).toContain('DANE: c.nl');
    expect(en).toContain('| Other or self-hosted | 1 |');
    expect(en).toContain('1 domains without data on this take no part.');
    const nl = toHtml([], { summary, language: 'nl' });
    expect(nl).toContain('<h3>Leveranciers</h3>');
    expect(nl).toContain('<h4>DNS (nameservers)</h4>');
    expect(nl).toContain('<th scope="row">No DANE &lt;Mail&gt;</th>');
    expect(nl).toContain('<th scope="col">Voldoen toch</th>');
    expect(nl).toContain('<th scope="row">Overig of eigen beheer</th>');
    expect(nl).not.toContain('<Mail>');
    expect(toHtml([], { summary: summarize(reports) })).not.toContain('Suppliers');
  });
});
