import { describe, expect, it } from 'vitest';
import { judgeDnssecAlgorithms, rateDnskeyAlgorithm, rateDsDigestType } from './algorithm-quality.js';
import type { ValidationResult } from './types.js';
import { type ChainStep, chainStep, type DnskeyInfo } from './zone-state.js';

const check = 'web-dnssec-algorithms';

function secureStep(zone: string, keys: readonly DnskeyInfo[], dsDigestTypes: readonly number[] = [2]): ChainStep {
  return chainStep(zone, {
    status: 'secure',
    reason: 'validated',
    ds: zone === '' ? 'trust-anchor' : 'secure',
    dnskey: 'secure',
    dsKeyTags: keys.filter((k) => k.flags === 257).map((k) => k.keyTag),
    dsDigestTypes,
    keyTags: keys.map((k) => k.keyTag),
    algorithms: [...new Set(keys.map((k) => k.algorithm))],
    keys,
  });
}

const p256 = (keyTag: number, flags = 257): DnskeyInfo => ({ keyTag, algorithm: 13, flags, bits: 256 });
const rsa = (keyTag: number, algorithm: number, bits: number, flags = 257): DnskeyInfo => ({ keyTag, algorithm, flags, bits });
const root = secureStep('', [p256(1)], [2]);
const tld = secureStep('test', [p256(2)]);

function result(chain: readonly ChainStep[], fields: Partial<ValidationResult> = {}): ValidationResult {
  return {
    name: 'example.test',
    type: 'SOA',
    status: 'secure',
    reason: 'validated',
    rcode: 'NOERROR',
    answer: 'positive',
    wildcard: false,
    records: [],
    chain,
    queries: 5,
    ...fields,
  };
}

function judged(own: ChainStep, parent: ChainStep = tld, fields: Partial<ValidationResult> = {}) {
  return judgeDnssecAlgorithms(check, result([root, parent, own], fields));
}

describe('RFC 8624 ratings (with RFC 9905)', () => {
  it('rates DNSKEY algorithms for signing', () => {
    const rated = (list: number[]) => list.map(rateDnskeyAlgorithm);
    expect(rated([8, 13, 14, 15, 16])).toEqual(['good', 'good', 'good', 'good', 'good']);
    expect(rated([1, 3, 5, 6, 7, 12])).toEqual(['bad', 'bad', 'bad', 'bad', 'bad', 'bad']);
    expect(rated([10])).toEqual(['phase-out']);
    expect(rated([0, 23, 253, 254])).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });

  it('rates DS digest types for delegation', () => {
    expect([0, 1, 2, 3, 4, 5].map(rateDsDigestType)).toEqual(['bad', 'bad', 'good', 'bad', 'good', 'unknown']);
  });
});

describe('judgeDnssecAlgorithms', () => {
  it('passes a zone with ECDSA keys and a SHA-256 DS, and lists every zone below the root', () => {
    const verdict = judged(secureStep('example.test', [p256(10), p256(11, 256)]));
    expect([verdict.status, verdict.outcome]).toEqual(['pass', 'good']);
    expect(verdict.findings).toEqual([{ id: `${check}.good`, params: { zone: 'example.test' } }]);
    expect(verdict.facts.zones).toEqual([
      {
        zone: 'example.test',
        scope: 'own',
        algorithms: [13],
        dsDigestTypes: [2],
        keys: [
          { keyTag: 10, algorithm: 13, flags: 257, bits: 256 },
          { keyTag: 11, algorithm: 13, flags: 256, bits: 256 },
        ],
      },
      { zone: 'test', scope: 'parent', algorithms: [13], dsDigestTypes: [2], keys: [{ keyTag: 2, algorithm: 13, flags: 257, bits: 256 }] },
    ]);
  });

  it('passes RSASHA256 at 2048 bits', () => {
    expect(judged(secureStep('example.test', [rsa(10, 8, 2048), rsa(11, 8, 2048, 256)])).outcome).toBe('good');
  });

  it('fails a zone that still signs with RSASHA1 beside a modern key (an algorithm must not sign)', () => {
    const verdict = judged(secureStep('example.test', [rsa(10, 5, 2048), p256(11)]));
    expect([verdict.status, verdict.outcome]).toEqual(['fail', 'bad']);
    expect(verdict.findings).toEqual([
      {
        id: `${check}.algorithm`,
        params: { zone: 'example.test', scope: 'own', rating: 'bad', algorithm: 5, mnemonic: 'RSASHA1', keyTags: '10' },
      },
    ]);
  });

  it('warns of a 1024-bit RSA key (phase-out), naming the key', () => {
    const verdict = judged(secureStep('example.test', [rsa(10, 8, 2048), rsa(11, 8, 1024, 256)]));
    expect([verdict.status, verdict.outcome]).toEqual(['warning', 'phase-out']);
    expect(verdict.findings).toEqual([
      {
        id: `${check}.short-rsa-key`,
        params: {
          zone: 'example.test',
          scope: 'own',
          rating: 'phase-out',
          keyTag: 11,
          algorithm: 8,
          mnemonic: 'RSASHA256',
          bits: 1024,
          flags: 256,
          minimum: 2048,
        },
      },
    ]);
  });

  it('warns of RSASHA512 (not recommended for signing)', () => {
    const verdict = judged(secureStep('example.test', [rsa(10, 10, 2048)]));
    expect([verdict.status, verdict.outcome]).toEqual(['warning', 'phase-out']);
    expect(verdict.findings.map((f) => f.params?.mnemonic)).toEqual(['RSASHA512']);
  });

  it('fails a SHA-1 DS, also beside a SHA-256 one, and a GOST DS', () => {
    for (const digests of [[1], [1, 2], [3, 2]]) {
      const verdict = judged(secureStep('example.test', [p256(10)], digests));
      expect([verdict.status, verdict.outcome]).toEqual(['fail', 'bad']);
      expect(verdict.findings[0]).toMatchObject({ id: `${check}.ds-digest`, params: { digestType: digests[0], rating: 'bad' } });
    }
  });

  it('informs of an algorithm or digest RFC 8624 does not rate', () => {
    expect([judged(secureStep('example.test', [p256(10), rsa(12, 253, 2048)])).status]).toEqual(['info']);
    const verdict = judged(secureStep('example.test', [p256(10)], [2, 6]));
    expect([verdict.status, verdict.outcome]).toEqual(['info', 'other']);
  });

  it('lets the worst rating decide', () => {
    const verdict = judged(secureStep('example.test', [rsa(10, 8, 1024), rsa(11, 7, 2048)], [1]));
    expect(verdict.outcome).toBe('bad');
    expect(verdict.findings.map((f) => f.id.split('.')[1])).toEqual(['algorithm', 'short-rsa-key', 'ds-digest']);
  });

  it("reports a parent's weaknesses without changing the verdict, and ignores the root", () => {
    const weakRoot = secureStep('', [rsa(1, 8, 1024)], [1]);
    const weakTld = secureStep('test', [rsa(2, 8, 1024)], [1]);
    const verdict = judgeDnssecAlgorithms(check, result([weakRoot, weakTld, secureStep('example.test', [p256(10)])]));
    expect([verdict.status, verdict.outcome]).toEqual(['pass', 'good']);
    expect(verdict.findings.map((f) => [f.id, f.params?.zone, f.params?.scope])).toEqual([
      [`${check}.good`, 'example.test', undefined],
      [`${check}.short-rsa-key`, 'test', 'parent'],
      [`${check}.ds-digest`, 'test', 'parent'],
    ]);
  });

  it('judges the deepest zone at or above the name: a name inside the zone', () => {
    const verdict = judgeDnssecAlgorithms(check, {
      ...result([root, tld, secureStep('example.test', [rsa(10, 8, 1024)])]),
      name: 'www.example.test',
    });
    expect(verdict.outcome).toBe('phase-out');
    expect(verdict.findings[0]?.params).toMatchObject({ zone: 'example.test', scope: 'own' });
  });

  it('judges a zone that is insecure because it signs only with an algorithm pastoe refuses (RSASHA1)', () => {
    const unsupported = chainStep('example.test', {
      status: 'insecure',
      reason: 'unsupported-dnskey-algorithm',
      ds: 'unsupported',
      dnskey: 'not-checked',
      dsKeyTags: [10],
      dsDigestTypes: [2],
      algorithms: [5],
    });
    const verdict = judged(unsupported, tld, { status: 'insecure', reason: 'unsupported-dnskey-algorithm' });
    expect([verdict.status, verdict.outcome]).toEqual(['fail', 'bad']);
    expect(verdict.findings[0]?.params).toMatchObject({ zone: 'example.test', algorithm: 5, mnemonic: 'RSASHA1', keyTags: '' });
  });

  it('leaves unsigned and bogus zones to the DNSSEC checks', () => {
    const unsigned = chainStep('example.test', { status: 'insecure', reason: 'insecure-delegation', ds: 'absent', dnskey: 'not-checked' });
    const insecure = judged(unsigned, tld, { status: 'insecure', reason: 'insecure-delegation' });
    expect([insecure.status, insecure.outcome, insecure.findings[0]?.id]).toEqual(['not-applicable', 'insecure', `${check}.insecure`]);
    const bogusStep = chainStep('example.test', { status: 'bogus', reason: 'signature-expired', ds: 'secure', dnskey: 'bogus' });
    const bogus = judged(bogusStep, tld, { status: 'bogus', reason: 'signature-expired' });
    expect([bogus.status, bogus.outcome]).toEqual(['not-applicable', 'bogus']);
    const noAnchor = judgeDnssecAlgorithms(check, result([], { status: 'insecure', reason: 'no-trust-anchor' }));
    expect([noAnchor.status, noAnchor.outcome]).toEqual(['not-applicable', 'insecure']);
  });

  it('does not judge an unsigned domain by its signed parent', () => {
    // A chain that ends above the domain (no step for its own zone) says nothing about it.
    const verdict = judgeDnssecAlgorithms(check, result([root, tld], { status: 'insecure', reason: 'insecure-delegation' }));
    expect([verdict.status, verdict.outcome]).toEqual(['not-applicable', 'insecure']);
  });

  it('cannot judge a secure answer without a chain (a validator that trusts an upstream AD bit)', () => {
    const verdict = judgeDnssecAlgorithms(check, result([]));
    expect([verdict.status, verdict.outcome, verdict.findings[0]?.id]).toEqual(['not-tested', 'not-tested', `${check}.no-chain`]);
  });

  it("is not-tested for the domain's failed lookup and error for pastoe's own failure", () => {
    const servfail = judgeDnssecAlgorithms(
      check,
      result([], { status: 'indeterminate', reason: 'servfail', answer: 'none', rcode: 'SERVFAIL' }),
    );
    expect([servfail.status, servfail.outcome]).toEqual(['not-tested', 'dnserror']);
    const nxdomain = judgeDnssecAlgorithms(check, result([root, tld], { answer: 'nxdomain', rcode: 'NXDOMAIN' }));
    expect([nxdomain.status, nxdomain.outcome]).toEqual(['not-tested', 'dnserror']);
    const timeout = judgeDnssecAlgorithms(check, result([], { status: 'indeterminate', reason: 'timeout', answer: 'none', rcode: null }));
    expect([timeout.status, timeout.outcome, timeout.error?.code]).toEqual(['error', 'error', 'timeout']);
  });

  it('reads evidence saved before keys were reported: algorithms and digests still count', () => {
    const { keys: _dropped, ...old } = secureStep('example.test', [rsa(10, 7, 1024)]);
    const verdict = judged(old);
    expect(verdict.outcome).toBe('bad');
    expect(verdict.findings.map((f) => f.id)).toEqual([`${check}.algorithm`]);
  });
});
