import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { versions } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import type { MxEvidence } from '../../probes/mx.declaration.js';
import { starttlsBundle } from '../test-support/starttls-bundle.js';
import { judgeMail, judgeOneMail, mailTls, mx1, mx2 } from '../../test-support/starttls-cases.js';
import { mailStarttlsTlsAvailable } from './mail-starttls-tls-available.check.js';

const check = mailStarttlsTlsAvailable;
const judge = (tls: Parameters<typeof judgeOneMail>[1]) => judgeOneMail(check, tls);
const withMx = (mx: MxEvidence) => judgeMail(check, [], mx);
const nullMx = { preference: 0, exchange: '' };
const reason = (verdict: ReturnType<typeof judge>) => verdict.findings[0]?.params?.reason;

describe('mail-starttls-tls-available', () => {
  it('passes when every MX host offers STARTTLS and completes a handshake, and is required', () => {
    expect(judge(mailTls())).toMatchObject({
      status: 'pass',
      outcome: 'good',
      level: 'required',
      internetnl: { name: 'mail_starttls_tls_available' },
    });
  });

  it("gives Internet.nl's statuses without mail servers: no MX, Null MX, Null MX beside others, needless Null MX", () => {
    expect(withMx({ rcode: 'NXDOMAIN', records: [], domainHasAddress: true })).toMatchObject({ status: 'not-tested', outcome: 'other-2' });
    expect(withMx({ rcode: 'NOERROR', records: [nullMx], domainHasAddress: true })).toMatchObject({
      status: 'not-tested',
      outcome: 'null-mx',
    });
    expect(withMx({ rcode: 'NOERROR', records: [nullMx, { preference: 10, exchange: mx1 }], domainHasAddress: true })).toMatchObject({
      status: 'warning',
      outcome: 'null-mx-with-other-mx',
      forced: true,
    });
    expect(withMx({ rcode: 'NOERROR', records: [nullMx], domainHasAddress: false })).toMatchObject({
      status: 'info',
      outcome: 'null-mx-without-a-aaaa',
      forced: true,
    });
  });

  it('is unreachable (error/other, forced) when STARTTLS is not offered, refused, or gives no TLS version', () => {
    const notOffered = judge(mailTls({ starttls: { ehloKeywords: [], offered: false, accepted: false }, versions: versions() }));
    expect(notOffered).toMatchObject({ status: 'error', outcome: 'other', forced: true });
    expect(reason(notOffered)).toBe('not-offered');
    expect(reason(judge(mailTls({ starttls: { ehloKeywords: ['STARTTLS'], offered: true, accepted: false }, versions: versions() })))).toBe(
      'refused',
    );
    expect(reason(judge(mailTls({ versions: versions() })))).toBe('no-tls-version');
  });

  it('is unreachable for a host that does not answer, naming why, and for a host without an address', () => {
    const silent = judge(
      mailTls({ reachable: false, versions: [], problems: [{ step: 'connect', code: 'timeout', message: 'no answer on port 25' }] }),
    );
    expect(silent).toMatchObject({ status: 'error', outcome: 'other', forced: true });
    expect(reason(silent)).toBe('timeout');
    const withoutAddress = judgeMail(check, [{ host: mx1 }]);
    expect(withoutAddress).toMatchObject({ status: 'error', outcome: 'other' });
    expect(reason(withoutAddress)).toBe('NXDOMAIN');
  });

  it("could not test (error, forced) when pastoe's own MX lookup or STARTTLS scan failed", () => {
    const failedScan = judgeMail(check, [
      { host: mx1, scans: { '192.0.2.25': mailTls() } },
      { host: mx2, failed: 'timeout' },
    ]);
    expect(failedScan).toMatchObject({ status: 'error', outcome: 'could-not-test', forced: true, error: { code: 'timeout' } });
    const bundle = starttlsBundle([{ host: mx1, scans: { '192.0.2.25': mailTls() } }]);
    const failedMx = {
      ...bundle,
      evidence: bundle.evidence.map((item) =>
        item.probe === 'mail-mx' ? { ...item, ok: false as const, error: { code: 'timeout' as const, message: 'no answer' } } : item,
      ),
    };
    expect(evaluate([check], failedMx)[0]).toMatchObject({ status: 'error', outcome: 'could-not-test', error: { code: 'timeout' } });
  });

  it('takes the worst MX host: one unreachable host makes the subtest unreachable, with one subject per host', () => {
    const verdict = judgeMail(check, [
      { host: mx1, scans: { '192.0.2.25': mailTls() } },
      { host: mx2, scans: { '192.0.2.26': mailTls({ reachable: false, versions: [] }) } },
    ]);
    expect(verdict).toMatchObject({ status: 'error', outcome: 'other' });
    expect(verdict.subjects?.map((subject) => [subject.subject.name, subject.outcome])).toEqual([
      [mx1, 'good'],
      [mx2, 'other'],
    ]);
  });
});
