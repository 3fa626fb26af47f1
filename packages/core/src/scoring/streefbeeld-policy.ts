import { deepFreeze } from './freeze.js';
import type { OutcomeCondition, TargetStandardPolicy, TargetStatePolicy, TargetTestPolicy } from './policy.js';

/*
 * The Forum Standaardisatie "streefbeeld" (target state) for government domains, as a yes/no per
 * standard. Sources (spec §8.3, marked [external] there):
 *
 * - Streefbeeld agreements and deadlines, as summarised by dwarsligger.org (2020) from the Forum
 *   Standaardisatie streefbeeld page: end 2017 DNSSEC, SPF/DKIM/DMARC on all domains; end 2018
 *   HTTPS and HSTS on all websites, TLS per the NCSC TLS guidelines; end 2019 STARTTLS and DANE,
 *   SPF `~all`/`-all` and DMARC `p=quarantine`/`reject`; end 2021 IPv6 next to IPv4.
 * - OBDO "Streefbeeldafspraak RPKI" (OBDO-20230330-Agp-4d): RPKI by the end of 2024.
 * - How the measurement turns Internet.nl results into yes/no: the Internet.nl dashboard / web
 *   security map code (`websecmap/scanners/scanner/internet_nl_v2_websecmap.py`,
 *   `calculate_forum_standaardisatie_views_web/_mail`): a view passes only when every listed
 *   test has status `passed`, so warning and info do not pass. Its per-view test lists are used
 *   below; the IPv6 and RPKI standards, which those views keep internal or lack, take every test
 *   of the Internet.nl category.
 *
 * Not-applicable rules: DKIM for non-sending domains (`no-email`); STARTTLS, its TLS and DANE when
 * the domain has no mail servers (no MX, a correct Null MX, or a Null MX without A/AAAA); MX parts
 * of DNSSEC and IPv6 likewise; RPKI parts without addresses or routes (Internet.nl gives them full
 * points). A Null MX next to real MX records is a misconfiguration and is not exempt.
 */

const STREEFBEELD_2017 = 'Forum Standaardisatie streefbeeld, deadline end 2017 (summary: dwarsligger.org, 2020)';
const STREEFBEELD_2018 = 'Forum Standaardisatie streefbeeld, deadline end 2018 (summary: dwarsligger.org, 2020)';
const STREEFBEELD_2019 = 'Forum Standaardisatie streefbeeld, deadline end 2019 (summary: dwarsligger.org, 2020)';
const STREEFBEELD_2021 = 'Forum Standaardisatie streefbeeld, deadline end 2021 (OBDO; Internet.nl news)';
const RPKI_2024 = 'OBDO-20230330-Agp-4d-Streefbeeldafspraak-RPKI: deadline end 2024';
const views = (names: string) => `Internet.nl dashboard, internet_nl_v2_websecmap.py calculate_forum_standaardisatie_views: ${names}`;

const test = (name: string, extra: Omit<TargetTestPolicy, 'name'> = {}): TargetTestPolicy => ({ name, ...extra });
const when = (testName: string, outcomes: readonly string[]): OutcomeCondition => ({ test: testName, outcomes });

/** `mail_starttls_tls_available` outcomes that mean: no mail servers to test. */
const noMailServers = ['other-2', 'null-mx', 'no-null-mx', 'null-mx-without-a-aaaa'];
const noMail = [when('mail_starttls_tls_available', noMailServers)];
const noMxDnssec = [when('mail_dnssec_mx_exist', ['no-mailservers', 'null-mx', 'no-null-mx', 'null-mx-without-a-aaaa'])];
const noMxIpv6 = [when('mail_ipv6_mx_address', ['other', 'null-mx', 'no-null-mx', 'null-mx-without-a-aaaa'])];

const rpkiTests = (pairs: readonly string[]): TargetTestPolicy[] =>
  pairs.flatMap((prefix) => [
    test(`${prefix}rpki_exists`, { skipWhen: [when(`${prefix}rpki_exists`, ['no-addresses'])] }),
    test(`${prefix}rpki_valid`, { skipWhen: [when(`${prefix}rpki_valid`, ['not-routed'])] }),
  ]);

const web: readonly TargetStandardPolicy[] = [
  {
    id: 'web-https',
    standard: 'https',
    description: 'HTTPS is available and HTTP redirects to it.',
    sources: [STREEFBEELD_2018, views('web_legacy_tls_available, web_legacy_https_enforced')],
    tests: [test('web_https_http_available'), test('web_https_http_redirect')],
  },
  {
    id: 'web-hsts',
    standard: 'hsts',
    description: 'HSTS with a max-age of at least one year.',
    sources: [STREEFBEELD_2018, views('web_legacy_hsts')],
    tests: [test('web_https_http_hsts')],
  },
  {
    id: 'web-tls-ncsc',
    standard: 'tls',
    description: 'TLS configured per the NCSC TLS guidelines.',
    sources: [STREEFBEELD_2018, views('web_legacy_tls_ncsc_web')],
    tests: [
      'web_https_tls_version',
      'web_https_tls_ciphers',
      'web_https_tls_keyexchange',
      'web_https_tls_compress',
      'web_https_tls_secreneg',
      'web_https_tls_clientreneg',
      'web_https_cert_chain',
      'web_https_cert_pubkey',
      'web_https_cert_sig',
      'web_https_cert_domain',
    ].map((name) => test(name)),
  },
  {
    id: 'web-dnssec',
    standard: 'dnssec',
    description: 'The domain is DNSSEC-signed and validates.',
    sources: [STREEFBEELD_2017, views('web_legacy_dnssec')],
    tests: [test('web_dnssec_exist'), test('web_dnssec_valid')],
  },
  {
    id: 'web-rpki',
    standard: 'rpki',
    description: 'ROAs exist and routes are RPKI-valid for the web server and name server addresses.',
    sources: [RPKI_2024],
    tests: rpkiTests(['web_', 'web_ns_']),
  },
  {
    id: 'web-ipv6',
    standard: 'ipv6',
    description: 'Name servers and web server reachable over IPv6, with the same website.',
    sources: [STREEFBEELD_2021, views('web_legacy_ipv6_nameserver, web_legacy_ipv6_webserver (internal)')],
    tests: ['web_ipv6_ns_address', 'web_ipv6_ns_reach', 'web_ipv6_ws_address', 'web_ipv6_ws_reach', 'web_ipv6_ws_similar'].map((name) =>
      test(name),
    ),
  },
];

const mail: readonly TargetStandardPolicy[] = [
  {
    id: 'mail-dmarc',
    standard: 'dmarc',
    description: 'A DMARC record with policy quarantine or reject.',
    sources: [STREEFBEELD_2017, STREEFBEELD_2019, views('mail_legacy_dmarc, mail_legacy_dmarc_policy')],
    // The dashboard judges "policy only": an unauthorised external report address does not count.
    tests: [test('mail_auth_dmarc_exist'), test('mail_auth_dmarc_policy', { acceptOutcomes: ['external'] })],
  },
  {
    id: 'mail-spf',
    standard: 'spf',
    description: 'An SPF record ending in ~all or -all.',
    sources: [STREEFBEELD_2017, STREEFBEELD_2019, views('mail_legacy_spf, mail_legacy_spf_policy')],
    tests: [test('mail_auth_spf_exist'), test('mail_auth_spf_policy')],
  },
  {
    id: 'mail-dkim',
    standard: 'dkim',
    description: 'DKIM, unless the domain sends no mail.',
    sources: [STREEFBEELD_2017, views('mail_legacy_dkim (not applicable for mail_non_sending_domain)')],
    tests: [test('mail_auth_dkim_exist')],
    notApplicableWhen: [when('mail_auth_dkim_exist', ['no-email'])],
  },
  {
    id: 'mail-starttls',
    standard: 'starttls',
    description: 'Every mail server offers STARTTLS.',
    sources: [STREEFBEELD_2019, views('mail_legacy_start_tls')],
    tests: [test('mail_starttls_tls_available')],
    notApplicableWhen: noMail,
  },
  {
    id: 'mail-tls-ncsc',
    standard: 'tls',
    description: 'STARTTLS configured per the NCSC TLS guidelines.',
    sources: [STREEFBEELD_2019, views('mail_legacy_start_tls_ncsc')],
    tests: [
      test('mail_starttls_tls_available'),
      test('mail_starttls_tls_version'),
      test('mail_starttls_tls_ciphers'),
      test('mail_starttls_tls_keyexchange'),
      test('mail_starttls_tls_compress'),
      test('mail_starttls_tls_secreneg'),
      test('mail_starttls_cert_pubkey'),
      test('mail_starttls_cert_sig'),
      // Counts only where a DANE-TA record makes the host name matter (the check then forces it).
      test('mail_starttls_cert_domain', { onlyWhenRequired: true }),
    ],
    notApplicableWhen: noMail,
  },
  {
    id: 'mail-dane',
    standard: 'dane',
    description: 'DANE TLSA records exist for every mail server and validate.',
    sources: [STREEFBEELD_2019, views('mail_legacy_dane')],
    tests: [test('mail_starttls_dane_exist'), test('mail_starttls_dane_valid')],
    notApplicableWhen: noMail,
  },
  {
    id: 'mail-dnssec',
    standard: 'dnssec',
    description: 'The mail domain and the MX domains are DNSSEC-signed and validate.',
    sources: [STREEFBEELD_2017, views('mail_legacy_dnssec_mx, DNSSEC of the mail domain (internal)')],
    tests: [
      test('mail_dnssec_mailto_exist'),
      test('mail_dnssec_mailto_valid'),
      test('mail_dnssec_mx_exist', { skipWhen: noMxDnssec }),
      test('mail_dnssec_mx_valid', { skipWhen: noMxDnssec }),
    ],
  },
  {
    id: 'mail-rpki',
    standard: 'rpki',
    description: 'ROAs exist and routes are RPKI-valid for mail servers and name servers.',
    sources: [RPKI_2024],
    tests: rpkiTests(['mail_', 'mail_ns_', 'mail_mx_ns_']),
  },
  {
    id: 'mail-ipv6',
    standard: 'ipv6',
    description: 'Name servers and mail servers reachable over IPv6.',
    sources: [STREEFBEELD_2021, views('IPv6 name servers and mail servers (internal)')],
    tests: [
      test('mail_ipv6_ns_address'),
      test('mail_ipv6_ns_reach'),
      test('mail_ipv6_mx_address', { skipWhen: noMxIpv6 }),
      test('mail_ipv6_mx_reach', { skipWhen: noMxIpv6 }),
    ],
  },
];

/**
 * The Forum Standaardisatie streefbeeld: does the domain meet the target state, standard by
 * standard? A standard is met only when every listed test has status `pass`; see the source
 * comment of this module for the sources and the not-applicable rules.
 */
export const streefbeeldPolicy: TargetStatePolicy = deepFreeze({
  kind: 'target-state',
  id: 'streefbeeld',
  description: 'Forum Standaardisatie streefbeeld: yes/no per standard, every listed Internet.nl test passed.',
  suites: [
    { id: 'web', standards: web },
    { id: 'mail', standards: mail },
  ],
});
