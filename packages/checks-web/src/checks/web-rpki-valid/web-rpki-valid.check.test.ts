import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { origin, rpkiBundle, validOrigin } from '../test-support/rpki-bundle.js';
import { webRpkiValid } from './web-rpki-valid.check.js';

const judge = (fixture: Parameters<typeof rpkiBundle>[0]) => {
  const [verdict] = evaluate([webRpkiValid], rpkiBundle(fixture));
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
};
const roa = validOrigin().vrps;

describe('web-rpki-valid', () => {
  it('passes when every route to every address is valid', () => {
    const verdict = judge({ web: [validOrigin(), validOrigin('2001:db8:443::1', '2001:db8:443::/48')] });
    expect([verdict.status, verdict.outcome]).toEqual(['pass', 'good']);
  });

  it('fails as invalid for a route from the wrong AS', () => {
    const verdict = judge({ web: [origin('192.0.2.1', '192.0.2.0/24', [{ prefix: '192.0.2.0/24', origin: 64999 }], roa)] });
    expect([verdict.status, verdict.outcome]).toEqual(['fail', 'invalid']);
    expect(verdict.findings).toEqual([
      { id: 'web-rpki-valid.invalid-as', params: { address: '192.0.2.1', route: '192.0.2.0/24', origin: 'AS64999' } },
    ]);
  });

  it('fails as invalid for a route longer than the ROA allows', () => {
    const vrps = [{ prefix: '192.0.0.0/16', maxLength: 16, asn: 64500 }];
    const verdict = judge({ web: [origin('192.0.2.1', '192.0.2.0/24', [{ prefix: '192.0.2.0/24', origin: 64500 }], vrps)] });
    expect([verdict.status, verdict.outcome]).toEqual(['fail', 'invalid']);
    expect(verdict.findings?.[0]?.id).toBe('web-rpki-valid.invalid-length');
  });

  it('fails as bad when a route is not-found and none is invalid', () => {
    const verdict = judge({
      web: [validOrigin(), origin('2001:db8:443::1', '2001:db8:443::/48', [{ prefix: '2001:db8::/32', origin: 64500 }])],
    });
    expect([verdict.status, verdict.outcome]).toEqual(['fail', 'bad']);
    expect(verdict.findings?.[0]).toEqual({
      id: 'web-rpki-valid.not-found',
      params: { address: '2001:db8:443::1', route: '2001:db8::/32', origin: 'AS64500' },
    });
  });

  it('is not tested (not-routed) when no address has a route, and when there is no address', () => {
    expect([judge({ web: [origin('192.0.2.1', '192.0.2.0/24', [], roa)] }).outcome, judge({ web: [] }).outcome]).toEqual([
      'not-routed',
      'not-routed',
    ]);
    expect(judge({ web: [] }).status).toBe('not-tested');
  });

  it('is not tested without RPKI sources and an error when a source failed', () => {
    expect(judge({ web: { code: 'unsupported', message: 'no sources' } }).status).toBe('not-tested');
    const failed = judge({ web: { code: 'timeout', message: 'Routinator timed out' } });
    expect([failed.status, failed.outcome, failed.error?.code]).toEqual(['error', 'validator-error', 'timeout']);
  });
});
