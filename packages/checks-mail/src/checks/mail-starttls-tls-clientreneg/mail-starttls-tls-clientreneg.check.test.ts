import { describe, expect, it } from 'vitest';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsClientreneg } from './mail-starttls-tls-clientreneg.check.js';

const judge = (tls: Parameters<typeof judgeOneMail>[1]) => judgeOneMail(mailStarttlsTlsClientreneg, tls);

describe('mail-starttls-tls-clientreneg', () => {
  it('passes when no client-initiated renegotiation is accepted', () => {
    expect(judge(mailTls())).toMatchObject({
      status: 'pass',
      outcome: 'not-allowed',
      internetnl: { name: 'mail_starttls_tls_clientreneg' },
    });
  });

  it('is info with a low limit and with too high a limit (the optional level shows the fail as info)', () => {
    expect(judge(mailTls({ renegotiation: { attempted: 11, accepted: 3 } }))).toMatchObject({
      status: 'info',
      outcome: 'allowed-with-low-limit',
    });
    expect(judge(mailTls({ renegotiation: { attempted: 11, accepted: 11 } }))).toMatchObject({
      rawStatus: 'fail',
      outcome: 'allowed-with-too-high-limit',
    });
  });

  perMailServerCases(mailStarttlsTlsClientreneg, {
    good: { tls: mailTls(), verdict: { status: 'pass', outcome: 'not-allowed' } },
    bad: {
      tls: mailTls({ renegotiation: { attempted: 11, accepted: 11 } }),
      verdict: { rawStatus: 'fail', outcome: 'allowed-with-too-high-limit' },
    },
    raised: false,
  });
});
