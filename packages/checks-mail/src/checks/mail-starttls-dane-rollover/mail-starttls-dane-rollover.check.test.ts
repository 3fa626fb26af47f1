import { afterAll, describe, expect, it } from 'vitest';
import { mailTlsa } from '../test-support/starttls-bundle.js';
import { judgeOneMail, mailTls, mx1, perMailServerCases } from '../../test-support/starttls-cases.js';
import { openTestPki } from '../../../../core/src/x509/test-support/openssl.js';
import { mailPki, spkiSha256 } from '../../test-support/starttls-chains.js';
import { mailStarttlsDaneRollover } from './mail-starttls-dane-rollover.check.js';

const pki = mailPki(openTestPki());
afterAll(() => pki.close());

const leaf = pki.leaf();
const tls = mailTls({ certificateChains: [pki.chain(leaf)] });
const ee = (data: string): [number, number, number, string] => [3, 1, 1, data];
const twoEe = mailTlsa(mx1, ee(spkiSha256(leaf)), ee('ab'.repeat(32)));
const oneEe = mailTlsa(mx1, ee(spkiSha256(leaf)));
const judge = (tlsa: ReturnType<typeof mailTlsa>) => judgeOneMail(mailStarttlsDaneRollover, tls, { tlsa });

describe('mail-starttls-dane-rollover', () => {
  it('passes two DANE-EE records, and DANE-EE beside DANE-TA', () => {
    expect(judge(twoEe)).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'mail_starttls_dane_rollover' } });
    expect(judge(mailTlsa(mx1, ee(spkiSha256(leaf)), [2, 1, 1, spkiSha256(pki.root)]))).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('fails one DANE-EE record, and DANE-TA records alone (shown as info: optional)', () => {
    expect(judge(oneEe)).toMatchObject({ rawStatus: 'fail', status: 'info', outcome: 'bad' });
    const ta = (data: string): [number, number, number, string] => [2, 1, 1, data];
    expect(judge(mailTlsa(mx1, ta(spkiSha256(pki.root)), ta('cd'.repeat(32))))).toMatchObject({ rawStatus: 'fail', outcome: 'bad' });
  });

  it('is not tested when DANE does not exist', () => {
    expect(judge(mailTlsa(mx1))).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });

  perMailServerCases(mailStarttlsDaneRollover, {
    good: { tls, fixture: { tlsa: twoEe }, verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls, fixture: { tlsa: oneEe }, verdict: { rawStatus: 'fail', outcome: 'bad' } },
    raised: false,
  });
});
