import type { WebAreaExpectations } from '../types.js';

/**
 * DKIM of the mail scenarios (catalogue.ts `mailCatalogue`). Before the DKIM block only
 * mail-modern.test and mail-dane-pkix.test publish a key (so that their mail score can reach the
 * spec's figures); the others publish nothing below `_domainkey`, so Internet.nl's test finds
 * NXDOMAIN and fails them: the
 * domains without a mail server of their own have no DMARC record, so none is exempt as
 * non-sending (that needs DMARC p=reject beside SPF "v=spf1 -all"). A wildcard makes `_domainkey`
 * exist, which Internet.nl counts as DKIM (pastoe keeps the verdict and adds a finding). The
 * selector check is not tested: the mail preset's DKIM probe is given no selectors.
 */
export const dkimExpectations: WebAreaExpectations = {
  subtests: ['mail_auth_dkim_exist', 'mail-auth-dkim-selectors'],
  default: {
    mail_auth_dkim_exist: 'fail/bad',
    'mail-auth-dkim-selectors': 'not-tested/not-tested',
  },
  byDomain: {
    'mail-modern.test': { mail_auth_dkim_exist: 'pass/good' },
    'mail-dane-pkix.test': { mail_auth_dkim_exist: 'pass/good' },
    'mail-dkim.test': { mail_auth_dkim_exist: 'pass/good' },
    'mail-dkim-exempt.test': { mail_auth_dkim_exist: 'not-applicable/no-email' },
    'mail-dkim-weak.test': { mail_auth_dkim_exist: 'pass/good' },
    'mail-dkim-revoked.test': { mail_auth_dkim_exist: 'pass/good' },
    'mail-dkim-wildcard.test': { mail_auth_dkim_exist: 'pass/good' },
  },
};
