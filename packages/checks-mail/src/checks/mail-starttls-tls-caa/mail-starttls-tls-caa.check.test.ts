import type { CaaEvidence } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { mailCaa } from '../test-support/starttls-bundle.js';
import { judgeOneMail, mailTls, mx1, perMailServerCases } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsCaa } from './mail-starttls-tls-caa.check.js';

/** A server that sent a chain: CAA is judged only then, as in Internet.nl (the contents do not matter here). */
const chained = mailTls({ certificateChains: [{ source: 'handshake', version: 'TLSv1.3', certificates: ['MIIB'] }] });
const judge = (caa: CaaEvidence, tls = chained) => judgeOneMail(mailStarttlsTlsCaa, tls, { caa });
const good = mailCaa(mx1, [{ flags: 0, tag: 'issue', value: 'ca.example' }]);
const none = mailCaa(mx1, []);

describe('mail-starttls-tls-caa', () => {
  it('passes valid CAA records with an issue property', () => {
    expect(judge(good)).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'mail_starttls_tls_caa' } });
  });

  it('warns (recommended) without CAA, with a syntax error, and without an issue property', () => {
    expect(judge(none)).toMatchObject({ rawStatus: 'fail', status: 'warning', outcome: 'bad' });
    const badIodef = mailCaa(mx1, [
      { flags: 0, tag: 'issue', value: 'ca.example' },
      { flags: 0, tag: 'iodef', value: 'http://example.test/report' },
    ]);
    expect(judge(badIodef)).toMatchObject({ status: 'warning', outcome: 'syntax-error' });
    expect(judge(mailCaa(mx1, [{ flags: 0, tag: 'iodef', value: 'mailto:security@example.test' }]))).toMatchObject({
      status: 'warning',
      outcome: 'insufficient',
    });
  });

  it('is not tested when no certificate chain was received', () => {
    const verdict = judge(good, mailTls({ certificateChains: [] }));
    expect(verdict).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
    expect(verdict.findings.map((finding) => finding.id)).toEqual(['mail-starttls-tls-caa.no-certificate']);
  });

  perMailServerCases(mailStarttlsTlsCaa, {
    good: { tls: chained, fixture: { caa: good }, verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: chained, fixture: { caa: none }, verdict: { rawStatus: 'fail', outcome: 'bad' } },
    raised: false,
  });
});
