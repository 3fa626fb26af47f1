import type { WebAreaExpectations } from './types.js';

/**
 * DNSSEC algorithm and digest quality of the web scenarios (`web-dnssec-algorithms`, pastoe's own
 * recommended check: a failure shows as `warning`, its outcome says how bad). Every scenario zone
 * is signed with ECDSA P-256 and a SHA-256 DS unless its `dnssec` says otherwise.
 */
export const dnssecAlgorithmExpectations: WebAreaExpectations = {
  subtests: ['web-dnssec-algorithms'],
  default: { 'web-dnssec-algorithms': 'pass/good' },
  byDomain: {
    // RSASHA1 must not sign (RFC 9905); pastoe's validator treats it as unsupported, so the zone
    // is insecure, and this check says why.
    'dnssec-rsasha1.test': { 'web-dnssec-algorithms': 'warning/bad' },
    'dnssec-rsa1024.test': { 'web-dnssec-algorithms': 'warning/phase-out' },
    'dnssec-ds-sha1.test': { 'web-dnssec-algorithms': 'warning/bad' },
    // Unsigned: nothing to judge (the DNSSEC checks say so).
    'unsigned-modern.test': { 'web-dnssec-algorithms': 'not-applicable/insecure' },
  },
};
