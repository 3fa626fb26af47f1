/**
 * Judging from evidence where pastoe's own IPv6 failed: the runner probed the IPv4 addresses and
 * recorded a `vantage` failure (step `ipv6`) for each IPv6 one. The IPv6 checks are `error`, the
 * per-address checks are judged on IPv4 with the IPv6 addresses shown as `error`.
 */
import { type Evidence, type EvidenceBundle, evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { tlsEvidence, versions } from '../../../core/src/tls/evaluate/test-support/evidence.js';
import { httpBundle, httpsResponse, webHttp } from './test-support/http-bundle.js';
import { ipv6Bundle } from './test-support/ipv6-bundle.js';
import { tlsBundle } from './test-support/tls-bundle.js';
import { webHttpsHttpHsts } from './web-https-http-hsts/web-https-http-hsts.check.js';
import { webHttpsTlsVersion } from './web-https-tls-version/web-https-tls-version.check.js';
import { webIpv6NsAddress } from './web-ipv6-ns-address/web-ipv6-ns-address.check.js';
import { webIpv6NsReach } from './web-ipv6-ns-reach/web-ipv6-ns-reach.check.js';
import { webIpv6WsAddress } from './web-ipv6-ws-address/web-ipv6-ws-address.check.js';
import { webIpv6WsReach } from './web-ipv6-ws-reach/web-ipv6-ws-reach.check.js';
import { webIpv6WsSimilar } from './web-ipv6-ws-similar/web-ipv6-ws-similar.check.js';

const reason = "no TCP connection over IPv6 through pastoe's network to any of [2620:fe::fe]:443: network unreachable";

/** The bundle as a scan without IPv6 leaves it: every piece of evidence about an IPv6 address replaced by the runner's `vantage` failure. */
function withoutIpv6(bundle: EvidenceBundle): EvidenceBundle {
  const evidence = bundle.evidence.map((item): Evidence<unknown> => {
    if (!(item.subject.ip ?? '').includes(':')) return item;
    return {
      probe: item.probe,
      subject: item.subject,
      startedAt: item.startedAt,
      durationMs: 0,
      ok: false,
      error: {
        code: 'vantage',
        message: `pastoe's own IPv6 is not working, so this was not probed: ${reason}`,
        detail: { step: 'ipv6', code: 'unreachable', resolver: 'https://dns.google/dns-query', reason },
      },
    };
  });
  return { ...bundle, evidence };
}

const statusOf = (verdict: { status: string; outcome: string } | undefined) => `${verdict?.status}/${verdict?.outcome}`;

describe("judging when pastoe's own IPv6 failed", () => {
  it('makes the IPv6 reachability and similarity checks error/vantage, and keeps the address checks (DNS only)', () => {
    const bundle = withoutIpv6(
      ipv6Bundle({
        web: { '2001:db8::1': [80, 443], '192.0.2.1': [80, 443] },
        nameServers: {
          'ns1.example.test': { '2001:db8::53': true, '192.0.2.53': true },
          'ns2.example.test': { '2001:db8::54': true, '192.0.2.54': true },
        },
        pages: { v4: { https: { status: 200, body: 'hello' } }, v6: { https: { status: 200, body: 'hello' } } },
      }),
    );
    const verdicts = evaluate([webIpv6NsAddress, webIpv6NsReach, webIpv6WsAddress, webIpv6WsReach, webIpv6WsSimilar], bundle);
    expect(verdicts.map((verdict) => [verdict.check, statusOf(verdict)])).toEqual([
      ['web-ipv6-ns-address', 'pass/good'],
      ['web-ipv6-ns-reach', 'error/vantage'],
      ['web-ipv6-ws-address', 'pass/good'],
      ['web-ipv6-ws-reach', 'error/vantage'],
      ['web-ipv6-ws-similar', 'error/vantage'],
    ]);
    expect(verdicts[1]?.findings[0]).toMatchObject({ id: 'vantage.ipv6', params: { step: 'ipv6', code: 'unreachable', reason } });
    expect(verdicts[1]?.error).toMatchObject({ source: 'runner', code: 'vantage', message: expect.stringContaining("pastoe's own IPv6") });
  });

  it('judges a TLS check on the IPv4 address and shows the IPv6 address as error, whichever the IPv4 verdict', () => {
    const good = evaluate(
      [webHttpsTlsVersion],
      withoutIpv6(
        tlsBundle([
          { ip: '2001:db8::1', data: tlsEvidence() },
          { ip: '192.0.2.1', data: tlsEvidence() },
        ]),
      ),
    )[0];
    expect(statusOf(good)).toBe('pass/good');
    expect(good?.subjects?.map((row) => [row.subject.ip, row.status, row.outcome])).toEqual([
      ['192.0.2.1', 'pass', 'good'],
      ['2001:db8::1', 'error', 'vantage'],
    ]);
    expect(good?.findings).toContainEqual(
      expect.objectContaining({ id: 'vantage.ipv6', subject: expect.objectContaining({ ip: '2001:db8::1' }) }),
    );
    const weak = tlsEvidence({ versions: versions('TLSv1.0', 'TLSv1.2') });
    const bad = evaluate(
      [webHttpsTlsVersion],
      withoutIpv6(
        tlsBundle([
          { ip: '2001:db8::1', data: weak },
          { ip: '192.0.2.1', data: weak },
        ]),
      ),
    )[0];
    expect(statusOf(bad)).toBe('fail/bad');
    expect(bad?.subjects?.map((row) => row.status)).toEqual(['fail', 'error']);
  });

  it("judges an HTTP check on the IPv4 addresses, with 'all' too", () => {
    const servers = [
      { ip: '2001:db8::1', data: webHttp() },
      { ip: '192.0.2.1', data: webHttp() },
      { ip: '192.0.2.2', data: webHttp({ https: httpsResponse({ 'strict-transport-security': null }) }) },
    ];
    const first = evaluate([webHttpsHttpHsts], withoutIpv6(httpBundle(servers)))[0];
    expect(first?.subjects?.map((row) => [row.subject.ip, row.status])).toEqual([
      ['192.0.2.1', 'pass'],
      ['2001:db8::1', 'error'],
    ]);
    expect(statusOf(first)).toBe('pass/good');
    const all = evaluate([webHttpsHttpHsts], withoutIpv6(httpBundle(servers, 'all')))[0];
    expect(statusOf(all)).toBe('fail/bad');
    expect(all?.subjects?.map((row) => [row.subject.ip, row.status])).toEqual([
      ['192.0.2.1', 'pass'],
      ['192.0.2.2', 'fail'],
      ['2001:db8::1', 'error'],
    ]);
  });

  it('is error/vantage when the domain has IPv6 addresses only', () => {
    const verdict = evaluate([webHttpsTlsVersion], withoutIpv6(tlsBundle([{ ip: '2001:db8::1', data: tlsEvidence() }])))[0];
    expect(statusOf(verdict)).toBe('error/vantage');
    expect(verdict?.findings[0]?.id).toBe('vantage.ipv6');
  });
});
