import { scan } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailPreset } from '../index.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

describe('MX and per-MX DNSSEC probes against the lab', () => {
  it('finds the MX of a secure lab domain and validates each mail server name', async () => {
    const report = await scan('secure-ecdsa.test', { preset: mailPreset, transports: lab.transports() });
    const mx = report.evidence.find((e) => e.probe === 'mail-mx');
    expect(mx?.ok).toBe(true);
    if (mx?.ok) expect((mx.data as { records: unknown[] }).records.length).toBeGreaterThan(0);
    const perServer = report.evidence.filter((e) => e.probe === 'mail-mx-dnssec');
    expect(perServer.length).toBeGreaterThan(0);
    expect(report.verdicts.filter((v) => v.standard === 'dnssec').map((v) => [v.check, v.status])).toEqual([
      ['mail-dnssec-exists', 'pass'],
      ['mail-dnssec-valid', 'pass'],
      ['mail-dnssec-mx-exists', 'pass'],
      ['mail-dnssec-mx-valid', 'pass'],
    ]);
  });

  it('reports a bogus mail domain as a DNSSEC failure', async () => {
    const report = await scan('expired.test', { preset: mailPreset, transports: lab.transports() });
    expect(report.verdicts.find((v) => v.check === 'mail-dnssec-valid')).toMatchObject({ status: 'fail', outcome: 'bogus' });
  });

  it('finds no mail servers for a name without MX', async () => {
    const report = await scan('nothing.secure-ecdsa.test', { preset: mailPreset, transports: lab.transports() });
    expect(report.verdicts.find((v) => v.check === 'mail-dnssec-mx-exists')).toMatchObject({
      status: 'not-tested',
      outcome: 'no-mailservers',
    });
  });
});
