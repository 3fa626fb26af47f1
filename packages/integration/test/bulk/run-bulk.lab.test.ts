/**
 * The bulk engine against the lab: generated domains scanned into a results store, a bad input
 * recorded as a failure, a run stopped by its signal and resumed, and the outputs written from
 * the store.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailPreset } from '@pastoe/checks-mail';
import { type Lab, startLab } from '@pastoe/lab';
import type { AdoptionSummary } from '@pastoe/reporting';
import { openStore } from '@pastoe/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BulkProgress, runBulk, writeBulkOutputs } from '../../../cli/src/bulk/index.js';
import { bulkDomains, bulkZones } from './bulk-lab.js';

const count = 8;
let lab: Lab;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pastoe-bulk-'));
  lab = await startLab({ extraZones: bulkZones(count) });
}, 60_000);
afterAll(async () => {
  await lab?.close();
  rmSync(dir, { recursive: true, force: true });
});

const scanOptions = () => ({ preset: mailPreset, transports: lab.transports(), vantage: lab.vantage, domainConcurrency: 4 });

describe('runBulk and writeBulkOutputs', () => {
  it('commits every domain, records a bad one as a failure, reports progress and writes the outputs from the store', async () => {
    const store = openStore(join(dir, 'all.sqlite'));
    const inputs = [...bulkDomains(count), { domain: '192.0.2.1' }];
    const progress: BulkProgress[] = [];
    const result = await runBulk({
      inputs,
      store,
      resume: false,
      scan: scanOptions(),
      label: '<b>najaar</b>',
      onProgress: (p) => progress.push(p),
    });

    expect(result).toMatchObject({ scanned: count, skipped: 0, failed: 1 });
    expect(progress[0]).toMatchObject({ done: 0, total: count + 1, failed: 0, ratePerSecond: 0, etaSeconds: undefined });
    expect(progress.at(-1)).toMatchObject({ done: count + 1, failed: 1, etaSeconds: 0 });
    expect(progress.at(-1)?.ratePerSecond).toBeGreaterThan(0);
    expect(
      progress
        .slice(1)
        .map((p) => p.domain)
        .sort(),
    ).toEqual(inputs.map((input) => input.domain).sort());
    expect([...store.failures(result.measurementId)]).toEqual([
      { domain: '192.0.2.1', error: { code: 'invalid-input', message: expect.stringContaining('is an IP address') } },
    ]);
    expect(store.measurement(result.measurementId)).toMatchObject({ policy: 'internetnl', label: '<b>najaar</b>' });
    expect(store.measurement(result.measurementId)?.finishedAt).toBeDefined();

    const paths = await writeBulkOutputs(store, result.measurementId, join(dir, 'out'), { language: 'nl' });
    store.close();
    expect(paths.map((path) => path.slice(join(dir, 'out').length + 1))).toEqual([
      'summary.json',
      'summary.csv',
      'results.csv',
      'summary.html',
    ]);
    const [jsonPath, summaryCsvPath, resultsPath, htmlPath] = paths as [string, string, string, string];

    const summary = JSON.parse(readFileSync(jsonPath, 'utf8')) as AdoptionSummary;
    expect(summary.overall.domains).toBe(count);
    expect(summary.groups.map((group) => [group.group, group.domains])).toEqual([
      ['gemeenten', 2],
      ['provincies', 2],
      ['rijk', 2],
      ['waterschappen', 2],
    ]);
    // The shared MX is the lab's good mail server, and every bulk domain publishes SPF and DMARC p=reject.
    const dmarc = summary.overall.standards.find((standard) => standard.policyStandard === 'mail-dmarc');
    expect(dmarc).toMatchObject({ yes: count, share: 1 });
    expect(readFileSync(summaryCsvPath, 'utf8')).toContain('\r\ngroup,gemeenten,check,mail-auth-dmarc-exist,dmarc,2,2,0,100,0,0,0\r\n');

    const rows = readFileSync(resultsPath, 'utf8').trimEnd().split('\r\n');
    expect(rows[0]?.startsWith('domain,internetnl_web,internetnl_mail,')).toBe(true);
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(bulkDomains(count).map((entry) => entry.domain));

    const html = readFileSync(htmlPath, 'utf8');
    expect(html).toContain('<title>&lt;b&gt;najaar&lt;/b&gt;</title>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('Alle domeinen</th><td>8</td>');
    expect(html).toMatch(/<svg[^>]*role="img"/);
  }, 120_000);

  it('stops on its signal with what it finished committed, and a resumed run finishes only the rest', async () => {
    const store = openStore(join(dir, 'stopped.sqlite'));
    const inputs = bulkDomains(count);
    const stop = new AbortController();
    const stopped = runBulk({
      inputs,
      store,
      resume: false,
      scan: { ...scanOptions(), domainConcurrency: 1 },
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done === 2) stop.abort(new Error('operator pressed Ctrl-C'));
      },
    });
    await expect(stopped).rejects.toThrow('operator pressed Ctrl-C');
    const interrupted = store.latestUnfinished();
    expect(interrupted).toBeDefined();
    expect(store.finishedDomains(interrupted?.id ?? -1)).toEqual(new Set(['bulk-1.test', 'bulk-2.test']));

    // Another list does not continue this measurement.
    const other = await runBulk({ inputs: inputs.slice(0, 1), store, resume: true, scan: scanOptions() });
    expect(other.measurementId).not.toBe(interrupted?.id);
    expect(other).toMatchObject({ scanned: 1, skipped: 0 });

    const resumed = await runBulk({ inputs, store, resume: true, scan: scanOptions() });
    expect(resumed).toMatchObject({ measurementId: interrupted?.id, scanned: count - 2, skipped: 2, failed: 0 });
    expect([...store.reports(resumed.measurementId)]).toHaveLength(count);
    expect(store.latestUnfinished()).toBeUndefined();
    store.close();
  }, 120_000);

  it('records a report too large for the store as that domain’s failure and goes on', async () => {
    const store = openStore(join(dir, 'small.sqlite'), { maxReportBytes: 2_000 });
    const result = await runBulk({ inputs: bulkDomains(2), store, resume: false, scan: scanOptions() });
    expect(result).toMatchObject({ scanned: 0, failed: 2 });
    expect([...store.failures(result.measurementId)].map((failure) => [failure.domain, failure.error.code])).toEqual([
      ['bulk-1.test', 'too-large'],
      ['bulk-2.test', 'too-large'],
    ]);
    expect(store.measurement(result.measurementId)?.finishedAt).toBeDefined();
    store.close();
  }, 60_000);
});
