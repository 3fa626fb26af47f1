import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { tlsEvidence, versions } from '../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from './test-support/tls-bundle.js';
import { webHttpsTlsVersion } from './web-https-tls-version/web-https-tls-version.check.js';

const servers = [
  { ip: '2001:db8::1', data: tlsEvidence() },
  { ip: '192.0.2.1', data: tlsEvidence() },
  { ip: '2001:db8::2', data: tlsEvidence({ versions: versions('TLSv1.0', 'TLSv1.2') }) },
  { ip: '192.0.2.2', data: tlsEvidence() },
];

describe('judging per web address', () => {
  it("judges the first IPv6 and the first IPv4 address by default ('first')", () => {
    const verdict = evaluate([webHttpsTlsVersion], tlsBundle(servers))[0];
    expect(verdict).toMatchObject({ status: 'pass', facts: { addresses: ['2001:db8::1', '192.0.2.1'] } });
  });

  it("judges every address with 'all', IPv6 first, and the worst decides", () => {
    const verdict = evaluate([webHttpsTlsVersion], tlsBundle(servers, { judge: 'all' }))[0];
    expect(verdict).toMatchObject({
      status: 'fail',
      outcome: 'bad',
      facts: { addresses: ['2001:db8::1', '2001:db8::2', '192.0.2.1', '192.0.2.2'] },
    });
    expect(verdict?.subjects?.map((subject) => subject.status)).toEqual(['pass', 'fail', 'pass', 'pass']);
  });
});
