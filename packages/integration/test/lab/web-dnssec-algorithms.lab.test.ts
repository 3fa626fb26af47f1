/**
 * DNSSEC algorithm and digest quality (web-dnssec-algorithms) of the lab's DNSSEC algorithm
 * scenarios, scanned over the lab's transports: each finding names the zone and what is weak.
 */
import { webDnssecAlgorithms, webProbes } from '@pastoe/checks-web';
import { scan } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

async function judged(domain: string) {
  const report = await scan(domain, { checks: [webDnssecAlgorithms], probes: webProbes, transports: lab.transports() });
  const verdict = report.verdicts.find((v) => v.check === 'web-dnssec-algorithms');
  if (verdict === undefined) throw new Error(`no verdict for ${domain}`);
  return verdict;
}

describe('web-dnssec-algorithms against the lab', () => {
  it('passes modern.test (ECDSA P-256, SHA-256 DS) and lists its keys', async () => {
    const verdict = await judged('modern.test');
    expect([verdict.status, verdict.outcome]).toEqual(['pass', 'good']);
    expect(verdict.facts?.zones).toEqual([
      expect.objectContaining({ zone: 'modern.test', scope: 'own', algorithms: [13], dsDigestTypes: [2] }),
      expect.objectContaining({ zone: 'test', scope: 'parent' }),
    ]);
  });

  it('names the 1024-bit RSA key of dnssec-rsa1024.test', async () => {
    const verdict = await judged('dnssec-rsa1024.test');
    expect([verdict.status, verdict.outcome]).toEqual(['warning', 'phase-out']);
    expect(verdict.findings.map((f) => [f.id, f.params?.zone, f.params?.algorithm, f.params?.bits])).toEqual([
      ['web-dnssec-algorithms.short-rsa-key', 'dnssec-rsa1024.test', 8, 1024],
    ]);
  });

  it('names the SHA-1 DS of dnssec-ds-sha1.test', async () => {
    const verdict = await judged('dnssec-ds-sha1.test');
    expect(verdict.outcome).toBe('bad');
    expect(verdict.findings.map((f) => [f.id, f.params?.digestType, f.params?.mnemonic])).toEqual([
      ['web-dnssec-algorithms.ds-digest', 1, 'SHA-1'],
    ]);
  });

  it('names RSASHA1 in dnssec-rsasha1.test, which the validator refuses', async () => {
    const verdict = await judged('dnssec-rsasha1.test');
    expect(verdict.outcome).toBe('bad');
    expect(verdict.facts).toMatchObject({ state: 'insecure', reason: 'unsupported-dnskey-algorithm' });
    expect(verdict.findings.map((f) => [f.id, f.params?.zone, f.params?.mnemonic])).toEqual([
      ['web-dnssec-algorithms.algorithm', 'dnssec-rsasha1.test', 'RSASHA1'],
    ]);
  });
});
