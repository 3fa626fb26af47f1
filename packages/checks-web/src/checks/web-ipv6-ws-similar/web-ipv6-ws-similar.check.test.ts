import { evaluate, policies, score } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { webPreset } from '../../index.js';
import { type Ipv6Fixture, ipv6Bundle, type PageSpec } from '../test-support/ipv6-bundle.js';
import { webIpv6WsSimilar } from './web-ipv6-ws-similar.check.js';

const dualStack = { '192.0.2.1': [80, 443], '2001:db8::1': [80, 443] };
const page = '<!doctype html><title>Example</title><p>Welcome to example.test, a site for tests.</p>';
const same: PageSpec = { http: { status: 200, body: page }, https: { status: 200, body: page } };

function judge(fixture: Ipv6Fixture) {
  const [verdict] = evaluate([webIpv6WsSimilar], ipv6Bundle(fixture));
  return verdict;
}

const points = (fixture: Ipv6Fixture) => {
  const verdicts = evaluate([webIpv6WsSimilar], ipv6Bundle(fixture));
  const category = score({ verdicts }, policies.internetnlWeb).suites[0]?.categories.find((c) => c.id === 'web_ipv6');
  const test = category?.tests.find((t) => t.name === 'web_ipv6_ws_similar');
  return [test?.scored, test?.points];
};

describe('web_ipv6_ws_similar from evidence', () => {
  it('the same page over both families passes with 2 points', () => {
    const fixture = { web: dualStack, pages: { v4: same, v6: same } };
    const verdict = judge(fixture);
    expect([verdict?.status, verdict?.outcome]).toEqual(['pass', 'good']);
    expect(verdict?.facts).toMatchObject({ distance: 0, ipv4Status: 200, ipv6Status: 200, ipv4Ports: [80, 443] });
    expect(points(fixture)).toEqual([true, 2]);
  });

  it('the same page with a nonce and a __VIEWSTATE that differ is still the same page', () => {
    const v4 = `<script nonce="aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">x()</script><input type="hidden" name="__VIEWSTATE" value="${'q'.repeat(400)}">${page}`;
    const v6 = `<script nonce="zzzz">x()</script><input type="hidden" name="__VIEWSTATE" value="${'w'.repeat(30)}">${page}`;
    const verdict = judge({
      web: dualStack,
      pages: { v4: { https: { status: 200, body: v4 } }, v6: { https: { status: 200, body: v6 } } },
    });
    expect([verdict?.outcome, verdict?.facts?.distance]).toEqual(['good', 0]);
  });

  it('a different page over IPv6 is a notice with 0 points', () => {
    const other = `<!doctype html><p>${'0123456789'.repeat(20)}</p>`;
    const fixture = {
      web: dualStack,
      pages: { v4: same, v6: { http: { status: 200, body: other }, https: { status: 200, body: other } } },
    };
    const verdict = judge(fixture);
    expect([verdict?.status, verdict?.outcome]).toEqual(['warning', 'notice']);
    expect(Number(verdict?.facts?.distance)).toBeGreaterThan(10);
    expect(points(fixture)).toEqual([true, 0]);
  });

  it('the same error page on both is notice-status-code with 2 points', () => {
    const error: PageSpec = { http: { status: 503, body: page }, https: { status: 503, body: page } };
    const fixture = { web: dualStack, pages: { v4: error, v6: error } };
    expect(judge(fixture)?.outcome).toBe('notice-status-code');
    expect(judge(fixture)?.status).toBe('warning');
    expect(points(fixture)).toEqual([true, 2]);
  });

  it('different status codes fail and keep 2 points, as Internet.nl', () => {
    const fixture = { web: dualStack, pages: { v4: same, v6: { http: { status: 200, body: page }, https: { status: 404, body: page } } } };
    expect([judge(fixture)?.status, judge(fixture)?.outcome]).toEqual(['fail', 'bad-status-codes-differ']);
    expect(points(fixture)).toEqual([true, 2]);
  });

  it('HTTPS answering on IPv4 only fails (the ports differ)', () => {
    const fixture = { web: dualStack, pages: { v4: same, v6: { http: { status: 200, body: page }, https: null } } };
    const verdict = judge(fixture);
    expect([verdict?.status, verdict?.outcome, verdict?.findings[0]?.id]).toEqual(['fail', 'bad', 'web-ipv6-ws-similar.ports-differ']);
    expect(points(fixture)).toEqual([true, 0]);
  });

  it('no HTTP answer on either family fails', () => {
    const none: PageSpec = { http: null, https: null };
    expect(judge({ web: dualStack, pages: { v4: none, v6: none } })?.findings[0]?.id).toBe('web-ipv6-ws-similar.no-response');
  });

  it('a port open on IPv4 only fails before any page is fetched', () => {
    const verdict = judge({ web: { '192.0.2.1': [80, 443], '2001:db8::1': [80] } });
    expect([verdict?.outcome, verdict?.findings[0]?.id]).toEqual(['bad', 'web-ipv6-ws-similar.port-only-on-ipv4']);
  });

  it('IPv4 addresses that answer on no port fail', () => {
    const verdict = judge({ web: { '192.0.2.1': [], '2001:db8::1': [80, 443] } });
    expect([verdict?.status, verdict?.findings[0]?.id]).toEqual(['fail', 'web-ipv6-ws-similar.ipv4-unreachable']);
  });

  it('an IPv6-only site is not applicable and leaves the category maximum at 20', () => {
    const fixture = { web: { '2001:db8::1': [80, 443] } };
    const verdict = judge(fixture);
    expect([verdict?.status, verdict?.outcome, verdict?.findings[0]?.id]).toEqual([
      'not-applicable',
      'ipv6-only',
      'web-ipv6-ws-similar.no-ipv4',
    ]);
    expect(points(fixture)[0]).toBe(false);
  });

  it('no reachable IPv6 address leaves it not tested, saying which', () => {
    expect(judge({ web: { '192.0.2.1': [80, 443] } })?.findings[0]?.id).toBe('web-ipv6-ws-similar.no-ipv6');
    const unreachable = judge({ web: { '192.0.2.1': [80, 443], '2001:db8::1': [] } });
    expect([unreachable?.status, unreachable?.outcome, unreachable?.findings[0]?.id]).toEqual([
      'not-tested',
      'not-tested',
      'web-ipv6-ws-similar.ipv6-unreachable',
    ]);
  });

  it('a perfect dual-stack domain scores 100 % in web_ipv6 (22 of 22)', () => {
    const ns = { '192.0.2.53': true, '2001:db8::53': true };
    const bundle = ipv6Bundle({
      web: dualStack,
      pages: { v4: same, v6: same },
      nameServers: { 'ns1.example.test': ns, 'ns2.example.test': { '192.0.2.54': true, '2001:db8::54': true } },
    });
    const ipv6Checks = webPreset.checks.filter((check) => check.internetnl?.category === 'web_ipv6');
    const verdicts = evaluate(ipv6Checks, bundle);
    const category = score({ verdicts }, policies.internetnlWeb).suites[0]?.categories.find((c) => c.id === 'web_ipv6');
    expect([category?.max, category?.raw, category?.percentage]).toEqual([22, 22, 100]);
  });
});
