import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { suites, tlsEvidence, versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsZeroRtt } from './web-https-tls-0rtt.check.js';

const judge = (overrides: Parameters<typeof tlsEvidence>[0]) =>
  evaluate([webHttpsTlsZeroRtt], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence(overrides) }]))[0];

describe('web-https-tls-0rtt', () => {
  it('fails accepted early data, passes refused early data or a 425 answer', () => {
    expect(judge({ zeroRtt: { maxEarlyData: 16384, accepted: true, httpStatus: 200 } })).toMatchObject({
      status: 'fail',
      outcome: 'bad',
      internetnl: { name: 'web_https_tls_0rtt' },
    });
    expect(judge({ zeroRtt: { maxEarlyData: 16384, accepted: true, httpStatus: 425 } })).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judge({ zeroRtt: { maxEarlyData: 0, accepted: false } })).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('is good without TLS 1.3, as Internet.nl v1.11 gives web', () => {
    expect(
      judge({ versions: versions('TLSv1.2'), suites: [suites('TLSv1.2', 0xc02f)], zeroRtt: { maxEarlyData: null, accepted: null } }),
    ).toMatchObject({
      status: 'pass',
      outcome: 'good',
    });
  });
});
