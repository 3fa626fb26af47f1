import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { suites, tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsCiphers } from './web-https-tls-ciphers.check.js';

const judge = (...data: Parameters<typeof tlsEvidence>[0][]) =>
  evaluate(
    [webHttpsTlsCiphers],
    tlsBundle(data.map((overrides, index) => ({ ip: `192.0.2.${index + 1}`, data: tlsEvidence(overrides) }))),
  )[0];

describe('web-https-tls-ciphers', () => {
  it('passes good and sufficient suites', () => {
    expect(judge({})).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'web_https_tls_ciphers' } });
  });

  it('warns on a phase-out suite and fails on an insufficient one', () => {
    expect(judge({ suites: [suites('TLSv1.2', 0xc02f, 0xc027)] })).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(judge({ suites: [suites('TLSv1.2', 0xc02f, 0xc013)] })).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is not tested when the server is unreachable', () => {
    expect(judge({ reachable: false })).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
