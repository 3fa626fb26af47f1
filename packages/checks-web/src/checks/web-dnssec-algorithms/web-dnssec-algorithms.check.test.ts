import { type ChainStep, type DnssecEvidence, type EvidenceBundle, evaluate, policies, score } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { webPreset } from '../../index.js';
import { webDnssecValid } from '../web-dnssec-valid/web-dnssec-valid.check.js';
import { webDnssecAlgorithms } from './web-dnssec-algorithms.check.js';

type Step = Partial<ChainStep> & Pick<ChainStep, 'zone'>;

function step(fields: Step): ChainStep {
  return {
    status: 'secure',
    reason: 'validated',
    ds: 'secure',
    dnskey: 'secure',
    dsKeyTags: [1],
    dsDigestTypes: [2],
    keyTags: [1],
    algorithms: [13],
    keys: [{ keyTag: 1, algorithm: 13, flags: 257, bits: 256 }],
    ...fields,
  };
}

const parents = [step({ zone: '', ds: 'trust-anchor' }), step({ zone: 'test' })];

function bundle(own: Step | undefined, data: Partial<DnssecEvidence> = {}, ok = true): EvidenceBundle {
  const evidence: DnssecEvidence = {
    name: 'example.test',
    type: 'SOA',
    status: 'secure',
    reason: 'validated',
    rcode: 'NOERROR',
    answer: 'positive',
    wildcard: false,
    records: [],
    chain: own === undefined ? parents : [...parents, step(own)],
    queries: 6,
    ...data,
  };
  const at = '2026-11-23T12:00:00.000Z';
  const subject = { name: 'example.test', role: 'domain' as const };
  return {
    target: { domain: 'example.test', input: 'example.test' },
    startedAt: at,
    probes: ['dnssec-domain'],
    evidence: [
      ok
        ? { probe: 'dnssec-domain', subject, startedAt: at, durationMs: 3, ok: true, data: evidence }
        : { probe: 'dnssec-domain', subject, startedAt: at, durationMs: 3, ok: false, error: { code: 'timeout', message: 'slow' } },
    ],
  };
}

function verdictOf(data: EvidenceBundle) {
  const [verdict] = evaluate([webDnssecAlgorithms], data);
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
}

const rsaKeys = (algorithm: number, bits: number) => ({
  algorithms: [algorithm],
  keys: [
    { keyTag: 1, algorithm, flags: 257, bits: 2048 },
    { keyTag: 2, algorithm, flags: 256, bits },
  ],
});

describe('web-dnssec-algorithms from evidence', () => {
  it('is pastoe’s own recommended DNSSEC check, outside the Internet.nl score', () => {
    expect(webDnssecAlgorithms).toMatchObject({ level: 'recommended', standard: 'dnssec' });
    expect(webDnssecAlgorithms.internetnl).toBeUndefined();
    const ids = webPreset.checks.map((c) => c.id);
    expect(ids).toContain('web-dnssec-algorithms');
    // Scoring ignores it: a weak algorithm leaves the DNSSEC category at 100 %.
    const verdicts = evaluate([webDnssecValid, webDnssecAlgorithms], bundle({ zone: 'example.test', ...rsaKeys(8, 1024) }));
    expect(verdicts[1]?.status).toBe('warning');
    const category = score({ verdicts }, policies.internetnlWeb).suites[0]?.categories.find((c) => c.id === 'web_dnssec');
    expect(category?.percentage).toBe(100);
  });

  it.each<[string, Step | undefined, Partial<DnssecEvidence>, string, string]>([
    ['ECDSA P-256 and a SHA-256 DS', { zone: 'example.test' }, {}, 'pass', 'good'],
    ['RSASHA256 at 2048 bits', { zone: 'example.test', ...rsaKeys(8, 2048) }, {}, 'pass', 'good'],
    ['a 1024-bit RSA zone-signing key', { zone: 'example.test', ...rsaKeys(8, 1024) }, {}, 'warning', 'phase-out'],
    ['RSASHA512', { zone: 'example.test', ...rsaKeys(10, 2048) }, {}, 'warning', 'phase-out'],
    // Recommended: the runner clamps the judge's fail to a warning; the outcome keeps the difference.
    ['RSASHA1-NSEC3-SHA1 keys', { zone: 'example.test', ...rsaKeys(7, 2048) }, {}, 'warning', 'bad'],
    ['a SHA-1 DS only', { zone: 'example.test', dsDigestTypes: [1] }, {}, 'warning', 'bad'],
    ['a private algorithm beside ECDSA', { zone: 'example.test', algorithms: [13, 253] }, {}, 'info', 'other'],
    [
      'RSASHA1 only, which pastoe does not validate (insecure)',
      {
        zone: 'example.test',
        status: 'insecure',
        reason: 'unsupported-dnskey-algorithm',
        ds: 'unsupported',
        dnskey: 'not-checked',
        algorithms: [5],
        keys: undefined,
      },
      { status: 'insecure', reason: 'unsupported-dnskey-algorithm' },
      'warning',
      'bad',
    ],
    [
      'an unsigned zone',
      {
        zone: 'example.test',
        status: 'insecure',
        reason: 'insecure-delegation',
        ds: 'absent',
        dnskey: 'not-checked',
        algorithms: [],
        keys: undefined,
      },
      { status: 'insecure', reason: 'insecure-delegation' },
      'not-applicable',
      'insecure',
    ],
    [
      'a bogus zone',
      { zone: 'example.test', status: 'bogus', reason: 'signature-expired', dnskey: 'bogus' },
      { status: 'bogus', reason: 'signature-expired' },
      'not-applicable',
      'bogus',
    ],
    ['a name that does not exist', undefined, { answer: 'nxdomain', rcode: 'NXDOMAIN' }, 'not-tested', 'dnserror'],
    ['a secure answer without a chain', undefined, { chain: [] }, 'not-tested', 'not-tested'],
    ["pastoe's own time limit", undefined, { status: 'indeterminate', reason: 'timeout', answer: 'none', rcode: null }, 'error', 'error'],
  ])('%s → %s/%s', (_what, own, data, status, outcome) => {
    const verdict = verdictOf(bundle(own, data));
    expect([verdict.status, verdict.outcome]).toEqual([status, outcome]);
  });

  it('names the zone, key tag, algorithm and size of a short key', () => {
    const verdict = verdictOf(bundle({ zone: 'example.test', ...rsaKeys(8, 1024) }));
    expect(verdict.findings).toEqual([
      {
        id: 'web-dnssec-algorithms.short-rsa-key',
        params: expect.objectContaining({ zone: 'example.test', keyTag: 2, algorithm: 8, mnemonic: 'RSASHA256', bits: 1024, flags: 256 }),
      },
    ]);
  });

  it('is an error, not a verdict on the domain, when the DNSSEC probe failed', () => {
    const verdict = verdictOf(bundle({ zone: 'example.test' }, {}, false));
    expect(verdict.status).toBe('error');
  });
});
