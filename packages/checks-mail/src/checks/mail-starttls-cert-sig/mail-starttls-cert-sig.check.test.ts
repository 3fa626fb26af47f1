import { afterAll, describe, expect, it } from 'vitest';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { openTestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { mailPki } from '../../test-support/starttls-chains.js';
import { mailStarttlsCertSig } from './mail-starttls-cert-sig.check.js';

const pki = mailPki(openTestPki());
afterAll(() => pki.close());

const signedWith = (digest: 'sha1' | 'sha224' | 'sha256') =>
  mailTls({ certificateChains: [pki.chain(pki.leaf({ key: 'rsa-2048', digest }))] });

describe('mail-starttls-cert-sig', () => {
  it('passes SHA-256, warns SHA-224 and fails SHA-1 signatures', () => {
    expect(judgeOneMail(mailStarttlsCertSig, signedWith('sha256'))).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'mail_starttls_cert_sig' },
    });
    expect(judgeOneMail(mailStarttlsCertSig, signedWith('sha224'))).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(judgeOneMail(mailStarttlsCertSig, signedWith('sha1'))).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  perMailServerCases(mailStarttlsCertSig, {
    good: { tls: signedWith('sha256'), verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: signedWith('sha1'), verdict: { status: 'fail', outcome: 'bad' } },
  });
});
