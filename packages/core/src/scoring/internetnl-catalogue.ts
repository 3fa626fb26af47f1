import type { CheckLevel, VerdictStatus } from '../model/status.js';
import { deepFreeze } from './freeze.js';
import type { CategoryGate } from './policy.js';

/*
 * Every Internet.nl website and email subtest, as data: batch name, category, report key, level,
 * score field, points, and the outcome codes a pastoe check must emit to reproduce it.
 * Source: /work/shared/spec/internetnl-checks.md §2, §3, §5, §6 and §11 (Internet.nl at cec0e01d,
 * `checks/categories.py`, `checks/scoring.py`).
 *
 * For check authors, per subtest:
 * - `level` is the level to declare (Internet.nl's initial worst status). Where `raise` is set,
 *   the check returns `level: 'required'` in its result once the condition holds, as
 *   Internet.nl's `was_tested()` does.
 * - `outcomes` lists the outcome codes to emit, each with the status to ask for (the runner clamps
 *   it to the level), whether to set `forced`, and the points it earns. Codes are Internet.nl's
 *   verdict words; where Internet.nl keeps the distinction in its database instead (DNSSEC
 *   secure/insecure/bogus, SPF include errors worth 2 or 0), pastoe adds codes and `verdict`
 *   gives the API word to report.
 * - `partialScore` says when to put a measured fraction in `score` instead (0..1 of full points;
 *   it wins over the outcome's points).
 * - Every subtest also accepts `not-tested` (status `not-tested`, 0 points): Internet.nl's
 *   initial state, for when a precondition failed.
 * - Status `not-applicable` plays Internet.nl's worst status NOT_TESTED: such a verdict leaves the
 *   category maximum and the category status alone. Use it only where the outcome table says so.
 * - Per-server categories (`min-per-server`) read points from each verdict's `subjects`; servers
 *   are matched across checks by name and IP address, so every check in the category should name
 *   a server the same way (`{ name, ip }`, the port may differ).
 */

/** One outcome code of an Internet.nl subtest. */
export interface InternetNlOutcome {
  /** The status the check asks for (before the level clamp). */
  readonly status: VerdictStatus;
  /** What the outcome means. */
  readonly meaning: string;
  /** Points earned, when not the default (full points for `pass`, else 0). */
  readonly points?: number;
  /** Internet.nl's verdict word, when the pastoe code differs from it. */
  readonly verdict?: string;
  /** The check sets `forced` (Internet.nl's `override=True`, past the worst-status clamp). */
  readonly forced?: boolean;
  /** Internet.nl's per-result `override_mandatory`. */
  readonly overrideMandatory?: boolean;
}

/** When a check raises a subtest's level (Internet.nl's `was_tested()`). */
export interface LevelRaise {
  /** The level it becomes. */
  readonly level: CheckLevel;
  /** When. */
  readonly when: string;
}

/** One Internet.nl subtest. */
export interface InternetNlSubtest {
  /** The batch API test name, e.g. `web_https_http_hsts`. */
  readonly name: string;
  /** The batch API category, e.g. `web_https`. */
  readonly category: string;
  /** The key in Internet.nl's internal report (`https_hsts`). */
  readonly reportKey: string;
  /** The level to declare: Internet.nl's initial worst status. */
  readonly level: CheckLevel;
  /** When the check raises the level. */
  readonly raise?: LevelRaise;
  /** Internet.nl's `model_score_field`, if any. */
  readonly scoreField?: string;
  /** Internet.nl's `full_score` (0 when the subtest has no score field). */
  readonly fullPoints: number;
  /** False when the field only feeds the per-server minimum (MX DNSSEC). Default true. */
  readonly countsTowardMax?: boolean;
  /** Internet.nl's `override_mandatory` for every result. */
  readonly overrideMandatory?: boolean;
  /** When the check must give a measured fraction in `score`. */
  readonly partialScore?: string;
  /** The outcome codes, with status and points. */
  readonly outcomes: Readonly<Record<string, InternetNlOutcome>>;
  /** Anything else a check author must know. */
  readonly notes?: string;
}

/** One Internet.nl category. */
export interface InternetNlCategory {
  /** The batch API category name, e.g. `web_https`. */
  readonly id: string;
  /** The test it belongs to. */
  readonly suite: 'web' | 'mail';
  /** How its raw score is formed. */
  readonly aggregation: 'sum' | 'min-per-server';
  /** Its gate test (TLS categories). */
  readonly gate?: CategoryGate;
  /** Its subtests, in Internet.nl's order. */
  readonly subtests: readonly InternetNlSubtest[];
}

type Outcomes = Record<string, InternetNlOutcome>;

const outcome = (status: VerdictStatus, meaning: string, extra: Omit<InternetNlOutcome, 'status' | 'meaning'> = {}) => ({
  status,
  meaning,
  ...extra,
});

const good = (meaning = 'Meets the requirement.') => outcome('pass', meaning);
const bad = (meaning = 'Does not meet the requirement.') => outcome('fail', meaning);

/** Phase-out items keep full points: Internet.nl's score properties give FULL for them (§11.19). */
const phaseOut = (full: number, meaning: string) => outcome('warning', meaning, { points: full });

const REQUIRED_ONCE_TESTED: LevelRaise = { level: 'required', when: 'a server was actually tested' };

interface SubtestInput extends Omit<InternetNlSubtest, 'category' | 'fullPoints' | 'outcomes'> {
  readonly fullPoints?: number;
  readonly outcomes: Outcomes;
}

function subtests(category: string, inputs: readonly SubtestInput[]): InternetNlSubtest[] {
  return inputs.map((input) => ({
    ...input,
    category,
    fullPoints: input.fullPoints ?? (input.scoreField === undefined ? 0 : 10),
    // Internet.nl adds `not_tested` to every subtest's verdict map: it is the initial state.
    outcomes: {
      'not-tested': outcome('not-tested', 'Not tested, e.g. because a precondition failed.', { points: 0 }),
      ...input.outcomes,
    },
  }));
}

/* ---------------------------------------------------------------- shared outcome tables */

const nsAddressOutcomes = (): Outcomes => ({
  good: good('Two or more name servers have an IPv6 address.'),
  other: bad('Exactly one name server has an IPv6 address.'),
  bad: bad('No name server has an IPv6 address.'),
});

const reachOutcomes = (what: string): Outcomes => ({
  good: good(`Every IPv6 address of every ${what} answered.`),
  bad: bad(`Some IPv6 address of some ${what} did not answer.`),
});

const reachPartial = (what: string) =>
  `Always give score = (Internet.nl's integer ${what} score) / 10: per host 10 when every IPv6 address answered and every port open on IPv4 is open on IPv6, 2 when partly, 0 when none; averaged over the hosts with integer truncation.`;

/** DNSSEC of a zone, as Internet.nl's database keeps it (secure 10, insecure 2, bogus and error 0). */
const dnssecValidOutcomes = (): Outcomes => ({
  secure: outcome('pass', 'The answer validated (AD bit).', { verdict: 'good' }),
  insecure: outcome('not-tested', 'The zone is unsigned; 2 points all the same.', { points: 2, verdict: 'not-tested' }),
  bogus: outcome('fail', 'The zone is signed but does not validate.', { points: 0, verdict: 'bad' }),
  dnserror: outcome('not-tested', 'NXDOMAIN, no name servers or a timeout.', { points: 0, verdict: 'not-tested' }),
});

const dnssecExistOutcomes = (): Outcomes => ({
  good: good('The zone is signed (secure or bogus).'),
  bad: bad('The zone is unsigned (insecure).'),
  'resolver-error': bad('The lookup failed (NXDOMAIN, no name servers, timeout).'),
  servfail: bad('SERVFAIL (not reachable in Internet.nl at cec0e01d).'),
});

const noMailServerOutcomes = (noMx: string, noMxMeaning: string): Outcomes => ({
  [noMx]: outcome('not-tested', noMxMeaning),
  'null-mx': outcome('not-tested', 'A correct Null MX (RFC 7505): the domain accepts no mail.'),
  'no-null-mx': outcome('info', 'No MX, but A/AAAA and SPF `-all`: publish a Null MX (never reached at cec0e01d).', {
    forced: true,
  }),
  'null-mx-with-other-mx': outcome('warning', 'A Null MX next to other MX records.', { forced: true }),
  'null-mx-without-a-aaaa': outcome('info', 'A Null MX on a domain without A/AAAA: unnecessary.', { forced: true }),
});

const tlsVersionOutcomes = (full: number): Outcomes => ({
  good: good('Only TLS 1.3 and/or 1.2.'),
  'phase-out': phaseOut(full, 'A phase-out version (the list is empty at NCSC 2025-05).'),
  bad: bad('An insufficient version (SSL 2/3, TLS 1.0/1.1).'),
});

const cipherOutcomes = (full: number): Outcomes => ({
  good: good('Only good or sufficient suites.'),
  'phase-out': phaseOut(full, 'A phase-out suite, no insufficient one.'),
  bad: bad('An insufficient suite.'),
});

const cipherOrderOutcomes = (): Outcomes => ({
  good: good('The server prefers good and sufficient suites over phase-out ones.'),
  na: outcome('pass', 'Not applicable: only good suites, only TLS 1.3, or the order probe could not connect.'),
  bad: bad('The server chose a phase-out suite over a better one.'),
});

const keyExchangeOutcomes = (full: number): Outcomes => ({
  good: good('Good ECDHE curves and no bad DHE groups.'),
  na: outcome('pass', 'No (EC)DHE key exchange at all.'),
  'phase-out': phaseOut(full, 'secp224r1 or an ffdhe3072+ group.'),
  bad: bad('A bad curve or DHE group (including ffdhe2048).'),
});

const kexHashOutcomes = (full: number): Outcomes => ({
  good: good('The server signs the key exchange with SHA-256 or better.'),
  'phase-out': phaseOut(full, 'The server signs with SHA-224 when offered only that.'),
  other: outcome('info', 'Unknown (defined, never produced).'),
  bad: bad('The server signs with SHA-1 when offered only that.'),
});

const compressionOutcomes = (): Outcomes => ({
  good: good('No TLS compression.'),
  bad: bad('TLS compression is supported.'),
});

const secureRenegOutcomes = (): Outcomes => ({
  good: good('Secure renegotiation (RFC 5746).'),
  bad: bad('No secure renegotiation.'),
});

const clientRenegOutcomes = (full: number): Outcomes => ({
  'not-allowed': outcome('pass', 'No client-initiated renegotiation accepted.'),
  'allowed-with-low-limit': outcome('info', 'Between 1 and 10 accepted (acceptable since NCSC 2025-05).', {
    points: full,
  }),
  'allowed-with-too-high-limit': outcome('fail', 'More than 10 accepted (Internet.nl asks FAIL, the clamp shows info).'),
});

const emsOutcomes = (): Outcomes => ({
  good: good('Extended Master Secret is used on TLS 1.2.'),
  bad: bad('TLS 1.2 without Extended Master Secret.'),
  'na-no-tls-1-2': outcome('not-applicable', 'No TLS 1.2: not required (#2068), so the maximum drops by 10.'),
  unknown: outcome('not-tested', 'Unknown (old results); counts as a failure in the status (§11.25).'),
});

const caaOutcomes = (full: number): Outcomes => ({
  good: good('Valid CAA records with an issue tag.'),
  bad: bad('No CAA record.'),
  insufficient: bad('CAA records without an issue tag.'),
  'syntax-error': bad('A CAA record with a syntax error.'),
  recommendations: outcome('info', 'Valid, with recommendations (wired up, never produced).', { points: full }),
});

const pubkeyOutcomes = (full: number): Outcomes => ({
  good: good('Good key types and sizes.'),
  'phase-out': phaseOut(full, 'An RSA key of 2048-3071 bits or a P-224 key.'),
  bad: bad('An insufficient key.'),
});

const signatureOutcomes = (full: number): Outcomes => ({
  good: good('SHA-256 or better signatures (roots excluded).'),
  'phase-out': phaseOut(full, 'A SHA-224 signature.'),
  bad: bad('An insufficient signature algorithm (RSASSA-PSS included, §11.14).'),
});

const rpkiExistsOutcomes = (full: number): Outcomes => ({
  good: good('Every address is covered by a ROA.'),
  bad: outcome('warning', 'Some address has no ROA: Internet.nl asks NOTICE (#1900) and gives 0 points.'),
  'no-addresses': outcome('not-tested', 'There are no addresses to check; full points.', { points: full }),
  'validator-error': outcome('error', 'The RPKI validator was unavailable.', {
    forced: true,
    verdict: 'not-tested',
  }),
});

const rpkiValidOutcomes = (full: number): Outcomes => ({
  good: good('Every route to every address is RPKI-valid.'),
  bad: bad('Some route is not-found.'),
  invalid: bad('Some route is invalid (wrong origin AS or too long).'),
  'not-routed': outcome('not-tested', 'No BGP route for any address (also when there are none); full points.', {
    points: full,
  }),
  'validator-error': outcome('error', 'The RPKI validator or BGP source was unavailable.', {
    forced: true,
    verdict: 'not-tested',
  }),
});

/* ---------------------------------------------------------------- website test */

const webIpv6 = subtests('web_ipv6', [
  {
    name: 'web_ipv6_ns_address',
    reportKey: 'ns_aaaa',
    level: 'required',
    outcomes: nsAddressOutcomes(),
  },
  {
    name: 'web_ipv6_ns_reach',
    reportKey: 'ns_reach',
    level: 'required',
    scoreField: 'ns_score',
    partialScore: `${reachPartial('ns_score')} A single name server is capped at 5.`,
    outcomes: {
      ...reachOutcomes('name server'),
      'not-tested': outcome('not-tested', 'No name server has an IPv6 address: required, 0 points.'),
    },
  },
  {
    name: 'web_ipv6_ws_address',
    reportKey: 'web_aaaa',
    level: 'required',
    outcomes: { good: good('The domain has an AAAA record.'), bad: bad('No AAAA record.') },
  },
  {
    name: 'web_ipv6_ws_reach',
    reportKey: 'web_reach',
    level: 'required',
    scoreField: 'web_score',
    partialScore: reachPartial('web_score'),
    outcomes: reachOutcomes('web server address (ports 80 and 443)'),
  },
  {
    name: 'web_ipv6_ws_similar',
    reportKey: 'web_ipv46',
    level: 'required',
    scoreField: 'web_simhash_score',
    fullPoints: 2,
    outcomes: {
      good: good('The same website over IPv4 and IPv6, status 200-400.'),
      'notice-status-code': outcome('warning', 'The same content, but a 4xx/5xx status; full points (§11.18).', {
        points: 2,
      }),
      notice: outcome('warning', 'The content differs (distance above 10 %); 0 points (§11.3).', { points: 0 }),
      bad: bad('Ports differ, or no response on one family.'),
      'bad-status-codes-differ': outcome('fail', 'The status codes differ between IPv4 and IPv6; keeps 2 points.', {
        points: 2,
        verdict: 'bad',
      }),
      'ipv6-only': outcome('not-applicable', 'An IPv6-only site (no A record): leaves the maximum (20 instead of 22).', {
        verdict: 'not-tested',
      }),
      'not-tested': outcome('not-tested', 'No IPv6 address was reachable: required, 0 points.'),
    },
  },
]);

const webDnssec = subtests('web_dnssec', [
  {
    name: 'web_dnssec_exist',
    reportKey: 'dnssec_exists',
    level: 'required',
    outcomes: dnssecExistOutcomes(),
  },
  {
    name: 'web_dnssec_valid',
    reportKey: 'dnssec_valid',
    level: 'required',
    scoreField: 'score',
    outcomes: dnssecValidOutcomes(),
    notes: 'Emit the DNSSEC state of the SOA lookup as the outcome: it carries the points.',
  },
]);

const webHttps = subtests('web_https', [
  {
    name: 'web_https_http_available',
    reportKey: 'https_exists',
    level: 'required',
    outcomes: {
      good: good('HTTPS is reachable.'),
      bad: bad('No addresses at all.'),
      // Internet.nl shows `error` here (#1145). pastoe keeps `error` for its own failures (a
      // failed vantage point makes the verdict `error`/`vantage` before this check runs), so an
      // address with nothing speaking TLS on 443 is the domain's failure: `fail`, same points (the
      // gate has none, the other subtests are not tested) and the same text verdict.
      other: outcome('fail', 'Nothing speaks TLS on port 443 of a web address: Internet.nl shows error (#1145), pastoe fail.'),
    },
    notes: 'Internet.nl reports `other` as status error; pastoe reports fail, so that the domain, not the scanner, is blamed.',
  },
  {
    name: 'web_https_http_redirect',
    reportKey: 'https_forced',
    level: 'required',
    scoreField: 'forced_https_score',
    outcomes: {
      good: good('HTTP redirects first to HTTPS on the same host.'),
      other: outcome('pass', 'HTTPS only, no HTTP; full points.'),
      bad: bad('No redirect, or the first hop is not to https on the same host.'),
      'no-https': outcome('not-tested', 'The HTTPS request itself failed (#1130).', { overrideMandatory: false }),
    },
  },
  {
    name: 'web_https_http_compress',
    reportKey: 'http_compression',
    level: 'optional',
    scoreField: 'http_compression_score',
    outcomes: { good: good('No HTTP compression.'), bad: bad('HTTP compression (BREACH).') },
  },
  {
    name: 'web_https_http_hsts',
    reportKey: 'https_hsts',
    level: 'required',
    scoreField: 'hsts_score',
    outcomes: {
      good: good('HSTS with max-age of at least one year.'),
      other: outcome('fail', 'HSTS with max-age below one year (including 0); 2 points.', { points: 2 }),
      bad: bad('No HSTS header, or max-age missing or unparsable.'),
    },
  },
  {
    name: 'web_https_tls_version',
    reportKey: 'tls_version',
    level: 'required',
    scoreField: 'protocols_score',
    outcomes: tlsVersionOutcomes(10),
  },
  {
    name: 'web_https_tls_ciphers',
    reportKey: 'tls_ciphers',
    level: 'required',
    scoreField: 'ciphers_score',
    outcomes: cipherOutcomes(10),
  },
  {
    name: 'web_https_tls_cipherorder',
    reportKey: 'tls_cipher_order',
    level: 'required',
    scoreField: 'cipher_order_score',
    outcomes: cipherOrderOutcomes(),
  },
  {
    name: 'web_https_tls_keyexchange',
    reportKey: 'fs_params',
    level: 'required',
    scoreField: 'fs_score',
    outcomes: keyExchangeOutcomes(10),
  },
  {
    name: 'web_https_tls_keyexchangehash',
    reportKey: 'kex_hash_func',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'kex_hash_func_score',
    outcomes: kexHashOutcomes(10),
  },
  {
    name: 'web_https_tls_compress',
    reportKey: 'tls_compression',
    level: 'required',
    scoreField: 'compression_score',
    outcomes: compressionOutcomes(),
  },
  {
    name: 'web_https_tls_secreneg',
    reportKey: 'renegotiation_secure',
    level: 'required',
    scoreField: 'secure_reneg_score',
    outcomes: secureRenegOutcomes(),
  },
  {
    name: 'web_https_tls_clientreneg',
    reportKey: 'renegotiation_client',
    level: 'optional',
    scoreField: 'client_reneg_score',
    outcomes: clientRenegOutcomes(10),
  },
  {
    name: 'web_https_tls_extendedmastersecret',
    reportKey: 'extended_master_secret',
    level: 'optional',
    raise: { level: 'required', when: 'the server offers TLS 1.2' },
    scoreField: 'extended_master_secret_score',
    outcomes: emsOutcomes(),
  },
  {
    name: 'web_https_tls_0rtt',
    reportKey: 'zero_rtt',
    level: 'required',
    scoreField: 'zero_rtt_score',
    outcomes: {
      good: good('Early data is refused (or answered with 425).'),
      na: outcome('pass', 'No TLS 1.3.'),
      bad: bad('Early data is accepted.'),
    },
  },
  {
    name: 'web_https_tls_ocsp',
    reportKey: 'ocsp_stapling',
    level: 'recommended',
    scoreField: 'ocsp_stapling_score',
    outcomes: {
      good: good('A trusted OCSP response is stapled.'),
      bad: bad('A stapled OCSP response that is not trusted.'),
      ok: outcome('info', 'No OCSP stapling; full points (OCSP_OK equals FULL).', { points: 10 }),
      'not-in-cert': outcome('not-tested', 'The leaf has no OCSP URL; counted as good (#1641).', { points: 10 }),
    },
  },
  {
    name: 'web_https_tls_caa',
    reportKey: 'web_caa',
    level: 'recommended',
    scoreField: 'caa_score',
    outcomes: caaOutcomes(10),
    notes: 'Set only when a certificate chain was obtained.',
  },
  {
    name: 'web_https_cert_chain',
    reportKey: 'cert_trust',
    level: 'required',
    scoreField: 'cert_trusted_score',
    outcomes: {
      good: good('The chain verifies against the Mozilla root store.'),
      bad: bad('The chain does not verify.'),
      'could-not-test': outcome('not-tested', 'No chain was received.'),
    },
  },
  {
    name: 'web_https_cert_pubkey',
    reportKey: 'cert_pubkey',
    level: 'required',
    scoreField: 'cert_pubkey_score',
    outcomes: pubkeyOutcomes(10),
  },
  {
    name: 'web_https_cert_sig',
    reportKey: 'cert_signature',
    level: 'required',
    scoreField: 'cert_signature_score',
    outcomes: signatureOutcomes(10),
  },
  {
    name: 'web_https_cert_domain',
    reportKey: 'cert_hostmatch',
    level: 'required',
    scoreField: 'cert_hostmatch_score',
    outcomes: { good: good('The leaf matches the domain.'), bad: bad('The leaf does not match the domain.') },
  },
  {
    name: 'web_https_dane_exist',
    reportKey: 'dane_exists',
    level: 'optional',
    outcomes: {
      good: good('A DNSSEC-secure TLSA record set at _443._tcp.'),
      bad: bad('No TLSA record.'),
      bogus: bad('A bogus TLSA answer or denial.'),
    },
  },
  {
    name: 'web_https_dane_valid',
    reportKey: 'dane_valid',
    level: 'recommended',
    scoreField: 'dane_score',
    outcomes: { good: good('The chain validates against the TLSA records.'), bad: bad('It does not.') },
    notes: 'Evaluated only when DANE exists; otherwise `not-tested`.',
  },
]);

const webAppsecpriv = subtests('web_appsecpriv', [
  {
    name: 'web_appsecpriv_x_frame_options',
    reportKey: 'http_x_frame',
    level: 'optional',
    scoreField: 'x_frame_options_score',
    outcomes: { good: good('DENY or SAMEORIGIN.'), bad: bad('Missing, ALLOW-FROM or another value.') },
  },
  {
    name: 'web_appsecpriv_x_content_type_options',
    reportKey: 'http_x_content_type',
    level: 'recommended',
    scoreField: 'x_content_type_options_score',
    outcomes: { good: good('nosniff.'), bad: bad('Missing or another value.') },
  },
  {
    name: 'web_appsecpriv_csp',
    reportKey: 'http_csp',
    level: 'recommended',
    scoreField: 'content_security_policy_score',
    outcomes: { good: good('A sufficiently strict Content-Security-Policy.'), bad: bad('Missing or too weak.') },
  },
  {
    name: 'web_appsecpriv_referrer_policy',
    reportKey: 'http_referrer_policy',
    level: 'recommended',
    scoreField: 'referrer_policy_score',
    outcomes: {
      good: good('no-referrer or same-origin.'),
      recommendations: outcome('info', 'strict-origin(-when-cross-origin), or none (the browser default).', {
        points: 10,
      }),
      bad: bad('A leaky or invalid last value.'),
    },
  },
  {
    name: 'web_appsecpriv_securitytxt',
    reportKey: 'http_securitytxt',
    level: 'recommended',
    scoreField: 'securitytxt_score',
    outcomes: {
      good: good('A valid security.txt.'),
      recommendations: outcome('info', 'Valid, with recommendations or notifications.', { points: 10 }),
      bad: bad('Missing, or any error.'),
    },
  },
]);

const rpkiSubtests = (prefix: string, pairs: readonly (readonly [string, string, string, string])[]): SubtestInput[] =>
  pairs.flatMap(([kind, existsKey, validKey, fieldPrefix]) => [
    {
      name: `${prefix}${kind}rpki_exists`,
      reportKey: existsKey,
      level: 'required' as const,
      overrideMandatory: false,
      scoreField: `${fieldPrefix}_exists_score`,
      fullPoints: 5,
      outcomes: rpkiExistsOutcomes(5),
    },
    {
      name: `${prefix}${kind}rpki_valid`,
      reportKey: validKey,
      level: 'required' as const,
      overrideMandatory: false,
      scoreField: `${fieldPrefix}_valid_score`,
      fullPoints: 10,
      outcomes: rpkiValidOutcomes(10),
    },
  ]);

const webRpki = subtests(
  'web_rpki',
  rpkiSubtests('web_', [
    ['', 'web_rpki_exists', 'web_rpki_valid', 'web'],
    ['ns_', 'ns_rpki_exists', 'ns_rpki_valid', 'ns'],
  ]),
);

/* ---------------------------------------------------------------- email test */

const mailIpv6 = subtests('mail_ipv6', [
  {
    name: 'mail_ipv6_ns_address',
    reportKey: 'ns_aaaa',
    level: 'required',
    outcomes: nsAddressOutcomes(),
  },
  {
    name: 'mail_ipv6_ns_reach',
    reportKey: 'ns_reach',
    level: 'required',
    scoreField: 'ns_score',
    partialScore: `${reachPartial('ns_score')} A single name server is capped at 5.`,
    outcomes: {
      ...reachOutcomes('name server'),
      'not-tested': outcome('not-tested', 'No name server has an IPv6 address: required, 0 points.'),
    },
  },
  {
    name: 'mail_ipv6_mx_address',
    reportKey: 'mx_aaaa',
    level: 'recommended',
    raise: { level: 'required', when: 'the domain has MX records' },
    outcomes: {
      good: good('Every MX host has an AAAA record.'),
      bad: bad('Some MX host has no AAAA record.'),
      ...noMailServerOutcomes('other', 'No MX records.'),
    },
  },
  {
    name: 'mail_ipv6_mx_reach',
    reportKey: 'mx_reach',
    level: 'recommended',
    raise: { level: 'required', when: 'the domain has MX records (also when none has AAAA: then not tested, 0 points)' },
    scoreField: 'mx_score',
    partialScore: reachPartial('mx_score (port 25)'),
    outcomes: reachOutcomes('MX host (port 25)'),
  },
]);

const mailDnssec = subtests('mail_dnssec', [
  {
    name: 'mail_dnssec_mailto_exist',
    reportKey: 'dnssec_exists',
    level: 'required',
    outcomes: dnssecExistOutcomes(),
  },
  {
    name: 'mail_dnssec_mailto_valid',
    reportKey: 'dnssec_valid',
    level: 'required',
    scoreField: 'score',
    outcomes: dnssecValidOutcomes(),
    notes: 'The mail domain itself; give no subjects (it applies to every server of the minimum).',
  },
  {
    name: 'mail_dnssec_mx_exist',
    reportKey: 'dnssec_mx_exists',
    level: 'recommended',
    raise: REQUIRED_ONCE_TESTED,
    outcomes: {
      ...dnssecExistOutcomes(),
      ...noMailServerOutcomes('no-mailservers', 'No MX records.'),
    },
  },
  {
    name: 'mail_dnssec_mx_valid',
    reportKey: 'dnssec_mx_valid',
    level: 'recommended',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'score',
    countsTowardMax: false,
    outcomes: dnssecValidOutcomes(),
    notes:
      'Give one subject per MX host with its DNSSEC state as outcome: each MX record has its own `score`, and the category takes the minimum over the domain and the MX hosts.',
  },
]);

const mailAuth = subtests('mail_auth', [
  {
    name: 'mail_auth_dmarc_exist',
    reportKey: 'dmarc',
    level: 'required',
    scoreField: 'dmarc_score',
    outcomes: { good: good('Exactly one DMARC record (own or organizational domain).'), bad: bad('None, or several.') },
  },
  {
    name: 'mail_auth_dmarc_policy',
    reportKey: 'dmarc_policy',
    level: 'required',
    scoreField: 'dmarc_policy_score',
    outcomes: {
      good: good('p (or sp on the organizational record) is quarantine or reject.'),
      external: outcome('warning', 'Policy fine, but an external report destination is not authorised; full points.', {
        points: 10,
      }),
      policy: outcome('fail', 'No policy, p=none, or quarantine lowered by t=y; 2 points.', { points: 2 }),
      bad: bad('A syntax error; 0 points.'),
      'not-tested': outcome('not-tested', 'No DMARC record: required, 0 points (§11.23).'),
    },
  },
  {
    name: 'mail_auth_dkim_exist',
    reportKey: 'dkim',
    level: 'required',
    scoreField: 'dkim_score',
    outcomes: {
      good: good('_domainkey exists (NOERROR, with or without data).'),
      bad: bad('NXDOMAIN for _domainkey, or another DNS error.'),
      'no-email': outcome('not-applicable', 'A non-sending domain (DMARC reject, SPF exactly -all): leaves the maximum.', {
        points: 10,
      }),
    },
  },
  {
    name: 'mail_auth_spf_exist',
    reportKey: 'spf',
    level: 'required',
    scoreField: 'spf_score',
    outcomes: { good: good('Exactly one SPF record.'), bad: bad('None, or several.') },
  },
  {
    name: 'mail_auth_spf_policy',
    reportKey: 'spf_policy',
    level: 'required',
    scoreField: 'spf_policy_score',
    outcomes: {
      good: good('~all or -all, within the lookup budget.'),
      all: outcome('fail', '+all, ?all, a bare all, or no all and no redirect; 2 points.', { points: 2 }),
      'max-lookups': outcome('fail', 'More than 10 DNS lookups when following include/redirect; 2 points.', {
        points: 2,
      }),
      include: outcome('fail', 'An include target with a DNS error or +all; 2 points.', { points: 2 }),
      'include-invalid': outcome('fail', 'An include target without exactly one SPF record or with a syntax error.', {
        points: 0,
        verdict: 'include',
      }),
      redirect: outcome('fail', 'A redirect target with a DNS error or +all; 2 points.', { points: 2 }),
      'redirect-invalid': outcome('fail', 'A redirect target without exactly one SPF record or with a syntax error.', {
        points: 0,
        verdict: 'redirect',
      }),
      bad: bad('A syntax error; 0 points.'),
      'not-tested': outcome('not-tested', 'Not exactly one SPF record: required, 0 points.'),
    },
  },
]);

const mailTlsFull = 10;

const mailStarttls = subtests('mail_starttls', [
  {
    name: 'mail_starttls_tls_available',
    reportKey: 'starttls_exists',
    level: 'optional',
    raise: { level: 'required', when: 'the domain has real MX records' },
    scoreField: 'tls_enabled_score',
    outcomes: {
      good: good('Every MX offers STARTTLS.'),
      bad: bad('Some MX offers no STARTTLS (effectively unreachable in the scanner).'),
      other: outcome('error', 'Some mail server is unreachable (category verdict `unreachable`).', { forced: true }),
      'could-not-test': outcome('error', 'No scan result (category verdict `untestable`).', { forced: true }),
      ...noMailServerOutcomes('other-2', 'No MX records (category verdict `no-mx`).'),
    },
  },
  {
    name: 'mail_starttls_tls_version',
    reportKey: 'tls_version',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'protocols_score',
    outcomes: tlsVersionOutcomes(mailTlsFull),
  },
  {
    name: 'mail_starttls_tls_ciphers',
    reportKey: 'tls_ciphers',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'ciphers_score',
    outcomes: cipherOutcomes(mailTlsFull),
  },
  {
    name: 'mail_starttls_tls_cipherorder',
    reportKey: 'tls_cipher_order',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'cipher_order_score',
    outcomes: cipherOrderOutcomes(),
  },
  {
    name: 'mail_starttls_tls_keyexchange',
    reportKey: 'fs_params',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'fs_score',
    outcomes: keyExchangeOutcomes(mailTlsFull),
  },
  {
    name: 'mail_starttls_tls_keyexchangehash',
    reportKey: 'kex_hash_func',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'kex_hash_func_score',
    outcomes: kexHashOutcomes(mailTlsFull),
  },
  {
    name: 'mail_starttls_tls_compress',
    reportKey: 'tls_compression',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'compression_score',
    outcomes: compressionOutcomes(),
  },
  {
    name: 'mail_starttls_tls_secreneg',
    reportKey: 'renegotiation_secure',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'secure_reneg_score',
    outcomes: secureRenegOutcomes(),
  },
  {
    name: 'mail_starttls_tls_clientreneg',
    reportKey: 'renegotiation_client',
    level: 'optional',
    scoreField: 'client_reneg_score',
    outcomes: clientRenegOutcomes(mailTlsFull),
  },
  {
    name: 'mail_starttls_tls_extendedmastersecret',
    reportKey: 'extended_master_secret',
    level: 'optional',
    raise: { level: 'required', when: 'the server offers TLS 1.2' },
    scoreField: 'extended_master_secret_score',
    outcomes: emsOutcomes(),
  },
  {
    name: 'mail_starttls_tls_0rtt',
    reportKey: 'zero_rtt',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'zero_rtt_score',
    outcomes: {
      good: good('Early data is refused.'),
      na: outcome('pass', 'Always, for mail: the early-data probe is disabled (#2055).'),
      bad: bad('Early data is accepted.'),
    },
  },
  {
    name: 'mail_starttls_tls_caa',
    reportKey: 'mail_caa',
    level: 'recommended',
    scoreField: 'caa_score',
    outcomes: caaOutcomes(mailTlsFull),
  },
  {
    name: 'mail_starttls_cert_chain',
    reportKey: 'cert_trust',
    level: 'optional',
    scoreField: 'cert_trusted_score',
    outcomes: {
      good: good('The chain verifies.'),
      bad: bad('The chain does not verify (optional for mail: use DANE).'),
      'could-not-test': outcome('not-tested', 'No chain was received.'),
    },
  },
  {
    name: 'mail_starttls_cert_pubkey',
    reportKey: 'cert_pubkey',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'cert_pubkey_score',
    outcomes: pubkeyOutcomes(mailTlsFull),
  },
  {
    name: 'mail_starttls_cert_sig',
    reportKey: 'cert_signature',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'cert_signature_score',
    outcomes: signatureOutcomes(mailTlsFull),
  },
  {
    name: 'mail_starttls_cert_domain',
    reportKey: 'cert_hostmatch',
    level: 'optional',
    scoreField: 'cert_hostmatch_score',
    outcomes: {
      good: good('The leaf matches the MX host name.'),
      bad: bad('It does not: info, or forced fail when a DANE-TA (usage 2) record exists.'),
    },
    notes: 'With a DANE-TA record, a mismatch is `fail` with `forced: true`; the level stays optional (not scored).',
  },
  {
    name: 'mail_starttls_dane_exist',
    reportKey: 'dane_exists',
    level: 'optional',
    raise: REQUIRED_ONCE_TESTED,
    scoreField: 'dane_score',
    outcomes: {
      good: good('A DNSSEC-secure DANE-TA/EE TLSA record set at _25._tcp (usage 0/1 ignored).'),
      bad: bad('No usable TLSA record (an unsigned MX zone included).'),
      bogus: bad('A bogus TLSA answer or denial.'),
    },
    notes: 'Shares `dane_score` with dane_valid: the field holds the lower of the two, as Internet.nl keeps one column.',
  },
  {
    name: 'mail_starttls_dane_valid',
    reportKey: 'dane_valid',
    level: 'optional',
    raise: { level: 'required', when: 'TLSA records exist' },
    scoreField: 'dane_score',
    outcomes: { good: good('The chain validates against the TLSA records.'), bad: bad('It does not.') },
    notes: 'Without TLSA: `not-tested` and level optional, so dane_score counts once (MAX 130); with TLSA twice (140).',
  },
  {
    name: 'mail_starttls_dane_rollover',
    reportKey: 'dane_rollover',
    level: 'optional',
    outcomes: {
      good: good('Two DANE-EE records, or DANE-EE plus DANE-TA.'),
      bad: bad('No rollover scheme.'),
    },
  },
]);

const mailRpki = subtests(
  'mail_rpki',
  rpkiSubtests('mail_', [
    ['', 'mail_rpki_exists', 'mail_rpki_valid', 'mail'],
    ['ns_', 'ns_rpki_exists', 'ns_rpki_valid', 'ns'],
    ['mx_ns_', 'mail_mx_ns_rpki_exists', 'mail_mx_ns_rpki_valid', 'mx_ns'],
  ]),
);

/** Text verdicts of the mail STARTTLS category by `starttls_exists` outcome (`Probe.get_text_verdict`). */
const mailTlsTextVerdicts = {
  other: 'unreachable',
  'could-not-test': 'untestable',
  'other-2': 'no-mx',
  'null-mx': 'null-mx',
  'no-null-mx': 'no-null-mx',
  'null-mx-with-other-mx': 'null-mx-with-other-mx',
  'null-mx-without-a-aaaa': 'null-mx-without-a-aaaa',
};

/**
 * Every Internet.nl website and email category with its subtests, in Internet.nl's order:
 * levels, score fields, points and the outcome codes pastoe checks emit. Deeply frozen.
 */
export const internetnlCatalogue: readonly InternetNlCategory[] = deepFreeze([
  { id: 'web_ipv6', suite: 'web', aggregation: 'sum', subtests: webIpv6 },
  { id: 'web_dnssec', suite: 'web', aggregation: 'sum', subtests: webDnssec },
  {
    id: 'web_https',
    suite: 'web',
    aggregation: 'min-per-server',
    gate: { test: 'web_https_http_available', statusWhenAlone: true, textVerdicts: { other: 'unreachable' } },
    subtests: webHttps,
  },
  { id: 'web_appsecpriv', suite: 'web', aggregation: 'min-per-server', subtests: webAppsecpriv },
  { id: 'web_rpki', suite: 'web', aggregation: 'sum', subtests: webRpki },
  { id: 'mail_ipv6', suite: 'mail', aggregation: 'sum', subtests: mailIpv6 },
  { id: 'mail_dnssec', suite: 'mail', aggregation: 'min-per-server', subtests: mailDnssec },
  { id: 'mail_auth', suite: 'mail', aggregation: 'sum', subtests: mailAuth },
  {
    id: 'mail_starttls',
    suite: 'mail',
    aggregation: 'min-per-server',
    gate: { test: 'mail_starttls_tls_available', statusWhenAlone: true, textVerdicts: mailTlsTextVerdicts },
    subtests: mailStarttls,
  },
  { id: 'mail_rpki', suite: 'mail', aggregation: 'sum', subtests: mailRpki },
]);

const byName: ReadonlyMap<string, InternetNlSubtest> = new Map(
  internetnlCatalogue.flatMap((category) => category.subtests.map((subtest) => [subtest.name, subtest] as const)),
);

/** The catalogue entry of an Internet.nl subtest, by batch name. */
export function findInternetNlSubtest(name: string): InternetNlSubtest | undefined {
  return byName.get(name);
}

/**
 * Internet.nl's verdict word for an outcome code of a subtest: the code itself unless the
 * catalogue maps a pastoe-only code (e.g. DNSSEC `insecure` → `not-tested`).
 */
export function internetnlVerdict(name: string, outcomeCode: string): string {
  return byName.get(name)?.outcomes[outcomeCode]?.verdict ?? outcomeCode;
}

const categoryOf: ReadonlyMap<string, InternetNlCategory> = new Map(
  internetnlCatalogue.flatMap((category) => category.subtests.map((subtest) => [subtest.name, category] as const)),
);

/** The category an Internet.nl subtest belongs to, by the subtest's batch name. */
export function findInternetNlCategory(name: string): InternetNlCategory | undefined {
  return categoryOf.get(name);
}
