/**
 * The nginx web peer serves what its configuration file says, to a client built from core's
 * transports as a user would build them (no lab network, no lab address map).
 */
import { createAddressPolicy, createHttpClient, createNodeNetwork, createResolver, createTrustStore, headerValues } from '@pastoe/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NginxWebPeer, parseNginxWebSites, startNginxWebPeer } from './web-peer-nginx.js';

let peer: NginxWebPeer;
beforeAll(async () => {
  peer = await startNginxWebPeer();
}, 30_000);
afterAll(() => peer?.close());

describe('parseNginxWebSites', () => {
  it('reads each site and its expect lines, and refuses an expect line before any site', () => {
    const sites = parseNginxWebSites('# site a.test\n# expect web_x pass/good\nserver {}\n# site b.test\n#   expect  web_y  warning/bad\n');
    expect(sites).toEqual([
      { domain: 'a.test', expected: { web_x: 'pass/good' } },
      { domain: 'b.test', expected: { web_y: 'warning/bad' } },
    ]);
    expect(() => parseNginxWebSites('# expect web_x pass/good\n')).toThrow(/before any site/);
  });
});

describe('the nginx web peer', () => {
  it('resolves every site to its loopback address and serves the configured headers over HTTPS and HTTP', async () => {
    expect(peer.sites.map((site) => site.domain)).toContain('good.nginx.test');
    const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback'] }) });
    const resolver = createResolver(peer.resolverUrl, { network });
    const http = createHttpClient({ network, trust: createTrustStore({ ca: peer.caPem, mozilla: false }) });
    try {
      const answer = await resolver.query({ name: 'good.nginx.test', type: 'A' });
      expect(answer.ok && answer.message.answers.map((record) => record.data)).toEqual([{ type: 'A', address: peer.address }]);
      const https = await http.request({ url: 'https://good.nginx.test/', ip: peer.address, timeoutMs: 5_000 });
      if (!https.ok) throw new Error(https.error.message);
      expect(https.response.status).toBe(200);
      expect(headerValues(https.response.headers, 'strict-transport-security')).toEqual(['max-age=31536000; includeSubDomains']);
      expect(https.response.tls?.authorized).toBe(true);
      const plain = await http.request({ url: 'http://bad-headers.nginx.test/', ip: peer.address, timeoutMs: 5_000 });
      if (!plain.ok) throw new Error(plain.error.message);
      expect([plain.response.status, headerValues(plain.response.headers, 'location')]).toEqual([
        301,
        ['https://www.bad-headers.nginx.test/'],
      ]);
    } finally {
      await Promise.all([http.close(), resolver.close()]);
    }
  });
});
