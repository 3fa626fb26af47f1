/**
 * The IPv6 probes of the website test against the lab: addresses (CNAMEs followed, IPv4-mapped
 * IPv6 dropped), name servers (with Internet.nl's label stripping), TCP reachability of the web
 * server, DNS reachability of the name servers, and the same page fetched over IPv4 and IPv6.
 */
import {
  type AddressEvidence,
  defineCheck,
  type Evidence,
  type NameServerEvidence,
  type NameServerReachabilityEvidence,
  nameServerReachabilityProbe,
  nameServersProbe,
  quickRatio,
  scan,
  type WebReachabilityEvidence,
  type WebSameSiteEvidence,
  webAddressesProbe,
  webHttpProbe,
  webReachabilityProbe,
  webSameSiteProbe,
} from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

// web-same-site reads web-http's first HTTPS response, so both are bound.
const probes = [webAddressesProbe, nameServersProbe, nameServerReachabilityProbe, webReachabilityProbe, webHttpProbe, webSameSiteProbe];

/** A check that only makes the runner gather the evidence of every IPv6 probe. */
const gather = defineCheck({
  id: 'test-ipv6-gather',
  level: 'optional',
  standard: 'ipv6',
  probes: { a: webAddressesProbe, n: nameServersProbe, nr: nameServerReachabilityProbe, wr: webReachabilityProbe, s: webSameSiteProbe },
  acceptsProbeErrors: true,
  evaluate: () => ({ status: 'info', outcome: 'gathered' }),
});

async function evidenceOf(domain: string) {
  const report = await scan(domain, { checks: [gather], probes, transports: lab.transports(), vantage: lab.vantage });
  const of = <T>(id: string): Evidence<T>[] => report.evidence.filter((e) => e.probe === id) as Evidence<T>[];
  const data = <T>(id: string): T[] => of<T>(id).map((e) => (e.ok ? e.data : (undefined as T)));
  return {
    addresses: data<AddressEvidence>('web-addresses')[0],
    nameServers: data<NameServerEvidence>('name-servers')[0],
    nsReach: data<NameServerReachabilityEvidence>('name-server-reachability'),
    webReach: data<WebReachabilityEvidence>('web-reachability'),
    sameSite: data<WebSameSiteEvidence>('web-same-site'),
  };
}

describe('the IPv6 probes against the lab', () => {
  it('find a dual-stack site: addresses, two name servers that answer over both families, the same page on both', async () => {
    const scenario = lab.web.find((s) => s.domain === 'modern.test');
    const found = await evidenceOf('modern.test');
    expect(found.addresses).toEqual({ name: 'modern.test', ipv4: [scenario?.ipv4], ipv6: [scenario?.ipv6] });
    expect(found.nameServers).toEqual({
      domain: 'modern.test',
      asked: ['modern.test'],
      zone: 'modern.test',
      nameServers: [
        { name: 'ns1.modern.test', ipv4: ['192.0.2.53'], ipv6: ['2001:db8::53'] },
        { name: 'ns2.modern.test', ipv4: ['192.0.2.54'], ipv6: ['2001:db8:53::53'] },
      ],
    });
    expect(found.nsReach.map((r) => [r.ip, r.reachable, r.rcode])).toEqual([
      ['2001:db8::53', true, 'NOERROR'],
      ['192.0.2.53', true, 'NOERROR'],
      ['2001:db8:53::53', true, 'NOERROR'],
      ['192.0.2.54', true, 'NOERROR'],
    ]);
    expect(found.webReach.map((r) => [r.family, r.ports.map((p) => `${p.port}:${p.result}`)])).toEqual([
      [6, ['80:open', '443:open']],
      [4, ['80:open', '443:open']],
    ]);
    const [v6, v4] = found.sameSite;
    expect([v6?.family, v4?.family]).toEqual([6, 4]);
    for (const side of [v6, v4]) {
      // HTTP redirects to HTTPS, which serves the page.
      expect(side?.fetches.map((f) => (f.ok ? [f.scheme, f.status, f.redirects, f.finalUrl] : [f.scheme, f.error.code]))).toEqual([
        ['http', 200, 1, 'https://modern.test/'],
        ['https', 200, 0, 'https://modern.test/'],
      ]);
    }
    const page = (side: WebSameSiteEvidence | undefined) => {
      const fetch = side?.fetches[1];
      return fetch?.ok === true ? fetch.histogram : [];
    };
    expect(quickRatio(page(v4), page(v6))).toBe(1);
  });

  it('follow CNAMEs to the addresses at the end of the chain, and find none in a loop', async () => {
    expect((await evidenceOf('chain.cname.test')).addresses).toEqual({
      name: 'chain.cname.test',
      ipv4: ['192.0.2.12'],
      ipv6: ['2001:db8::c'],
    });
    expect((await evidenceOf('loop1.cname.test')).addresses).toEqual({ name: 'loop1.cname.test', ipv4: [], ipv6: [] });
  });

  it('drop an IPv4-mapped IPv6 address and plan no IPv6 connections for it', async () => {
    const scenario = lab.web.find((s) => s.domain === 'ipv6-mapped.test');
    const found = await evidenceOf('ipv6-mapped.test');
    expect(found.addresses).toEqual({
      name: 'ipv6-mapped.test',
      ipv4: [scenario?.ipv4],
      ipv6: [],
      ipv4Mapped: [`::ffff:${scenario?.ipv4}`],
    });
    expect(found.webReach.map((r) => r.ip)).toEqual([scenario?.ipv4]);
    expect(found.sameSite).toEqual([]);
  });

  it('strip labels to find the name servers of a name without NS records, and stop short of the top-level domain', async () => {
    const www = await evidenceOf('www.modern.test');
    expect([www.nameServers?.asked, www.nameServers?.zone]).toEqual([['www.modern.test', 'modern.test'], 'modern.test']);
    const missing = await evidenceOf('no-such-domain.test');
    expect(missing.nameServers).toEqual({ domain: 'no-such-domain.test', asked: ['no-such-domain.test'], zone: null, nameServers: [] });
  });

  it('see name servers without IPv6, and one whose IPv6 address does not answer', async () => {
    const v4only = await evidenceOf('ns-ipv4-only.test');
    expect(v4only.nameServers?.nameServers.map((ns) => ns.ipv6)).toEqual([[], []]);
    const silent = await evidenceOf('ns-ipv6-silent.test');
    const dead = silent.nsReach.find((r) => r.ip === '2001:db8:53::dead');
    expect([dead?.reachable, dead?.error?.code]).toEqual([false, 'network']);
    expect(silent.nsReach.filter((r) => r.reachable).map((r) => r.ip)).toEqual(['2001:db8::53', '192.0.2.53', '192.0.2.54']);
  });

  it('see an IPv6 address that refuses connections, and a site that listens on port 80 only', async () => {
    const refused = await evidenceOf('ipv6-unreachable.test');
    expect(refused.webReach.map((r) => [r.family, r.ports.map((p) => p.result)])).toEqual([
      [6, ['refused', 'refused']],
      [4, ['open', 'open']],
    ]);
    const httpOnly = await evidenceOf('http-only.test');
    expect(httpOnly.webReach.map((r) => r.ports.map((p) => p.result))).toEqual([
      ['open', 'refused'],
      ['open', 'refused'],
    ]);
  });

  it('fetch another page over IPv6 from a site that serves one', async () => {
    const [v6, v4] = (await evidenceOf('ipv6-other-content.test')).sameSite;
    const https = (side: WebSameSiteEvidence | undefined) => (side?.fetches[1]?.ok === true ? side.fetches[1] : undefined);
    expect([https(v4)?.status, https(v6)?.status]).toEqual([200, 200]);
    expect(quickRatio(https(v4)?.histogram ?? [], https(v6)?.histogram ?? [])).toBeLessThan(0.9);
  });

  it('fetch nothing for an IPv6-only site and connect to its IPv6 address only', async () => {
    const found = await evidenceOf('ipv6-only.test');
    expect(found.addresses?.ipv4).toEqual([]);
    expect(found.webReach.map((r) => [r.family, r.ports.map((p) => p.result)])).toEqual([[6, ['open', 'open']]]);
    expect(found.sameSite).toEqual([]);
  });
});
