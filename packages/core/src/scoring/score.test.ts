import { describe, expect, it } from 'vitest';
import { type CheckLevel, clampStatus, type VerdictStatus } from '../model/status.js';
import type { SubjectResult, Verdict } from '../model/verdict.js';
import { derivePointsPolicy } from './derive.js';
import { findInternetNlSubtest, type InternetNlSubtest, internetnlCatalogue } from './internetnl-catalogue.js';
import { policies } from './policies.js';
import type { PointsPolicy } from './policy.js';
import type { CategoryScore, PointsScoreResult, SuiteScore, TargetStateResult } from './result.js';
import { score } from './score.js';

/* ------------------------------------------------------------------ fixtures */

interface Fixture {
  /** The status the check asked for; defaults to the catalogue's status for the outcome. */
  readonly raw?: VerdictStatus;
  /** The verdict's level; defaults to the raised level for tested outcomes, else the declared one. */
  readonly level?: CheckLevel;
  readonly forced?: boolean;
  readonly score?: number;
  readonly subjects?: readonly SubjectResult[];
  /** A stale clamped status, to show scoring re-clamps from rawStatus. */
  readonly status?: VerdictStatus;
}

function bestOutcome(subtest: InternetNlSubtest): string {
  const passing = Object.entries(subtest.outcomes).find(([, spec]) => spec.status === 'pass');
  if (passing === undefined) throw new Error(`no passing outcome for ${subtest.name}`);
  return passing[0];
}

/** A verdict as a check would emit it for an Internet.nl subtest (or a pastoe-only check id). */
function verdict(name: string, outcome?: string, fx: Fixture = {}): Verdict {
  const subtest = findInternetNlSubtest(name);
  const code = outcome ?? (subtest === undefined ? 'good' : bestOutcome(subtest));
  const spec = subtest?.outcomes[code];
  const rawStatus = fx.raw ?? spec?.status ?? 'pass';
  const tested = rawStatus !== 'not-tested' && rawStatus !== 'not-applicable';
  const level = fx.level ?? (tested ? subtest?.raise?.level : undefined) ?? subtest?.level ?? 'required';
  const forced = fx.forced ?? spec?.forced ?? false;
  return {
    check: subtest === undefined ? name : name.replaceAll('_', '-'),
    status: fx.status ?? clampStatus(rawStatus, level, forced),
    rawStatus,
    outcome: code,
    level,
    forced,
    standard: 'tls',
    ...(subtest === undefined ? {} : { internetnl: { name, category: subtest.category } }),
    title: `${name}.title`,
    findings: [],
    ...(fx.score === undefined ? {} : { score: fx.score }),
    ...(fx.subjects === undefined ? {} : { subjects: fx.subjects }),
  };
}

/** One server's result. */
function on(ip: string, outcome: string, status: VerdictStatus, name = 'example.nl'): SubjectResult {
  return { subject: { name, role: 'web', ip, port: 443 }, status, outcome };
}

/** Every subtest of a suite at its best outcome, as a perfect domain gives. */
function perfect(suite: 'web' | 'mail'): Verdict[] {
  return internetnlCatalogue
    .filter((category) => category.suite === suite)
    .flatMap((category) => category.subtests.map((subtest) => verdict(subtest.name)));
}

/** Replaces verdicts by Internet.nl name; `null` removes one. */
function change(base: readonly Verdict[], changes: Readonly<Record<string, Verdict | null>>): Verdict[] {
  for (const name of Object.keys(changes)) {
    if (!base.some((v) => v.internetnl?.name === name)) throw new Error(`fixture: no verdict ${name}`);
  }
  return base.flatMap((v) => {
    const name = v.internetnl?.name ?? '';
    if (!(name in changes)) return [v];
    const replacement = changes[name];
    return replacement === null || replacement === undefined ? [] : [replacement];
  });
}

function points(verdicts: readonly Verdict[], policy: PointsPolicy = policies.internetnl): PointsScoreResult {
  return score({ verdicts }, policy);
}

function suiteOf(result: PointsScoreResult, id: string): SuiteScore {
  const found = result.suites.find((suite) => suite.id === id);
  if (found === undefined) throw new Error(`no suite ${id}`);
  return found;
}

function categoryOf(result: PointsScoreResult, id: string): CategoryScore {
  const found = result.suites.flatMap((suite) => suite.categories).find((category) => category.id === id);
  if (found === undefined) throw new Error(`no category ${id}`);
  return found;
}

function summary(category: CategoryScore) {
  return { status: category.status, max: category.max, raw: category.raw, percentage: category.percentage };
}

const web = (changes: Readonly<Record<string, Verdict | null>> = {}) => points(change(perfect('web'), changes));
const mail = (changes: Readonly<Record<string, Verdict | null>> = {}) => points(change(perfect('mail'), changes));

/* ------------------------------------------------------------------ the perfect baseline */

describe('a perfect domain', () => {
  it('scores 100 % with Internet.nl maxima per category', () => {
    const w = web();
    expect(suiteOf(w, 'web').percentage).toBe(100);
    expect(w.suites.map((s) => s.id)).toEqual(['web']);
    expect(suiteOf(w, 'web').categories.map((c) => [c.id, c.max, c.status])).toEqual([
      ['web_ipv6', 22, 'pass'],
      ['web_dnssec', 10, 'pass'],
      ['web_https', 150, 'pass'],
      ['web_appsecpriv', 0, 'pass'],
      ['web_rpki', 30, 'pass'],
    ]);
    const m = mail();
    expect(suiteOf(m, 'mail').percentage).toBe(100);
    expect(suiteOf(m, 'mail').categories.map((c) => [c.id, c.max])).toEqual([
      ['mail_ipv6', 20],
      ['mail_dnssec', 10],
      ['mail_auth', 50],
      ['mail_starttls', 140],
      ['mail_rpki', 45],
    ]);
    expect(w.unscored).toEqual([]);
  });

  it('scores web and mail as separate suites in one report', () => {
    const both = points([...change(perfect('web'), { web_dnssec_valid: verdict('web_dnssec_valid', 'insecure') }), ...perfect('mail')]);
    expect(both.suites.map((s) => [s.id, s.percentage])).toEqual([
      ['web', 80],
      ['mail', 100],
    ]);
    expect(points(perfect('mail'), policies.internetnlWeb).suites).toEqual([]);
  });
});

/* ------------------------------------------------------------------ spec §6.5 worked examples */

describe('spec §6.5 worked examples', () => {
  it('web, insecure DNSSEC, everything else perfect: 80 %', () => {
    const result = web({
      web_dnssec_exist: verdict('web_dnssec_exist', 'bad'),
      web_dnssec_valid: verdict('web_dnssec_valid', 'insecure'),
    });
    expect(summary(categoryOf(result, 'web_dnssec'))).toEqual({ status: 'fail', max: 10, raw: 2, percentage: 20 });
    expect(suiteOf(result, 'web').percentage).toBe(80);
  });

  it('web, HSTS max-age one day: TLS 142/150 = 94, overall 98 %', () => {
    const result = web({ web_https_http_hsts: verdict('web_https_http_hsts', 'other') });
    expect(summary(categoryOf(result, 'web_https'))).toEqual({ status: 'fail', max: 150, raw: 142, percentage: 94 });
    expect(suiteOf(result, 'web').percentage).toBe(98);
  });

  it('mail with Null MX: STARTTLS excluded, N = 4, 100 %', () => {
    const verdicts = change(perfect('mail'), {
      mail_ipv6_mx_address: verdict('mail_ipv6_mx_address', 'null-mx'),
      mail_ipv6_mx_reach: verdict('mail_ipv6_mx_reach', 'not-tested'),
      mail_dnssec_mx_exist: verdict('mail_dnssec_mx_exist', 'null-mx'),
      mail_dnssec_mx_valid: verdict('mail_dnssec_mx_valid', 'not-tested'),
      mail_rpki_exists: verdict('mail_rpki_exists', 'no-addresses'),
      mail_rpki_valid: verdict('mail_rpki_valid', 'not-routed'),
      mail_mx_ns_rpki_exists: verdict('mail_mx_ns_rpki_exists', 'no-addresses'),
      mail_mx_ns_rpki_valid: verdict('mail_mx_ns_rpki_valid', 'not-routed'),
      // Only the gate reports; the other STARTTLS subtests stay in Internet.nl's initial state.
      ...Object.fromEntries(
        internetnlCatalogue.filter((c) => c.id === 'mail_starttls').flatMap((c) => c.subtests.map((s) => [s.name, null] as const)),
      ),
      mail_starttls_tls_available: verdict('mail_starttls_tls_available', 'null-mx'),
    });
    const result = points(verdicts);
    const starttls = categoryOf(result, 'mail_starttls');
    expect({ ...summary(starttls), included: starttls.included, verdict: starttls.verdict }).toEqual({
      status: 'info',
      max: 0,
      raw: 0,
      percentage: 0,
      included: false,
      verdict: 'null-mx',
    });
    expect(
      suiteOf(result, 'mail')
        .categories.filter((c) => c.included)
        .map((c) => c.id),
    ).toEqual(['mail_ipv6', 'mail_dnssec', 'mail_auth', 'mail_rpki']);
    expect(summary(categoryOf(result, 'mail_ipv6'))).toEqual({ status: 'pass', max: 10, raw: 10, percentage: 100 });
    expect(summary(categoryOf(result, 'mail_dnssec'))).toEqual({ status: 'pass', max: 10, raw: 10, percentage: 100 });
    expect(summary(categoryOf(result, 'mail_rpki'))).toEqual({ status: 'pass', max: 45, raw: 45, percentage: 100 });
    expect(suiteOf(result, 'mail').percentage).toBe(100);
  });

  it('mail without DANE: STARTTLS 120/130 = 92, overall 98 %', () => {
    const result = mail({
      mail_starttls_dane_exist: verdict('mail_starttls_dane_exist', 'bad'),
      mail_starttls_dane_valid: verdict('mail_starttls_dane_valid', 'not-tested'),
    });
    expect(summary(categoryOf(result, 'mail_starttls'))).toEqual({ status: 'fail', max: 130, raw: 120, percentage: 92 });
    expect(suiteOf(result, 'mail').percentage).toBe(98);
  });
});

/* ------------------------------------------------------------------ table of cases */

describe('points policy: clamp, points, maxima, statuses', () => {
  it('a failing required test fails the category and scores 0', () => {
    const result = web({ web_https_tls_compress: verdict('web_https_tls_compress', 'bad') });
    expect(summary(categoryOf(result, 'web_https'))).toEqual({ status: 'fail', max: 150, raw: 140, percentage: 93 });
  });

  it('a failing recommended test is clamped to warning and leaves a mandatory category passed', () => {
    const result = web({ web_https_tls_caa: verdict('web_https_tls_caa', 'bad') });
    const https = categoryOf(result, 'web_https');
    expect(https.tests.find((t) => t.name === 'web_https_tls_caa')?.status).toBe('warning');
    expect(summary(https)).toEqual({ status: 'pass', max: 150, raw: 150, percentage: 100 });
  });

  it('a failing optional test is clamped to info', () => {
    const result = web({ web_https_http_compress: verdict('web_https_http_compress', 'bad') });
    const https = categoryOf(result, 'web_https');
    expect(https.tests.find((t) => t.name === 'web_https_http_compress')?.status).toBe('info');
    expect(https.status).toBe('pass');
  });

  it('a forced fail passes the clamp: mail host-name mismatch with DANE-TA fails the category, unscored', () => {
    const result = mail({ mail_starttls_cert_domain: verdict('mail_starttls_cert_domain', 'bad', { forced: true }) });
    expect(summary(categoryOf(result, 'mail_starttls'))).toEqual({ status: 'fail', max: 140, raw: 140, percentage: 100 });
    const unforced = mail({ mail_starttls_cert_domain: verdict('mail_starttls_cert_domain', 'bad') });
    expect(categoryOf(unforced, 'mail_starttls').status).toBe('pass');
  });

  it('re-clamps from rawStatus, not the stale status in the verdict', () => {
    const stale = verdict('web_https_tls_secreneg', 'bad', { status: 'pass' });
    const result = web({ web_https_tls_secreneg: stale });
    expect(categoryOf(result, 'web_https').status).toBe('fail');
    expect(categoryOf(result, 'web_https').tests.find((t) => t.name === 'web_https_tls_secreneg')?.status).toBe('fail');
  });

  it('a not-tested required subtest counts as a failure and 0 points', () => {
    const result = web({ web_https_http_hsts: verdict('web_https_http_hsts', 'not-tested') });
    expect(summary(categoryOf(result, 'web_https'))).toEqual({ status: 'fail', max: 150, raw: 140, percentage: 93 });
  });

  it('a test missing from the report is not tested at its default level', () => {
    const result = web({ web_https_http_hsts: null });
    const https = categoryOf(result, 'web_https');
    expect(summary(https)).toEqual({ status: 'fail', max: 150, raw: 140, percentage: 93 });
    expect(https.tests.find((t) => t.name === 'web_https_http_hsts')).toMatchObject({
      present: false,
      status: 'not-tested',
      level: 'required',
      scored: true,
      points: 0,
    });
  });

  it('with missingTests "ignore" a missing test leaves the category', () => {
    const lenient = derivePointsPolicy(policies.internetnl, { id: 'lenient', missingTests: 'ignore' });
    const result = points(change(perfect('web'), { web_https_http_hsts: null }), lenient);
    expect(summary(categoryOf(result, 'web_https'))).toEqual({ status: 'pass', max: 140, raw: 140, percentage: 100 });
    expect(result.policy).toBe('lenient');
  });

  it('phase-out keeps full points and leaves a mandatory category passed', () => {
    const result = web({
      web_https_tls_ciphers: verdict('web_https_tls_ciphers', 'phase-out'),
      web_https_cert_pubkey: verdict('web_https_cert_pubkey', 'phase-out'),
    });
    expect(summary(categoryOf(result, 'web_https'))).toEqual({ status: 'pass', max: 150, raw: 150, percentage: 100 });
  });

  it('RPKI: override_mandatory false turns a missing ROA (warning) into a warning category, 0 of 5 points', () => {
    const result = web({ web_rpki_exists: verdict('web_rpki_exists', 'bad') });
    expect(summary(categoryOf(result, 'web_rpki'))).toEqual({ status: 'warning', max: 30, raw: 25, percentage: 83 });
    expect(suiteOf(result, 'web').percentage).toBe(95);
  });

  it('RPKI: a not-tested subtest with override_mandatory false is no failure and keeps full points', () => {
    const result = web({ web_rpki_valid: verdict('web_rpki_valid', 'not-routed') });
    expect(summary(categoryOf(result, 'web_rpki'))).toEqual({ status: 'pass', max: 30, raw: 30, percentage: 100 });
  });

  it('RPKI: a validator error is an error category with 0 points for that subtest', () => {
    const result = web({ web_ns_rpki_valid: verdict('web_ns_rpki_valid', 'validator-error') });
    expect(summary(categoryOf(result, 'web_rpki'))).toEqual({ status: 'error', max: 30, raw: 20, percentage: 66 });
  });

  it('HTTPS redirect no-https (override_mandatory false) is no failure, but scores 0', () => {
    const result = web({ web_https_http_redirect: verdict('web_https_http_redirect', 'no-https') });
    expect(summary(categoryOf(result, 'web_https'))).toEqual({ status: 'pass', max: 150, raw: 140, percentage: 93 });
  });

  it('the last override_mandatory in policy order decides whether the category is mandatory', () => {
    const custom = (overrides: readonly [boolean, boolean]): PointsPolicy => ({
      kind: 'points',
      id: 'order',
      description: 'override order',
      missingTests: 'not-tested',
      suites: [
        {
          id: 'x',
          categories: [
            {
              id: 'x_cat',
              aggregation: 'sum',
              tests: [
                { name: 'x-one', defaultLevel: 'required', scoreField: 'a', fullPoints: 10, overrideMandatory: overrides[0] },
                { name: 'x-two', defaultLevel: 'required', scoreField: 'b', fullPoints: 10, overrideMandatory: overrides[1] },
                { name: 'x-three', defaultLevel: 'recommended', fullPoints: 0 },
              ],
            },
          ],
        },
      ],
    });
    const verdicts = [verdict('x-one'), verdict('x-two'), verdict('x-three', 'bad', { raw: 'fail', level: 'recommended' })];
    expect(categoryOf(points(verdicts, custom([true, false])), 'x_cat').status).toBe('warning');
    expect(categoryOf(points(verdicts, custom([false, true])), 'x_cat').status).toBe('pass');
  });
});

describe('points policy: per-server categories and shared fields', () => {
  const a = '192.0.2.1';
  const b = '2001:db8::1';

  it('takes the minimum over servers of each server sum, not the minimum per test', () => {
    const result = web({
      web_https_http_hsts: verdict('web_https_http_hsts', 'bad', {
        subjects: [on(a, 'bad', 'fail'), on(b, 'good', 'pass')],
      }),
      web_https_tls_ciphers: verdict('web_https_tls_ciphers', 'bad', {
        subjects: [on(a, 'good', 'pass'), on(b, 'bad', 'fail')],
      }),
    });
    const https = categoryOf(result, 'web_https');
    expect(summary(https)).toEqual({ status: 'fail', max: 150, raw: 140, percentage: 93 });
    expect(https.servers?.map((s) => [s.key, s.raw])).toEqual([
      [`example.nl@${a}`, 140],
      [`example.nl@${b}`, 140],
    ]);
  });

  it('matches servers by name and address, ignoring the port', () => {
    const port80 = (ip: string, outcome: string, status: VerdictStatus): SubjectResult => ({
      ...on(ip, outcome, status),
      subject: { name: 'EXAMPLE.nl', role: 'web', ip, port: 80 },
    });
    const result = web({
      web_https_http_redirect: verdict('web_https_http_redirect', 'good', { subjects: [port80(a, 'good', 'pass')] }),
      web_https_http_hsts: verdict('web_https_http_hsts', 'other', { subjects: [on(a, 'other', 'fail')] }),
    });
    expect(categoryOf(result, 'web_https').servers?.length).toBe(1);
    expect(categoryOf(result, 'web_https').raw).toBe(142);
  });

  it('an unscored test naming another subject adds no server', () => {
    const result = web({
      web_https_http_hsts: verdict('web_https_http_hsts', 'other', { subjects: [on(a, 'other', 'fail')] }),
      web_https_tls_caa: verdict('web_https_tls_caa', 'good', {
        subjects: [{ subject: { name: 'example.nl' }, status: 'pass', outcome: 'good' }],
      }),
    });
    expect(categoryOf(result, 'web_https').servers?.map((s) => s.key)).toEqual([`example.nl@${a}`]);
    expect(categoryOf(result, 'web_https').raw).toBe(142);
  });

  it('a scored test that did not judge a server gives that server 0 for its field', () => {
    const result = web({
      web_https_http_hsts: verdict('web_https_http_hsts', 'good', { subjects: [on(a, 'good', 'pass'), on(b, 'good', 'pass')] }),
      web_https_tls_version: verdict('web_https_tls_version', 'good', { subjects: [on(a, 'good', 'pass')] }),
    });
    expect(categoryOf(result, 'web_https').raw).toBe(140);
  });

  it('a scored test silent on a server zeroes a field it shares with a test that judged that server', () => {
    const mx = (name: string): SubjectResult => ({ subject: { name, role: 'mx' }, status: 'pass', outcome: 'good' });
    const result = mail({
      mail_starttls_dane_exist: verdict('mail_starttls_dane_exist', 'good', { subjects: [mx('mx1.example.nl'), mx('mx2.example.nl')] }),
      mail_starttls_dane_valid: verdict('mail_starttls_dane_valid', 'good', { subjects: [mx('mx1.example.nl')] }),
    });
    expect(categoryOf(result, 'mail_starttls').servers?.map((s) => s.raw)).toEqual([140, 120]);
    expect(categoryOf(result, 'mail_starttls').raw).toBe(120);
  });

  it('mail DANE: TLSA present but invalid counts dane_score twice, both 0: 120/140', () => {
    const result = mail({ mail_starttls_dane_valid: verdict('mail_starttls_dane_valid', 'bad') });
    expect(summary(categoryOf(result, 'mail_starttls'))).toEqual({ status: 'fail', max: 140, raw: 120, percentage: 85 });
    const tests = categoryOf(result, 'mail_starttls').tests;
    expect(tests.filter((t) => t.name.includes('dane_')).map((t) => [t.name, t.points, t.maxPoints])).toEqual([
      ['mail_starttls_dane_exist', 0, 10],
      ['mail_starttls_dane_valid', 0, 10],
      ['mail_starttls_dane_rollover', undefined, 0],
    ]);
  });

  it('mail DNSSEC: the minimum over the domain and each MX, with MAX 10', () => {
    const mx = (name: string, outcome: string, status: VerdictStatus): SubjectResult => ({
      subject: { name, role: 'mx' },
      status,
      outcome,
    });
    const insecureMx = mail({
      mail_dnssec_mx_exist: verdict('mail_dnssec_mx_exist', 'bad'),
      mail_dnssec_mx_valid: verdict('mail_dnssec_mx_valid', 'insecure', {
        level: 'required',
        subjects: [mx('mx1.example.nl', 'secure', 'pass'), mx('mx2.example.nl', 'insecure', 'not-tested')],
      }),
    });
    expect(summary(categoryOf(insecureMx, 'mail_dnssec'))).toEqual({ status: 'fail', max: 10, raw: 2, percentage: 20 });
    expect(categoryOf(insecureMx, 'mail_dnssec').servers?.map((s) => [s.key, s.raw])).toEqual([
      ['mx1.example.nl@', 10],
      ['mx2.example.nl@', 2],
    ]);
    const insecureDomain = mail({
      mail_dnssec_mailto_exist: verdict('mail_dnssec_mailto_exist', 'bad'),
      mail_dnssec_mailto_valid: verdict('mail_dnssec_mailto_valid', 'insecure'),
      mail_dnssec_mx_valid: verdict('mail_dnssec_mx_valid', 'secure', { subjects: [mx('mx1.example.nl', 'secure', 'pass')] }),
    });
    expect(summary(categoryOf(insecureDomain, 'mail_dnssec'))).toEqual({ status: 'fail', max: 10, raw: 2, percentage: 20 });
    const bogusMx = mail({
      mail_dnssec_mx_valid: verdict('mail_dnssec_mx_valid', 'bogus', { subjects: [mx('mx1.example.nl', 'bogus', 'fail')] }),
    });
    expect(summary(categoryOf(bogusMx, 'mail_dnssec'))).toEqual({ status: 'fail', max: 10, raw: 0, percentage: 0 });
  });
});

describe('points policy: exemptions and partial credit', () => {
  it('DKIM exempt (no-email) removes 10 from the mail_auth maximum', () => {
    const result = mail({ mail_auth_dkim_exist: verdict('mail_auth_dkim_exist', 'no-email') });
    expect(summary(categoryOf(result, 'mail_auth'))).toEqual({ status: 'pass', max: 40, raw: 40, percentage: 100 });
    const missing = mail({ mail_auth_dkim_exist: verdict('mail_auth_dkim_exist', 'bad') });
    expect(summary(categoryOf(missing, 'mail_auth'))).toEqual({ status: 'fail', max: 50, raw: 40, percentage: 80 });
  });

  it('an IPv6-only site has web_ipv6 MAX 20', () => {
    const result = web({ web_ipv6_ws_similar: verdict('web_ipv6_ws_similar', 'ipv6-only') });
    expect(summary(categoryOf(result, 'web_ipv6'))).toEqual({ status: 'pass', max: 20, raw: 20, percentage: 100 });
  });

  it('web_ipv46 content difference: warning, 0 of 2; status-code difference keeps 2', () => {
    const content = web({ web_ipv6_ws_similar: verdict('web_ipv6_ws_similar', 'notice') });
    expect(summary(categoryOf(content, 'web_ipv6'))).toEqual({ status: 'pass', max: 22, raw: 20, percentage: 90 });
    const codes = web({ web_ipv6_ws_similar: verdict('web_ipv6_ws_similar', 'bad-status-codes-differ') });
    expect(summary(categoryOf(codes, 'web_ipv6'))).toEqual({ status: 'fail', max: 22, raw: 22, percentage: 100 });
  });

  it('a measured fraction (NS reachability averaged per name server) gives partial points', () => {
    const result = web({ web_ipv6_ns_reach: verdict('web_ipv6_ns_reach', 'bad', { score: 0.6 }) });
    expect(summary(categoryOf(result, 'web_ipv6'))).toEqual({ status: 'fail', max: 22, raw: 18, percentage: 81 });
    const tiny = web({ web_ipv6_ns_reach: verdict('web_ipv6_ns_reach', 'bad', { score: 0.3 }) });
    expect(categoryOf(tiny, 'web_ipv6').raw).toBe(15);
  });

  it('EMS na-no-tls-1-2 (TLS 1.3 only): web TLS MAX 140', () => {
    const result = web({
      web_https_tls_extendedmastersecret: verdict('web_https_tls_extendedmastersecret', 'na-no-tls-1-2'),
    });
    expect(summary(categoryOf(result, 'web_https'))).toEqual({ status: 'pass', max: 140, raw: 140, percentage: 100 });
  });

  it('partial points by outcome: DMARC p=none 2, SPF include 2 or 0, DMARC external keeps 10', () => {
    const none = mail({ mail_auth_dmarc_policy: verdict('mail_auth_dmarc_policy', 'policy') });
    expect(categoryOf(none, 'mail_auth').raw).toBe(42);
    const include = mail({ mail_auth_spf_policy: verdict('mail_auth_spf_policy', 'include') });
    expect(categoryOf(include, 'mail_auth').raw).toBe(42);
    const invalid = mail({ mail_auth_spf_policy: verdict('mail_auth_spf_policy', 'include-invalid') });
    expect(categoryOf(invalid, 'mail_auth').raw).toBe(40);
    const external = mail({ mail_auth_dmarc_policy: verdict('mail_auth_dmarc_policy', 'external') });
    expect(summary(categoryOf(external, 'mail_auth'))).toEqual({ status: 'pass', max: 50, raw: 50, percentage: 100 });
  });

  it('DNSSEC bogus scores 0', () => {
    const result = web({ web_dnssec_valid: verdict('web_dnssec_valid', 'bogus') });
    expect(summary(categoryOf(result, 'web_dnssec'))).toEqual({ status: 'fail', max: 10, raw: 0, percentage: 0 });
    expect(suiteOf(result, 'web').percentage).toBe(75);
  });
});

describe('points policy: web_appsecpriv and the TLS gate', () => {
  const allAppsec = (outcome: string) =>
    Object.fromEntries(
      ['x_frame_options', 'x_content_type_options', 'csp', 'referrer_policy', 'securitytxt'].map((n) => [
        `web_appsecpriv_${n}`,
        verdict(`web_appsecpriv_${n}`, outcome),
      ]),
    );

  it('is never counted: all bad still leaves the web test at 100 %', () => {
    const result = web(allAppsec('bad'));
    const appsec = categoryOf(result, 'web_appsecpriv');
    expect({ status: appsec.status, max: appsec.max, included: appsec.included }).toEqual({
      status: 'warning',
      max: 0,
      included: false,
    });
    expect(suiteOf(result, 'web').percentage).toBe(100);
  });

  it('a recommended failure gives warning; an optional one alone stays passed', () => {
    expect(categoryOf(web({ web_appsecpriv_csp: verdict('web_appsecpriv_csp', 'bad') }), 'web_appsecpriv').status).toBe('warning');
    const xfo = web({ web_appsecpriv_x_frame_options: verdict('web_appsecpriv_x_frame_options', 'bad') });
    expect(categoryOf(xfo, 'web_appsecpriv').status).toBe('pass');
    expect(
      categoryOf(web({ web_appsecpriv_referrer_policy: verdict('web_appsecpriv_referrer_policy', 'recommendations') }), 'web_appsecpriv')
        .status,
    ).toBe('pass');
  });

  it('gives info when every subtest is optional and one informs', () => {
    const optional = derivePointsPolicy(policies.internetnl, {
      id: 'appsec-optional',
      tests: Object.fromEntries(Object.keys(allAppsec('good')).map((name) => [name, { level: 'optional' as const }])),
    });
    const result = points(
      change(perfect('web'), { web_appsecpriv_x_frame_options: verdict('web_appsecpriv_x_frame_options', 'bad') }),
      optional,
    );
    expect(categoryOf(result, 'web_appsecpriv').status).toBe('info');
  });

  it('an unreachable web server: failed category with text verdict unreachable (Internet.nl: error)', () => {
    const notTested = Object.fromEntries(
      (internetnlCatalogue.find((c) => c.id === 'web_https')?.subtests ?? []).map((s) => [s.name, verdict(s.name, 'not-tested')]),
    );
    const result = web({ ...notTested, web_https_http_available: verdict('web_https_http_available', 'other') });
    const https = categoryOf(result, 'web_https');
    expect({ ...summary(https), verdict: https.verdict }).toEqual({
      status: 'fail',
      max: 130,
      raw: 0,
      percentage: 0,
      verdict: 'unreachable',
    });
  });

  it('with only the gate tested, the gate status wins over not-tested required subtests', () => {
    const notTested = Object.fromEntries(
      (internetnlCatalogue.find((c) => c.id === 'web_https')?.subtests ?? [])
        .filter((s) => s.name !== 'web_https_http_available')
        .map((s) => [s.name, verdict(s.name, 'not-tested')]),
    );
    const https = categoryOf(web(notTested), 'web_https');
    expect({ status: https.status, verdict: https.verdict, percentage: https.percentage }).toEqual({
      status: 'pass',
      verdict: 'passed',
      percentage: 0,
    });
  });

  it('mail without MX: STARTTLS is info / no-mx and excluded', () => {
    const verdicts = change(perfect('mail'), {
      ...Object.fromEntries((internetnlCatalogue.find((c) => c.id === 'mail_starttls')?.subtests ?? []).map((s) => [s.name, null])),
      mail_starttls_tls_available: verdict('mail_starttls_tls_available', 'other-2'),
    });
    const starttls = categoryOf(points(verdicts), 'mail_starttls');
    expect({ status: starttls.status, verdict: starttls.verdict, included: starttls.included }).toEqual({
      status: 'info',
      verdict: 'no-mx',
      included: false,
    });
  });
});

describe('points policy: derived policies, zero categories, unknown verdicts', () => {
  it('raising a recommended test to required changes MAX, status and percentage', () => {
    const strict = derivePointsPolicy(policies.internetnl, {
      id: 'strict-caa',
      tests: { web_https_tls_caa: { level: 'required' } },
    });
    const verdicts = change(perfect('web'), { web_https_tls_caa: verdict('web_https_tls_caa', 'bad') });
    expect(suiteOf(points(verdicts), 'web').percentage).toBe(100);
    const result = points(verdicts, strict);
    expect(summary(categoryOf(result, 'web_https'))).toEqual({ status: 'fail', max: 160, raw: 150, percentage: 93 });
    expect(suiteOf(result, 'web').percentage).toBe(98);
    expect(policies.internetnl.suites[0]?.categories[2]?.tests.find((t) => t.name === 'web_https_tls_caa')?.level).toBe(undefined);
  });

  it('derived points per outcome replace the base rule', () => {
    const harsh = derivePointsPolicy(policies.internetnl, {
      id: 'harsh-hsts',
      tests: { web_https_http_hsts: { outcomes: { other: { points: 0 } } } },
    });
    const verdicts = change(perfect('web'), { web_https_http_hsts: verdict('web_https_http_hsts', 'other') });
    expect(categoryOf(points(verdicts, harsh), 'web_https').raw).toBe(140);
    expect(() => derivePointsPolicy(policies.internetnl, { id: 'typo', tests: { web_https_hsts: { level: 'required' } } })).toThrow(
      TypeError,
    );
  });

  it('no category with a maximum: 0 % with an error reason', () => {
    const appsec = perfect('web').filter((v) => v.internetnl?.category === 'web_appsecpriv');
    const result = points(appsec);
    const suite = suiteOf(result, 'web');
    expect({ percentage: suite.percentage, code: suite.error?.code, categories: suite.categories.map((c) => c.id) }).toEqual({
      percentage: 0,
      code: 'no-scored-categories',
      categories: ['web_appsecpriv'],
    });
  });

  it('verdicts the policy does not know are reported, not scored; a check-id policy matches them', () => {
    const extra = verdict('mail-mta-sts', 'bad', { raw: 'fail', level: 'required' });
    const duplicate = verdict('web_https_http_hsts', 'bad');
    const result = points([...perfect('web'), extra, { ...duplicate, check: 'web-hsts-again' }]);
    expect(suiteOf(result, 'web').percentage).toBe(100);
    expect(result.unscored).toEqual([
      { check: 'mail-mta-sts', status: 'fail', outcome: 'bad', reason: 'not-in-policy' },
      { check: 'web-hsts-again', internetnl: 'web_https_http_hsts', status: 'fail', outcome: 'bad', reason: 'duplicate' },
    ]);
    const own: PointsPolicy = {
      kind: 'points',
      id: 'own',
      description: 'pastoe-only checks',
      missingTests: 'not-tested',
      suites: [
        {
          id: 'extra',
          categories: [
            {
              id: 'mail_extra',
              aggregation: 'sum',
              tests: [{ name: 'mail-mta-sts', defaultLevel: 'recommended', scoreField: 'sts', fullPoints: 10 }],
            },
          ],
        },
      ],
    };
    expect(summary(categoryOf(points([extra], own), 'mail_extra'))).toEqual({ status: 'fail', max: 10, raw: 0, percentage: 0 });
  });

  it('an empty report has no suites and misses every test', () => {
    const names = internetnlCatalogue.flatMap((category) => category.subtests.map((subtest) => subtest.name));
    expect(points([])).toEqual({ kind: 'points', policy: 'internetnl', suites: [], unscored: [], complete: false, missing: names });
  });
});

/* ------------------------------------------------------------------ coverage */

const namesIn = (predicate: (category: string) => boolean): string[] =>
  internetnlCatalogue.filter((category) => predicate(category.id)).flatMap((category) => category.subtests.map((s) => s.name));

/** What today's presets give: the DNSSEC subtests of both suites, nothing else. */
const dnssecOnly = (): Verdict[] =>
  [...perfect('web'), ...perfect('mail')].filter((v) => v.internetnl?.category.endsWith('_dnssec') === true);

describe('coverage: partial reports say so', () => {
  it('a DNSSEC-only report scores 100 % but is incomplete, naming every untested subtest', () => {
    const result = points(dnssecOnly());
    expect(result.suites.map((s) => [s.id, s.percentage, s.complete])).toEqual([
      ['web', 100, false],
      ['mail', 100, false],
    ]);
    expect(result.complete).toBe(false);
    expect(result.missing).toEqual(namesIn((id) => !id.endsWith('_dnssec')));
    expect(result.missing).toContain('web_https_http_hsts');
    expect(result.missing).toContain('mail_auth_dmarc_exist');
    expect(result.missing).not.toContain('web_dnssec_valid');
    expect(suiteOf(result, 'web').missing).toEqual(namesIn((id) => id.startsWith('web_') && id !== 'web_dnssec'));
    expect(categoryOf(result, 'web_dnssec')).toMatchObject({ complete: true, missing: [] });
  });

  it('a category missing one test says which, also when the policy ignores missing tests', () => {
    const verdicts = change(perfect('web'), { web_https_http_hsts: null });
    const strict = points(verdicts);
    expect(categoryOf(strict, 'web_https')).toMatchObject({ complete: false, missing: ['web_https_http_hsts'] });
    expect(categoryOf(strict, 'web_ipv6')).toMatchObject({ complete: true, missing: [] });
    const lenient = points(verdicts, derivePointsPolicy(policies.internetnl, { id: 'lenient', missingTests: 'ignore' }));
    expect(categoryOf(lenient, 'web_https')).toMatchObject({ percentage: 100, complete: false, missing: ['web_https_http_hsts'] });
  });

  it('a web-only report is complete for the web policy, not for the web-and-mail one', () => {
    expect(points(perfect('web'), policies.internetnlWeb)).toMatchObject({ complete: true, missing: [] });
    const both = points(perfect('web'));
    expect(suiteOf(both, 'web')).toMatchObject({ complete: true, missing: [] });
    expect(both).toMatchObject({ complete: false, missing: namesIn((id) => id.startsWith('mail_')) });
  });

  it('a complete report is complete everywhere, under both policies', () => {
    const verdicts = [...perfect('web'), ...perfect('mail')];
    const result = points(verdicts);
    expect({ complete: result.complete, missing: result.missing }).toEqual({ complete: true, missing: [] });
    const parts = [...result.suites, ...result.suites.flatMap((suite) => suite.categories)];
    expect(parts.every((part) => part.complete && part.missing.length === 0)).toBe(true);
    const decided = score({ verdicts }, policies.streefbeeld);
    expect({ meets: decided.meets, complete: decided.complete, missing: decided.missing }).toEqual({
      meets: true,
      complete: true,
      missing: [],
    });
    expect(decided.suites.flatMap((suite) => suite.standards).every((standard) => standard.complete)).toBe(true);
  });

  it('streefbeeld over a DNSSEC-only report: DNSSEC yes, every untested standard unknown, the domain unknown', () => {
    const result = score({ verdicts: dnssecOnly() }, policies.streefbeeld);
    const all = Object.fromEntries(result.suites.flatMap((suite) => suite.standards.map((s) => [s.id, s.meets])));
    expect(all).toEqual({
      'web-https': 'unknown',
      'web-hsts': 'unknown',
      'web-tls-ncsc': 'unknown',
      'web-dnssec': true,
      'web-rpki': 'unknown',
      'web-ipv6': 'unknown',
      'mail-dmarc': 'unknown',
      'mail-spf': 'unknown',
      'mail-dkim': 'unknown',
      'mail-starttls': 'unknown',
      'mail-tls-ncsc': 'unknown',
      'mail-dane': 'unknown',
      'mail-dnssec': true,
      'mail-rpki': 'unknown',
      'mail-ipv6': 'unknown',
    });
    expect(result.suites.map((s) => s.meets)).toEqual(['unknown', 'unknown']);
    expect(result.meets).toBe('unknown');
    expect(result.complete).toBe(false);
    expect(result.suites[0]?.standards.find((s) => s.id === 'web-https')).toMatchObject({
      failing: [],
      missing: ['web_https_http_available', 'web_https_http_redirect'],
    });
    expect(result.missing).toContain('web_https_http_hsts');
    expect(result.missing).not.toContain('web_dnssec_exist');
    // The same report with an insecure zone: a tested failure still answers no.
    const insecure = score(
      { verdicts: change(dnssecOnly(), { web_dnssec_exist: verdict('web_dnssec_exist', 'bad') }) },
      policies.streefbeeld,
    );
    expect([insecure.suites[0]?.meets, insecure.suites[1]?.meets, insecure.meets]).toEqual([false, 'unknown', false]);
  });

  it('a suite the report has nothing for is missing whole; its standards only count once', () => {
    const result = score({ verdicts: perfect('web') }, policies.streefbeeld);
    expect(result.suites.map((s) => [s.id, s.meets, s.complete])).toEqual([['web', true, true]]);
    expect(result.meets).toBe(true);
    expect(result.complete).toBe(false);
    const mailTests = policies.streefbeeld.suites[1]?.standards.flatMap((standard) => standard.tests.map((t) => t.name)) ?? [];
    expect(result.missing).toEqual([...new Set(mailTests)]);
    expect(result.missing.filter((name) => name === 'mail_starttls_tls_available')).toHaveLength(1);
  });

  it('a test skipped as not applicable is not missing', () => {
    const noMx = change(perfect('mail'), {
      mail_dnssec_mx_exist: verdict('mail_dnssec_mx_exist', 'null-mx'),
      mail_dnssec_mx_valid: null,
    });
    const result = score({ verdicts: noMx }, policies.streefbeeld);
    expect(result.suites[0]?.standards.find((s) => s.id === 'mail-dnssec')).toMatchObject({ meets: true, complete: true, missing: [] });
  });
});

/* ------------------------------------------------------------------ streefbeeld */

function target(verdicts: readonly Verdict[]): TargetStateResult {
  return score({ verdicts }, policies.streefbeeld);
}

function decisions(result: TargetStateResult): Record<string, unknown> {
  return Object.fromEntries(result.suites.flatMap((suite) => suite.standards.map((s) => [s.id, s.meets])));
}

describe('streefbeeld policy', () => {
  it('a perfect domain meets every standard', () => {
    const result = target([...perfect('web'), ...perfect('mail')]);
    expect(result.meets).toBe(true);
    expect(Object.values(decisions(result)).every((meets) => meets === true)).toBe(true);
    expect(Object.keys(decisions(result))).toEqual([
      'web-https',
      'web-hsts',
      'web-tls-ncsc',
      'web-dnssec',
      'web-rpki',
      'web-ipv6',
      'mail-dmarc',
      'mail-spf',
      'mail-dkim',
      'mail-starttls',
      'mail-tls-ncsc',
      'mail-dane',
      'mail-dnssec',
      'mail-rpki',
      'mail-ipv6',
    ]);
  });

  it('short HSTS fails web-hsts only, and with it the web suite and the domain', () => {
    const result = target(change(perfect('web'), { web_https_http_hsts: verdict('web_https_http_hsts', 'other') }));
    expect(result.suites.map((s) => s.id)).toEqual(['web']);
    expect(decisions(result)).toMatchObject({ 'web-hsts': false, 'web-https': true, 'web-tls-ncsc': true });
    expect(result.suites[0]?.standards.find((s) => s.id === 'web-hsts')?.failing).toEqual([
      { name: 'web_https_http_hsts', check: 'web-https-http-hsts', status: 'fail', outcome: 'other' },
    ]);
    expect(result.meets).toBe(false);
  });

  it('warning and info do not pass: phase-out suites, client renegotiation with a low limit', () => {
    const phase = target(change(perfect('web'), { web_https_tls_ciphers: verdict('web_https_tls_ciphers', 'phase-out') }));
    expect(decisions(phase)['web-tls-ncsc']).toBe(false);
    const reneg = target(
      change(perfect('web'), { web_https_tls_clientreneg: verdict('web_https_tls_clientreneg', 'allowed-with-low-limit') }),
    );
    expect(decisions(reneg)['web-tls-ncsc']).toBe(false);
    // The same low limit costs nothing in Internet.nl's score.
    expect(
      suiteOf(
        points(change(perfect('web'), { web_https_tls_clientreneg: verdict('web_https_tls_clientreneg', 'allowed-with-low-limit') })),
        'web',
      ).percentage,
    ).toBe(100);
  });

  it('DMARC: an unauthorised external report address still meets; p=none does not', () => {
    const external = target(change(perfect('mail'), { mail_auth_dmarc_policy: verdict('mail_auth_dmarc_policy', 'external') }));
    expect(decisions(external)['mail-dmarc']).toBe(true);
    const none = target(change(perfect('mail'), { mail_auth_dmarc_policy: verdict('mail_auth_dmarc_policy', 'policy') }));
    expect(decisions(none)['mail-dmarc']).toBe(false);
  });

  it('SPF with ?all fails mail-spf', () => {
    const result = target(change(perfect('mail'), { mail_auth_spf_policy: verdict('mail_auth_spf_policy', 'all') }));
    expect(decisions(result)['mail-spf']).toBe(false);
  });

  it('DKIM is not applicable for a non-sending domain; the mail suite still meets', () => {
    const result = target(change(perfect('mail'), { mail_auth_dkim_exist: verdict('mail_auth_dkim_exist', 'no-email') }));
    expect(decisions(result)['mail-dkim']).toBe('not-applicable');
    expect(result.suites[0]?.meets).toBe(true);
    const missing = target(change(perfect('mail'), { mail_auth_dkim_exist: verdict('mail_auth_dkim_exist', 'bad') }));
    expect(decisions(missing)['mail-dkim']).toBe(false);
  });

  it('a Null MX domain: STARTTLS, TLS and DANE not applicable, DNSSEC/IPv6/RPKI judged without the MX parts', () => {
    const verdicts = change(perfect('mail'), {
      mail_ipv6_mx_address: verdict('mail_ipv6_mx_address', 'null-mx'),
      mail_ipv6_mx_reach: verdict('mail_ipv6_mx_reach', 'not-tested'),
      mail_dnssec_mx_exist: verdict('mail_dnssec_mx_exist', 'null-mx'),
      mail_dnssec_mx_valid: verdict('mail_dnssec_mx_valid', 'not-tested'),
      mail_rpki_exists: verdict('mail_rpki_exists', 'no-addresses'),
      mail_rpki_valid: verdict('mail_rpki_valid', 'not-routed'),
      mail_mx_ns_rpki_exists: verdict('mail_mx_ns_rpki_exists', 'no-addresses'),
      mail_mx_ns_rpki_valid: verdict('mail_mx_ns_rpki_valid', 'not-routed'),
      ...Object.fromEntries((internetnlCatalogue.find((c) => c.id === 'mail_starttls')?.subtests ?? []).map((s) => [s.name, null])),
      mail_starttls_tls_available: verdict('mail_starttls_tls_available', 'null-mx'),
    });
    const result = target(verdicts);
    expect(decisions(result)).toMatchObject({
      'mail-starttls': 'not-applicable',
      'mail-tls-ncsc': 'not-applicable',
      'mail-dane': 'not-applicable',
      'mail-dnssec': true,
      'mail-ipv6': true,
      'mail-rpki': true,
    });
    expect(result.meets).toBe(true);
    const withOtherMx = target(
      change(verdicts, { mail_starttls_tls_available: verdict('mail_starttls_tls_available', 'null-mx-with-other-mx') }),
    );
    expect(decisions(withOtherMx)['mail-starttls']).toBe(false);
  });

  it('mail certificate host name counts only when DANE-TA forces it', () => {
    const info = target(change(perfect('mail'), { mail_starttls_cert_domain: verdict('mail_starttls_cert_domain', 'bad') }));
    expect(decisions(info)['mail-tls-ncsc']).toBe(true);
    const forced = target(
      change(perfect('mail'), { mail_starttls_cert_domain: verdict('mail_starttls_cert_domain', 'bad', { forced: true }) }),
    );
    expect(decisions(forced)['mail-tls-ncsc']).toBe(false);
  });

  it('no DANE fails mail-dane; an insecure MX zone fails mail-dnssec', () => {
    const noDane = target(
      change(perfect('mail'), {
        mail_starttls_dane_exist: verdict('mail_starttls_dane_exist', 'bad'),
        mail_starttls_dane_valid: verdict('mail_starttls_dane_valid', 'not-tested'),
      }),
    );
    expect(decisions(noDane)).toMatchObject({ 'mail-dane': false, 'mail-starttls': true });
    const insecureMx = target(
      change(perfect('mail'), {
        mail_dnssec_mx_exist: verdict('mail_dnssec_mx_exist', 'bad'),
        mail_dnssec_mx_valid: verdict('mail_dnssec_mx_valid', 'insecure'),
      }),
    );
    expect(decisions(insecureMx)['mail-dnssec']).toBe(false);
  });

  it('RPKI: no addresses are skipped, a missing ROA (warning) fails', () => {
    const none = target(change(perfect('web'), { web_rpki_exists: verdict('web_rpki_exists', 'no-addresses') }));
    expect(decisions(none)['web-rpki']).toBe(true);
    expect(none.suites[0]?.standards.find((s) => s.id === 'web-rpki')?.skipped).toEqual(['web_rpki_exists']);
    const noRoa = target(change(perfect('web'), { web_rpki_exists: verdict('web_rpki_exists', 'bad') }));
    expect(decisions(noRoa)['web-rpki']).toBe(false);
  });

  it('IPv6: different content fails, an IPv6-only site does not need the comparison', () => {
    const differs = target(change(perfect('web'), { web_ipv6_ws_similar: verdict('web_ipv6_ws_similar', 'notice') }));
    expect(decisions(differs)['web-ipv6']).toBe(false);
    const v6only = target(change(perfect('web'), { web_ipv6_ws_similar: verdict('web_ipv6_ws_similar', 'ipv6-only') }));
    expect(decisions(v6only)['web-ipv6']).toBe(true);
  });

  // Until issue 9 a missing test failed its standard ("no"); an untested test proves nothing either way.
  it('a test missing from a present suite makes its standard unknown, not failed', () => {
    const result = target(change(perfect('web'), { web_dnssec_valid: null }));
    expect(result.suites[0]?.standards.find((s) => s.id === 'web-dnssec')).toMatchObject({
      meets: 'unknown',
      failing: [],
      complete: false,
      missing: ['web_dnssec_valid'],
    });
    expect({ suite: result.suites[0]?.meets, domain: result.meets, missing: result.suites[0]?.missing }).toEqual({
      suite: 'unknown',
      domain: 'unknown',
      missing: ['web_dnssec_valid'],
    });
  });

  it('a tested failure keeps "no" next to an untested test, in the standard and above it', () => {
    const result = target(change(perfect('web'), { web_dnssec_valid: null, web_https_http_hsts: verdict('web_https_http_hsts', 'other') }));
    expect(decisions(result)).toMatchObject({ 'web-dnssec': 'unknown', 'web-hsts': false, 'web-https': true });
    expect([result.suites[0]?.meets, result.meets]).toEqual([false, false]);
    const tls = change(perfect('web'), {
      web_https_tls_version: null,
      web_https_tls_ciphers: verdict('web_https_tls_ciphers', 'bad'),
    });
    expect(target(tls).suites[0]?.standards.find((s) => s.id === 'web-tls-ncsc')).toMatchObject({
      meets: false,
      missing: ['web_https_tls_version'],
      failing: [{ name: 'web_https_tls_ciphers', outcome: 'bad', status: 'fail' }],
    });
  });

  // Until issue 9 this decided "no" for the domain.
  it('a report without any policy test decides nothing: unknown', () => {
    const result = target([verdict('mail-mta-sts', 'good', { raw: 'pass' })]);
    expect({ meets: result.meets, code: result.error?.code, suites: result.suites.length, unscored: result.unscored.length }).toEqual({
      meets: 'unknown',
      code: 'no-verdicts',
      suites: 0,
      unscored: 1,
    });
  });
});

describe("pastoe's own failures are not measurements", () => {
  const ownFailure = (name: string): Verdict => ({
    ...verdict(name, 'error', { raw: 'error' }),
    status: 'error',
    outcome: 'vantage',
    error: { source: 'runner', code: 'vantage', message: 'the resolver udp://127.0.0.1:9 did not answer' },
  });

  it('an error verdict with a reason leaves its test missing in a points score', () => {
    const result = score({ verdicts: [verdict('web_dnssec_exist'), ownFailure('web_dnssec_valid')] }, policies.internetnlWeb);
    expect(result.complete).toBe(false);
    expect(result.missing).toContain('web_dnssec_valid');
    expect(result.unscored).toContainEqual(expect.objectContaining({ check: 'web-dnssec-valid', reason: 'not-measured' }));
  });

  it('makes the target-state answer unknown, never no', () => {
    const verdicts = [ownFailure('web_dnssec_exist'), ownFailure('web_dnssec_valid')];
    const result = score({ verdicts }, policies.streefbeeld);
    const dnssec = result.suites.flatMap((suite) => suite.standards).find((s) => s.standard === 'dnssec');
    expect(result.meets).not.toBe(false);
    expect(dnssec?.meets ?? 'unknown').toBe('unknown');
  });
});
