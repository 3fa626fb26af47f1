import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ScanReport, type Verdict, reportSchema } from '@pastoe/core';
import { openStore } from '@pastoe/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBulkOutputs } from './outputs.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pastoe-outputs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function verdict(check: string, status: Verdict['status']): Verdict {
  return {
    check,
    status,
    rawStatus: status,
    outcome: status === 'pass' ? 'good' : 'bad',
    level: 'required',
    forced: false,
    standard: 'tls',
    title: `${check}.title`,
    findings: [],
  };
}

function report(domain: string, verdicts: readonly Verdict[]): ScanReport {
  return {
    schema: reportSchema,
    tool: { name: 'pastoe', version: '0.0.0-test' },
    target: { domain, input: domain },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    durationMs: 1000,
    probes: [],
    evidence: [],
    verdicts,
    stats: { probeRuns: 0, probeFailures: 0, checks: verdicts.length },
  };
}

describe('writeBulkOutputs', () => {
  it('writes the union of check columns when stored reports differ, and groups by the stored labels', async () => {
    const store = openStore(join(dir, 'results.sqlite'));
    const { id } = store.startMeasurement({
      domains: [
        { domain: 'a.nl', group: 'rijk' },
        { domain: 'b.nl', group: '<gemeenten>' },
      ],
      policy: 'internetnl',
    });
    store.saveReport(id, report('a.nl', [verdict('check-one', 'pass')]));
    store.saveReport(id, report('b.nl', [verdict('check-one', 'fail'), verdict('check-two', 'pass')]));
    const [json, , results, html] = await writeBulkOutputs(store, id, join(dir, 'out'));
    store.close();

    const rows = readFileSync(results ?? '', 'utf8').split('\r\n');
    expect(rows[0]).toBe('domain,internetnl_web,internetnl_mail,streefbeeld,streefbeeld_web,streefbeeld_mail,check-one,check-two');
    expect(rows[1]?.endsWith(',pass,')).toBe(true);
    expect(rows[2]?.endsWith(',fail,pass')).toBe(true);
    expect(rows).toHaveLength(4);

    const summary = JSON.parse(readFileSync(json ?? '', 'utf8')) as { groups: { group: string; domains: number }[] };
    expect(summary.groups.map((group) => [group.group, group.domains])).toEqual([
      ['<gemeenten>', 1],
      ['rijk', 1],
    ]);
    const page = readFileSync(html ?? '', 'utf8');
    expect(page).toContain('&lt;gemeenten&gt;');
    expect(page).not.toContain('<gemeenten>');
    expect(page).toContain('<html lang="en">');
  });

  it('writes the header alone for a measurement without reports', async () => {
    const store = openStore(join(dir, 'results.sqlite'));
    const { id } = store.startMeasurement({ domains: [{ domain: 'a.nl' }], policy: 'internetnl' });
    const [, , results] = await writeBulkOutputs(store, id, join(dir, 'out'));
    store.close();
    expect(readFileSync(results ?? '', 'utf8')).toBe(
      'domain,internetnl_web,internetnl_mail,streefbeeld,streefbeeld_web,streefbeeld_mail\r\n',
    );
  });

  it('writes the supplier view: the shipped catalogue by default, or the one given', async () => {
    const store = openStore(join(dir, 'results.sqlite'));
    const { id } = store.startMeasurement({ domains: [{ domain: 'a.nl' }], policy: 'internetnl' });
    const mx: ScanReport['evidence'][number] = {
      probe: 'mail-mx',
      subject: { name: 'a.nl', role: 'domain' },
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 1,
      ok: true,
      data: { rcode: 'NOERROR', records: [{ preference: 0, exchange: 'a-nl.mail.protection.outlook.com' }], domainHasAddress: false },
    };
    store.saveReport(id, { ...report('a.nl', [verdict('check-one', 'pass')]), evidence: [mx] });
    type Summary = { suppliers: { role: string; suppliers: { supplier: string; domains: number }[] }[] };
    const mailSuppliers = (path: string | undefined) =>
      (JSON.parse(readFileSync(path ?? '', 'utf8')) as Summary).suppliers.find((role) => role.role === 'mail')?.suppliers;
    const [shipped, csv, , html] = await writeBulkOutputs(store, id, join(dir, 'shipped'));
    expect(mailSuppliers(shipped)).toEqual([expect.objectContaining({ supplier: 'microsoft', domains: 1 })]);
    expect(readFileSync(csv ?? '', 'utf8')).toContain('\r\nmail-supplier,microsoft,streefbeeld,mail,');
    expect(readFileSync(html ?? '', 'utf8')).toContain('<h4>Email (MX servers)</h4>');
    const [own] = await writeBulkOutputs(store, id, join(dir, 'own'), {
      suppliers: { suppliers: [{ id: 'acme', name: 'Acme', mx: ['*.acme.example'] }] },
    });
    store.close();
    expect(mailSuppliers(own)).toEqual([expect.objectContaining({ supplier: 'other', domains: 1 })]);
  });
});
