import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { origin, rpkiBundle, validOrigin } from '../test-support/rpki-bundle.js';
import { webNsRpkiExists } from './web-ns-rpki-exists.check.js';

const judge = (fixture: Parameters<typeof rpkiBundle>[0]) => {
  const [verdict] = evaluate([webNsRpkiExists], rpkiBundle(fixture));
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
};

describe('web-ns-rpki-exists', () => {
  it('passes when a ROA covers every name server address', () => {
    expect(judge({ ns: [validOrigin('192.0.2.53'), validOrigin('2001:db8::53', '2001:db8::/48')] }).outcome).toBe('good');
  });

  it('is a warning (bad) when a name server address has no ROA', () => {
    const verdict = judge({ ns: [validOrigin('192.0.2.53'), origin('2001:db8::53', '2001:db8::/48')] });
    expect([verdict.status, verdict.outcome]).toEqual(['warning', 'bad']);
    expect(verdict.findings).toEqual([{ id: 'web-ns-rpki-exists.no-roa', params: { address: '2001:db8::53' } }]);
  });

  it('is not tested with full points when the name servers have no address', () => {
    expect([judge({ ns: [] }).status, judge({ ns: [] }).outcome]).toEqual(['not-tested', 'no-addresses']);
  });

  it('is not tested without RPKI sources and an error when the probe failed', () => {
    expect(judge({ ns: { code: 'unsupported', message: 'no sources' } }).outcome).toBe('not-tested');
    expect(judge({ ns: { code: 'servfail', message: 'NS lookup answered SERVFAIL' } }).status).toBe('error');
  });
});
