import { afterAll, describe, expect, it } from 'vitest';
import { mailTlsa } from '../test-support/starttls-bundle.js';
import { judgeOneMail, mailTls, mx1, perMailServerCases } from '../../test-support/starttls-cases.js';
import { openTestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { mailPki, spkiSha256 } from '../../test-support/starttls-chains.js';
import { mailStarttlsDaneExist } from './mail-starttls-dane-exist.check.js';

const pki = mailPki(openTestPki());
afterAll(() => pki.close());

const leaf = pki.leaf();
const tls = mailTls({ certificateChains: [pki.chain(leaf)] });
const secure = mailTlsa(mx1, [3, 1, 1, spkiSha256(leaf)]);
const judge = (tlsa: ReturnType<typeof mailTlsa>) => judgeOneMail(mailStarttlsDaneExist, tls, { tlsa });

describe('mail-starttls-dane-exist', () => {
  it('passes DNSSEC-secure TLSA records, and makes the subtest required', () => {
    expect(judge(secure)).toMatchObject({
      status: 'pass',
      outcome: 'good',
      level: 'required',
      internetnl: { name: 'mail_starttls_dane_exist' },
    });
  });

  it('fails without TLSA records, with them in an unsigned zone, and with only PKIX usages (ignored for mail)', () => {
    expect(judge(mailTlsa(mx1))).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(judge({ ...secure, dnssec: 'insecure', status: 'insecure' })).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(judge(mailTlsa(mx1, [1, 1, 1, spkiSha256(leaf)]))).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is bogus for a bogus TLSA answer or a bogus denial beside records', () => {
    expect(judge({ ...secure, dnssec: 'bogus', status: 'bogus' })).toMatchObject({ status: 'fail', outcome: 'bogus' });
    expect(judge({ ...secure, denialBogus: true })).toMatchObject({ status: 'fail', outcome: 'bogus' });
  });

  perMailServerCases(mailStarttlsDaneExist, {
    good: { tls, fixture: { tlsa: secure }, verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls, fixture: { tlsa: mailTlsa(mx1) }, verdict: { status: 'fail', outcome: 'bad' } },
  });
});
