import { describe, expect, it } from 'vitest';
import { evaluateTlsClientRenegotiation } from './client-renegotiation.js';
import { evaluateTlsCompression } from './compression.js';
import { evaluateTlsExtendedMasterSecret } from './extended-master-secret.js';
import { evaluateTlsSecureRenegotiation } from './secure-renegotiation.js';
import { pastoeFindings, testContext, tlsEvidence, versions } from './test-support/evidence.js';
import { evaluateTlsZeroRtt } from './zero-rtt.js';

const web = testContext();
const mail = testContext({ service: 'mail' });
const only13 = { versions: versions('TLSv1.3') };

describe('evaluateTlsCompression', () => {
  it('fails compression, passes none and TLS 1.3-only', () => {
    expect(evaluateTlsCompression(tlsEvidence({ compression: true }), web)).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(evaluateTlsCompression(tlsEvidence(), web)).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(evaluateTlsCompression(tlsEvidence({ ...only13, compression: null }), web).findings).toEqual([]);
  });

  it('scores an unanswered probe good, as Internet.nl, and says so', () => {
    const result = evaluateTlsCompression(tlsEvidence({ compression: null }), web);
    expect(result.outcome).toBe('good');
    expect(pastoeFindings(result)).toEqual(['compression-not-tested']);
  });
});

describe('evaluateTlsSecureRenegotiation', () => {
  it('grades RFC 5746 support', () => {
    expect(evaluateTlsSecureRenegotiation(tlsEvidence(), web)).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(evaluateTlsSecureRenegotiation(tlsEvidence({ secureRenegotiation: false }), web)).toMatchObject({
      status: 'fail',
      outcome: 'bad',
    });
    expect(evaluateTlsSecureRenegotiation(tlsEvidence({ ...only13, secureRenegotiation: null }), web).outcome).toBe('good');
    expect(evaluateTlsSecureRenegotiation(tlsEvidence({ secureRenegotiation: null }), web).outcome).toBe('not-tested');
  });
});

describe('evaluateTlsClientRenegotiation', () => {
  it.each([
    [0, 'pass', 'not-allowed'],
    [1, 'info', 'allowed-with-low-limit'],
    [10, 'info', 'allowed-with-low-limit'],
    [11, 'fail', 'allowed-with-too-high-limit'],
  ] as const)('%i accepted is %s / %s', (accepted, status, outcome) => {
    expect(evaluateTlsClientRenegotiation(tlsEvidence({ renegotiation: { attempted: 11, accepted } }), web)).toMatchObject({
      status,
      outcome,
    });
  });

  it('counts a failed or missing test as none accepted, as Internet.nl', () => {
    const failed = evaluateTlsClientRenegotiation(tlsEvidence({ renegotiation: { attempted: 0, accepted: 0, error: 'reset' } }), web);
    expect(failed.outcome).toBe('not-allowed');
    expect(pastoeFindings(failed)).toEqual(['renegotiation-not-tested']);
    expect(evaluateTlsClientRenegotiation(tlsEvidence({ renegotiation: undefined }), web).outcome).toBe('not-allowed');
  });
});

describe('evaluateTlsExtendedMasterSecret', () => {
  it('grades EMS on TLS 1.2', () => {
    expect(evaluateTlsExtendedMasterSecret(tlsEvidence(), web)).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(evaluateTlsExtendedMasterSecret(tlsEvidence({ extendedMasterSecret: false }), web)).toMatchObject({
      status: 'fail',
      outcome: 'bad',
    });
  });

  it('is na-no-tls-1-2 without TLS 1.2 and unknown when unobserved', () => {
    expect(evaluateTlsExtendedMasterSecret(tlsEvidence({ ...only13, extendedMasterSecret: null }), web)).toMatchObject({
      status: 'not-applicable',
      outcome: 'na-no-tls-1-2',
    });
    expect(evaluateTlsExtendedMasterSecret(tlsEvidence({ extendedMasterSecret: null }), web)).toMatchObject({
      status: 'not-tested',
      outcome: 'unknown',
    });
  });
});

describe('evaluateTlsZeroRtt', () => {
  it('fails accepted early data on the web, passes the rest', () => {
    expect(evaluateTlsZeroRtt(tlsEvidence({ zeroRtt: { maxEarlyData: 16384, accepted: true } }), web)).toMatchObject({
      status: 'fail',
      outcome: 'bad',
    });
    expect(evaluateTlsZeroRtt(tlsEvidence(), web)).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(evaluateTlsZeroRtt(tlsEvidence({ versions: versions('TLSv1.2'), zeroRtt: undefined }), web).outcome).toBe('good');
  });

  it('passes early data the server deferred with HTTP 425 (RFC 8470), as Internet.nl does', () => {
    const deferred = evaluateTlsZeroRtt(tlsEvidence({ zeroRtt: { maxEarlyData: 16384, accepted: true, httpStatus: 425 } }), web);
    expect(deferred).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(pastoeFindings(deferred)).toContain('early-data-deferred');
    const answered = evaluateTlsZeroRtt(tlsEvidence({ zeroRtt: { maxEarlyData: 16384, accepted: true, httpStatus: 200 } }), web);
    expect(answered).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('notes advertised early data and an untested server', () => {
    expect(pastoeFindings(evaluateTlsZeroRtt(tlsEvidence({ zeroRtt: { maxEarlyData: 16384, accepted: false } }), web))).toEqual([
      'early-data-advertised',
    ]);
    expect(pastoeFindings(evaluateTlsZeroRtt(tlsEvidence({ zeroRtt: { maxEarlyData: null, accepted: null } }), web))).toEqual([
      'zero-rtt-not-tested',
    ]);
  });

  it('is always na for mail, with pastoe’s own verdict when early data was accepted', () => {
    expect(evaluateTlsZeroRtt(tlsEvidence(), mail)).toMatchObject({ status: 'pass', outcome: 'na' });
    const accepted = evaluateTlsZeroRtt(tlsEvidence({ zeroRtt: { maxEarlyData: 1, accepted: true } }), mail);
    expect(accepted).toMatchObject({ status: 'pass', outcome: 'na', facts: { pastoe: { status: 'fail', outcome: 'bad' } } });
  });
});
