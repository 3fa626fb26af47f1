import { evaluate, type Verdict } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import type { MxEvidence } from '../../probes/mx.declaration.js';
import type { TlsRptEvidence } from '../../probes/tls-rpt.declaration.js';
import { mxAnswer } from '../test-support/mail-bundle.js';
import { policyBundle, tlsRpt } from '../test-support/mta-sts-evidence.js';
import { mailTlsRpt } from './mail-tls-rpt.check.js';

function judge(evidence: TlsRptEvidence, mx?: MxEvidence): Verdict {
  const [verdict] = evaluate([mailTlsRpt], policyBundle({ tlsRpt: evidence }, mx));
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
}

describe('mail-tls-rpt', () => {
  it('passes one record with valid destinations, as a recommended check outside the score', () => {
    const verdict = judge(tlsRpt(['v=TLSRPTv1; rua=mailto:tls@example.test,https://r.example.test/v1']));
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'good', level: 'recommended', standard: 'tls-rpt' });
    expect(verdict.facts).toMatchObject({ rua: ['mailto:tls@example.test', 'https://r.example.test/v1'] });
  });

  it('fails a malformed record and several records (shown as warnings at its level)', () => {
    const malformed = judge(tlsRpt(['v=TLSRPTv1; rua=ftp://r.example.test']));
    expect(malformed).toMatchObject({ status: 'warning', rawStatus: 'fail', outcome: 'record-invalid' });
    expect(malformed.findings).toEqual([
      {
        id: 'mail-tls-rpt.record-syntax',
        params: { code: 'unsupported-uri-scheme', message: '"ftp://r.example.test" is neither mailto: nor https:' },
      },
    ]);
    const several = judge(tlsRpt(['v=TLSRPTv1; rua=mailto:a@example.test', 'v=TLSRPTv1; rua=mailto:b@example.test']));
    expect(several).toMatchObject({ rawStatus: 'fail', outcome: 'multiple-records' });
    expect(several.findings).toEqual([{ id: 'mail-tls-rpt.multiple-records', params: { name: '_smtp._tls.example.test', count: 2 } }]);
  });

  it('is info without a record, not tested without mail servers, an error without an answer', () => {
    expect(judge(tlsRpt([]))).toMatchObject({ status: 'info', outcome: 'absent' });
    expect(judge(tlsRpt([]), mxAnswer(['']))).toMatchObject({ status: 'not-tested', outcome: 'no-mail-servers' });
    expect(judge(tlsRpt([], { error: 'timeout: no answer in 5000 ms' }))).toMatchObject({
      status: 'error',
      error: { code: 'dns-lookup', message: '_smtp._tls.example.test: timeout: no answer in 5000 ms' },
    });
  });
});
