import { evaluate, policies, score } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { mailIpv6NsAddress } from '../mail-ipv6-ns-address/mail-ipv6-ns-address.check.js';
import { mailIpv6NsReach } from '../mail-ipv6-ns-reach/mail-ipv6-ns-reach.check.js';
import { mailIpv6MxReach } from '../mail-ipv6-mx-reach/mail-ipv6-mx-reach.check.js';
import { type MailFixture, mailBundle, mxAnswer } from '../test-support/mail-bundle.js';
import { mailIpv6MxAddress } from './mail-ipv6-mx-address.check.js';

const checks = [mailIpv6NsAddress, mailIpv6NsReach, mailIpv6MxAddress, mailIpv6MxReach];

function judge(fixture: MailFixture) {
  const [nsAddress, nsReach, address, reach] = evaluate(checks, mailBundle(fixture));
  if (nsAddress === undefined || nsReach === undefined || address === undefined || reach === undefined) throw new Error('no verdicts');
  return { nsAddress, nsReach, address, reach };
}

const ipv6Percentage = (fixture: MailFixture): number | undefined =>
  score({ verdicts: evaluate(checks, mailBundle(fixture)) }, policies.internetnlMail).suites[0]?.categories.find(
    (c) => c.id === 'mail_ipv6',
  )?.percentage;

const brief = (v: { status: string; outcome: string; level: string; score?: number }) => [v.status, v.outcome, v.level, v.score];

describe('mail_ipv6 from evidence', () => {
  it('every MX dual stack and reachable on port 25: all pass, 20 of 20 points', () => {
    const { nsAddress, nsReach, address, reach } = judge({});
    expect([nsAddress.outcome, nsReach.outcome]).toEqual(['good', 'good']);
    expect(brief(address)).toEqual(['pass', 'good', 'required', undefined]);
    expect(brief(reach)).toEqual(['pass', 'good', 'required', 1]);
    expect(address.facts).toEqual({
      servers: [
        { name: 'mx1.example.test', ipv6: ['2001:db8:25::1'], ipv4: ['192.0.2.25'] },
        { name: 'mx2.other.test', ipv6: ['2001:db8:26::1'], ipv4: ['198.51.100.25'] },
      ],
    });
    expect(reach.facts).toMatchObject({
      points: 10,
      attempts: [
        { server: 'mx1.example.test', ip: '2001:db8:25::1', family: 6, ports: [{ port: 25, result: 'open' }] },
        { server: 'mx1.example.test', ip: '192.0.2.25', family: 4, ports: [{ port: 25, result: 'open' }] },
        {},
        {},
      ],
    });
    expect(ipv6Percentage({})).toBe(100);
  });

  it('an MX without AAAA fails the address test; the other MX still decides reach, averaged (10 + 0) / 2', () => {
    const { address, reach } = judge({
      mxHosts: { 'mx1.example.test': { '2001:db8:25::1': true, '192.0.2.25': true }, 'mx2.other.test': { '198.51.100.25': true } },
    });
    expect(brief(address)).toEqual(['fail', 'bad', 'required', undefined]);
    expect(address.findings).toEqual([{ id: 'mail-ipv6-mx-address.none', params: { server: 'mx2.other.test' } }]);
    expect(brief(reach)).toEqual(['pass', 'good', 'required', 0.5]);
  });

  it('an MX whose AAAA answer holds only IPv4-mapped addresses has no IPv6 address', () => {
    const { address } = judge({
      mxHosts: { 'mx1.example.test': { '192.0.2.25': true } },
      ipv4Mapped: { 'mx1.example.test': ['::ffff:192.0.2.25'] },
      mx: mxAnswer(['mx1.example.test']),
    });
    expect(address.findings).toEqual([{ id: 'mail-ipv6-mx-address.ipv4-mapped-only', params: { server: 'mx1.example.test' } }]);
    expect(address.subjects?.[0]?.facts).toEqual({ ipv6: [], ipv4: ['192.0.2.25'], ipv4Mapped: ['::ffff:192.0.2.25'] });
  });

  it('no MX with AAAA: reach is not tested but required, 0 points, so the category is 50 %', () => {
    const fixture: MailFixture = { mx: mxAnswer(['mx1.example.test']), mxHosts: { 'mx1.example.test': { '192.0.2.25': true } } };
    const { address, reach } = judge(fixture);
    expect(brief(address)).toEqual(['fail', 'bad', 'required', undefined]);
    expect(brief(reach)).toEqual(['not-tested', 'not-tested', 'required', 0]);
    expect(reach.findings).toEqual([{ id: 'mail-ipv6-mx-reach.no-ipv6' }]);
    expect(ipv6Percentage(fixture)).toBe(50);
  });

  it('an IPv6 address that refuses port 25 fails reach and names it; partial points (2)', () => {
    const fixture: MailFixture = {
      mx: mxAnswer(['mx1.example.test']),
      mxHosts: { 'mx1.example.test': { '2001:db8:25::1': true, '2001:db8:25::2': false, '192.0.2.25': true } },
    };
    const { reach } = judge(fixture);
    expect(brief(reach)).toEqual(['fail', 'bad', 'required', 0.2]);
    expect(reach.findings).toEqual([
      { id: 'mail-ipv6-mx-reach.unreachable', params: { server: 'mx1.example.test', addresses: '2001:db8:25::2' } },
    ]);
    expect(reach.subjects?.[0]?.facts).toMatchObject({ ipv6Reachable: ['2001:db8:25::1'], ipv6Unreachable: ['2001:db8:25::2'], points: 2 });
    expect(ipv6Percentage(fixture)).toBe(60);
  });

  it('no IPv6 address answering on port 25 is 0 points for that MX', () => {
    const { reach } = judge({
      mx: mxAnswer(['mx1.example.test']),
      mxHosts: { 'mx1.example.test': { '2001:db8:25::1': false, '192.0.2.25': true } },
    });
    expect(brief(reach)).toEqual(['fail', 'bad', 'required', 0]);
    expect(reach.findings.map((f) => f.id)).toEqual(['mail-ipv6-mx-reach.unreachable', 'mail-ipv6-mx-reach.only-on-ipv4']);
  });

  it.each([
    ['a correct Null MX', mxAnswer(['']), ['not-tested', 'null-mx', 'recommended', false]],
    ['a Null MX without addresses', mxAnswer([''], { domainHasAddress: false }), ['info', 'null-mx-without-a-aaaa', 'recommended', true]],
    ['a Null MX beside other MX', mxAnswer(['', 'mx1.example.test']), ['warning', 'null-mx-with-other-mx', 'recommended', true]],
    ['no MX', mxAnswer([]), ['not-tested', 'other', 'recommended', false]],
    ['NXDOMAIN', mxAnswer([], { rcode: 'NXDOMAIN', domainHasAddress: false }), ['not-tested', 'other', 'recommended', false]],
  ])('%s: the MX address test says so, and reach is not tested at full points, unscored', (_label, mx, expected) => {
    const { address, reach } = judge({ mx, mxHosts: {} });
    expect([address.status, address.outcome, address.level, address.forced]).toEqual(expected);
    expect(brief(reach)).toEqual(['not-tested', 'not-tested', 'recommended', 1]);
    // Only the name servers count: 10 of 10.
    expect(ipv6Percentage({ mx, mxHosts: {} })).toBe(100);
  });

  it("adds pastoe's Null MX advice when a domain without MX has addresses and SPF exactly v=spf1 -all", () => {
    const advised = judge({ mx: mxAnswer([], { spf: ['v=spf1 -all'] }), mxHosts: {} }).address;
    expect([advised.status, advised.outcome]).toEqual(['not-tested', 'other']);
    expect(advised.findings).toEqual([{ id: 'mail-ipv6-mx-address.no-mx' }, { id: 'mail-ipv6-mx-address.no-null-mx' }]);
    for (const spf of [['v=spf1 mx -all'], ['v=spf1 -all', 'v=spf1 ~all'], []]) {
      expect(judge({ mx: mxAnswer([], { spf }), mxHosts: {} }).address.findings).toEqual([{ id: 'mail-ipv6-mx-address.no-mx' }]);
    }
  });

  it('a failed MX lookup makes every MX subtest an error, never "no MX"', () => {
    const { nsAddress, address, reach } = judge({ mx: { code: 'servfail', message: 'MX lookup of example.test answered SERVFAIL' } });
    expect(nsAddress.status).toBe('pass');
    expect([address.status, address.error?.code]).toEqual(['error', 'servfail']);
    expect([reach.status, reach.error?.code]).toEqual(['error', 'servfail']);
  });

  it('a failed address lookup of one MX makes the MX subtests an error with its reason', () => {
    const { address } = judge({
      mxHosts: {
        'mx1.example.test': { '2001:db8:25::1': true },
        'mx2.other.test': { code: 'servfail', message: 'AAAA lookup answered SERVFAIL' },
      },
    });
    expect([address.status, address.error?.code]).toEqual(['error', 'servfail']);
  });

  it('the name server subtests are judged as in the website test', () => {
    const { nsAddress, nsReach } = judge({
      nameServers: { 'ns1.example.test': { '192.0.2.53': true, '2001:db8:53::1': false }, 'ns2.example.test': { '192.0.2.54': true } },
    });
    expect([nsAddress.status, nsAddress.outcome]).toEqual(['fail', 'other']);
    expect([nsReach.status, nsReach.outcome]).toEqual(['fail', 'bad']);
    expect(nsReach.findings[0]?.id).toBe('mail-ipv6-ns-reach.unreachable');
    const none = judge({ nameServers: { 'ns1.example.test': { '192.0.2.53': true } } });
    expect([none.nsAddress.outcome, none.nsReach.status, none.nsReach.level]).toEqual(['bad', 'not-tested', 'required']);
  });
});
