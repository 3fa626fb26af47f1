import { type DnssecEvidence, type EvidenceBundle, evaluate, policies, score } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { webPreset } from '../../index.js';
import { webDnssecExists } from '../web-dnssec-exists/web-dnssec-exists.check.js';
import { webDnssecValid } from './web-dnssec-valid.check.js';

function bundle(data: Partial<DnssecEvidence>): EvidenceBundle {
  const evidence: DnssecEvidence = {
    name: 'example.test',
    type: 'SOA',
    status: 'secure',
    reason: 'validated',
    rcode: 'NOERROR',
    answer: 'positive',
    wildcard: false,
    records: [],
    chain: [],
    queries: 4,
    ...data,
  };
  return {
    target: { domain: 'example.test', input: 'example.test' },
    startedAt: '2026-11-23T12:00:00.000Z',
    probes: ['dnssec-domain'],
    evidence: [
      {
        probe: 'dnssec-domain',
        subject: { name: 'example.test', role: 'domain' },
        startedAt: '2026-11-23T12:00:00.000Z',
        durationMs: 3,
        ok: true,
        data: evidence,
      },
    ],
  };
}

const webDnssecPercentage = (verdicts: ReturnType<typeof evaluate>): number | undefined => {
  const result = score({ verdicts }, policies.internetnlWeb);
  return result.suites[0]?.categories.find((c) => c.id === 'web_dnssec')?.percentage;
};

describe('web DNSSEC checks from evidence', () => {
  it('a secure domain passes both and scores 100 %', () => {
    const verdicts = evaluate([webDnssecExists, webDnssecValid], bundle({}));
    expect(verdicts.map((v) => [v.status, v.outcome])).toEqual([
      ['pass', 'good'],
      ['pass', 'secure'],
    ]);
    expect(webDnssecPercentage(verdicts)).toBe(100);
  });

  it('an unsigned domain fails "exists", leaves "valid" not tested, and scores 20 % as Internet.nl does', () => {
    const verdicts = evaluate([webDnssecExists, webDnssecValid], bundle({ status: 'insecure', reason: 'insecure-delegation' }));
    expect(verdicts.map((v) => [v.status, v.outcome])).toEqual([
      ['fail', 'bad'],
      ['not-tested', 'insecure'],
    ]);
    expect(webDnssecPercentage(verdicts)).toBe(20);
  });

  it('a bogus domain passes "exists", fails "valid" with the reason, and scores 0 %', () => {
    const verdicts = evaluate([webDnssecExists, webDnssecValid], bundle({ status: 'bogus', reason: 'signature-expired', ede: 7 }));
    expect(verdicts.map((v) => [v.status, v.outcome])).toEqual([
      ['pass', 'good'],
      ['fail', 'bogus'],
    ]);
    expect(verdicts[1]?.findings[0]).toMatchObject({ id: 'web-dnssec-valid.bogus', params: { reason: 'signature-expired' } });
    expect(verdicts[1]?.facts).toMatchObject({ ede: 7, state: 'bogus' });
    expect(webDnssecPercentage(verdicts)).toBe(0);
  });

  it('a domain that does not exist is a resolver error', () => {
    const verdicts = evaluate([webDnssecExists, webDnssecValid], bundle({ status: 'secure', answer: 'nxdomain', rcode: 'NXDOMAIN' }));
    expect(verdicts.map((v) => [v.status, v.outcome])).toEqual([
      ['fail', 'resolver-error'],
      ['not-tested', 'dnserror'],
    ]);
    expect(webDnssecPercentage(verdicts)).toBe(0);
  });
});

describe('the website preset, scored', () => {
  it('is a partial Internet.nl test: 100 % of what it tests, incomplete, and unknown to the streefbeeld', () => {
    const verdicts = evaluate(webPreset.checks, bundle({}));
    const points = score({ verdicts }, policies.internetnlWeb);
    expect(points.suites.map((suite) => [suite.id, suite.percentage, suite.complete])).toEqual([['web', 100, false]]);
    expect(points.complete).toBe(false);
    expect(points.missing).toContain('web_https_http_hsts');
    expect(points.missing).not.toContain('web_dnssec_valid');
    const target = score({ verdicts }, policies.streefbeeld);
    const web = target.suites[0]?.standards ?? [];
    expect(web.find((standard) => standard.id === 'web-dnssec')?.meets).toBe(true);
    expect(web.find((standard) => standard.id === 'web-https')?.meets).toBe('unknown');
    expect(target.meets).toBe('unknown');
  });
});
