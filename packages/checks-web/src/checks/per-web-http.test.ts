import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { httpBundle, httpsResponse, webHttp } from './test-support/http-bundle.js';
import { webAppsecprivXFrameOptions } from './web-appsecpriv-x-frame-options/web-appsecpriv-x-frame-options.check.js';
import { webHttpsHttpHsts } from './web-https-http-hsts/web-https-http-hsts.check.js';

/** Two IPv6 and two IPv4 addresses; the second of each family sends neither HSTS nor X-Frame-Options. */
const servers = [
  { ip: '2001:db8::1', data: webHttp() },
  { ip: '192.0.2.1', data: webHttp() },
  { ip: '2001:db8::2', data: webHttp({ https: httpsResponse({ 'strict-transport-security': null, 'x-frame-options': null }) }) },
  { ip: '192.0.2.2', data: webHttp({ https: httpsResponse({ 'strict-transport-security': null, 'x-frame-options': null }) }) },
];

describe('judging the HTTP checks per web address', () => {
  it("judges the first IPv6 and the first IPv4 address by default ('first'), as Internet.nl", () => {
    const [hsts, frame] = evaluate([webHttpsHttpHsts, webAppsecprivXFrameOptions], httpBundle(servers));
    expect(hsts).toMatchObject({ status: 'pass', outcome: 'good', score: 1, facts: { addresses: ['2001:db8::1', '192.0.2.1'] } });
    expect(frame).toMatchObject({ status: 'pass', facts: { addresses: ['2001:db8::1', '192.0.2.1'] } });
  });

  it("judges every address with 'all', IPv6 first; the worst decides and a finding names each failing address", () => {
    const [hsts, frame] = evaluate([webHttpsHttpHsts, webAppsecprivXFrameOptions], httpBundle(servers, 'all'));
    expect(hsts).toMatchObject({
      status: 'fail',
      outcome: 'bad',
      score: 0,
      facts: { addresses: ['2001:db8::1', '2001:db8::2', '192.0.2.1', '192.0.2.2'] },
    });
    expect(hsts?.subjects?.map((subject) => [subject.subject.ip, subject.status])).toEqual([
      ['2001:db8::1', 'pass'],
      ['2001:db8::2', 'fail'],
      ['192.0.2.1', 'pass'],
      ['192.0.2.2', 'fail'],
    ]);
    expect(hsts?.findings.map((finding) => [finding.id, finding.subject?.ip])).toEqual([
      ['web-https-http-hsts.missing', '2001:db8::2'],
      ['web-https-http-hsts.missing', '192.0.2.2'],
    ]);
    expect(frame?.rawStatus).toBe('fail');
    expect(frame?.findings.map((finding) => finding.subject?.ip)).toEqual(['2001:db8::2', '192.0.2.2']);
  });

  it("judges what the evidence holds: a bundle fetched with 'first' re-judged with 'all' stays on its two addresses", () => {
    const fetched = [servers[0], servers[1]].flatMap((server) => (server === undefined ? [] : [server]));
    const [hsts] = evaluate([webHttpsHttpHsts], httpBundle(fetched, 'all'));
    expect(hsts).toMatchObject({ status: 'pass', facts: { addresses: ['2001:db8::1', '192.0.2.1'] } });
  });
});
