/**
 * The mail test's IPv6 and RPKI against the lab: the MX probe (no MX, Null MX, SERVFAIL), the MX
 * address and port 25 probes, and the route origin probes of mail servers and their zones' name
 * servers. Every mail scenario's `mail_ipv6_*` and `mail_rpki_*` verdicts are compared with the
 * lab's expectations (expected/mail/ipv6-rpki.ts) by the mail end-to-end test
 * (test/lab/mail-scenarios.e2e.test.ts).
 */
import { mailPreset } from '@pastoe/checks-mail';
import { type AddressEvidence, type Evidence, policies, scan, score, type TcpReachabilityEvidence } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const scanMail = (domain: string, rpki = true) =>
  scan(domain, { preset: mailPreset, transports: lab.transports(rpki ? {} : { rpki: false }), vantage: lab.vantage });

describe('the mail IPv6 and RPKI probes and checks against the lab', () => {
  it('records the addresses each MX test used, per family, and port 25 on each', async () => {
    const scenario = lab.mail.find((s) => s.domain === 'mail-mx-ipv6-unreachable.test');
    const report = await scanMail('mail-mx-ipv6-unreachable.test');
    const addresses = report.evidence.filter((e) => e.probe === 'mail-mx-addresses') as Evidence<AddressEvidence>[];
    expect(addresses.map((e) => (e.ok ? e.data : e.error))).toEqual([
      { name: 'mx.mail-mx-ipv6-unreachable.test', ipv4: [scenario?.smtp?.ipv4], ipv6: [scenario?.smtp?.ipv6] },
    ]);
    const reach = report.evidence.filter((e) => e.probe === 'mail-mx-reachability') as Evidence<TcpReachabilityEvidence>[];
    expect(
      reach.map((e) => (e.ok ? [e.subject.name, e.data.ip, e.data.family, e.data.ports.map((p) => [p.port, p.result])] : e.error)),
    ).toEqual([
      ['mx.mail-mx-ipv6-unreachable.test', scenario?.smtp?.ipv6, 6, [[25, 'refused']]],
      ['mx.mail-mx-ipv6-unreachable.test', scenario?.smtp?.ipv4, 4, [[25, 'open']]],
    ]);
    const mxReach = report.verdicts.find((v) => v.check === 'mail-ipv6-mx-reach');
    // The only MX answers on IPv4 but on no IPv6 address: 0 points.
    expect([mxReach?.score, mxReach?.findings.map((f) => f.id)]).toEqual([
      0,
      ['mail-ipv6-mx-reach.unreachable', 'mail-ipv6-mx-reach.only-on-ipv4'],
    ]);
    const ipv6 = score(report, policies.internetnlMail).suites[0]?.categories.find((c) => c.id === 'mail_ipv6');
    expect(ipv6?.percentage).toBe(50);
  }, 30_000);

  it('advises a Null MX for a domain without MX whose SPF is v=spf1 -all, and plans no MX probe runs', async () => {
    const report = await scanMail('mail-no-mx.test');
    const mx = report.evidence.find((e) => e.probe === 'mail-mx');
    expect(mx?.ok && mx.data).toMatchObject({ rcode: 'NOERROR', records: [], domainHasAddress: true, spf: ['v=spf1 -all'] });
    expect(report.verdicts.find((v) => v.check === 'mail-ipv6-mx-address')?.findings).toEqual([
      { id: 'mail-ipv6-mx-address.no-mx' },
      { id: 'mail-ipv6-mx-address.no-null-mx' },
    ]);
    expect(report.evidence.filter((e) => e.probe === 'mail-mx-reachability' || e.probe === 'mail-mx-route-origin')).toEqual([]);
  }, 30_000);

  it('makes a SERVFAIL of the MX lookup an error of every MX subtest, never "no MX"', async () => {
    const report = await scanMail('servfail.test');
    const mx = report.evidence.find((e) => e.probe === 'mail-mx');
    expect(mx?.ok === false && mx.error.code).toBe('servfail');
    for (const id of ['mail-ipv6-mx-address', 'mail-ipv6-mx-reach', 'mail-dnssec-mx-exists']) {
      expect(report.verdicts.find((v) => v.check === id)?.status, id).toBe('error');
    }
    for (const id of ['mail-rpki-exists', 'mail-mx-ns-rpki-valid']) {
      expect(report.verdicts.find((v) => v.check === id)?.status, id).toBe('error');
    }
  }, 30_000);

  it('leaves every RPKI subtest not tested, with the reason, when the scan has no RPKI sources', async () => {
    const report = await scanMail('mail-modern.test', false);
    const rpki = report.verdicts.filter((v) => v.standard === 'rpki');
    expect(rpki.map((v) => [v.check, v.status, v.outcome])).toEqual(
      [
        'mail-rpki-exists',
        'mail-rpki-valid',
        'mail-ns-rpki-exists',
        'mail-ns-rpki-valid',
        'mail-mx-ns-rpki-exists',
        'mail-mx-ns-rpki-valid',
      ].map((id) => [id, 'not-tested', 'not-tested']),
    );
    expect(rpki[0]?.findings[0]?.id).toBe('mail-rpki-exists.no-source');
  }, 30_000);

  it('scores the IPv6 and RPKI categories of the good mail domain at 100 %', async () => {
    const report = await scanMail('mail-modern.test');
    const categories = score(report, policies.internetnlMail).suites[0]?.categories ?? [];
    expect(categories.filter((c) => c.id === 'mail_ipv6' || c.id === 'mail_rpki').map((c) => [c.id, c.percentage])).toEqual([
      ['mail_ipv6', 100],
      ['mail_rpki', 100],
    ]);
  }, 30_000);
});
