import { describe, expect, it } from 'vitest';
import { summarize } from '../summary/summarize.js';
import { type SupplierCatalogue, SupplierCatalogueError } from '../suppliers/catalogue.js';
import { hostedReport } from '../suppliers/test-support/hosted-report.js';
import { parseCsv } from '../test-support/csv.js';
import { report, suiteVerdicts } from '../test-support/reports.js';
import { compare } from './compare.js';
import { comparisonToCsv } from './comparison-csv.js';
import { comparisonToHtml } from './comparison-html.js';
import { comparisonToMarkdown } from './comparison-markdown.js';
import type { ComparableReport, ComparisonSource } from './types.js';

const catalogue: SupplierCatalogue = {
  suppliers: [
    { id: 'nodane', name: 'No DANE <Mail>', mx: ['*.mx.nodane.example'], ns: ['*.ns.nodane.example'] },
    { id: 'danemail', name: 'DANE Mail', mx: ['*.mx.danemail.example'] },
    { id: 'oldmail', name: 'Old Mail', mx: ['*.mx.oldmail.example'] },
  ],
};

/** A mail report of `domain` with its MX at `mx` and its name servers at NoDANE; DANE passes when `dane`. */
function customer(domain: string, mx: string, dane: boolean): ComparableReport {
  const verdicts = suiteVerdicts('mail', dane ? {} : { mail_starttls_dane_exist: 'fail' });
  return { report: hostedReport(domain, { mx: [[10, mx]], ns: ['x.ns.nodane.example'] }, verdicts) };
}

// Between A and B: a.nl gets DANE at NoDANE, c.nl moves from Old Mail to DANE Mail, d.nl's
// hosting becomes known (it had no evidence in A), e.nl stays self-hosted without DANE.
const a = [
  customer('a.nl', 'a.mx.nodane.example', false),
  customer('b.nl', 'b.mx.nodane.example', false),
  customer('c.nl', 'c.mx.oldmail.example', false),
  { report: report('d.nl', suiteVerdicts('mail')) },
  customer('e.nl', 'mail.e.nl', false),
];
const b = [
  customer('a.nl', 'a.mx.nodane.example', true),
  customer('b.nl', 'b.mx.nodane.example', false),
  customer('c.nl', 'c.mx.danemail.example', true),
  customer('d.nl', 'd.mx.danemail.example', true),
  customer('e.nl', 'mail.e.nl', false),
];
const source: ComparisonSource = {
  measurement: (id) => ({ id, startedAt: `2026-0${id}-01T00:00:00.000Z` }),
  reports: (id) => (id === 1 ? a : b),
};
const comparison = compare(source, 1, 2, { suppliers: catalogue });

describe('compare with suppliers', () => {
  const role = (name: string) => comparison.suppliers?.find((entry) => entry.role === name);
  const use = (roleName: string, supplier: string) => role(roleName)?.suppliers.find((entry) => entry.supplier === supplier);
  const dane = (supplier: string) => use('mail', supplier)?.standards.find((entry) => entry.policyStandard === 'mail-dane');

  it('pairs the suppliers of each role: B’s order, then those only A has, other last', () => {
    expect(comparison.suppliers?.map((entry) => [entry.role, entry.domains, entry.unattributed])).toEqual([
      ['mail', { a: 4, b: 5 }, { a: 1, b: 0 }],
      ['dns', { a: 4, b: 5 }, { a: 1, b: 0 }],
      ['web', { a: 0, b: 0 }, { a: 5, b: 5 }],
    ]);
    expect(role('mail')?.suppliers.map((entry) => [entry.supplier, entry.name, entry.domains])).toEqual([
      ['nodane', 'No DANE <Mail>', { a: 2, b: 2 }],
      ['danemail', 'DANE Mail', { a: 0, b: 2 }],
      ['oldmail', 'Old Mail', { a: 1, b: 0 }],
      ['other', undefined, { a: 1, b: 1 }],
    ]);
    expect(role('web')?.suppliers).toEqual([]);
  });

  it('gives the adoption of each standard and of the role’s target state in A, in B and the change', () => {
    expect(dane('nodane')).toMatchObject({ a: { yes: 0, no: 2, share: 0 }, b: { yes: 1, no: 1, share: 0.5 }, change: 0.5 });
    expect(use('mail', 'nodane')?.streefbeeld).toMatchObject({ a: { yes: 0, no: 2 }, b: { yes: 1, no: 1 }, change: 0.5 });
    // A supplier without customers on one side has no share there, so no change.
    expect(dane('danemail')).toMatchObject({ a: { yes: 0, no: 0, share: null }, b: { yes: 2, share: 1 }, change: null });
    expect(dane('oldmail')).toMatchObject({ a: { no: 1, share: 0 }, b: { share: null }, change: null });
    expect(dane('other')).toMatchObject({ a: { share: 0 }, b: { share: 0 }, change: 0 });
    expect(use('mail', 'nodane')?.standards.every((entry) => entry.suite === 'mail')).toBe(true);
    // DNS answers for the domain's DNSSEC only, and has no target state of its own.
    expect(use('dns', 'nodane')?.standards.map((entry) => entry.policyStandard)).toEqual(['web-dnssec']);
    expect(use('dns', 'nodane')?.streefbeeld).toBeUndefined();
  });

  it('counts exactly as summarize’s supplier view of each measurement', () => {
    const reports = (entries: readonly ComparableReport[]) => entries.map((entry) => entry.report);
    for (const [side, entries] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const summary = summarize(reports(entries), { suppliers: catalogue });
      for (const summaryRole of summary.suppliers ?? []) {
        for (const summaryUse of summaryRole.suppliers) {
          const paired = use(summaryRole.role, summaryUse.supplier);
          expect(paired?.domains[side]).toBe(summaryUse.domains);
          expect(paired?.standards.map((entry) => [entry.policyStandard, entry[side].yes, entry[side].no, entry[side].share])).toEqual(
            summaryUse.standards.map((entry) => [entry.policyStandard, entry.yes, entry.no, entry.share]),
          );
        }
      }
    }
  });

  it('is plain data, left out without a catalogue, and refuses a bad catalogue before reading', () => {
    expect(JSON.parse(JSON.stringify(comparison))).toEqual(comparison);
    expect(compare(source, 1, 2)).not.toHaveProperty('suppliers');
    let reads = 0;
    const counting: ComparisonSource = {
      measurement: source.measurement,
      *reports(id) {
        reads++;
        yield* source.reports(id);
      },
    };
    expect(() => compare(counting, 1, 2, { suppliers: { suppliers: [{ id: 'other', name: 'X' }] } })).toThrow(SupplierCatalogueError);
    expect(reads).toBe(0);
  });
});

describe('the comparison renderers with suppliers', () => {
  it('write a supplier change table per role in English Markdown, names escaped', () => {
    const md = comparisonToMarkdown(comparison, { language: 'en' });
    expect(md).toContain('### Suppliers');
    expect(md).toContain('#### Email (MX servers)');
    expect(md).toContain('| Supplier | Domains in A | Domains in B | Item | A | B | Change |');
    expect(md).toContain('| No DANE \\<Mail\\> | 2 | 2 | Email: DANE | 0 % (0/2) | 50 % (1/2) | +50 points |');
    expect(md).toContain('| DANE Mail | 0 | 2 | Target state email | no data | 100 % (2/2) |  |');
    expect(md).toContain('| Other or self-hosted | 1 | 1 | Email: DANE | 0 % (0/1) | 0 % (0/1) | 0 points |');
    expect(md).toContain('1 domains in A and 0 in B without data on this take no part.');
    expect(md).toMatch(/#### Web hosting \(AS of the web servers\)\n\nNo domains with data on this\.\n/);
    // The supplier tables come after the adoption tables, before the changes per domain.
    expect(md.indexOf('### Suppliers')).toBeLessThan(md.indexOf('## Changes per domain'));
  });

  it('write them in Dutch HTML, escaped', () => {
    const html = comparisonToHtml(comparison, { language: 'nl', fragment: true });
    expect(html).toContain('<h3>Leveranciers</h3>');
    expect(html).toContain('<h4>DNS (nameservers)</h4>');
    expect(html).toContain('<th scope="col">Domeinen in A</th>');
    expect(html).toContain(
      '<th scope="row">No DANE &lt;Mail&gt;</th><td>2</td><td>2</td><td>E-mail: DANE</td><td>0 % (0/2)</td><td>50 % (1/2)</td><td>+50 procentpunt</td>',
    );
    expect(html).toContain('<th scope="row">Overig of eigen beheer</th>');
    expect(html).toContain('1 domeinen in A en 0 in B zonder gegevens hierover tellen niet mee.');
    expect(html).not.toContain('<Mail>');
    expect(html).not.toMatch(/\b(Suppliers|Domains in|points)\b/);
    expect(comparisonToHtml(compare(source, 1, 2), { language: 'nl' })).not.toContain('Leveranciers');
  });

  it('write supplier rows last in the CSV table', () => {
    const rows = parseCsv(comparisonToCsv(comparison));
    const mail = rows.filter((row) => row[0] === 'mail-supplier' && row[3] === 'mail-dane');
    expect(mail).toEqual([
      ['mail-supplier', 'nodane', 'standard', 'mail-dane', 'dane', '2', '2', '0', '2', '0', '1', '1', '50', '50'],
      ['mail-supplier', 'danemail', 'standard', 'mail-dane', 'dane', '0', '2', '0', '0', '', '2', '0', '100', ''],
      ['mail-supplier', 'oldmail', 'standard', 'mail-dane', 'dane', '1', '0', '0', '1', '0', '0', '0', '', ''],
      ['mail-supplier', 'other', 'standard', 'mail-dane', 'dane', '1', '1', '0', '1', '0', '0', '1', '0', '0'],
    ]);
    expect(rows).toContainEqual(['mail-supplier', 'nodane', 'streefbeeld', 'mail', '', '2', '2', '0', '2', '0', '1', '1', '50', '50']);
    expect(rows.filter((row) => row[0] === 'dns-supplier').map((row) => [row[1], row[3]])).toEqual([['nodane', 'web-dnssec']]);
    expect(rows.at(-1)?.[0]).toBe('dns-supplier');
    expect(parseCsv(comparisonToCsv(compare(source, 1, 2))).some((row) => row[0]?.endsWith('-supplier'))).toBe(false);
  });
});
