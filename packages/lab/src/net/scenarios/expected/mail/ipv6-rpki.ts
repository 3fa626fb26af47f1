import type { WebAreaExpectations } from '../types.js';

/** No mail servers to test: the MX-dependent IPv6 and RPKI subtests, not tested at full points. */
const noMailServers = {
  mail_ipv6_mx_reach: 'not-tested/not-tested',
  mail_rpki_exists: 'not-tested/no-addresses',
  mail_rpki_valid: 'not-tested/not-routed',
  mail_mx_ns_rpki_exists: 'not-tested/no-addresses',
  mail_mx_ns_rpki_valid: 'not-tested/not-routed',
} as const;

/**
 * IPv6 and RPKI of the mail scenarios (the mail test's `mail_ipv6` and `mail_rpki` categories):
 * by default two dual-stack name servers that answer, a dual-stack MX that accepts connections on
 * port 25 over both families, and every address RPKI-valid for AS64500 in the lab's RPKI sources
 * (`lab.rpki`). The shape is the web test's (`WebAreaExpectations`): subtests, defaults, and per
 * scenario domain what differs.
 */
export const mailIpv6RpkiExpectations: WebAreaExpectations = {
  subtests: [
    'mail_ipv6_ns_address',
    'mail_ipv6_ns_reach',
    'mail_ipv6_mx_address',
    'mail_ipv6_mx_reach',
    'mail_rpki_exists',
    'mail_rpki_valid',
    'mail_ns_rpki_exists',
    'mail_ns_rpki_valid',
    'mail_mx_ns_rpki_exists',
    'mail_mx_ns_rpki_valid',
  ],
  default: {
    mail_ipv6_ns_address: 'pass/good',
    mail_ipv6_ns_reach: 'pass/good',
    mail_ipv6_mx_address: 'pass/good',
    mail_ipv6_mx_reach: 'pass/good',
    mail_rpki_exists: 'pass/good',
    mail_rpki_valid: 'pass/good',
    mail_ns_rpki_exists: 'pass/good',
    mail_ns_rpki_valid: 'pass/good',
    mail_mx_ns_rpki_exists: 'pass/good',
    mail_mx_ns_rpki_valid: 'pass/good',
  },
  byDomain: {
    // A Null MX on a domain without an A or AAAA record: Internet.nl calls it unnecessary (info, forced).
    'mail-nullmx.test': { mail_ipv6_mx_address: 'info/null-mx-without-a-aaaa', ...noMailServers },
    'mail-nullmx-with-address.test': { mail_ipv6_mx_address: 'not-tested/null-mx', ...noMailServers },
    // Internet.nl's no-MX verdict; pastoe's Null MX advice is a finding beside it.
    'mail-no-mx.test': { mail_ipv6_mx_address: 'not-tested/other', ...noMailServers },
    // No MX has an AAAA record: reach is not tested, but required (0 points).
    'mail-mx-ipv4-only.test': { mail_ipv6_mx_address: 'fail/bad', mail_ipv6_mx_reach: 'not-tested/not-tested' },
    'mail-mx-ipv6-unreachable.test': { mail_ipv6_mx_reach: 'fail/bad' },
    // The DKIM block's non-sending domain: a Null MX without an address, like mail-nullmx.test.
    'mail-dkim-exempt.test': { mail_ipv6_mx_address: 'info/null-mx-without-a-aaaa', ...noMailServers },
  },
};
