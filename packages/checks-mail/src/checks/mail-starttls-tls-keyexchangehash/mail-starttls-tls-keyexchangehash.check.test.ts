import { describe, expect, it } from 'vitest';
import { versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { judgeOneMail, mailTls, perMailServerCases } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsKeyExchangeHash } from './mail-starttls-tls-keyexchangehash.check.js';

const judge = (tls: Parameters<typeof judgeOneMail>[1]) => judgeOneMail(mailStarttlsTlsKeyExchangeHash, tls);

describe('mail-starttls-tls-keyexchangehash', () => {
  it('passes a server that refuses SHA-1 and SHA-224 signatures, and one without TLS 1.2', () => {
    expect(judge(mailTls())).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'mail_starttls_tls_keyexchangehash' } });
    expect(judge(mailTls({ versions: versions('TLSv1.3') }))).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('warns on SHA-224 and fails SHA-1', () => {
    expect(judge(mailTls({ kexHash: { sha1: false, sha224: true } }))).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(judge(mailTls({ kexHash: { sha1: true, sha224: null } }))).toMatchObject({ status: 'fail', outcome: 'bad' });
  });

  it('is not tested when the SHA-1 probe gave no answer', () => {
    expect(judge(mailTls({ kexHash: { sha1: null, sha224: null } }))).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });

  perMailServerCases(mailStarttlsTlsKeyExchangeHash, {
    good: { tls: mailTls(), verdict: { status: 'pass', outcome: 'good' } },
    bad: { tls: mailTls({ kexHash: { sha1: true, sha224: null } }), verdict: { status: 'fail', outcome: 'bad' } },
  });
});
