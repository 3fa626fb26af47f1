import type { ExpectedSubtests, WebAreaExpectations } from '../types.js';

const mtaStsChecks = ['mail-mta-sts', 'mail-tls-rpt'];

/** A domain that receives no mail (Null MX, no MX): neither check applies. */
const noMail: ExpectedSubtests = { 'mail-mta-sts': 'not-tested/no-mail-servers', 'mail-tls-rpt': 'not-tested/no-mail-servers' };

/** A record whose policy senders cannot use: a failure, shown as a warning at the recommended level. */
const unavailable: ExpectedSubtests = { 'mail-mta-sts': 'warning/policy-unavailable' };

/**
 * MTA-STS and TLS-RPT of the mail scenarios (pastoe's own recommended checks, outside Internet.nl's
 * score). A domain that publishes neither gets `info/absent`; a failure of a recommended check
 * shows as `warning` (its raw status `fail` is kept in the verdict's `rawStatus`). What is not
 * obvious:
 * - The policy of mail-mtasts-redirect.test redirects to the good domain's policy: senders must
 *   not follow it (RFC 8461 §3.3), so it counts as no policy.
 * - mail-mtasts-noserver.test has a record but `mta-sts.<domain>` has no address.
 */
export const mtaStsExpectations: WebAreaExpectations = {
  subtests: mtaStsChecks,
  default: { 'mail-mta-sts': 'info/absent', 'mail-tls-rpt': 'info/absent' },
  byDomain: {
    'mail-nullmx.test': noMail,
    'mail-nullmx-with-address.test': noMail,
    'mail-dkim-exempt.test': noMail,
    'mail-no-mx.test': noMail,
    'mail-mtasts-good.test': { 'mail-mta-sts': 'pass/good', 'mail-tls-rpt': 'pass/good' },
    'mail-mtasts-testing.test': { 'mail-mta-sts': 'warning/testing' },
    'mail-mtasts-mx-mismatch.test': { 'mail-mta-sts': 'warning/mx-not-covered' },
    'mail-mtasts-404.test': unavailable,
    'mail-mtasts-wrongname.test': unavailable,
    'mail-mtasts-noserver.test': unavailable,
    'mail-mtasts-redirect.test': unavailable,
    'mail-tlsrpt-malformed.test': { 'mail-tls-rpt': 'warning/record-invalid' },
  },
};
