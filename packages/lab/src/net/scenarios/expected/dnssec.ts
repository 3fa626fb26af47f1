import type { WebAreaExpectations } from './types.js';

/** DNSSEC of the web scenarios: every scenario zone is signed under the lab's root, but unsigned-modern.test's. */
export const dnssecExpectations: WebAreaExpectations = {
  subtests: ['web_dnssec_exist', 'web_dnssec_valid'],
  default: { web_dnssec_exist: 'pass/good', web_dnssec_valid: 'pass/secure' },
  byDomain: {
    // pastoe's validator treats RSASHA1 as unsupported (RFC 9905): the zone is insecure.
    'dnssec-rsasha1.test': { web_dnssec_exist: 'fail/bad', web_dnssec_valid: 'not-tested/insecure' },
    // Unsigned: insecure, which Internet.nl scores 2 of 10 (spec §2.2).
    'unsigned-modern.test': { web_dnssec_exist: 'fail/bad', web_dnssec_valid: 'not-tested/insecure' },
  },
};
