import { type DnssecEvidence, type Evidence, type EvidenceBundle, evaluate, policies, score } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { mailDnssecExists, mailDnssecMxExists, mailDnssecMxValid, mailDnssecValid } from '../index.js';
import type { MxEvidence } from '../probes/mx.declaration.js';

const at = '2026-11-23T12:00:00.000Z';
/** The mail DNSSEC category's checks, in report order. */
const mailChecks = [mailDnssecExists, mailDnssecValid, mailDnssecMxExists, mailDnssecMxValid];

function dnssec(name: string, status: DnssecEvidence['status'], answer: DnssecEvidence['answer'] = 'positive'): DnssecEvidence {
  return { name, type: 'SOA', status, reason: 'validated', rcode: 'NOERROR', answer, wildcard: false, records: [], chain: [], queries: 1 };
}

function bundle(mx: MxEvidence, domain: DnssecEvidence, servers: DnssecEvidence[]): EvidenceBundle {
  const evidence: Evidence<unknown>[] = [
    { probe: 'dnssec-domain', subject: { name: 'example.test', role: 'domain' }, startedAt: at, durationMs: 1, ok: true, data: domain },
    { probe: 'mail-mx', subject: { name: 'example.test', role: 'domain' }, startedAt: at, durationMs: 1, ok: true, data: mx },
    ...servers.map((data) => ({
      probe: 'mail-mx-dnssec',
      subject: { name: data.name, role: 'mx' as const },
      startedAt: at,
      durationMs: 1,
      ok: true as const,
      data,
    })),
  ];
  return {
    target: { domain: 'example.test', input: 'example.test' },
    startedAt: at,
    probes: ['dnssec-domain', 'mail-mx', 'mail-mx-dnssec'],
    evidence,
  };
}

const twoMx: MxEvidence = {
  rcode: 'NOERROR',
  records: [
    { preference: 10, exchange: 'mx1.example.test' },
    { preference: 20, exchange: 'mx2.other.test' },
  ],
  domainHasAddress: true,
};

const mailDnssecPercentage = (b: EvidenceBundle): number | undefined =>
  score({ verdicts: evaluate(mailChecks, b) }, policies.internetnlMail).suites[0]?.categories.find((c) => c.id === 'mail_dnssec')
    ?.percentage;

describe('mail DNSSEC checks from evidence', () => {
  it('all secure: every subtest passes, per MX server, and the category scores 100 %', () => {
    const b = bundle(twoMx, dnssec('example.test', 'secure'), [
      dnssec('mx1.example.test', 'secure', 'nodata'),
      dnssec('mx2.other.test', 'secure'),
    ]);
    const verdicts = evaluate(mailChecks, b);
    expect(verdicts.map((v) => [v.check, v.status, v.outcome, v.level])).toEqual([
      ['mail-dnssec-exists', 'pass', 'good', 'required'],
      ['mail-dnssec-valid', 'pass', 'secure', 'required'],
      ['mail-dnssec-mx-exists', 'pass', 'good', 'required'],
      ['mail-dnssec-mx-valid', 'pass', 'secure', 'required'],
    ]);
    expect(verdicts[3]?.subjects?.map((s) => s.subject.name)).toEqual(['mx1.example.test', 'mx2.other.test']);
    expect(mailDnssecPercentage(b)).toBe(100);
  });

  it('one insecure MX zone fails the MX subtests and caps the category at 20 % (the minimum over domain and MX)', () => {
    const b = bundle(twoMx, dnssec('example.test', 'secure'), [dnssec('mx1.example.test', 'secure'), dnssec('mx2.other.test', 'insecure')]);
    const verdicts = evaluate(mailChecks, b);
    expect(verdicts[2]).toMatchObject({ status: 'fail', outcome: 'bad', level: 'required' });
    expect(verdicts[3]).toMatchObject({ status: 'not-tested', outcome: 'insecure' });
    expect(mailDnssecPercentage(b)).toBe(20);
  });

  it('a bogus MX zone scores 0 %', () => {
    const b = bundle(twoMx, dnssec('example.test', 'secure'), [dnssec('mx1.example.test', 'bogus'), dnssec('mx2.other.test', 'secure')]);
    expect(evaluate(mailChecks, b)[3]).toMatchObject({ status: 'fail', outcome: 'bogus' });
    expect(mailDnssecPercentage(b)).toBe(0);
  });

  it('pastoe timing out on one MX zone is an error with the reason, not the domain failing', () => {
    const timedOut: DnssecEvidence = { ...dnssec('mx2.other.test', 'indeterminate', 'none'), reason: 'timeout', rcode: null };
    const verdicts = evaluate(
      mailChecks,
      bundle(twoMx, dnssec('example.test', 'secure'), [dnssec('mx1.example.test', 'secure'), timedOut]),
    );
    for (const verdict of verdicts.slice(2)) {
      expect(verdict).toMatchObject({ status: 'error', outcome: 'error', error: { source: 'check', code: 'timeout' } });
      expect(verdict.subjects?.map((s) => s.status)).toEqual(['pass', 'error']);
    }
  });

  it('a correct Null MX leaves the MX subtests not tested and recommended; a Null MX beside other MX warns (forced)', () => {
    const nullMx = bundle(
      { rcode: 'NOERROR', records: [{ preference: 0, exchange: '' }], domainHasAddress: true },
      dnssec('example.test', 'secure'),
      [],
    );
    const verdicts = evaluate(mailChecks, nullMx);
    expect(verdicts[2]).toMatchObject({ status: 'not-tested', outcome: 'null-mx', level: 'recommended' });
    expect(verdicts[3]).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
    expect(mailDnssecPercentage(nullMx)).toBe(100);
    const mixed = bundle(
      {
        rcode: 'NOERROR',
        records: [
          { preference: 0, exchange: '' },
          { preference: 10, exchange: 'mx1.example.test' },
        ],
        domainHasAddress: true,
      },
      dnssec('example.test', 'secure'),
      [dnssec('mx1.example.test', 'secure')],
    );
    expect(evaluate(mailChecks, mixed)[2]).toMatchObject({ status: 'warning', outcome: 'null-mx-with-other-mx', forced: true });
  });

  it('no MX: the MX subtests say no-mailservers and the domain alone decides', () => {
    const b = bundle({ rcode: 'NXDOMAIN', records: [], domainHasAddress: false }, dnssec('example.test', 'insecure'), []);
    const verdicts = evaluate(mailChecks, b);
    expect(verdicts[2]).toMatchObject({ status: 'not-tested', outcome: 'no-mailservers' });
    expect(mailDnssecPercentage(b)).toBe(20);
  });
});
