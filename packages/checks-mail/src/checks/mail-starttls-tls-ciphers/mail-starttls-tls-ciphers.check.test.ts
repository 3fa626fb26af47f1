import { describe, expect, it } from 'vitest';
import { suites } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsCiphers } from './mail-starttls-tls-ciphers.check.js';

const judge = (tls: Parameters<typeof judgeOneMail>[1]) => judgeOneMail(mailStarttlsTlsCiphers, tls);

describe('mail-starttls-tls-ciphers', () => {
  it('passes good and sufficient suites', () => {
    expect(judge(mailTls())).toMatchObject({
      status: 'pass',
      outcome: 'good',
      level: 'required',
      internetnl: { name: 'mail_starttls_tls_ciphers' },
    });
  });

  it('warns on a phase-out suite and fails on an insufficient one', () => {
    expect(judge(mailTls({ suites: [suites('TLSv1.2', 0xc02f, 0xc027)] }))).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(judge(mailTls({ suites: [suites('TLSv1.2', 0xc02f, 0xc013)] }))).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  perMailServerCases(mailStarttlsTlsCiphers, {
    good: { tls: mailTls(), verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: mailTls({ suites: [suites('TLSv1.2', 0xc02f, 0xc013)] }), verdict: { status: 'fail', outcome: 'bad' } },
  });
});
