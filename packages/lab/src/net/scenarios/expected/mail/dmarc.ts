import type { ExpectedSubtests, WebAreaExpectations } from '../types.js';
import { spfScenarioDomains } from './auth-domains.js';

/** No DMARC record: exist fails, the policy stays not tested (0 points). */
const noRecord: ExpectedSubtests = { mail_auth_dmarc_exist: 'fail/bad', mail_auth_dmarc_policy: 'not-tested/not-tested' };

/**
 * DMARC of the mail scenarios (`mail_auth_dmarc_exist`, `mail_auth_dmarc_policy`). A scenario with
 * an MX of its own publishes `v=DMARC1; p=reject; rua=mailto:dmarc@<domain>` by default; the others
 * (Null MX, no MX, the shared-MX domains and the SPF scenarios) publish none. What is not obvious:
 * - sub.mail-dmarc-org.test has no record: its organizational domain's record applies, with its
 *   `sp=none`, which is not enough.
 * - Reports to another organizational domain need `<domain>._report._dmarc.<host>`: published by
 *   mail-dmarc-reports.test for mail-dmarc-ext-ok.test only, and as a wildcard by
 *   mail-dmarc-wildcard-reports.test; without it a warning at full points (`external`).
 * - A DMARC name that answers SERVFAIL (a CNAME into servfail.test) is a test error, never "no record".
 */
export const dmarcExpectations: WebAreaExpectations = {
  subtests: ['mail_auth_dmarc_exist', 'mail_auth_dmarc_policy'],
  default: { mail_auth_dmarc_exist: 'pass/good', mail_auth_dmarc_policy: 'pass/good' },
  byDomain: {
    'mail-nullmx.test': noRecord,
    'mail-nullmx-with-address.test': noRecord,
    'mail-no-mx.test': noRecord,
    'mail-shared-a.test': noRecord,
    'mail-shared-b.test': noRecord,
    ...Object.fromEntries(spfScenarioDomains.map((domain) => [domain, noRecord])),
    'mail-dmarc-none.test': { mail_auth_dmarc_policy: 'fail/policy' },
    'mail-dmarc-syntax.test': { mail_auth_dmarc_policy: 'fail/bad' },
    'mail-dmarc-two.test': noRecord,
    'sub.mail-dmarc-org.test': { mail_auth_dmarc_policy: 'fail/policy' },
    'mail-dmarc-ext-denied.test': { mail_auth_dmarc_policy: 'warning/external' },
    'mail-dmarc-servfail.test': { mail_auth_dmarc_exist: 'error/error', mail_auth_dmarc_policy: 'error/error' },
  },
};
