import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { tlsEvidence, versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsVersion } from './web-https-tls-version.check.js';

const judge = (servers: Parameters<typeof tlsBundle>[0]) => evaluate([webHttpsTlsVersion], tlsBundle(servers))[0];

describe('web-https-tls-version', () => {
  it('passes TLS 1.2 and 1.3 on every tested address', () => {
    const verdict = judge([
      { ip: '2001:db8::1', data: tlsEvidence() },
      { ip: '192.0.2.1', data: tlsEvidence() },
    ]);
    expect(verdict).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'web_https_tls_version', category: 'web_https' },
    });
    expect(verdict?.subjects?.map((s) => s.subject.ip)).toEqual(['2001:db8::1', '192.0.2.1']);
  });

  it('fails when one tested address still offers TLS 1.0, naming that address', () => {
    const verdict = judge([
      { ip: '2001:db8::1', data: tlsEvidence() },
      { ip: '192.0.2.1', data: tlsEvidence({ versions: versions('TLSv1.0', 'TLSv1.2') }) },
    ]);
    expect(verdict).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(verdict?.findings).toEqual([
      {
        id: 'web-https-tls-version.insufficient-version',
        params: { version: 'TLSv1.0' },
        subject: expect.objectContaining({ ip: '192.0.2.1' }),
      },
    ]);
  });

  it('judges the first IPv6 and the first IPv4 address only, as Internet.nl does', () => {
    const verdict = judge([
      { ip: '2001:db8::1', data: tlsEvidence() },
      { ip: '2001:db8::2', data: tlsEvidence({ versions: versions('SSLv3', 'TLSv1.2') }) },
      { ip: '192.0.2.1', data: tlsEvidence() },
      { ip: '192.0.2.2', data: tlsEvidence({ versions: versions('TLSv1.1', 'TLSv1.2') }) },
    ]);
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'good', facts: { addresses: ['2001:db8::1', '192.0.2.1'] } });
  });

  it('lets an unreachable address not count against a tested one', () => {
    const verdict = judge([
      { ip: '2001:db8::1', data: tlsEvidence({ reachable: false }) },
      { ip: '192.0.2.1', data: tlsEvidence({ versions: versions('TLSv1.1', 'TLSv1.2') }) },
    ]);
    expect(verdict).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is not tested, never failed, without addresses or without a reachable TLS server', () => {
    expect(judge([])).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
    expect(judge([{ ip: '192.0.2.1', data: tlsEvidence({ reachable: false }) }])).toMatchObject({
      status: 'not-tested',
      outcome: 'not-tested',
    });
  });
});
