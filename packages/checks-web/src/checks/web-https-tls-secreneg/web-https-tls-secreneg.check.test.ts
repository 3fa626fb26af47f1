import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsSecureRenegotiation } from './web-https-tls-secreneg.check.js';

const judge = (overrides: Parameters<typeof tlsEvidence>[0]) =>
  evaluate([webHttpsTlsSecureRenegotiation], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence(overrides) }]))[0];

describe('web-https-tls-secreneg', () => {
  it('fails without renegotiation_info and passes with it', () => {
    expect(judge({ secureRenegotiation: false })).toMatchObject({
      status: 'fail',
      outcome: 'bad',
      internetnl: { name: 'web_https_tls_secreneg' },
    });
    expect(judge({ secureRenegotiation: true })).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judge({ reachable: false })).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
