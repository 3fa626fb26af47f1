import { describe, expect, it } from 'vitest';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsZeroRtt } from './mail-starttls-tls-0rtt.check.js';

const judge = (tls: Parameters<typeof judgeOneMail>[1]) => judgeOneMail(mailStarttlsTlsZeroRtt, tls);

describe('mail-starttls-tls-0rtt', () => {
  it('is always na for mail, as Internet.nl disabled its early-data probe for SMTP', () => {
    expect(judge(mailTls())).toMatchObject({ status: 'pass', outcome: 'na', internetnl: { name: 'mail_starttls_tls_0rtt' } });
    const accepted = judge(mailTls({ zeroRtt: { maxEarlyData: 16384, accepted: true } }));
    expect(accepted).toMatchObject({ status: 'pass', outcome: 'na' });
    expect(accepted.findings.map((finding) => finding.id)).toContain('mail-starttls-tls-0rtt.early-data-accepted');
  });

  perMailServerCases(mailStarttlsTlsZeroRtt, {
    good: { tls: mailTls(), verdict: { status: 'pass', outcome: 'na' } },
    bad: { tls: mailTls({ zeroRtt: { maxEarlyData: 16384, accepted: true } }), verdict: { status: 'pass', outcome: 'na' } },
  });
});
