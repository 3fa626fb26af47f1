import type { ExpectedSubtests, WebAreaExpectations } from '../types.js';
import { dmarcScenarioDomains, spfScenarioDomains } from './auth-domains.js';

/** Every STARTTLS subtest not tested: what a domain without a usable mail server gets beside its availability verdict. */
const untested = (available: ExpectedSubtests[string]): ExpectedSubtests => ({
  ...Object.fromEntries(starttlsSubtests.map((name) => [name, 'not-tested/not-tested' as const])),
  mail_starttls_tls_available: available,
});

/** DANE-TA or DANE-EE published and matching, one record: exists and valid, but no rollover scheme. */
const oneDaneRecord: ExpectedSubtests = {
  mail_starttls_dane_exist: 'pass/good',
  mail_starttls_dane_valid: 'pass/good',
  mail_starttls_dane_rollover: 'info/bad',
};

/** DANE-EE for both of mail-modern.test's keys: two `3 1 1` records, a rollover scheme. */
const modernDane: ExpectedSubtests = {
  mail_starttls_dane_exist: 'pass/good',
  mail_starttls_dane_valid: 'pass/good',
  mail_starttls_dane_rollover: 'pass/good',
};

const starttlsSubtests = [
  'mail_starttls_tls_available',
  'mail_starttls_tls_version',
  'mail_starttls_tls_ciphers',
  'mail_starttls_tls_cipherorder',
  'mail_starttls_tls_keyexchange',
  'mail_starttls_tls_keyexchangehash',
  'mail_starttls_tls_compress',
  'mail_starttls_tls_secreneg',
  'mail_starttls_tls_clientreneg',
  'mail_starttls_tls_extendedmastersecret',
  'mail_starttls_tls_0rtt',
  'mail_starttls_tls_caa',
  'mail_starttls_cert_chain',
  'mail_starttls_cert_pubkey',
  'mail_starttls_cert_sig',
  'mail_starttls_cert_domain',
  'mail_starttls_dane_exist',
  'mail_starttls_dane_valid',
  'mail_starttls_dane_rollover',
];

/**
 * STARTTLS, certificates, CAA and DANE of the mail scenarios (catalogue.ts `mailCatalogue`): the
 * default is a node:tls MX with the lab's modern settings, the lab's CAA pair and no TLSA. What is
 * not obvious:
 * - As for the web scenarios, OpenSSL signs a TLS 1.2 key exchange with SHA-224 when a client
 *   offers only SHA-224 (`kex_hash_func` phase-out) and X25519 leaves key exchange `na`.
 * - No STARTTLS, or STARTTLS refused, is Internet.nl's "unreachable": error/other, forced.
 * - A matching TLSA record in an unsigned zone, or only PKIX usages, is no DANE for mail (fail/bad,
 *   required once tested); a broken TLSA signature is `bogus`.
 * - The host mismatch of mail-dane-ta-wrongname.test is forced to fail by its DANE-TA record.
 * - The shared-MX domains name mx.mail-modern.test: the same verdicts, one scan in a bulk run; so
 *   do the SPF and DMARC scenarios (auth-domains.ts).
 */
export const starttlsExpectations: WebAreaExpectations = {
  subtests: starttlsSubtests,
  default: {
    mail_starttls_tls_available: 'pass/good',
    mail_starttls_tls_version: 'pass/good',
    mail_starttls_tls_ciphers: 'pass/good',
    mail_starttls_tls_cipherorder: 'pass/good',
    mail_starttls_tls_keyexchange: 'pass/na',
    mail_starttls_tls_keyexchangehash: 'warning/phase-out',
    mail_starttls_tls_compress: 'pass/good',
    mail_starttls_tls_secreneg: 'pass/good',
    mail_starttls_tls_clientreneg: 'pass/not-allowed',
    mail_starttls_tls_extendedmastersecret: 'pass/good',
    mail_starttls_tls_0rtt: 'pass/na',
    mail_starttls_tls_caa: 'pass/good',
    mail_starttls_cert_chain: 'pass/good',
    mail_starttls_cert_pubkey: 'pass/good',
    mail_starttls_cert_sig: 'pass/good',
    mail_starttls_cert_domain: 'pass/good',
    mail_starttls_dane_exist: 'fail/bad',
    mail_starttls_dane_valid: 'not-tested/not-tested',
    mail_starttls_dane_rollover: 'not-tested/not-tested',
  },
  byDomain: {
    'mail-modern.test': modernDane,
    'mail-shared-a.test': modernDane,
    'mail-shared-b.test': modernDane,
    ...Object.fromEntries([...spfScenarioDomains, ...dmarcScenarioDomains].map((domain) => [domain, modernDane])),
    // The MTA-STS and TLS-RPT scenarios are on the hosted MX too.
    ...Object.fromEntries(
      [
        'mail-mtasts-good.test',
        'mail-mtasts-testing.test',
        'mail-mtasts-mx-mismatch.test',
        'mail-mtasts-404.test',
        'mail-mtasts-wrongname.test',
        'mail-mtasts-noserver.test',
        'mail-mtasts-redirect.test',
        'mail-tlsrpt-malformed.test',
      ].map((domain) => [domain, modernDane]),
    ),
    'mail-nostarttls.test': untested('error/other'),
    'mail-starttls-refused.test': untested('error/other'),
    'mail-nullmx.test': untested('info/null-mx-without-a-aaaa'),
    'mail-nullmx-with-address.test': untested('not-tested/null-mx'),
    'mail-no-mx.test': untested('not-tested/other-2'),
    'mail-legacy.test': {
      mail_starttls_tls_version: 'fail/bad',
      mail_starttls_tls_ciphers: 'fail/bad',
      mail_starttls_tls_keyexchange: 'fail/bad',
      mail_starttls_tls_keyexchangehash: 'fail/bad',
      mail_starttls_tls_clientreneg: 'info/allowed-with-too-high-limit',
      mail_starttls_cert_pubkey: 'warning/phase-out',
    },
    'mail-dane-ta.test': oneDaneRecord,
    'mail-dane-wrong.test': { ...oneDaneRecord, mail_starttls_dane_valid: 'fail/bad' },
    'mail-dane-bogus.test': { mail_starttls_dane_exist: 'fail/bogus' },
    'mail-dane-ta-wrongname.test': { ...oneDaneRecord, mail_starttls_cert_domain: 'fail/bad' },
    // The DKIM scenarios: the hosted MX, and a Null MX on a domain without an address.
    'mail-dkim.test': modernDane,
    'mail-dkim-absent.test': modernDane,
    'mail-dkim-exempt.test': untested('info/null-mx-without-a-aaaa'),
    'mail-dkim-weak.test': modernDane,
    'mail-dkim-revoked.test': modernDane,
    'mail-dkim-wildcard.test': modernDane,
  },
};
