import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsClientRenegotiation } from './web-https-tls-clientreneg.check.js';

const judge = (accepted: number) =>
  evaluate(
    [webHttpsTlsClientRenegotiation],
    tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence({ renegotiation: { attempted: 11, accepted } }) }]),
  )[0];

describe('web-https-tls-clientreneg', () => {
  it('passes none accepted; a few or many accepted is info (the optional level clamps the fail)', () => {
    expect(judge(0)).toMatchObject({ status: 'pass', outcome: 'not-allowed', internetnl: { name: 'web_https_tls_clientreneg' } });
    expect(judge(3)).toMatchObject({ status: 'info', outcome: 'allowed-with-low-limit' });
    expect(judge(11)).toMatchObject({ status: 'info', rawStatus: 'fail', outcome: 'allowed-with-too-high-limit' });
  });
});
