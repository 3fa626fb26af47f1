import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { suites, tlsEvidence, versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsCipherOrder } from './web-https-tls-cipherorder.check.js';

const judge = (...data: Parameters<typeof tlsEvidence>[0][]) =>
  evaluate(
    [webHttpsTlsCipherOrder],
    tlsBundle(data.map((overrides, index) => ({ ip: `192.0.2.${index + 1}`, data: tlsEvidence(overrides) }))),
  )[0];

/** TLS 1.2 with a sufficient suite and a phase-out one (ECDHE-RSA-AES128-SHA256). */
const mixed = { suites: [suites('TLSv1.2', 0xc02f, 0xc027), suites('TLSv1.3')] };

describe('web-https-tls-cipherorder', () => {
  it('is good when the server prefers the better suite, bad when it chose the phase-out one', () => {
    expect(judge({ ...mixed, cipherOrder: { tested: true, serverPreference: true } })).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'web_https_tls_cipherorder' },
    });
    const violated = judge({
      ...mixed,
      cipherOrder: { tested: true, serverPreference: true, violation: { chosen: 0xc027, expected: 0xc02f } },
    });
    expect(violated).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is na with TLS 1.3 only, and not tested without TLS', () => {
    expect(judge({ versions: versions('TLSv1.3'), suites: [suites('TLSv1.3', 0x1302)] })).toMatchObject({ status: 'pass', outcome: 'na' });
    expect(judge({ reachable: false })).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
