import { findInternetNlSubtest } from '@pastoe/core/model';
import type { CheckLevel, Verdict, VerdictError, VerdictStatus } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { toInternetNl } from './to-internetnl.js';
import type { InternetNlSourceReport } from './to-internetnl.js';
import { batchResultsProblems } from './test-support/batch-shape.js';

interface VerdictInput {
  readonly rawStatus: VerdictStatus;
  readonly outcome: string;
  readonly level?: CheckLevel;
  readonly forced?: boolean;
  readonly error?: VerdictError;
}

/** A verdict as the runner would write it for an Internet.nl test, with the catalogue's level. */
function verdict(name: string, input: VerdictInput): Verdict {
  const subtest = findInternetNlSubtest(name);
  if (subtest === undefined) throw new Error(`no such test ${name}`);
  const level = input.level ?? subtest.level;
  const limit = level === 'required' ? 'fail' : level === 'recommended' ? 'warning' : 'info';
  const clampable = input.rawStatus === 'fail' || input.rawStatus === 'warning' || input.rawStatus === 'info';
  const order: VerdictStatus[] = ['fail', 'warning', 'info'];
  const status = input.forced !== true && clampable && order.indexOf(input.rawStatus) < order.indexOf(limit) ? limit : input.rawStatus;
  return {
    check: name.replaceAll('_', '-'),
    status,
    rawStatus: input.rawStatus,
    outcome: input.outcome,
    level,
    forced: input.forced ?? false,
    standard: 'https',
    internetnl: { name, category: subtest.category },
    title: `${name}.title`,
    findings: [],
    ...(input.error === undefined ? {} : { error: input.error }),
  };
}

function report(domain: string, verdicts: readonly Verdict[]): InternetNlSourceReport {
  return { target: { domain, input: domain }, startedAt: '2026-03-01T10:00:00.000Z', finishedAt: '2026-03-01T10:00:05.000Z', verdicts };
}

const pastoeTimeout: VerdictError = { source: 'probe', code: 'timeout', message: 'the resolver did not answer', probe: 'dnssec' };

/** The batch test results of one domain built from the given verdicts. */
function testsOf(verdicts: readonly Verdict[], domain = 'example.nl') {
  const results = toInternetNl([report(domain, verdicts)], { kind: 'web' });
  const entry = results.domains[domain];
  if (entry?.status !== 'ok') throw new Error(`domain is ${JSON.stringify(entry)}`);
  return entry.results;
}

const modern = [
  verdict('web_dnssec_exist', { rawStatus: 'pass', outcome: 'good' }),
  verdict('web_dnssec_valid', { rawStatus: 'pass', outcome: 'secure' }),
];

describe('toInternetNl: pastoe statuses to batch status and verdict words', () => {
  it.each([
    ['pass', 'web_https_http_hsts', { rawStatus: 'pass', outcome: 'good' }, { status: 'passed', verdict: 'good' }],
    ['fail (required)', 'web_https_http_hsts', { rawStatus: 'fail', outcome: 'bad' }, { status: 'failed', verdict: 'bad' }],
    ['warning', 'web_https_tls_version', { rawStatus: 'warning', outcome: 'phase-out' }, { status: 'warning', verdict: 'phase-out' }],
    [
      'fail clamped to info (optional)',
      'web_https_http_compress',
      { rawStatus: 'fail', outcome: 'bad' },
      { status: 'info', verdict: 'bad' },
    ],
    [
      'pass with another word',
      'web_https_tls_clientreneg',
      { rawStatus: 'pass', outcome: 'not-allowed' },
      { status: 'passed', verdict: 'not-allowed' },
    ],
    [
      'not-tested, pastoe-only code',
      'web_dnssec_valid',
      { rawStatus: 'not-tested', outcome: 'insecure' },
      { status: 'not_tested', verdict: 'not-tested' },
    ],
    ['pastoe-only code for a failure', 'web_dnssec_valid', { rawStatus: 'fail', outcome: 'bogus' }, { status: 'failed', verdict: 'bad' }],
    [
      'not-applicable',
      'web_https_tls_extendedmastersecret',
      { rawStatus: 'not-applicable', outcome: 'na-no-tls-1-2' },
      { status: 'not_tested', verdict: 'na-no-tls-1-2' },
    ],
    [
      'error about the domain',
      'web_rpki_exists',
      { rawStatus: 'error', outcome: 'validator-error', forced: true },
      { status: 'error', verdict: 'not-tested' },
    ],
  ] as const)('%s: %s', (_label, name, input, expected) => {
    expect(testsOf([verdict(name, input)]).tests[name]).toEqual(expected);
  });

  it('writes a test the report lacks as not tested, and every test of a category that has a verdict', () => {
    const { tests } = testsOf([verdict('web_https_http_hsts', { rawStatus: 'pass', outcome: 'good' })]);
    expect(tests.web_https_tls_version).toEqual({ status: 'not_tested', verdict: 'not-tested' });
    expect(Object.keys(tests).filter((name) => name.startsWith('web_https_'))).toHaveLength(22);
  });

  it('writes a test pastoe could not judge as error, and its category as error, never failed', () => {
    const results = testsOf([
      verdict('web_dnssec_exist', { rawStatus: 'pass', outcome: 'good' }),
      verdict('web_dnssec_valid', { rawStatus: 'error', outcome: 'error', error: pastoeTimeout }),
    ]);
    expect(results.tests.web_dnssec_valid).toEqual({ status: 'error', verdict: 'not-tested' });
    expect(results.categories.web_dnssec).toEqual({ verdict: 'error', status: 'error' });
  });

  it('writes a category whose only verdict pastoe could not judge as error too', () => {
    const results = testsOf([
      verdict('web_https_http_hsts', { rawStatus: 'pass', outcome: 'good' }),
      verdict('web_dnssec_valid', { rawStatus: 'error', outcome: 'error', error: pastoeTimeout }),
    ]);
    expect(results.categories.web_dnssec).toEqual({ verdict: 'error', status: 'error' });
    expect(results.tests.web_dnssec_exist).toEqual({ status: 'not_tested', verdict: 'not-tested' });
  });

  it("takes category statuses and text verdicts from Internet.nl's rules", () => {
    const results = testsOf([
      verdict('web_appsecpriv_csp', { rawStatus: 'fail', outcome: 'bad' }),
      verdict('web_https_http_available', { rawStatus: 'fail', outcome: 'other' }),
    ]);
    expect(results.tests.web_appsecpriv_csp).toEqual({ status: 'warning', verdict: 'bad' });
    expect(results.categories.web_appsecpriv).toEqual({ verdict: 'warning', status: 'warning' });
    expect(results.categories.web_https).toEqual({ verdict: 'unreachable', status: 'failed' });
  });

  it('leaves out the categories the report has no verdict for', () => {
    const { categories } = testsOf([verdict('web_https_http_hsts', { rawStatus: 'pass', outcome: 'good' })]);
    expect(Object.keys(categories)).toEqual(['web_https']);
  });
});

describe('toInternetNl: domains and the request', () => {
  it('scores with the website policy and keys domains by their Unicode name', () => {
    const results = toInternetNl([report('xn--bcher-kva.example', modern), report('insecure.example', [modern[0] as Verdict])], {
      reportUrl: (domain) => `https://reports.example/site/${domain}/`,
    });
    expect(results.request.request_type).toBe('web');
    expect(Object.keys(results.domains)).toEqual(['bücher.example', 'insecure.example']);
    expect(results.domains['bücher.example']).toMatchObject({
      status: 'ok',
      report: { url: 'https://reports.example/site/xn--bcher-kva.example/' },
      scoring: { percentage: 100 },
    });
    // web_dnssec_valid missing: required, not tested, 0 of 10 points; the category fails.
    expect(results.domains['insecure.example']).toMatchObject({
      scoring: { percentage: 0 },
      results: { categories: { web_dnssec: { verdict: 'failed', status: 'failed' } } },
    });
  });

  it('writes a domain with nothing scorable as only { status: error }', () => {
    const results = toInternetNl(
      [report('down.example', [verdict('web_dnssec_valid', { rawStatus: 'error', outcome: 'error', error: pastoeTimeout })])],
      {
        kind: 'web',
      },
    );
    expect(results.domains['down.example']).toEqual({ status: 'error' });
  });

  it('writes the request envelope from the options, or from the reports', () => {
    const fixed = toInternetNl([report('a.example', modern)], {
      name: 'gemeenten-2026',
      requestId: 'e94251da69c54da7b16fc5202a69c5c2',
      submitDate: new Date('2026-03-01T09:00:00Z'),
    });
    expect(fixed.api_version).toBe('2.7.0');
    expect(fixed.request).toEqual({
      name: 'gemeenten-2026',
      submit_date: '2026-03-01T09:00:00.000+00:00',
      finished_date: '2026-03-01T10:00:05.000+00:00',
      request_type: 'web',
      status: 'done',
      request_id: 'e94251da69c54da7b16fc5202a69c5c2',
    });
    expect(() => toInternetNl([], { kind: 'web', requestId: 'E94251DA' })).toThrow(TypeError);
  });

  it('needs kind when the reports hold no Internet.nl test or both', () => {
    const mailVerdict = verdict('mail_auth_spf_exist', { rawStatus: 'pass', outcome: 'good' });
    expect(() => toInternetNl([report('a.example', [])])).toThrow(/pass \{ kind/);
    expect(() => toInternetNl([report('a.example', [...modern, mailVerdict])])).toThrow(TypeError);
    const mail = toInternetNl([report('a.example', [...modern, mailVerdict])], { kind: 'mail' });
    expect(mail.request.request_type).toBe('mail');
    expect(Object.keys(mail.domains['a.example']?.status === 'ok' ? mail.domains['a.example'].results.tests : {})).toContain(
      'mail_auth_spf_exist',
    );
  });
});

describe('toInternetNl output against the §7.3 shape', () => {
  it('conforms for ok, error and mixed domains', () => {
    const results = toInternetNl(
      [
        report('ok.example', [
          verdict('web_https_http_available', { rawStatus: 'pass', outcome: 'good' }),
          verdict('web_https_tls_version', { rawStatus: 'warning', outcome: 'phase-out' }),
          verdict('web_rpki_exists', { rawStatus: 'error', outcome: 'validator-error', forced: true }),
          verdict('web_dnssec_valid', { rawStatus: 'error', outcome: 'error', error: pastoeTimeout }),
        ]),
        report('down.example', [verdict('web_dnssec_valid', { rawStatus: 'error', outcome: 'error', error: pastoeTimeout })]),
      ],
      { kind: 'web', reportUrl: (domain) => `https://r.example/${domain}` },
    );
    expect(batchResultsProblems(JSON.parse(JSON.stringify(results)))).toEqual([]);
  });

  it('finds departures from the shape (the guard can fail)', () => {
    const results = JSON.parse(JSON.stringify(toInternetNl([report('a.example', modern)], { kind: 'web' })));
    results.domains['a.example'].results.tests.web_dnssec_valid = { verdict: 'good', status: 'passed' };
    results.domains['a.example'].results.categories.web_dnssec.status = 'not_tested';
    results.domains['b.example'] = { status: 'error', scoring: { percentage: 0 } };
    results.request.submit_date = '1 March 2026';
    results.domains['a.example'].results.custom = { tls_1_3_support: 'maybe' };
    expect(batchResultsProblems(results)).toHaveLength(5);
  });
});
