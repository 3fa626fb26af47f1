/**
 * The website test against an independent web server: Debian's nginx serving the sites of
 * packages/lab/nginx/web-sites.conf, scanned with transports a user builds for servers the lab
 * did not start (`{ network, resolver, trust }`: a network that allows loopback, a resolver for
 * the peer's DNS, a trust store with the peer's CA). Every verdict the configuration file
 * expects must come out of the scan.
 */
import { webPreset } from '@pastoe/checks-web';
import { createAddressPolicy, createNodeNetwork, createResolver, createTrustStore, scan } from '@pastoe/core';
import { type NginxWebPeer, startNginxWebPeer } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let peer: NginxWebPeer;
beforeAll(async () => {
  peer = await startNginxWebPeer();
}, 30_000);
afterAll(() => peer?.close());

describe('the website test of nginx-served sites, with user-built transports', () => {
  it('reaches every verdict the nginx configuration says its sites should get', async () => {
    const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback'] }) });
    const resolver = createResolver(peer.resolverUrl, { network });
    const trust = createTrustStore({ ca: peer.caPem, mozilla: false });
    const mismatches: string[] = [];
    try {
      for (const site of peer.sites) {
        const report = await scan(site.domain, { preset: webPreset, transports: { network, resolver, trust }, vantage: 'skip' });
        for (const [subtest, expected] of Object.entries(site.expected)) {
          const verdict = report.verdicts.find((v) => v.internetnl?.name === subtest);
          const actual = verdict === undefined ? '(no verdict)' : `${verdict.status}/${verdict.outcome}`;
          if (actual !== expected) mismatches.push(`${site.domain} ${subtest}: got ${actual}, expected ${expected}`);
        }
      }
    } finally {
      await resolver.close();
    }
    expect(peer.sites.length).toBeGreaterThanOrEqual(5);
    expect(mismatches).toEqual([]);
  }, 120_000);
});
