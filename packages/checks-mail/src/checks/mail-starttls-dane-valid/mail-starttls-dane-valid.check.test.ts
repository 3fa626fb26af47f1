import { afterAll, describe, expect, it } from 'vitest';
import { mailTlsa } from '../test-support/starttls-bundle.js';
import { judgeOneMail, mailTls, mx1, perMailServerCases } from '../../test-support/starttls-cases.js';
import { openTestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { mailPki, spkiSha256 } from '../../test-support/starttls-chains.js';
import { mailStarttlsDaneValid } from './mail-starttls-dane-valid.check.js';

const pki = mailPki(openTestPki());
afterAll(() => pki.close());

const leaf = pki.leaf();
const tls = mailTls({ certificateChains: [pki.chain(leaf)] });
const matching = mailTlsa(mx1, [3, 1, 1, spkiSha256(leaf)]);
const mismatching = mailTlsa(mx1, [3, 1, 1, 'ab'.repeat(32)]);

describe('mail-starttls-dane-valid', () => {
  it('passes when a DANE-EE record matches the leaf sent', () => {
    expect(judgeOneMail(mailStarttlsDaneValid, tls, { tlsa: matching })).toMatchObject({
      status: 'pass',
      outcome: 'good',
      level: 'required',
      internetnl: { name: 'mail_starttls_dane_valid' },
    });
  });

  it('fails when no record matches the chain', () => {
    expect(judgeOneMail(mailStarttlsDaneValid, tls, { tlsa: mismatching })).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is not tested, and not required, when DANE does not exist or no chain was received', () => {
    const withoutDane = judgeOneMail(mailStarttlsDaneValid, tls, { tlsa: mailTlsa(mx1) });
    expect(withoutDane).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
    expect(withoutDane.level).not.toBe('required');
    expect(judgeOneMail(mailStarttlsDaneValid, mailTls({ certificateChains: [] }), { tlsa: matching })).toMatchObject({
      status: 'not-tested',
      outcome: 'not-tested',
    });
  });

  perMailServerCases(mailStarttlsDaneValid, {
    good: { tls, fixture: { tlsa: matching }, verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls, fixture: { tlsa: mismatching }, verdict: { status: 'fail', outcome: 'bad' } },
  });
});
