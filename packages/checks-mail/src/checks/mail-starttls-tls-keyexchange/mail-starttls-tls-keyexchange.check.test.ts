import { describe, expect, it } from 'vitest';
import { dhe, ecdhe } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { ffdheGroups } from '../../../../core/src/tls/tables/ffdhe.js';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsKeyExchange } from './mail-starttls-tls-keyexchange.check.js';

const ffdhe2048 = ffdheGroups.find((group) => group.name === 'ffdhe2048')?.primeHex ?? '';

const judge = (tls: Parameters<typeof judgeOneMail>[1]) => judgeOneMail(mailStarttlsTlsKeyExchange, tls);

describe('mail-starttls-tls-keyexchange', () => {
  it('passes good curves', () => {
    expect(judge(mailTls())).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'mail_starttls_tls_keyexchange' } });
  });

  it('warns on secp224r1 and fails other curves and 2048-bit DH', () => {
    expect(judge(mailTls({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 21)] }))).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(judge(mailTls({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 22)] }))).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(judge(mailTls({ keyExchanges: [dhe('TLSv1.2', 0x009e, ffdhe2048)] }))).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is na for X25519 only and for RSA key exchange', () => {
    expect(judge(mailTls({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 29)] }))).toMatchObject({ status: 'pass', outcome: 'na' });
    expect(judge(mailTls({ keyExchanges: [{ version: 'TLSv1.2', suite: 0x009c }] }))).toMatchObject({ status: 'pass', outcome: 'na' });
  });

  perMailServerCases(mailStarttlsTlsKeyExchange, {
    good: { tls: mailTls(), verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: mailTls({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 22)] }), verdict: { status: 'fail', outcome: 'bad' } },
  });
});
