/**
 * The Internet.nl mail score pastoe should give a few lab mail scenarios (`policies.internetnlMail`),
 * once the mail preset is complete (all 38 subtests, DKIM included). Derived by hand from the
 * points table (spec §6.4) and the formula (§6.1): a category's percentage is int(100 × RAW / MAX),
 * the score is int(mean) over the categories whose MAX is above 0.
 *
 * What every scenario here shares: a signed zone, name servers with IPv6 that answer, valid ROAs
 * (mail_ipv6 NS part 10/10, mail_dnssec 10/10, mail_rpki 45/45 → 100), SPF `v=spf1 mx -all` (or
 * `-all` without a mail server of its own: 10 + 10). mail-modern.test and mail-dane-pkix.test
 * publish a DKIM key; the others publish no `_domainkey` name, so `mail_auth_dkim_exist` is
 * `fail`/`bad` (dkim_score 0 of 10), the non-sending exemption aside (it needs DMARC `p=reject` and
 * SPF exactly `v=spf1 -all`, which no scenario here has together).
 *
 * - mail-modern.test: DMARC `p=reject` (10 + 10), DKIM 10, SPF 20 → auth 50/50 = 100. IPv6 20/20,
 *   STARTTLS with DANE: the twelve scored TLS fields (tls_enabled, protocols, ciphers, cipher
 *   order, fs, kex hash, compression, secure reneg, EMS, 0-RTT, pubkey, signature) 120 plus
 *   dane_score twice (exists and valid) 20 = 140/140 → 100 (the SHA-224 kex hash phase-out is a
 *   warning with full points). int((100 + 100 + 100 + 100 + 100) / 5) = 100.
 * - mail-dane-pkix.test, no DANE for mail (only a PKIX-EE record, which mail ignores), else as
 *   mail-modern: dane_score counted once, 0 → STARTTLS 120/130 = 92. The spec's worked example
 *   (§6.5, no DANE → 98 %): int((100 + 100 + 100 + 92 + 100) / 5) = 98.
 * - mail-nullmx.test, a Null MX without an address: STARTTLS excluded (MAX 0, category not
 *   counted), IPv6 the NS part only (10/10), DNSSEC the domain only (10/10). No DMARC (the lab
 *   publishes none without a mail server): DMARC 0, its policy not tested (required, 0), DKIM 0,
 *   SPF `-all` 20 → auth 20/50 = 40. int((100 + 100 + 40 + 100) / 4) = 85. (Were DKIM exempt
 *   here, auth would be 20/40 = 50 and the score int(350 / 4) = 87; the spec exempts only with
 *   DMARC `p=reject`.)
 * - mail-legacy.test, weak TLS: TLS 1.0 and 1.1 (protocols 0), CBC and RSA key exchange
 *   (ciphers 0, fs 0), a key-exchange hash judged bad (0), no DANE (dane_score 0, once); cipher order, compression,
 *   secure reneg, EMS, 0-RTT, pubkey (RSA-2048 phase-out: full), signature, tls_enabled full: 80/130
 *   = 61. int((100 + 100 + 80 + 61 + 100) / 5) = 88.
 * - mail-nostarttls.test, an MX that offers no STARTTLS: Internet.nl's "unreachable"
 *   (`error`/`other`, forced); only starttls_exists is required then (the other subtests are not
 *   tested and stay optional), so STARTTLS is 0/10 = 0 and counts: int((100 + 100 + 80 + 0 + 100)
 *   / 5) = 76.
 */

/** The expected Internet.nl mail score of one scenario: the percentage and each category's. */
export interface ExpectedMailScore {
  /** The mail test's percentage. */
  readonly percentage: number;
  /** Each category's percentage; `null` for a category left out of the mean (MAX 0). */
  readonly categories: Readonly<Record<string, number | null>>;
}

/** The expected Internet.nl mail score of lab mail scenarios (see the derivation above). */
export const expectedMailScores: Readonly<Record<string, ExpectedMailScore>> = {
  'mail-modern.test': {
    percentage: 100,
    categories: { mail_ipv6: 100, mail_dnssec: 100, mail_auth: 100, mail_starttls: 100, mail_rpki: 100 },
  },
  'mail-dane-pkix.test': {
    percentage: 98,
    categories: { mail_ipv6: 100, mail_dnssec: 100, mail_auth: 100, mail_starttls: 92, mail_rpki: 100 },
  },
  'mail-nullmx.test': {
    percentage: 85,
    categories: { mail_ipv6: 100, mail_dnssec: 100, mail_auth: 40, mail_starttls: null, mail_rpki: 100 },
  },
  'mail-legacy.test': {
    percentage: 88,
    categories: { mail_ipv6: 100, mail_dnssec: 100, mail_auth: 80, mail_starttls: 61, mail_rpki: 100 },
  },
  'mail-nostarttls.test': {
    percentage: 76,
    categories: { mail_ipv6: 100, mail_dnssec: 100, mail_auth: 80, mail_starttls: 0, mail_rpki: 100 },
  },
};
