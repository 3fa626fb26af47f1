import { evaluate, type ProbeError, type Verdict } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import type { MxEvidence } from '../../probes/mx.declaration.js';
import type { MtaStsEvidence } from '../../probes/mta-sts.declaration.js';
import { mxAnswer } from '../test-support/mail-bundle.js';
import { fetched, goodPolicyText, mtaSts, policyBundle } from '../test-support/mta-sts-evidence.js';
import { mailMtaSts } from './mail-mta-sts.check.js';

const record = 'v=STSv1; id=20261203';

function judge(evidence: MtaStsEvidence | ProbeError, mx?: MxEvidence): Verdict {
  const [verdict] = evaluate([mailMtaSts], policyBundle({ mtaSts: evidence }, mx));
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
}

const policy = (lines: Record<string, string | readonly string[]>): string =>
  Object.entries(lines)
    .flatMap(([key, value]) => (typeof value === 'string' ? [value] : value).map((v) => `${key}: ${v}`))
    .join('\n');
const findingIds = (verdict: Verdict): string[] => verdict.findings.map((finding) => finding.id.replace('mail-mta-sts.', ''));

describe('mail-mta-sts', () => {
  it('passes an enforce policy that covers every MX and lives two weeks, as a recommended check', () => {
    const verdict = judge(mtaSts([record], fetched(goodPolicyText)));
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'good', level: 'recommended', standard: 'mta-sts' });
    expect(verdict.internetnl).toBeUndefined();
    expect(verdict.facts).toMatchObject({
      records: [record],
      mode: 'enforce',
      maxAge: 1209600,
      mx: ['mx.example.test'],
      policyStatus: 200,
    });
  });

  it('covers several MX hosts with a wildcard, and notes a lifetime under a week', () => {
    const text = policy({ version: 'STSv1', mode: 'enforce', mx: ['*.example.test'], max_age: '86400' });
    const verdict = judge(mtaSts([record], fetched(text)), mxAnswer(['mx1.example.test', 'mx2.example.test']));
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(findingIds(verdict)).toEqual(['max-age-below-week']);
  });

  it('warns on mode testing and on a max_age under a day', () => {
    const testing = judge(mtaSts([record], fetched(goodPolicyText.replace('enforce', 'testing'))));
    expect(testing).toMatchObject({ status: 'warning', rawStatus: 'warning', outcome: 'testing' });
    expect(findingIds(testing)).toEqual(['mode-testing']);
    const short = judge(mtaSts([record], fetched(goodPolicyText.replace('1209600', '3600'))));
    expect(short).toMatchObject({ status: 'warning', outcome: 'short-max-age' });
    expect(short.findings).toEqual([{ id: 'mail-mta-sts.short-max-age', params: { maxAge: 3600, minimum: 86400 } }]);
  });

  it('is info without a record (recommended: absent is no failure), and info for mode none', () => {
    expect(judge(mtaSts([]))).toMatchObject({ status: 'info', outcome: 'absent' });
    const none = judge(mtaSts([record], fetched('version: STSv1\nmode: none\nmax_age: 86400\n')));
    expect(none).toMatchObject({ status: 'info', outcome: 'mode-none' });
  });

  it('fails (shown as a warning at its level) when an MX is not covered', () => {
    const text = policy({ version: 'STSv1', mode: 'enforce', mx: ['*.example.test'], max_age: '604800' });
    const verdict = judge(mtaSts([record], fetched(text)), mxAnswer(['a.mx.example.test', 'mx.example.test', 'mx.other.test']));
    expect(verdict).toMatchObject({ status: 'warning', rawStatus: 'fail', outcome: 'mx-not-covered' });
    expect(verdict.findings).toEqual([
      { id: 'mail-mta-sts.mx-not-covered', params: { mx: 'a.mx.example.test', patterns: '*.example.test' } },
      { id: 'mail-mta-sts.mx-not-covered', params: { mx: 'mx.other.test', patterns: '*.example.test' } },
    ]);
  });

  it('fails several records and an invalid record', () => {
    expect(judge(mtaSts([record, 'v=STSv1; id=2'], fetched(goodPolicyText)))).toMatchObject({
      rawStatus: 'fail',
      outcome: 'multiple-records',
    });
    const invalid = judge(mtaSts(['v=STSv1; id=not-alnum'], fetched(goodPolicyText)));
    expect(invalid).toMatchObject({ rawStatus: 'fail', outcome: 'record-invalid' });
    expect(invalid.findings[0]).toMatchObject({ id: 'mail-mta-sts.record-syntax', params: { code: 'invalid-id' } });
  });

  it('fails a record whose policy cannot be had: no host, no answer, a status, a redirect, a certificate, a media type, a size', () => {
    const cases: [Parameters<typeof fetched>[1], string][] = [
      [{ error: { code: 'no-address', message: 'no A' }, status: undefined }, 'no-policy-host'],
      [{ error: { code: 'refused', message: 'refused', nodeCode: 'ECONNREFUSED' }, status: undefined }, 'policy-unreachable'],
      [{ error: { code: 'timeout', message: 'no response in 15000 ms' }, status: undefined }, 'policy-unreachable'],
      [{ status: 404 }, 'policy-status'],
      [{ status: 301, headers: [['location', 'https://example.test/mta-sts.txt']] }, 'policy-redirect'],
      [{ certificateValid: false, certificateError: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'policy-certificate'],
      [{ headers: [['content-type', 'text/html']] }, 'policy-content-type'],
      [{ headers: [] }, 'policy-content-type'],
      [{ bodyTruncated: true }, 'policy-too-large'],
    ];
    for (const [extra, finding] of cases) {
      const verdict = judge(mtaSts([record], fetched(goodPolicyText, extra)));
      expect(verdict, finding).toMatchObject({ rawStatus: 'fail', outcome: 'policy-unavailable' });
      expect(findingIds(verdict), finding).toEqual([finding]);
    }
    const redirect = judge(mtaSts([record], fetched('', { status: 302, headers: [['location', '/elsewhere']] })));
    expect(redirect.findings[0]?.params).toMatchObject({ status: 302, location: '/elsewhere' });
    const certificate = judge(mtaSts([record], fetched(goodPolicyText, { certificateValid: false, certificateError: 'CERT_HAS_EXPIRED' })));
    expect(certificate.findings[0]?.params).toMatchObject({ reason: 'CERT_HAS_EXPIRED' });
  });

  it('fails a policy with syntax errors, naming each with its line', () => {
    const verdict = judge(mtaSts([record], fetched('version: STSv1\nmode: strict\nmx: mx.example.test\nmax_age: 1209600\n')));
    expect(verdict).toMatchObject({ rawStatus: 'fail', outcome: 'policy-invalid' });
    expect(verdict.findings).toEqual([
      { id: 'mail-mta-sts.policy-syntax', params: { code: 'invalid-mode', message: 'mode must be enforce, testing or none', line: 2 } },
    ]);
  });

  it('passes a policy with a blank line and says so', () => {
    const verdict = judge(mtaSts([record], fetched(`version: STSv1\n\nmode: enforce\nmx: mx.example.test\nmax_age: 1209600\n`)));
    expect(verdict).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(findingIds(verdict)).toEqual(['policy-warning']);
  });

  it('is not tested for a domain without mail servers (Null MX, no MX)', () => {
    const nullMx = judge(mtaSts([record], fetched(goodPolicyText)), mxAnswer(['']));
    expect(nullMx).toMatchObject({ status: 'not-tested', outcome: 'no-mail-servers' });
    expect(nullMx.findings).toEqual([{ id: 'mail-mta-sts.null-mx' }]);
    expect(judge(mtaSts([]), mxAnswer([]))).toMatchObject({ status: 'not-tested', outcome: 'no-mail-servers' });
  });

  it("is a test error when the record lookup got SERVFAIL or the probe failed on pastoe's side", () => {
    const servfail = judge(mtaSts([], undefined, { rcode: 'SERVFAIL', error: 'SERVFAIL' }));
    expect(servfail).toMatchObject({
      status: 'error',
      error: { source: 'check', code: 'dns-lookup', message: '_mta-sts.example.test: SERVFAIL' },
    });
    const failed = judge({ code: 'servfail', message: 'mta-sts.example.test: SERVFAIL' });
    expect(failed).toMatchObject({ status: 'error', error: { source: 'probe', code: 'servfail' } });
  });
});
