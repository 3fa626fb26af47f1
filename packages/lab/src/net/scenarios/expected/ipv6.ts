import type { WebAreaExpectations } from './types.js';

const noIpv6 = {
  web_ipv6_ws_address: 'fail/bad',
  web_ipv6_ws_reach: 'not-tested/not-tested',
  web_ipv6_ws_similar: 'not-tested/not-tested',
} as const;
const unreachableIpv6 = { web_ipv6_ws_reach: 'fail/bad', web_ipv6_ws_similar: 'not-tested/not-tested' } as const;

/**
 * IPv6 of the web scenarios: by default two dual-stack name servers that answer, and the same
 * site on an IPv4 and an IPv6 address (scenarios whose HTTPS never completes a handshake still
 * serve the same HTTP page on both).
 */
export const ipv6Expectations: WebAreaExpectations = {
  subtests: ['web_ipv6_ns_address', 'web_ipv6_ns_reach', 'web_ipv6_ws_address', 'web_ipv6_ws_reach', 'web_ipv6_ws_similar'],
  default: {
    web_ipv6_ns_address: 'pass/good',
    web_ipv6_ns_reach: 'pass/good',
    web_ipv6_ws_address: 'pass/good',
    web_ipv6_ws_reach: 'pass/good',
    web_ipv6_ws_similar: 'pass/good',
  },
  byDomain: {
    'ipv6-none.test': noIpv6,
    'ipv6-mapped.test': noIpv6,
    'ipv6-unreachable.test': unreachableIpv6,
    'ipv6-other-content.test': { web_ipv6_ws_similar: 'warning/notice' },
    'ipv6-only.test': { web_ipv6_ws_similar: 'not-applicable/ipv6-only' },
    'ns-one-ipv6.test': { web_ipv6_ns_address: 'fail/other' },
    'ns-ipv4-only.test': { web_ipv6_ns_address: 'fail/bad', web_ipv6_ns_reach: 'not-tested/not-tested' },
    'ns-ipv6-silent.test': { web_ipv6_ns_reach: 'fail/bad' },
  },
};
