import { describe, expect, it } from 'vitest';
import { versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsExtendedMasterSecret } from './mail-starttls-tls-extendedmastersecret.check.js';

const judge = (tls: Parameters<typeof judgeOneMail>[1]) => judgeOneMail(mailStarttlsTlsExtendedMasterSecret, tls);

describe('mail-starttls-tls-extendedmastersecret', () => {
  it('passes when TLS 1.2 uses the extended master secret', () => {
    expect(judge(mailTls())).toMatchObject({
      status: 'pass',
      outcome: 'good',
      level: 'required',
      internetnl: { name: 'mail_starttls_tls_extendedmastersecret' },
    });
  });

  it('fails without it', () => {
    expect(judge(mailTls({ extendedMasterSecret: false }))).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is not applicable without TLS 1.2 (and stays unrequired), and not tested when unknown', () => {
    const tls13 = judge(mailTls({ versions: versions('TLSv1.3'), extendedMasterSecret: null }));
    expect(tls13).toMatchObject({ status: 'not-applicable', outcome: 'na-no-tls-1-2' });
    expect(tls13.level).not.toBe('required');
    expect(judge(mailTls({ extendedMasterSecret: null }))).toMatchObject({ status: 'not-tested', outcome: 'unknown' });
  });

  perMailServerCases(mailStarttlsTlsExtendedMasterSecret, {
    good: { tls: mailTls(), verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: mailTls({ extendedMasterSecret: false }), verdict: { status: 'fail', outcome: 'bad' } },
  });
});
