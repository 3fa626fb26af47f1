import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { suites, tlsEvidence, versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsExtendedMasterSecret } from './web-https-tls-extendedmastersecret.check.js';

const judge = (overrides: Parameters<typeof tlsEvidence>[0]) =>
  evaluate([webHttpsTlsExtendedMasterSecret], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence(overrides) }]))[0];

describe('web-https-tls-extendedmastersecret', () => {
  it('is required with TLS 1.2: used passes, unused fails, unknown is not tested', () => {
    expect(judge({ extendedMasterSecret: true })).toMatchObject({ status: 'pass', outcome: 'good', level: 'required' });
    expect(judge({ extendedMasterSecret: false })).toMatchObject({ status: 'fail', outcome: 'bad', level: 'required' });
    expect(judge({ extendedMasterSecret: null })).toMatchObject({ status: 'not-tested', outcome: 'unknown', level: 'required' });
  });

  it('is not applicable, and stays optional, without TLS 1.2', () => {
    const tls13 = judge({ versions: versions('TLSv1.3'), suites: [suites('TLSv1.3', 0x1302)], extendedMasterSecret: null });
    expect(tls13).toMatchObject({ status: 'not-applicable', outcome: 'na-no-tls-1-2', level: 'optional' });
  });
});
