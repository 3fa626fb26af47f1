import { describe, expect, it } from 'vitest';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsCompress } from './mail-starttls-tls-compress.check.js';

const judge = (tls: Parameters<typeof judgeOneMail>[1]) => judgeOneMail(mailStarttlsTlsCompress, tls);

describe('mail-starttls-tls-compress', () => {
  it('passes without TLS compression, also when it could not be tested', () => {
    expect(judge(mailTls())).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'mail_starttls_tls_compress' } });
    expect(judge(mailTls({ compression: null }))).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('fails when the server accepts compression', () => {
    expect(judge(mailTls({ compression: true }))).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  perMailServerCases(mailStarttlsTlsCompress, {
    good: { tls: mailTls(), verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: mailTls({ compression: true }), verdict: { status: 'fail', outcome: 'bad' } },
  });
});
