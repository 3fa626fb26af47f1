import { type Evidence, type EvidenceBundle, evaluate, policies, score } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { mailAuthSpfExist, mailAuthSpfPolicy } from '../index.js';
import type { SpfEvidence, SpfTxtLookup } from '../probes/spf.declaration.js';

const at = '2026-11-23T12:00:00.000Z';

const txt = (...texts: string[]): SpfTxtLookup => ({ rcode: 'NOERROR', texts });
const nxdomain: SpfTxtLookup = { rcode: 'NXDOMAIN', texts: [] };

function spf(record: SpfTxtLookup, targets: Record<string, SpfTxtLookup> = {}, truncated = false): SpfEvidence {
  return { domain: 'example.test', lookup: record, targets, truncated };
}

function verdicts(data: SpfEvidence) {
  const evidence: Evidence<unknown>[] = [
    { probe: 'mail-spf', subject: { name: 'example.test', role: 'domain' }, startedAt: at, durationMs: 1, ok: true, data },
  ];
  const bundle: EvidenceBundle = {
    target: { domain: 'example.test', input: 'example.test' },
    startedAt: at,
    probes: ['mail-spf'],
    evidence,
  };
  const [exist, policy] = evaluate([mailAuthSpfExist, mailAuthSpfPolicy], bundle);
  if (exist === undefined || policy === undefined) throw new Error('no verdicts');
  return { exist, policy, bundle };
}

const policyOf = (data: SpfEvidence) => verdicts(data).policy;
const findingIds = (verdict: { findings?: readonly { id: string }[] }) => verdict.findings?.map((f) => f.id) ?? [];

describe('mail-auth-spf-exist', () => {
  it('passes exactly one v=spf1 record and shows it', () => {
    const { exist } = verdicts(spf(txt('google-site-verification=x', 'v=spf1 -all')));
    expect(exist).toMatchObject({ status: 'pass', outcome: 'good', facts: { record: 'v=spf1 -all' } });
  });

  it('fails no record, NXDOMAIN and several records', () => {
    expect(verdicts(spf(txt('hello'))).exist).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(findingIds(verdicts(spf(nxdomain)).exist)).toEqual(['mail-auth-spf-exist.no-record']);
    const multiple = verdicts(spf(txt('v=spf1 -all', 'v=spf1 ~all'))).exist;
    expect(multiple).toMatchObject({
      status: 'fail',
      outcome: 'bad',
      findings: [{ id: 'mail-auth-spf-exist.multiple-records', params: { count: 2 } }],
    });
  });

  it('a SERVFAIL or a timeout is a test error, never "no record"', () => {
    const servfail = verdicts(spf({ rcode: 'SERVFAIL', error: 'the server answered SERVFAIL', texts: [] }));
    expect(servfail.exist).toMatchObject({ status: 'error', error: { code: 'dns-error' } });
    expect(servfail.policy.status).toBe('error');
    const timeout = verdicts(spf({ rcode: 'timeout', error: 'timeout: no answer', texts: [] }));
    expect(timeout.exist).toMatchObject({ status: 'error', error: { code: 'timeout' } });
  });
});

describe('mail-auth-spf-policy, as Internet.nl judges it', () => {
  it('passes ~all and -all, and a redirect to a sound record', () => {
    expect(policyOf(spf(txt('v=spf1 ip4:192.0.2.0/24 ~all')))).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(policyOf(spf(txt('v=spf1 mx -all')))).toMatchObject({
      status: 'pass',
      outcome: 'good',
      facts: { internetnlLookups: 1, rfcLookups: 1 },
    });
    const redirect = policyOf(spf(txt('v=spf1 redirect=_spf.example.net'), { '_spf.example.net': txt('v=spf1 a -all') }));
    expect(redirect).toMatchObject({ status: 'pass', outcome: 'good', facts: { internetnlLookups: 2, rfcLookups: 2 } });
  });

  it('gives all (2 points) for +all, a bare all, ?all, no all, and an empty record; ?all is fine inside an include', () => {
    for (const record of ['v=spf1 +all', 'v=spf1 a all', 'v=spf1 ?all', 'v=spf1 mx', 'v=spf1']) {
      expect(policyOf(spf(txt(record))), record).toMatchObject({ status: 'fail', outcome: 'all' });
    }
    expect(policyOf(spf(txt('v=spf1 include:a.example -all'), { 'a.example': txt('v=spf1 ip4:192.0.2.1 ?all') })).outcome).toBe('good');
  });

  it('gives bad (0 points) for a syntax error', () => {
    const bad = policyOf(spf(txt('v=spf1 ip4:192.0.2.300 -all')));
    expect(bad).toMatchObject({ status: 'fail', outcome: 'bad', findings: [{ id: 'mail-auth-spf-policy.record' }] });
    expect(policyOf(spf(txt('v=spf1 -all;'))).outcome).toBe('bad');
  });

  it('gives max-lookups for 11 includes, but passes 12 mx terms (Internet.nl counts only before following) and says what the RFC counts', () => {
    const targets = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`i${i}.example`, txt('v=spf1 ip4:192.0.2.1 -all')]));
    const includes = Object.keys(targets).map((name) => `include:${name}`);
    expect(policyOf(spf(txt(`v=spf1 ${includes.join(' ')} -all`), targets))).toMatchObject({ status: 'fail', outcome: 'max-lookups' });
    const mx = policyOf(spf(txt(`v=spf1 ${'mx '.repeat(12)}-all`)));
    expect(mx).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(findingIds(mx)).toEqual(['mail-auth-spf-policy.rfc-lookup-limit']);
  });

  it('reports the RFC count where Internet.nl counts less (a:host is not counted by Internet.nl)', () => {
    const policy = policyOf(
      spf(txt('v=spf1 a:mail.example.test a/24 include:x.example -all'), { 'x.example': txt('v=spf1 a:b.example ~all') }),
    );
    expect(policy).toMatchObject({ outcome: 'good', facts: { internetnlLookups: 1, rfcLookups: 4 } });
    expect(policy.findings?.[0]).toMatchObject({ id: 'mail-auth-spf-policy.lookup-count', params: { internetnl: 1, rfc: 4 } });
    expect(policy.facts?.lookupTree).toMatchObject({ totalLookups: 4, children: [{ domain: 'x.example', via: 'include', lookups: 1 }] });
  });

  it('gives include (2 points) for an include target with a DNS error or +all, include-invalid (0) without a single record', () => {
    expect(policyOf(spf(txt('v=spf1 include:gone.example -all'), { 'gone.example': nxdomain })).outcome).toBe('include');
    expect(policyOf(spf(txt('v=spf1 include:open.example -all'), { 'open.example': txt('v=spf1 +all') })).outcome).toBe('include');
    const invalid = policyOf(spf(txt('v=spf1 include:none.example -all'), { 'none.example': txt('not spf') }));
    expect(invalid).toMatchObject({ status: 'fail', outcome: 'include-invalid' });
    expect(invalid.facts?.records).toEqual([
      ['example.test', 'v=spf1 include:none.example -all'],
      ['none.example', ''],
    ]);
  });

  it('gives redirect (2) and redirect-invalid (0) for the redirect target, which needs an all of its own', () => {
    expect(policyOf(spf(txt('v=spf1 redirect=r.example'), { 'r.example': txt('v=spf1 a') })).outcome).toBe('redirect');
    expect(policyOf(spf(txt('v=spf1 redirect=r.example'), { 'r.example': txt('v=spf1 a:') })).outcome).toBe('redirect-invalid');
  });

  it('counts macro targets without following them', () => {
    expect(policyOf(spf(txt('v=spf1 include:%{d}.spf.example -all')))).toMatchObject({ outcome: 'good', facts: { internetnlLookups: 1 } });
  });

  it('is not tested (0 points) without exactly one record, and an error when an include target went unanswered', () => {
    expect(policyOf(spf(txt('v=spf1 -all', 'v=spf1 ~all')))).toMatchObject({ status: 'not-tested', outcome: 'not-tested', score: 0 });
    const unanswered = policyOf(
      spf(txt('v=spf1 include:slow.example -all'), { 'slow.example': { rcode: 'timeout', error: 'timeout', texts: [] } }),
    );
    expect(unanswered).toMatchObject({
      status: 'error',
      error: { code: 'timeout' },
      findings: [{ id: 'mail-auth-spf-policy.target-unanswered', params: { domain: 'slow.example' } }],
    });
    const servfail = policyOf(
      spf(txt('v=spf1 include:broken.example -all'), {
        'broken.example': { rcode: 'SERVFAIL', error: 'the server answered SERVFAIL', texts: [] },
      }),
    );
    expect(servfail).toMatchObject({ status: 'error', outcome: 'error', error: { code: 'dns-error' } });
    // NXDOMAIN is the target's answer: Internet.nl's partial points, no error.
    expect(policyOf(spf(txt('v=spf1 include:gone.example -all'), { 'gone.example': nxdomain }))).toMatchObject({
      status: 'fail',
      outcome: 'include',
    });
  });

  it('scores like Internet.nl: 10 + 2 for a weak all, 10 + 0 for a syntax error', () => {
    const points = (data: SpfEvidence) =>
      score(
        { verdicts: evaluate([mailAuthSpfExist, mailAuthSpfPolicy], verdicts(data).bundle) },
        policies.internetnlMail,
      ).suites[0]?.categories.find((c) => c.id === 'mail_auth')?.raw;
    expect(points(spf(txt('v=spf1 ?all')))).toBe(12);
    expect(points(spf(txt('v=spf1 -all;')))).toBe(10);
    expect(points(spf(txt('v=spf1 -all')))).toBe(20);
  });
});
