import { evaluate, policies, score, type Verdict } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import type { DmarcEvidence } from '../dmarc/evidence.js';
import { mailAuthDmarcExist } from './mail-auth-dmarc-exist/mail-auth-dmarc-exist.check.js';
import { mailAuthDmarcPolicy } from './mail-auth-dmarc-policy/mail-auth-dmarc-policy.check.js';
import {
  answered,
  dmarcBundle,
  externalDestination,
  foundAtDomain,
  foundAtOrganizationalDomain,
  notFound,
} from './test-support/dmarc-evidence.js';

const checks = [mailAuthDmarcExist, mailAuthDmarcPolicy];

function judge(evidence: DmarcEvidence): { exist: Verdict; policy: Verdict } {
  const [exist, policy] = evaluate(checks, dmarcBundle(evidence));
  if (exist === undefined || policy === undefined) throw new Error('no verdicts');
  return { exist, policy };
}

const findingIds = (verdict: Verdict): string[] => verdict.findings.map((finding) => finding.id);

/** The points the two DMARC subtests earn under Internet.nl's mail policy. */
function points(evidence: DmarcEvidence): Record<string, number | undefined> {
  const report = score({ verdicts: evaluate(checks, dmarcBundle(evidence)) }, policies.internetnlMail);
  const auth = report.suites[0]?.categories.find((category) => category.id === 'mail_auth');
  return Object.fromEntries((auth?.tests ?? []).filter((test) => test.present).map((test) => [test.name, test.points]));
}

describe('mail-auth-dmarc-exist', () => {
  it('passes with one record at the domain, and says so when it was inherited from the organizational domain', () => {
    const own = judge(foundAtDomain('v=DMARC1; p=reject')).exist;
    expect(own).toMatchObject({ status: 'pass', outcome: 'good', level: 'required' });
    expect(own.facts).toMatchObject({ record: 'v=DMARC1; p=reject', foundAt: 'example.nl', source: 'domain' });
    const inherited = judge(foundAtOrganizationalDomain('v=DMARC1; p=reject')).exist;
    expect(inherited).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(inherited.findings).toEqual([
      { id: 'mail-auth-dmarc-exist.inherited', params: { foundAt: 'example.nl', source: 'organizational-domain' } },
    ]);
  });

  it('fails with no record, and with several records where discovery stopped', () => {
    const none = judge(notFound('none', [answered('_dmarc.example.nl')])).exist;
    expect(none).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(none.findings).toEqual([{ id: 'mail-auth-dmarc-exist.no-record', params: { names: '_dmarc.example.nl' } }]);
    const multiple = judge(notFound('multiple', [answered('_dmarc.example.nl', ['v=DMARC1; p=reject', 'v=DMARC1; p=none'])])).exist;
    expect(multiple).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(multiple.findings).toEqual([{ id: 'mail-auth-dmarc-exist.multiple-records', params: { name: '_dmarc.example.nl', count: 2 } }]);
  });

  it('is a test error, not "no record", when a lookup got SERVFAIL or no answer', () => {
    const servfail = notFound('error', [{ name: '_dmarc.example.nl', rcode: 'SERVFAIL', error: 'SERVFAIL', records: [], otherRecords: 0 }]);
    const { exist, policy } = judge(servfail);
    for (const verdict of [exist, policy]) {
      expect(verdict).toMatchObject({
        status: 'error',
        error: { source: 'check', code: 'dns-lookup', message: '_dmarc.example.nl: SERVFAIL' },
      });
    }
    const timedOut = notFound('error', [
      answered('_dmarc.mail.example.nl'),
      { name: '_dmarc.example.nl', error: 'timeout: no answer in 5000 ms', records: [], otherRecords: 0 },
    ]);
    expect(judge(timedOut).exist.error?.message).toBe('_dmarc.example.nl: timeout: no answer in 5000 ms');
  });
});

describe('mail-auth-dmarc-policy', () => {
  it('passes quarantine and reject with full points', () => {
    for (const text of ['v=DMARC1; p=reject', 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.nl', 'v=DMARC1; p=reject; t=n;']) {
      expect(judge(foundAtDomain(text)).policy, text).toMatchObject({ status: 'pass', outcome: 'good' });
    }
    expect(points(foundAtDomain('v=DMARC1; p=reject'))).toEqual({ mail_auth_dmarc_exist: 10, mail_auth_dmarc_policy: 10 });
  });

  it('gives p=none, no policy and quarantine under t=y the policy outcome, 2 points', () => {
    const none = judge(foundAtDomain('v=DMARC1; p=none')).policy;
    expect(none).toMatchObject({ status: 'fail', outcome: 'policy' });
    expect(findingIds(none)).toEqual(['mail-auth-dmarc-policy.policy-none']);
    expect(findingIds(judge(foundAtDomain('v=DMARC1;')).policy)).toEqual(['mail-auth-dmarc-policy.no-policy']);
    const testMode = judge(foundAtDomain('v=DMARC1; p=quarantine; t=y')).policy;
    expect(testMode).toMatchObject({ status: 'fail', outcome: 'policy', facts: { appliedPolicy: 'none' } });
    expect(findingIds(testMode)).toEqual(['mail-auth-dmarc-policy.test-mode-lowers', 'mail-auth-dmarc-policy.newer-tag']);
    expect(judge(foundAtDomain('v=DMARC1; p=reject; t=y')).policy).toMatchObject({
      outcome: 'good',
      facts: { appliedPolicy: 'quarantine' },
    });
    expect(points(foundAtDomain('v=DMARC1; p=none'))).toEqual({ mail_auth_dmarc_exist: 10, mail_auth_dmarc_policy: 2 });
  });

  it("reads sp for a record inherited from the organizational domain, p for the domain's own", () => {
    expect(judge(foundAtOrganizationalDomain('v=DMARC1; p=reject; sp=none')).policy).toMatchObject({
      outcome: 'policy',
      facts: { policyTag: 'sp' },
    });
    expect(judge(foundAtOrganizationalDomain('v=DMARC1; p=none; sp=reject')).policy).toMatchObject({ outcome: 'good' });
    expect(judge(foundAtOrganizationalDomain('v=DMARC1; p=reject')).policy).toMatchObject({ outcome: 'good', facts: { policyTag: 'p' } });
    expect(judge(foundAtDomain('v=DMARC1; p=reject; sp=none')).policy).toMatchObject({ outcome: 'good', facts: { policyTag: 'p' } });
  });

  it('fails a syntax error, and an unknown tag as Internet.nl does, with 0 points', () => {
    for (const text of [
      'v=dmarc1; p=reject',
      'v=DMARC1',
      'v=DMARC1; rua=mailto:a@example.nl; p=reject',
      'v=DMARC1; sp=reject',
      'v=DMARC1; p=reject; rua=a@example.nl',
    ]) {
      const verdict = judge(foundAtDomain(text)).policy;
      expect(verdict, text).toMatchObject({ status: 'fail', outcome: 'bad' });
      expect(findingIds(verdict)[0], text).toBe('mail-auth-dmarc-policy.syntax-error');
    }
    const unknown = judge(foundAtDomain('v=DMARC1; p=reject; foo=bar')).policy;
    expect(unknown).toMatchObject({ outcome: 'bad' });
    expect(unknown.findings[0]).toMatchObject({ id: 'mail-auth-dmarc-policy.unknown-tag-refused', params: { tag: 'foo' } });
    expect(points(foundAtDomain('v=dmarc1; p=reject'))).toEqual({ mail_auth_dmarc_exist: 10, mail_auth_dmarc_policy: 0 });
  });

  it("passes authorized external destinations (a wildcard's answer too) and warns of unauthorized ones, full points", () => {
    const text = 'v=DMARC1; p=reject; rua=mailto:d@report.test';
    const authorized = foundAtDomain(text, [
      externalDestination('report.test', answered('example.nl._report._dmarc.report.test', ['v=DMARC1'])),
    ]);
    expect(judge(authorized).policy).toMatchObject({ status: 'pass', outcome: 'good' });
    const unauthorized = foundAtDomain(text, [externalDestination('report.test', answered('example.nl._report._dmarc.report.test'))]);
    const verdict = judge(unauthorized).policy;
    expect(verdict).toMatchObject({ status: 'warning', outcome: 'external' });
    expect(verdict.findings).toEqual([
      {
        id: 'mail-auth-dmarc-policy.external-unauthorized',
        params: { host: 'report.test', name: 'example.nl._report._dmarc.report.test' },
      },
    ]);
    expect(points(unauthorized)).toEqual({ mail_auth_dmarc_exist: 10, mail_auth_dmarc_policy: 10 });
    const notDmarc = foundAtDomain(text, [
      externalDestination('report.test', answered('example.nl._report._dmarc.report.test', ['v=DMARC10'])),
    ]);
    expect(judge(notDmarc).policy).toMatchObject({ outcome: 'external' });
    const internal = foundAtDomain(text, [{ host: 'report.example.nl', tags: ['rua'], external: false }]);
    expect(judge(internal).policy).toMatchObject({ outcome: 'good' });
  });

  it('checks destinations only once the policy is sufficient', () => {
    const weak = foundAtDomain('v=DMARC1; p=none; rua=mailto:d@report.test', [externalDestination('report.test', answered('x'))]);
    expect(judge(weak).policy).toMatchObject({ outcome: 'policy' });
  });

  it('is a test error when an authorization lookup got no usable answer, and notes destinations past the limit', () => {
    const text = 'v=DMARC1; p=reject; rua=mailto:d@report.test';
    const servfail = foundAtDomain(text, [
      externalDestination('report.test', {
        name: 'example.nl._report._dmarc.report.test',
        rcode: 'SERVFAIL',
        error: 'SERVFAIL',
        records: [],
        otherRecords: 0,
      }),
    ]);
    expect(judge(servfail).policy).toMatchObject({ status: 'error', error: { code: 'dns-lookup' } });
    const unasked = judge(foundAtDomain(text, [externalDestination('report.test')])).policy;
    expect(unasked).toMatchObject({ outcome: 'good' });
    expect(findingIds(unasked)).toEqual(['mail-auth-dmarc-policy.destination-not-checked']);
  });

  it('is not tested (0 points) without a record', () => {
    const { policy } = judge(notFound('none', [answered('_dmarc.example.nl')]));
    expect(policy).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
    expect(points(notFound('none', [answered('_dmarc.example.nl')]))).toEqual({ mail_auth_dmarc_exist: 0, mail_auth_dmarc_policy: 0 });
  });

  it("passes on the RFC 9989 ruleset's warnings (historic pct) as findings", () => {
    const evidence: DmarcEvidence = { ...foundAtDomain('v=DMARC1; p=reject; pct=50'), ruleset: 'rfc9989' };
    const verdict = judge(evidence).policy;
    expect(verdict).toMatchObject({ outcome: 'good' });
    expect(findingIds(verdict)).toEqual(['mail-auth-dmarc-policy.historic-tag']);
    expect(findingIds(judge(foundAtDomain('v=DMARC1; p=reject; pct=50')).policy)).toEqual(['mail-auth-dmarc-policy.partial-pct']);
  });
});
