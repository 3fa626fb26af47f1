import { generateKeyPairSync } from 'node:crypto';
import { evaluate, policies, score, type Verdict } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import type { DmarcEvidence } from '../dmarc/evidence.js';
import type { DkimEvidence } from '../probes/dkim.declaration.js';
import type { SpfEvidence } from '../probes/spf.declaration.js';
import { mailAuthDkimExist } from './mail-auth-dkim-exist/mail-auth-dkim-exist.check.js';
import { mailAuthDkimSelectors } from './mail-auth-dkim-selectors/mail-auth-dkim-selectors.check.js';
import { dkimBundle, dkimFailed, dkimLookup, dkimOf, spfTexts } from './test-support/dkim-evidence.js';
import { answered, externalDestination, foundAtDomain, foundAtOrganizationalDomain, notFound } from './test-support/dmarc-evidence.js';

const checks = [mailAuthDkimExist, mailAuthDkimSelectors];

function judge(dkim: DkimEvidence, spf?: SpfEvidence, dmarc?: DmarcEvidence): { exist: Verdict; selectors: Verdict } {
  const [exist, selectors] = evaluate(checks, dkimBundle(dkim, spf, dmarc));
  if (exist === undefined || selectors === undefined) throw new Error('no verdicts');
  return { exist, selectors };
}

const ids = (verdict: Verdict): string[] => verdict.findings.map((finding) => finding.id);
const statusOf = (verdict: Verdict): string => `${verdict.status}/${verdict.outcome}`;
/** The selector check's status before its recommended level clamps a fail to a warning. */
const rawOf = (verdict: Verdict): string => `${verdict.rawStatus}/${verdict.outcome}`;
const rsaKey = (bits: number): string =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const ed25519Key = (): string =>
  generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');
const rsa2048 = rsaKey(2048);
const rsa1024 = rsaKey(1024);
const rsa768 = rsaKey(768);
const ed25519 = ed25519Key();
const selector = (name: string, ...texts: string[]) =>
  dkimLookup(`${name}._domainkey.example.nl`, texts.length > 0 ? 'NOERROR' : 'NXDOMAIN', texts);
const nonSendingSpf = spfTexts('v=spf1 -all');
const rejecting = foundAtDomain('v=DMARC1; p=reject');

describe('mail-auth-dkim-exist (Internet.nl mail_auth_dkim_exist)', () => {
  it('passes when _domainkey answers NOERROR, with records or without (an empty non-terminal)', () => {
    const withData = judge({ ...dkimOf('NOERROR'), domainkey: dkimLookup('_domainkey.example.nl', 'NOERROR', ['o=~']) }).exist;
    expect(withData).toMatchObject({ status: 'pass', outcome: 'good', level: 'required', findings: [] });
    const empty = judge(dkimOf('NOERROR')).exist;
    expect(statusOf(empty)).toBe('pass/good');
    expect(ids(empty)).toEqual(['mail-auth-dkim-exist.empty-non-terminal']);
  });

  it('keeps Internet.nl verdict when a wildcard answers, with a finding saying the answer comes from a wildcard', () => {
    const wildcard = dkimLookup('pastoe-0123456789abcdef._domainkey.example.nl', 'NOERROR', ['wildcard']);
    const verdict = judge(dkimOf('NOERROR', {}, wildcard)).exist;
    expect(statusOf(verdict)).toBe('pass/good');
    expect(verdict.findings).toContainEqual({
      id: 'mail-auth-dkim-exist.wildcard',
      params: { name: 'pastoe-0123456789abcdef._domainkey.example.nl', records: 1 },
    });
    expect(verdict.facts).toMatchObject({ wildcard: 'yes' });
    const unknown = judge(dkimOf('NOERROR', {}, dkimFailed('pastoe-0123456789abcdef._domainkey.example.nl', 'timeout: no answer'))).exist;
    expect(statusOf(unknown)).toBe('pass/good');
    expect(ids(unknown)).toContain('mail-auth-dkim-exist.wildcard-not-checked');
  });

  it('fails on NXDOMAIN for a sending domain', () => {
    const verdict = judge(dkimOf('NXDOMAIN'), spfTexts('v=spf1 mx ~all'), foundAtDomain('v=DMARC1; p=none')).exist;
    expect(statusOf(verdict)).toBe('fail/bad');
    expect(ids(verdict)).toEqual(['mail-auth-dkim-exist.no-domainkey']);
    expect(verdict.facts).toMatchObject({ nonSending: 'no', domainkey: { name: '_domainkey.example.nl', rcode: 'NXDOMAIN' } });
  });

  it('is a test error, never a fail, when the _domainkey lookup got no usable answer', () => {
    const verdict = judge(dkimOf('SERVFAIL')).exist;
    expect(verdict).toMatchObject({ status: 'error', error: { code: 'dns-lookup' } });
    expect(ids(verdict)).toEqual(['mail-auth-dkim-exist.lookup-failed']);
  });

  it('exempts a non-sending domain: DMARC p=reject first, SPF exactly v=spf1 -all (exp= allowed)', () => {
    const exempt = judge(dkimOf('NXDOMAIN'), nonSendingSpf, rejecting).exist;
    expect(exempt).toMatchObject({ status: 'not-applicable', outcome: 'no-email', findings: [{ id: 'mail-auth-dkim-exist.non-sending' }] });
    expect(statusOf(judge(dkimOf('NXDOMAIN'), spfTexts('v=spf1 -all exp=why.example.nl'), rejecting).exist)).toBe(
      'not-applicable/no-email',
    );
    expect(
      statusOf(judge(dkimOf('NXDOMAIN'), spfTexts('V=SPF1 -ALL'), foundAtDomain('v=DMARC1;p=reject; rua=mailto:d@example.nl')).exist),
    ).toBe('not-applicable/no-email');
    // An inherited record: sp=reject, or p=reject without sp.
    expect(statusOf(judge(dkimOf('NXDOMAIN'), nonSendingSpf, foundAtOrganizationalDomain('v=DMARC1; p=none; sp=reject')).exist)).toBe(
      'not-applicable/no-email',
    );
    expect(statusOf(judge(dkimOf('NXDOMAIN'), nonSendingSpf, foundAtOrganizationalDomain('v=DMARC1; p=reject')).exist)).toBe(
      'not-applicable/no-email',
    );
    // DKIM present wins over the exemption.
    expect(statusOf(judge(dkimOf('NOERROR'), nonSendingSpf, rejecting).exist)).toBe('pass/good');
  });

  it('does not exempt a domain that misses any part of the rule, and says which half is there', () => {
    const cases: [SpfEvidence, DmarcEvidence][] = [
      [nonSendingSpf, foundAtDomain('v=DMARC1; p=quarantine')],
      [nonSendingSpf, foundAtDomain('v=DMARC1; sp=none; p=reject')],
      [nonSendingSpf, foundAtOrganizationalDomain('v=DMARC1; p=reject; sp=quarantine')],
      [nonSendingSpf, foundAtDomain('v=dmarc1; p=reject')],
      [nonSendingSpf, notFound('none', [answered('_dmarc.example.nl')])],
      [
        nonSendingSpf,
        foundAtDomain('v=DMARC1; p=reject; rua=mailto:d@report.test', [
          externalDestination('report.test', answered('example.nl._report._dmarc.report.test')),
        ]),
      ],
      [spfTexts('v=spf1 ~all'), rejecting],
      [spfTexts('v=spf1 a -all'), rejecting],
      [spfTexts('v=spf1 -all', 'v=spf1 -all'), rejecting],
      [spfTexts(), rejecting],
    ];
    for (const [spf, dmarc] of cases)
      expect(statusOf(judge(dkimOf('NXDOMAIN'), spf, dmarc).exist), JSON.stringify([spf.lookup, dmarc.record])).toBe('fail/bad');
    const half = judge(dkimOf('NXDOMAIN'), nonSendingSpf, foundAtDomain('v=DMARC1; p=quarantine')).exist;
    expect(half.findings).toContainEqual({ id: 'mail-auth-dkim-exist.non-sending-incomplete', params: { dmarc: 'no', spf: 'yes' } });
  });

  it('is a test error when the exemption cannot be read: SPF or DMARC lookups without a usable answer', () => {
    const spfFailed: SpfEvidence = {
      domain: 'example.nl',
      lookup: { rcode: 'timeout', error: 'timeout: no answer', texts: [] },
      targets: {},
      truncated: false,
    };
    expect(judge(dkimOf('NXDOMAIN'), spfFailed, rejecting).exist).toMatchObject({ status: 'error', error: { code: 'dns-lookup' } });
    const dmarcFailed = notFound('error', [
      { name: '_dmarc.example.nl', rcode: 'SERVFAIL', error: 'SERVFAIL', records: [], otherRecords: 0 },
    ]);
    expect(judge(dkimOf('NXDOMAIN'), nonSendingSpf, dmarcFailed).exist.status).toBe('error');
    // A part that already says "sending" decides, whatever the other lookup did.
    expect(statusOf(judge(dkimOf('NXDOMAIN'), spfFailed, foundAtDomain('v=DMARC1; p=none')).exist)).toBe('fail/bad');
  });

  it('scores as Internet.nl: 10 points present, 0 absent, out of the maximum when exempt', () => {
    const points = (dkim: DkimEvidence, spf?: SpfEvidence, dmarc?: DmarcEvidence) => {
      const report = score({ verdicts: evaluate([mailAuthDkimExist], dkimBundle(dkim, spf, dmarc)) }, policies.internetnlMail);
      const test = report.suites[0]?.categories
        .find((category) => category.id === 'mail_auth')
        ?.tests.find((t) => t.name === 'mail_auth_dkim_exist');
      return test?.present === true ? test.points : undefined;
    };
    expect(points(dkimOf('NOERROR'))).toBe(10);
    expect(points(dkimOf('NXDOMAIN'))).toBe(0);
    const exempt = score(
      { verdicts: evaluate([mailAuthDkimExist], dkimBundle(dkimOf('NXDOMAIN'), nonSendingSpf, rejecting)) },
      policies.internetnlMail,
    );
    const auth = exempt.suites[0]?.categories.find((category) => category.id === 'mail_auth');
    // The other four mail_auth subtests are absent here, so not tested and required: 40 without DKIM, 50 with it.
    expect(auth).toMatchObject({ max: 40, raw: 0 });
    const present = score({ verdicts: evaluate([mailAuthDkimExist], dkimBundle(dkimOf('NOERROR'))) }, policies.internetnlMail);
    expect(present.suites[0]?.categories.find((category) => category.id === 'mail_auth')).toMatchObject({ max: 50, raw: 10 });
  });
});

describe('mail-auth-dkim-selectors (beyond Internet.nl)', () => {
  it('is not tested when the scan was given no selectors', () => {
    const verdict = judge(dkimOf('NOERROR')).selectors;
    expect(verdict).toMatchObject({ status: 'not-tested', outcome: 'not-tested', level: 'recommended' });
    expect(rawOf(judge(dkimOf('NOERROR', { gone: selector('gone') })).selectors)).toBe('fail/missing');
    expect(statusOf(judge(dkimOf('NOERROR', { gone: selector('gone') })).selectors)).toBe('warning/missing');
    expect(ids(verdict)).toEqual(['mail-auth-dkim-selectors.no-selectors']);
    expect(verdict.internetnl).toBeUndefined();
  });

  it('passes Ed25519 and RSA-2048 keys, with the key facts per selector', () => {
    const verdict = judge(
      dkimOf('NOERROR', {
        ed: selector('ed', `v=DKIM1; k=ed25519; p=${ed25519}`),
        rsa: selector('rsa', `v=DKIM1; k=rsa; p=${rsa2048}`),
      }),
    ).selectors;
    expect(rawOf(verdict)).toBe('pass/good');
    expect(verdict.facts).toMatchObject({
      selectors: [
        { selector: 'ed', keyType: 'ed25519', bits: 256, encoding: 'raw', revoked: false, testing: false },
        { selector: 'rsa', keyType: 'rsa', bits: 2048, encoding: 'spki' },
      ],
    });
  });

  it('warns of an RSA key under 2048 bits and of test mode; fails one under 1024 bits', () => {
    expect(rawOf(judge(dkimOf('NOERROR', { s: selector('s', `v=DKIM1; p=${rsa1024}`) })).selectors)).toBe('warning/short-key');
    const testing = judge(dkimOf('NOERROR', { s: selector('s', `v=DKIM1; t=y; p=${rsa2048}`) })).selectors;
    expect(rawOf(testing)).toBe('warning/test-mode');
    expect(ids(testing)).toEqual(['mail-auth-dkim-selectors.test-mode']);
    const weak = judge(dkimOf('NOERROR', { s: selector('s', `v=DKIM1; p=${rsa768}`), ok: selector('ok', `p=${rsa2048}`) })).selectors;
    expect(rawOf(weak)).toBe('fail/weak-key');
    expect(weak.findings).toContainEqual({
      id: 'mail-auth-dkim-selectors.rsa-too-short',
      params: { selector: 's', name: 's._domainkey.example.nl', bits: 768 },
    });
  });

  it('reads a revoked key as info beside a usable one, and fails when no selector has a usable key', () => {
    const revoked = selector('old', 'v=DKIM1; p=');
    expect(rawOf(judge(dkimOf('NOERROR', { old: revoked, new: selector('new', `p=${rsa2048}`) })).selectors)).toBe('info/revoked');
    const only = judge(dkimOf('NOERROR', { old: revoked })).selectors;
    expect(rawOf(only)).toBe('fail/no-usable-key');
    expect(ids(only)).toEqual(['mail-auth-dkim-selectors.revoked', 'mail-auth-dkim-selectors.no-usable-key']);
  });

  it('fails a missing selector and a syntax error; a failed lookup is a test error', () => {
    expect(rawOf(judge(dkimOf('NOERROR', { gone: selector('gone') })).selectors)).toBe('fail/missing');
    expect(rawOf(judge(dkimOf('NOERROR', { txt: selector('txt', 'google-site-verification=x') })).selectors)).toBe('fail/missing');
    const bad = judge(dkimOf('NOERROR', { s: selector('s', 'v=DKIM1; k=dsa; p=QUJD') })).selectors;
    expect(rawOf(bad)).toBe('fail/bad');
    expect(bad.findings).toContainEqual(
      expect.objectContaining({
        id: 'mail-auth-dkim-selectors.syntax-error',
        params: expect.objectContaining({ code: 'unknown-key-type' }),
      }),
    );
    const failed = judge(dkimOf('NOERROR', { s: dkimFailed('s._domainkey.example.nl'), ok: selector('ok', `p=${rsa2048}`) })).selectors;
    expect(failed).toMatchObject({ status: 'error', error: { code: 'dns-lookup', message: 's._domainkey.example.nl: SERVFAIL' } });
  });

  it('fails a selector whose record is the wildcard answer, and says a wildcard answers', () => {
    const wildText = `v=DKIM1; p=${rsa2048}`;
    const wildcard = dkimLookup('pastoe-0123456789abcdef._domainkey.example.nl', 'NOERROR', [wildText]);
    const verdict = judge(dkimOf('NOERROR', { any: selector('any', wildText) }, wildcard)).selectors;
    expect(rawOf(verdict)).toBe('fail/wildcard');
    expect(ids(verdict)).toEqual(['mail-auth-dkim-selectors.from-wildcard', 'mail-auth-dkim-selectors.wildcard']);
    const own = judge(dkimOf('NOERROR', { own: selector('own', `p=${ed25519}; k=ed25519`) }, wildcard)).selectors;
    expect(rawOf(own)).toBe('pass/good');
    expect(ids(own)).toEqual(['mail-auth-dkim-selectors.wildcard']);
  });
});
