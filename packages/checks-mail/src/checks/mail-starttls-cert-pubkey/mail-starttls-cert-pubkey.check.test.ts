import { afterAll, describe, expect, it } from 'vitest';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { openTestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { mailPki } from '../../test-support/starttls-chains.js';
import { mailStarttlsCertPubkey } from './mail-starttls-cert-pubkey.check.js';

const pki = mailPki(openTestPki());
afterAll(() => pki.close());

const withKey = (key: 'ec-p256' | 'rsa-2048' | 'rsa-1024') => mailTls({ certificateChains: [pki.chain(pki.leaf({ key }))] });

describe('mail-starttls-cert-pubkey', () => {
  it('grades the leaf key: P-256 good, RSA-2048 phase-out, RSA-1024 bad', () => {
    expect(judgeOneMail(mailStarttlsCertPubkey, withKey('ec-p256'))).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'mail_starttls_cert_pubkey' },
    });
    expect(judgeOneMail(mailStarttlsCertPubkey, withKey('rsa-2048'))).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(judgeOneMail(mailStarttlsCertPubkey, withKey('rsa-1024'))).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  perMailServerCases(mailStarttlsCertPubkey, {
    good: { tls: withKey('ec-p256'), verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: withKey('rsa-1024'), verdict: { status: 'fail', outcome: 'bad' } },
  });
});
