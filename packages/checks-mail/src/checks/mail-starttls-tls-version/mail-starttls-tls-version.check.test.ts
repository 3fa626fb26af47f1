import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { judgeOneMail, mailTls, mx1, perMailServerCases } from '../../test-support/starttls-cases.js';
import { starttlsBundle } from '../test-support/starttls-bundle.js';
import { mailStarttlsTlsVersion } from './mail-starttls-tls-version.check.js';

describe('mail-starttls-tls-version', () => {
  it('passes TLS 1.2 and 1.3, and TLS 1.3 alone', () => {
    expect(judgeOneMail(mailStarttlsTlsVersion, mailTls())).toMatchObject({
      status: 'pass',
      outcome: 'good',
      level: 'required',
      internetnl: { name: 'mail_starttls_tls_version' },
    });
    expect(judgeOneMail(mailStarttlsTlsVersion, mailTls({ versions: versions('TLSv1.3') }))).toMatchObject({
      status: 'pass',
      outcome: 'good',
    });
  });

  it('fails TLS 1.0 or 1.1 beside TLS 1.2, naming the version', () => {
    const verdict = judgeOneMail(mailStarttlsTlsVersion, mailTls({ versions: versions('TLSv1.0', 'TLSv1.2') }));
    expect(verdict).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(verdict.findings).toContainEqual(expect.objectContaining({ params: { version: 'TLSv1.0' } }));
    expect(judgeOneMail(mailStarttlsTlsVersion, mailTls({ versions: versions('TLSv1.1', 'TLSv1.2') }))).toMatchObject({
      status: 'fail',
      outcome: 'bad',
    });
  });

  it('says per MX which addresses it has per family and which one the scan used', () => {
    // The IPv6 address did not answer on port 25, so the probe scanned the first IPv4 address.
    const bundle = starttlsBundle([{ host: mx1, scans: { '192.0.2.25': mailTls() } }]);
    const evidence = bundle.evidence.map((envelope) =>
      envelope.probe === 'tls-mail' && envelope.ok && typeof envelope.data === 'object' && envelope.data !== null
        ? { ...envelope, data: { ...envelope.data, ipv6: ['2001:db8::25'] } }
        : envelope,
    );
    const [verdict] = evaluate([mailStarttlsTlsVersion], { ...bundle, evidence });
    expect(verdict?.subjects?.[0]?.facts).toMatchObject({
      addresses: { ipv6: ['2001:db8::25'], ipv4: ['192.0.2.25'] },
      scanned: [{ ip: '192.0.2.25', family: 4 }],
    });
  });

  perMailServerCases(mailStarttlsTlsVersion, {
    good: { tls: mailTls(), verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: mailTls({ versions: versions('SSLv3', 'TLSv1.2') }), verdict: { status: 'fail', outcome: 'bad' } },
  });
});
