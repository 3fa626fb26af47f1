import { evaluate, policies, score } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { origin, rpkiBundle, validOrigin } from '../test-support/rpki-bundle.js';
import { webNsRpkiExists } from '../web-ns-rpki-exists/web-ns-rpki-exists.check.js';
import { webNsRpkiValid } from '../web-ns-rpki-valid/web-ns-rpki-valid.check.js';
import { webRpkiValid } from '../web-rpki-valid/web-rpki-valid.check.js';
import { webRpkiExists } from './web-rpki-exists.check.js';

const judge = (fixture: Parameters<typeof rpkiBundle>[0]) => {
  const [verdict] = evaluate([webRpkiExists], rpkiBundle(fixture));
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
};

describe('web-rpki-exists', () => {
  it('passes when a ROA covers every address, IPv4 and IPv6', () => {
    const verdict = judge({ web: [validOrigin(), validOrigin('2001:db8:443::1', '2001:db8:443::/48')] });
    expect([verdict.status, verdict.outcome]).toEqual(['pass', 'good']);
    expect(verdict.facts).toMatchObject({
      addresses: [
        {
          address: '192.0.2.1',
          prefix: '192.0.2.0/24',
          roaExists: true,
          routing: [{ origin: 'AS64500', route: '192.0.2.0/24', state: 'valid' }],
        },
        {},
      ],
    });
  });

  it('counts an invalid route with a ROA as existing, and an unrouted prefix with a ROA', () => {
    const wrongAs = origin('192.0.2.1', '192.0.2.0/24', [{ prefix: '192.0.2.0/24', origin: 64999 }], validOrigin().vrps);
    const unrouted = origin('198.51.100.1', '198.51.100.0/24', [], [{ prefix: '198.51.100.0/24', maxLength: 24, asn: 0 }]);
    expect(judge({ web: [wrongAs, unrouted] }).outcome).toBe('good');
  });

  it('is a warning (bad, 0 of 5 points) when an address has no ROA, naming it', () => {
    const verdict = judge({
      web: [validOrigin(), origin('2001:db8:443::1', '2001:db8:443::/48', [{ prefix: '2001:db8::/32', origin: 64500 }])],
    });
    expect([verdict.status, verdict.outcome]).toEqual(['warning', 'bad']);
    expect(verdict.findings).toEqual([{ id: 'web-rpki-exists.no-roa', params: { address: '2001:db8:443::1' } }]);
  });

  it('is not tested with full points when the domain has no web address', () => {
    const verdict = judge({ web: [] });
    expect([verdict.status, verdict.outcome]).toEqual(['not-tested', 'no-addresses']);
  });

  it('is not tested, never failed, without RPKI sources', () => {
    const verdict = judge({ web: { code: 'unsupported', message: 'no RPKI sources configured' } });
    expect([verdict.status, verdict.outcome]).toEqual(['not-tested', 'not-tested']);
    expect(verdict.findings?.[0]).toEqual({ id: 'web-rpki-exists.no-source', params: { reason: 'no RPKI sources configured' } });
  });

  it('is an error when a source or the address lookup failed', () => {
    for (const code of ['timeout', 'refused', 'malformed', 'dependency'] as const) {
      const verdict = judge({ web: { code, message: `source ${code}` } });
      expect([verdict.status, verdict.outcome]).toEqual(['error', 'validator-error']);
    }
  });

  it('scores the web_rpki category as Internet.nl does', () => {
    const checks = [webRpkiExists, webRpkiValid, webNsRpkiExists, webNsRpkiValid];
    const percentage = (fixture: Parameters<typeof rpkiBundle>[0]) =>
      score({ verdicts: evaluate(checks, rpkiBundle(fixture)) }, policies.internetnlWeb).suites[0]?.categories.find(
        (c) => c.id === 'web_rpki',
      )?.percentage;
    // The name servers are valid in every fixture here: 15 of 30 points.
    expect(percentage({})).toBe(100);
    // Not-found: no ROA (0 of 5) and not valid (0 of 10).
    expect(percentage({ web: [origin('192.0.2.1', '192.0.2.0/24', [{ prefix: '192.0.2.0/24', origin: 64500 }])] })).toBe(50);
    // Unrouted without a ROA: exists 0 of 5, valid not-routed keeps its 10: 25 of 30.
    expect(percentage({ web: [origin('192.0.2.1', '192.0.2.0/24')] })).toBe(83);
    // No addresses at all: full points for both.
    expect(percentage({ web: [] })).toBe(100);
  });
});
