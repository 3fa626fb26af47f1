import type { TlsEvidence } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { suites, versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsCipherOrder } from './mail-starttls-tls-cipherorder.check.js';

const judge = (tls: Parameters<typeof judgeOneMail>[1]) => judgeOneMail(mailStarttlsTlsCipherOrder, tls);

/** A TLS 1.2 server with a sufficient and a phase-out suite, whose order the probe tested. */
const withPhaseOut = (cipherOrder: TlsEvidence['cipherOrder']) => mailTls({ suites: [suites('TLSv1.2', 0xc02f, 0xc027)], cipherOrder });

describe('mail-starttls-tls-cipherorder', () => {
  it('passes when the server prefers its better suites, or has no phase-out suite to order', () => {
    expect(judge(withPhaseOut({ tested: true, serverPreference: true }))).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'mail_starttls_tls_cipherorder' },
    });
    expect(judge(mailTls())).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('fails when the server picks a phase-out suite over a better one', () => {
    const verdict = judge(withPhaseOut({ tested: true, serverPreference: false, violation: { chosen: 0xc027, expected: 0xc02f } }));
    expect(verdict).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is na with only TLS 1.3, with only good suites, or when the order probe did not run', () => {
    expect(judge(mailTls({ versions: versions('TLSv1.3'), suites: [suites('TLSv1.3', 0x1302)] }))).toMatchObject({
      status: 'pass',
      outcome: 'na',
    });
    expect(judge(withPhaseOut({ tested: false, serverPreference: true }))).toMatchObject({ status: 'pass', outcome: 'na' });
  });

  perMailServerCases(mailStarttlsTlsCipherOrder, {
    good: { tls: mailTls(), verdict: { status: 'pass', outcome: 'good' } },
    bad: {
      tls: withPhaseOut({ tested: true, serverPreference: false, violation: { chosen: 0xc027, expected: 0xc02f } }),
      verdict: { status: 'fail', outcome: 'bad' },
    },
  });
});
