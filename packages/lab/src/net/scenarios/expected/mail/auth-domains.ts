/**
 * The mail scenarios that exist for the SPF and DMARC subtests (catalogue.ts, the "SPF and DMARC"
 * block): DNS only, on the hosted MX of mail-modern.test, so every other area expects of them
 * what it expects of mail-modern.test's MX.
 */

/** The scenarios that vary the SPF record; they publish no DMARC record. */
export const spfScenarioDomains = [
  'mail-spf-none.test',
  'mail-spf-two.test',
  'mail-spf-syntax.test',
  'mail-spf-plus-all.test',
  'mail-spf-neutral-all.test',
  'mail-spf-softfail.test',
  'mail-spf-redirect.test',
  'mail-spf-redirect-all.test',
  'mail-spf-redirect-none.test',
  'mail-spf-includes.test',
  'mail-spf-a-terms.test',
  'mail-spf-loop.test',
  'mail-spf-voids.test',
  'mail-spf-two-voids.test',
  'mail-spf-include-nx.test',
  'mail-spf-include-bad.test',
  'mail-spf-include-servfail.test',
] as const;

/** The scenarios that vary the DMARC record (and the report receivers they name); SPF `v=spf1 mx -all`. */
export const dmarcScenarioDomains = [
  'mail-dmarc-none.test',
  'mail-dmarc-quarantine.test',
  'mail-dmarc-syntax.test',
  'mail-dmarc-two.test',
  'mail-dmarc-org.test',
  'sub.mail-dmarc-org.test',
  'mail-dmarc-reports.test',
  'mail-dmarc-wildcard-reports.test',
  'mail-dmarc-ext-ok.test',
  'mail-dmarc-ext-denied.test',
  'mail-dmarc-ext-wildcard.test',
  'mail-dmarc-servfail.test',
] as const;
