import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { origin, rpkiBundle, validOrigin } from '../test-support/rpki-bundle.js';
import { webNsRpkiValid } from './web-ns-rpki-valid.check.js';

const judge = (fixture: Parameters<typeof rpkiBundle>[0]) => {
  const [verdict] = evaluate([webNsRpkiValid], rpkiBundle(fixture));
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
};

describe('web-ns-rpki-valid', () => {
  it('passes when every route to every name server address is valid', () => {
    expect(judge({ ns: [validOrigin('192.0.2.53'), validOrigin('2001:db8::53', '2001:db8::/48')] }).outcome).toBe('good');
  });

  it('fails as invalid, naming the name server, for a route from the wrong AS', () => {
    const verdict = judge({ ns: [origin('192.0.2.53', '192.0.2.0/24', [{ prefix: '192.0.2.0/24', origin: 64999 }], validOrigin().vrps)] });
    expect([verdict.status, verdict.outcome]).toEqual(['fail', 'invalid']);
  });

  it('fails as bad for a not-found route', () => {
    expect(judge({ ns: [origin('192.0.2.53', '192.0.2.0/24', [{ prefix: '192.0.2.0/24', origin: 64500 }])] }).outcome).toBe('bad');
  });

  it('is not tested (not-routed) when no name server address is routed', () => {
    const verdict = judge({ ns: [origin('192.0.2.53', '192.0.2.0/24')] });
    expect([verdict.status, verdict.outcome]).toEqual(['not-tested', 'not-routed']);
  });

  it('is not tested without RPKI sources and an error when the probe failed', () => {
    expect(judge({ ns: { code: 'unsupported', message: 'no sources' } }).status).toBe('not-tested');
    expect(judge({ ns: { code: 'timeout', message: 'timed out' } }).outcome).toBe('validator-error');
  });
});
