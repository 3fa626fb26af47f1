import { afterAll, describe, expect, it } from 'vitest';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { openTestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { mailPki } from '../../test-support/starttls-chains.js';
import { mailStarttlsCertChain } from './mail-starttls-cert-chain.check.js';

const pki = mailPki(openTestPki());
afterAll(() => pki.close());

const chained = mailTls({ certificateChains: [pki.chain(pki.leaf())] });
const untrusted = mailTls({
  certificateChains: [pki.chain(pki.leaf())],
  trust: { verified: false, store: 'mozilla', error: 'unable to get local issuer certificate' },
});

describe('mail-starttls-cert-chain', () => {
  it('passes a chain the trust store verified', () => {
    expect(judgeOneMail(mailStarttlsCertChain, chained)).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'mail_starttls_cert_chain' },
    });
  });

  it('fails one it did not, shown as info (optional for mail: senders rely on DANE)', () => {
    expect(judgeOneMail(mailStarttlsCertChain, untrusted)).toMatchObject({ rawStatus: 'fail', status: 'info', outcome: 'bad' });
  });

  it('could not test a server that sent no chain', () => {
    expect(judgeOneMail(mailStarttlsCertChain, mailTls({ certificateChains: [] }))).toMatchObject({
      status: 'not-tested',
      outcome: 'could-not-test',
    });
  });

  perMailServerCases(mailStarttlsCertChain, {
    good: { tls: chained, verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: untrusted, verdict: { rawStatus: 'fail', outcome: 'bad' } },
    raised: false,
  });
});
