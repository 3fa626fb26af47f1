import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsHttpAvailable } from './web-https-http-available.check.js';

const refused = tlsEvidence({ reachable: false, problems: [{ step: 'connect', code: 'refused', message: 'connection refused' }] });

describe('web-https-http-available', () => {
  it('passes when TLS answers on 443 of the first IPv6 and the first IPv4 address', () => {
    const verdict = evaluate(
      [webHttpsHttpAvailable],
      tlsBundle([
        { ip: '2001:db8::1', data: tlsEvidence() },
        { ip: '192.0.2.1', data: tlsEvidence() },
      ]),
    )[0];
    expect(verdict).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'web_https_http_available', category: 'web_https' },
    });
  });

  it('fails with `other` when nothing speaks TLS on 443 of a judged address (Internet.nl: error), naming why', () => {
    const verdict = evaluate(
      [webHttpsHttpAvailable],
      tlsBundle([
        { ip: '2001:db8::1', data: refused },
        { ip: '192.0.2.1', data: tlsEvidence() },
      ]),
    )[0];
    expect(verdict).toMatchObject({ status: 'fail', outcome: 'other' });
    expect(verdict?.error).toBeUndefined();
    expect(verdict?.findings).toEqual([
      {
        id: 'web-https-http-available.unreachable',
        params: { reason: 'refused' },
        subject: expect.objectContaining({ ip: '2001:db8::1' }),
      },
    ]);
  });

  it('fails with `bad` when the domain has no address at all', () => {
    expect(evaluate([webHttpsHttpAvailable], tlsBundle([]))[0]).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is not tested when addresses exist but no scan was planned', () => {
    const verdict = evaluate([webHttpsHttpAvailable], tlsBundle([], { addresses: { ipv4: ['192.0.2.1'], ipv6: [] } }))[0];
    expect(verdict).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });

  it("judges the second IPv4 address only with addresses: 'all'", () => {
    const servers = [
      { ip: '192.0.2.1', data: tlsEvidence() },
      { ip: '192.0.2.2', data: refused },
    ];
    expect(evaluate([webHttpsHttpAvailable], tlsBundle(servers))[0]).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(evaluate([webHttpsHttpAvailable], tlsBundle(servers, { judge: 'all' }))[0]).toMatchObject({ status: 'fail', outcome: 'other' });
  });
});
