/**
 * `toInternetNl` on real scans: modern.test with the web preset and mail-modern.test with the
 * mail preset, against the lab, compared with a reviewed golden file. The request's time and id
 * are fixed through the options, so the file holds only what the scans decide. To rewrite the
 * file after a deliberate change: `PASTOE_UPDATE_GOLDEN=1 npx vitest run packages/integration/test/reporting`,
 * then review the diff.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import { type ScanReport, scan } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { toInternetNl } from '@pastoe/reporting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchResultsProblems } from '../../../reporting/src/internetnl/test-support/batch-shape.js';

const goldenFile = new URL('./golden/internetnl.golden.json', import.meta.url);
const fixed = {
  name: 'pastoe-lab',
  requestId: '0123456789abcdef0123456789abcdef',
  submitDate: new Date('2026-01-01T00:00:00Z'),
  finishedDate: new Date('2026-01-01T00:10:00Z'),
} as const;

let lab: Lab;
let web: ScanReport;
let mail: ScanReport;
beforeAll(async () => {
  lab = await startLab();
  const options = { transports: lab.transports(), vantage: lab.vantage };
  [web, mail] = await Promise.all([
    scan('modern.test', { preset: webPreset, ...options }),
    scan('mail-modern.test', { preset: mailPreset, ...options }),
  ]);
}, 120_000);
afterAll(() => lab?.close());

describe('toInternetNl on lab scans', () => {
  it('matches the reviewed golden file', async () => {
    const actual = {
      web: toInternetNl([web], { kind: 'web', ...fixed }),
      mail: toInternetNl([mail], { kind: 'mail', ...fixed }),
    };
    const text = `${JSON.stringify(actual, null, 2)}\n`;
    if (process.env.PASTOE_UPDATE_GOLDEN === '1') await writeFile(goldenFile, text);
    expect(batchResultsProblems(actual.web)).toEqual([]);
    expect(batchResultsProblems(actual.mail)).toEqual([]);
    // Text, not parsed JSON: key order is part of Internet.nl's shape.
    expect(text).toBe(await readFile(goldenFile, 'utf8'));
  });

  it('infers the request type from the preset the domain was scanned with', () => {
    expect(toInternetNl([web]).request.request_type).toBe('web');
    expect(toInternetNl([mail]).request.request_type).toBe('mail');
    expect(() => toInternetNl([web, mail])).toThrow(TypeError);
  });

  it('takes the request dates from the scans by default', () => {
    const { request } = toInternetNl([web]);
    expect(request.submit_date).toBe(web.startedAt.replace(/Z$/, '+00:00'));
    expect(request.finished_date).toBe(web.finishedAt.replace(/Z$/, '+00:00'));
    expect(request.request_id).toMatch(/^[0-9a-f]{32}$/);
  });
});
