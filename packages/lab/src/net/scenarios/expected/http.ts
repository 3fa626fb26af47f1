import type { ExpectedSubtests, WebAreaExpectations } from './types.js';

/** What a scenario without a usable HTTPS response gets: every header subtest untested. */
const noHttpsResponse: ExpectedSubtests = {
  web_https_http_redirect: 'not-tested/no-https',
  web_https_http_compress: 'not-tested/not-tested',
  web_https_http_hsts: 'not-tested/not-tested',
  web_appsecpriv_x_frame_options: 'not-tested/not-tested',
  web_appsecpriv_x_content_type_options: 'not-tested/not-tested',
  web_appsecpriv_csp: 'not-tested/not-tested',
  web_appsecpriv_referrer_policy: 'not-tested/not-tested',
  'web-cookies': 'not-tested/not-tested',
  'web-corp': 'not-tested/not-tested',
  'web-coop': 'not-tested/not-tested',
};

/**
 * HTTPS enforcement, HSTS, compression and the security headers of the web scenarios: every HTTPS
 * lab site sends good security headers unless its scenario overrides them, and plain HTTP redirects
 * to `https://<domain>/`.
 */
export const httpExpectations: WebAreaExpectations = {
  subtests: [
    'web_https_http_redirect',
    'web_https_http_compress',
    'web_https_http_hsts',
    'web_appsecpriv_x_frame_options',
    'web_appsecpriv_x_content_type_options',
    'web_appsecpriv_csp',
    'web_appsecpriv_referrer_policy',
    'web-https-redirect-downgrade',
    'web-cookies',
    'web-corp',
    'web-coop',
  ],
  default: {
    web_https_http_redirect: 'pass/good',
    web_https_http_compress: 'pass/good',
    web_https_http_hsts: 'pass/good',
    web_appsecpriv_x_frame_options: 'pass/good',
    web_appsecpriv_x_content_type_options: 'pass/good',
    web_appsecpriv_csp: 'pass/good',
    web_appsecpriv_referrer_policy: 'pass/good',
    'web-https-redirect-downgrade': 'pass/good',
    'web-cookies': 'not-applicable/no-cookies',
    'web-corp': 'pass/good',
    'web-coop': 'pass/good',
  },
  byDomain: {
    'legacy.test': { web_https_http_redirect: 'fail/bad', web_https_http_hsts: 'fail/bad' },
    // The scripted TLS servers never complete a handshake, and nothing listens on 443 of http-only.test.
    'ancient.test': noHttpsResponse,
    'weak-kex.test': noHttpsResponse,
    'http-only.test': noHttpsResponse,
    'no-redirect.test': { web_https_http_redirect: 'fail/bad' },
    'redirect-elsewhere.test': { web_https_http_redirect: 'fail/bad' },
    'redirect-www.test': { web_https_http_redirect: 'fail/bad' },
    'https-only.test': { web_https_http_redirect: 'pass/other' },
    'downgrade.test': { 'web-https-redirect-downgrade': 'warning/bad' },
    'hsts-short.test': { web_https_http_hsts: 'fail/other', 'web-cookies': 'pass/good' },
    'hsts-zero.test': { web_https_http_hsts: 'fail/other' },
    'hsts-missing.test': { web_https_http_hsts: 'fail/bad' },
    'hsts-malformed.test': { web_https_http_hsts: 'fail/bad' },
    'hsts-quoted.test': { web_https_http_hsts: 'fail/bad' },
    'headers-missing.test': {
      web_appsecpriv_x_frame_options: 'info/bad',
      web_appsecpriv_x_content_type_options: 'warning/bad',
      web_appsecpriv_csp: 'warning/bad',
      web_appsecpriv_referrer_policy: 'info/recommendations',
      'web-corp': 'info/missing',
      'web-coop': 'info/missing',
    },
    'headers-bad.test': {
      web_appsecpriv_x_frame_options: 'info/bad',
      web_appsecpriv_x_content_type_options: 'warning/bad',
      web_appsecpriv_csp: 'warning/bad',
      web_appsecpriv_referrer_policy: 'warning/bad',
      'web-corp': 'info/cross-origin',
      'web-coop': 'info/unsafe-none',
    },
    'csp-weak.test': { web_appsecpriv_csp: 'warning/bad', web_appsecpriv_referrer_policy: 'info/recommendations' },
    'compressed.test': { web_https_http_compress: 'info/bad' },
    'cookies-bad.test': { 'web-cookies': 'info/bad' },
  },
};
