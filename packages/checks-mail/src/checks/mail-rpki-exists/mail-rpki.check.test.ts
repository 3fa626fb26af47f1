import { evaluate, policies, score } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { mailMxNsRpkiExists } from '../mail-mx-ns-rpki-exists/mail-mx-ns-rpki-exists.check.js';
import { mailMxNsRpkiValid } from '../mail-mx-ns-rpki-valid/mail-mx-ns-rpki-valid.check.js';
import { mailNsRpkiExists } from '../mail-ns-rpki-exists/mail-ns-rpki-exists.check.js';
import { mailNsRpkiValid } from '../mail-ns-rpki-valid/mail-ns-rpki-valid.check.js';
import { mailRpkiValid } from '../mail-rpki-valid/mail-rpki-valid.check.js';
import { type MailFixture, mailBundle, mxAnswer, origin, validOrigin } from '../test-support/mail-bundle.js';
import { mailRpkiExists } from './mail-rpki-exists.check.js';

const checks = [mailRpkiExists, mailRpkiValid, mailNsRpkiExists, mailNsRpkiValid, mailMxNsRpkiExists, mailMxNsRpkiValid];

const judge = (fixture: MailFixture) => {
  const verdicts = evaluate(checks, mailBundle(fixture));
  return Object.fromEntries(verdicts.map((v) => [v.check, v]));
};
const pair = (v: { status: string; outcome: string } | undefined) => [v?.status, v?.outcome];
const rpkiPercentage = (fixture: MailFixture): number | undefined =>
  score({ verdicts: evaluate(checks, mailBundle(fixture)) }, policies.internetnlMail).suites[0]?.categories.find(
    (c) => c.id === 'mail_rpki',
  )?.percentage;

const wrongAs = origin(
  '192.0.2.25',
  '192.0.2.0/24',
  [{ prefix: '192.0.2.0/24', origin: 64999 }],
  validOrigin('192.0.2.25', '192.0.2.0/24').vrps,
);
const notFound = origin('2001:db8:26::1', '2001:db8:26::/48', [{ prefix: '2001:db8:26::/48', origin: 64500 }]);
const unrouted = origin('198.51.100.25', '198.51.100.0/24');

describe('mail_rpki from evidence', () => {
  it('every address of every MX, name server and MX zone name server valid: all pass, 45 of 45', () => {
    const verdicts = judge({});
    for (const check of checks) expect(pair(verdicts[check.id])).toEqual(['pass', 'good']);
    expect(verdicts['mail-rpki-exists']?.facts).toMatchObject({
      addresses: [
        { address: '2001:db8:25::1', roaExists: true, routing: [{ origin: 'AS64500', route: '2001:db8:25::/48', state: 'valid' }] },
        {},
        {},
        {},
      ],
    });
    expect(rpkiPercentage({})).toBe(100);
  });

  it('a mail server route from the wrong AS is invalid; a not-found one has no ROA (warning) and is bad', () => {
    expect(pair(judge({ mxOrigins: [wrongAs] })['mail-rpki-valid'])).toEqual(['fail', 'invalid']);
    const verdicts = judge({ mxOrigins: [validOrigin('192.0.2.25', '192.0.2.0/24'), notFound] });
    expect(pair(verdicts['mail-rpki-exists'])).toEqual(['warning', 'bad']);
    expect(verdicts['mail-rpki-exists']?.findings).toEqual([{ id: 'mail-rpki-exists.no-roa', params: { address: '2001:db8:26::1' } }]);
    expect(pair(verdicts['mail-rpki-valid'])).toEqual(['fail', 'bad']);
    // Not-found: exists 0 of 5 and valid 0 of 10 → 30 of 45.
    expect(rpkiPercentage({ mxOrigins: [notFound] })).toBe(66);
  });

  it('unrouted mail server addresses are not-routed, full points', () => {
    const verdicts = judge({ mxOrigins: [unrouted] });
    expect(pair(verdicts['mail-rpki-valid'])).toEqual(['not-tested', 'not-routed']);
    expect(pair(verdicts['mail-rpki-exists'])).toEqual(['warning', 'bad']);
  });

  it('the name servers of the domain and of the MX zones are judged apart', () => {
    const verdicts = judge({
      nsOrigins: [notFound],
      mxNsOrigins: { 'mx1.example.test': [wrongAs], 'mx2.other.test': [validOrigin('198.51.100.53', '198.51.100.0/24')] },
    });
    expect(pair(verdicts['mail-rpki-valid'])).toEqual(['pass', 'good']);
    expect(pair(verdicts['mail-ns-rpki-valid'])).toEqual(['fail', 'bad']);
    expect(pair(verdicts['mail-mx-ns-rpki-valid'])).toEqual(['fail', 'invalid']);
    expect(pair(verdicts['mail-mx-ns-rpki-exists'])).toEqual(['pass', 'good']);
  });

  it('MX hosts in one zone share its name servers: each address is judged once', () => {
    const shared = [validOrigin('192.0.2.53', '192.0.2.0/24'), notFound];
    const verdicts = judge({ mxNsOrigins: { 'mx1.example.test': shared, 'mx2.other.test': shared } });
    expect(verdicts['mail-mx-ns-rpki-exists']?.findings).toEqual([
      { id: 'mail-mx-ns-rpki-exists.no-roa', params: { address: '2001:db8:26::1' } },
    ]);
    expect(verdicts['mail-mx-ns-rpki-valid']?.facts).toMatchObject({
      addresses: [{ address: '192.0.2.53' }, { address: '2001:db8:26::1' }],
    });
  });

  it.each([
    ['no MX', mxAnswer([])],
    ['a Null MX', mxAnswer([''])],
  ])('%s: the mail server and MX zone subtests have no addresses, full points', (_label, mx) => {
    const verdicts = judge({ mx, mxHosts: {}, mxNsOrigins: {} });
    expect(pair(verdicts['mail-rpki-exists'])).toEqual(['not-tested', 'no-addresses']);
    expect(pair(verdicts['mail-rpki-valid'])).toEqual(['not-tested', 'not-routed']);
    expect(pair(verdicts['mail-mx-ns-rpki-exists'])).toEqual(['not-tested', 'no-addresses']);
    expect(pair(verdicts['mail-mx-ns-rpki-valid'])).toEqual(['not-tested', 'not-routed']);
    expect(pair(verdicts['mail-ns-rpki-exists'])).toEqual(['pass', 'good']);
    expect(rpkiPercentage({ mx, mxHosts: {}, mxNsOrigins: {} })).toBe(100);
  });

  it('without RPKI sources every subtest is not tested, with the reason', () => {
    const none = { code: 'unsupported', message: 'no RPKI sources configured' } as const;
    const verdicts = judge({ mxOrigins: none, nsOrigins: none, mxNsOrigins: { 'mx1.example.test': none, 'mx2.other.test': none } });
    for (const check of checks) {
      expect(pair(verdicts[check.id])).toEqual(['not-tested', 'not-tested']);
      expect(verdicts[check.id]?.findings[0]).toEqual({ id: `${check.id}.no-source`, params: { reason: 'no RPKI sources configured' } });
    }
  });

  it("a failed source or MX lookup is pastoe's error, never the domain's failure", () => {
    const verdicts = judge({
      mxOrigins: { code: 'dependency', message: 'the mail servers are unknown: MX lookup answered SERVFAIL' },
      mxNsOrigins: { 'mx1.example.test': { code: 'timeout', message: 'RIPEstat timed out' }, 'mx2.other.test': [] },
    });
    expect([verdicts['mail-rpki-exists']?.status, verdicts['mail-rpki-exists']?.outcome]).toEqual(['error', 'validator-error']);
    expect(verdicts['mail-rpki-valid']?.error?.code).toBe('dependency');
    expect([verdicts['mail-mx-ns-rpki-valid']?.status, verdicts['mail-mx-ns-rpki-valid']?.error?.code]).toEqual(['error', 'timeout']);
  });
});
