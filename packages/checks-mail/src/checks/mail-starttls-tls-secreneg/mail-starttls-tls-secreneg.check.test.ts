import { describe, expect, it } from 'vitest';
import { versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsSecreneg } from './mail-starttls-tls-secreneg.check.js';

const judge = (tls: Parameters<typeof judgeOneMail>[1]) => judgeOneMail(mailStarttlsTlsSecreneg, tls);

describe('mail-starttls-tls-secreneg', () => {
  it('passes secure renegotiation, and a TLS 1.3-only server', () => {
    expect(judge(mailTls())).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'mail_starttls_tls_secreneg' } });
    expect(judge(mailTls({ versions: versions('TLSv1.3'), secureRenegotiation: null }))).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('fails without the renegotiation_info extension', () => {
    expect(judge(mailTls({ secureRenegotiation: false }))).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  perMailServerCases(mailStarttlsTlsSecreneg, {
    good: { tls: mailTls(), verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: mailTls({ secureRenegotiation: false }), verdict: { status: 'fail', outcome: 'bad' } },
  });
});
