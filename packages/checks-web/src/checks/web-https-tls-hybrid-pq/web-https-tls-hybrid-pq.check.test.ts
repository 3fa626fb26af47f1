import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { suites, tlsEvidence, versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsHybridPq } from './web-https-tls-hybrid-pq.check.js';

const judge = (overrides: Parameters<typeof tlsEvidence>[0]) =>
  evaluate([webHttpsTlsHybridPq], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence(overrides) }]))[0];
const groups13 = (...accepted: number[]) => ({ groups: [{ version: 'TLSv1.3' as const, accepted, complete: true }] });

describe('web-https-tls-hybrid-pq', () => {
  it('passes when the server chooses X25519MLKEM768', () => {
    expect(judge(groups13(0x11ec, 29))).toMatchObject({
      status: 'pass',
      outcome: 'good',
      level: 'optional',
      facts: { addresses: ['192.0.2.1'] },
    });
    expect(judge(groups13(0x11ec, 29))?.subjects?.[0]?.facts).toMatchObject({ chosen: 'X25519MLKEM768', chosenCode: '0x11ec' });
  });

  it('informs when the server prefers a classic group or has no hybrid at all', () => {
    const notPreferred = judge(groups13(29, 0x11ec));
    expect(notPreferred).toMatchObject({ status: 'info', outcome: 'bad' });
    expect(notPreferred?.findings.map((f) => f.id)).toEqual(['web-https-tls-hybrid-pq.hybrid-not-preferred']);
    expect(judge(groups13(29, 23))?.findings.map((f) => f.id)).toEqual(['web-https-tls-hybrid-pq.no-hybrid']);
  });

  it('informs without TLS 1.3, and is not tested without a group enumeration', () => {
    expect(judge({ versions: versions('TLSv1.2'), suites: [suites('TLSv1.2', 0xc02f)] })).toMatchObject({ status: 'info', outcome: 'na' });
    expect(judge({})).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
