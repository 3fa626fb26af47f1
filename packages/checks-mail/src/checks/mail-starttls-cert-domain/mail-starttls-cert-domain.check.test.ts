import { afterAll, describe, expect, it } from 'vitest';
import { mailTlsa } from '../test-support/starttls-bundle.js';
import { judgeOneMail, mailTls, mx1, perMailServerCases } from '../../test-support/starttls-cases.js';
import { openTestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { mailPki, spkiSha256 } from '../../test-support/starttls-chains.js';
import { mailStarttlsCertDomain } from './mail-starttls-cert-domain.check.js';

const pki = mailPki(openTestPki());
afterAll(() => pki.close());

const named = mailTls({ certificateChains: [pki.chain(pki.leaf())] });
const otherName = mailTls({ certificateChains: [pki.chain(pki.leaf({ dns: ['other.example.test'] }))] });

describe('mail-starttls-cert-domain', () => {
  it('passes a leaf that names the MX host', () => {
    expect(judgeOneMail(mailStarttlsCertDomain, named)).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'mail_starttls_cert_domain' },
    });
  });

  it('shows a mismatch as info (optional for mail)', () => {
    const verdict = judgeOneMail(mailStarttlsCertDomain, otherName);
    expect(verdict).toMatchObject({ rawStatus: 'fail', status: 'info', outcome: 'bad' });
    expect(verdict.forced).not.toBe(true);
  });

  it('forces the fail past the level when the host has a DNSSEC-secure DANE-TA record, as Internet.nl does', () => {
    const verdict = judgeOneMail(mailStarttlsCertDomain, otherName, { tlsa: mailTlsa(mx1, [2, 1, 1, spkiSha256(pki.root)]) });
    expect(verdict).toMatchObject({ status: 'fail', outcome: 'bad', forced: true });
  });

  it('is not tested when no chain was received', () => {
    expect(judgeOneMail(mailStarttlsCertDomain, mailTls({ certificateChains: [] }))).toMatchObject({
      status: 'not-tested',
      outcome: 'not-tested',
    });
  });

  perMailServerCases(mailStarttlsCertDomain, {
    good: { tls: named, verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: otherName, verdict: { rawStatus: 'fail', outcome: 'bad' } },
    raised: false,
  });
});
