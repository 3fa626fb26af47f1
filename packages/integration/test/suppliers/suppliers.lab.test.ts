/**
 * The supplier view end to end: lab bulk domains that share the lab's hosted MX servers and name
 * servers, scanned with the web and mail checks, summarised with a catalogue (test data, in
 * lab-suppliers.json) of a mail supplier whose customers all have DANE, one whose customers
 * have none, a DNS supplier and a web host; then the shares per supplier, the domains that
 * comply where most of a supplier's customers do not, and the HTML in Dutch and English.
 */
import { readFileSync } from 'node:fs';
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import { type ScanReport, scanMany } from '@pastoe/core';
import { type Lab, labBulkName, startLab } from '@pastoe/lab';
import { type AdoptionSummary, attributeSuppliers, parseSupplierCatalogue, summarize, toHtml } from '@pastoe/reporting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const catalogue = parseSupplierCatalogue(readFileSync(new URL('./lab-suppliers.json', import.meta.url), 'utf8'));

/**
 * The bulk domains scanned, by the scenario they copy: one `modern` and three `nodmarc` on the
 * hosted MX of mail-modern.test (DANE, but DKIM and DMARC on the modern one only); two `legacy`
 * and three `nostarttls` on old MX servers (no DANE; STARTTLS on the legacy ones only).
 */
const scanned = { modern: [1], nodmarc: [4, 8, 12], legacy: [2, 6], nostarttls: [3, 7, 11] };
const name = (n: number) => labBulkName(n);

let lab: Lab;
let reports: ScanReport[];
let summary: AdoptionSummary;
beforeAll(async () => {
  lab = await startLab({ bulk: 12 });
  reports = [];
  const run = scanMany(Object.values(scanned).flat().map(name), {
    checks: [...webPreset.checks, ...mailPreset.checks],
    probes: [...webPreset.probes, ...mailPreset.probes],
    transports: lab.transports(),
    vantage: lab.vantage,
    domainConcurrency: 3,
  });
  for await (const result of run) if (result.ok) reports.push(result.report);
  // scanMany yields in the order domains finish; the summary lists complying domains in report order.
  reports.sort((a, b) => (a.target.domain < b.target.domain ? -1 : 1));
  summary = summarize(reports, { suppliers: catalogue });
}, 120_000);
afterAll(() => lab?.close());

const use = (role: string, supplier: string) =>
  summary.suppliers?.find((entry) => entry.role === role)?.suppliers.find((entry) => entry.supplier === supplier);
const standard = (role: string, supplier: string, id: string) =>
  use(role, supplier)?.standards.find((entry) => entry.policyStandard === id);

describe('the supplier view of lab domains', () => {
  it('attributes each domain from its saved evidence: its MX host, its name servers and its web servers’ origin AS', () => {
    expect(reports).toHaveLength(9);
    const modern = reports.find((report) => report.target.domain === name(1));
    // Through JSON, as a stored report is read back: attribution needs nothing but the evidence.
    expect(attributeSuppliers(JSON.parse(JSON.stringify(modern)), catalogue)).toEqual({
      mail: { supplier: 'hosted-mail', hosts: ['mx.mail-modern.test'] },
      dns: { supplier: 'lab-dns', hosts: [`ns1.${name(1)}`, `ns2.${name(1)}`] },
      web: { supplier: 'lab-hosting', hosts: ['AS64500'] },
    });
  });

  it('counts the customers of each supplier and the share that has DANE: all of one, none of the other', () => {
    expect(summary.suppliers?.map((role) => [role.role, role.domains, role.unattributed])).toEqual([
      ['mail', 9, 0],
      ['dns', 9, 0],
      ['web', 9, 0],
    ]);
    expect(summary.suppliers?.[0]?.suppliers.map((entry) => [entry.supplier, entry.domains])).toEqual([
      ['old-mail', 5],
      ['hosted-mail', 4],
    ]);
    expect(standard('mail', 'hosted-mail', 'mail-dane')).toMatchObject({ yes: 4, no: 0, share: 1 });
    expect(standard('mail', 'hosted-mail', 'mail-dane')?.complying).toBeUndefined();
    expect(standard('mail', 'old-mail', 'mail-dane')).toMatchObject({ yes: 0, no: 5, share: 0 });
    expect(standard('mail', 'old-mail', 'mail-dane')?.complying).toBeUndefined();
    expect(use('dns', 'lab-dns')?.standards).toEqual([expect.objectContaining({ policyStandard: 'web-dnssec', yes: 9, share: 1 })]);
  });

  it('names the customers that comply where most of the supplier’s customers do not', () => {
    expect(standard('mail', 'hosted-mail', 'mail-dmarc')).toMatchObject({ yes: 1, no: 3, complying: [name(1)] });
    expect(standard('mail', 'hosted-mail', 'mail-dkim')).toMatchObject({ yes: 1, no: 3, complying: [name(1)] });
    expect(standard('mail', 'old-mail', 'mail-starttls')).toMatchObject({ yes: 2, no: 3, complying: [name(2), name(6)] });
    expect(standard('web', 'lab-hosting', 'web-hsts')).toMatchObject({
      yes: 4,
      no: 5,
      complying: [name(1), name(12), name(4), name(8)].sort(),
    });
    expect(use('mail', 'old-mail')?.streefbeeld).toMatchObject({ yes: 0, no: 5 });
  });

  it('shows a supplier table per role in the HTML report, in Dutch and in English', () => {
    const en = toHtml([], { summary, language: 'en' });
    const nl = toHtml([], { summary, language: 'nl' });
    for (const [html, heading, mail, complying] of [
      [en, 'Suppliers', 'Email (MX servers)', 'Comply nonetheless'],
      [nl, 'Leveranciers', 'E-mail (MX-servers)', 'Voldoen toch'],
    ] as const) {
      expect(html).toContain(`<h3>${heading}</h3>`);
      expect(html).toContain(`<h4>${mail}</h4>`);
      expect(html).toContain(`<th scope="col">${complying}</th>`);
      // Old Mail's row: 5 domains, none meets the mail target state; STARTTLS on the two legacy ones.
      expect(html).toMatch(/<th scope="row">Old Mail &amp; Co<\/th><td>5<\/td><td>0 % \(0\/5\)<\/td>/);
      expect(html).toContain(`STARTTLS: ${name(2)}, ${name(6)}`);
    }
  });
});
