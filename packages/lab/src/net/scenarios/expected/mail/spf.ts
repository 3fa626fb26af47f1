import type { ExpectedSubtests, WebAreaExpectations } from '../types.js';

/** No single SPF record: the policy and the void lookups are not tested. */
const noSingleRecord: ExpectedSubtests = {
  mail_auth_spf_exist: 'fail/bad',
  mail_auth_spf_policy: 'not-tested/not-tested',
  'mail-auth-spf-void-lookups': 'not-tested/not-tested',
};

/** The evaluation ended in another permerror before it could count every void lookup. */
const stopped = 'not-tested/not-tested' as const;

/**
 * SPF of the mail scenarios (`mail_auth_spf_exist`, `mail_auth_spf_policy`) and pastoe's void-lookup
 * check (RFC 7208 §4.6.4, beyond Internet.nl). By default one sound record (`v=spf1 mx -all`, or
 * `v=spf1 -all` without a mail server) whose evaluation makes no void lookup. What is not obvious:
 * - Internet.nl counts no `a:host` term, so 11 of them pass its policy while RFC 7208 receivers
 *   stop at the 10-lookup limit (mail-spf-a-terms.test: a finding gives both counts).
 * - An include loop is cut by Internet.nl's lookup budget: max-lookups.
 * - An include or redirect target that does not exist is Internet.nl's 2-point `include`; one whose
 *   name servers answer SERVFAIL is pastoe's test error, since the failure may be its resolver's.
 * - Three includes of names that do not exist stop the evaluation at the first (an include
 *   without a record is a permerror), before any void lookup: the void check is not tested there;
 *   three `a:` names that do not exist (mail-spf-voids.test) are the void-lookup failure.
 */
export const spfExpectations: WebAreaExpectations = {
  subtests: ['mail_auth_spf_exist', 'mail_auth_spf_policy', 'mail-auth-spf-void-lookups'],
  default: {
    mail_auth_spf_exist: 'pass/good',
    mail_auth_spf_policy: 'pass/good',
    'mail-auth-spf-void-lookups': 'pass/good',
  },
  byDomain: {
    'mail-spf-none.test': noSingleRecord,
    'mail-spf-two.test': noSingleRecord,
    'mail-spf-syntax.test': { mail_auth_spf_policy: 'fail/bad', 'mail-auth-spf-void-lookups': stopped },
    'mail-spf-plus-all.test': { mail_auth_spf_policy: 'fail/all' },
    'mail-spf-neutral-all.test': { mail_auth_spf_policy: 'fail/all' },
    'mail-spf-redirect-all.test': { mail_auth_spf_policy: 'fail/redirect' },
    'mail-spf-redirect-none.test': { mail_auth_spf_policy: 'fail/redirect-invalid', 'mail-auth-spf-void-lookups': stopped },
    'mail-spf-includes.test': { mail_auth_spf_policy: 'fail/max-lookups', 'mail-auth-spf-void-lookups': stopped },
    'mail-spf-a-terms.test': { 'mail-auth-spf-void-lookups': stopped },
    'mail-spf-loop.test': { mail_auth_spf_policy: 'fail/max-lookups', 'mail-auth-spf-void-lookups': stopped },
    // A recommended check's failure is a warning.
    'mail-spf-voids.test': { 'mail-auth-spf-void-lookups': 'warning/bad' },
    'mail-spf-include-nx.test': { mail_auth_spf_policy: 'fail/include', 'mail-auth-spf-void-lookups': stopped },
    'mail-spf-include-bad.test': { mail_auth_spf_policy: 'fail/include-invalid', 'mail-auth-spf-void-lookups': stopped },
    'mail-spf-include-servfail.test': { mail_auth_spf_policy: 'error/error', 'mail-auth-spf-void-lookups': 'error/error' },
  },
};
