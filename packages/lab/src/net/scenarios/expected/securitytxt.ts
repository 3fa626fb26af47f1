import type { WebAreaExpectations } from './types.js';

/**
 * security.txt of the web scenarios (`web_appsecpriv_securitytxt`, recommended: a failure shows as
 * `warning`). Most scenarios serve none: `bad`. Where HTTPS does not answer (no listener, or a
 * scripted server that never completes a handshake) it is not tested.
 */
export const securityTxtExpectations: WebAreaExpectations = {
  subtests: ['web_appsecpriv_securitytxt'],
  default: { web_appsecpriv_securitytxt: 'warning/bad' },
  byDomain: {
    // The RPKI scenarios serve modern.test's signed security.txt.
    'rpki-invalid-as.test': { web_appsecpriv_securitytxt: 'pass/good' },
    'rpki-invalid-length.test': { web_appsecpriv_securitytxt: 'pass/good' },
    'rpki-not-found.test': { web_appsecpriv_securitytxt: 'pass/good' },
    'rpki-not-routed.test': { web_appsecpriv_securitytxt: 'pass/good' },
    'modern.test': { web_appsecpriv_securitytxt: 'pass/good' },
    // modern.test's file at both IPv4 addresses.
    'two-ipv4.test': { web_appsecpriv_securitytxt: 'pass/good' },
    'unsigned-modern.test': { web_appsecpriv_securitytxt: 'pass/good' },
    'ancient.test': { web_appsecpriv_securitytxt: 'not-tested/not-tested' },
    'weak-kex.test': { web_appsecpriv_securitytxt: 'not-tested/not-tested' },
    'http-only.test': { web_appsecpriv_securitytxt: 'not-tested/not-tested' },
    'sectxt-unsigned.test': { web_appsecpriv_securitytxt: 'info/recommendations' },
    'sectxt-signed.test': { web_appsecpriv_securitytxt: 'pass/good' },
    'sectxt-redirect.test': { web_appsecpriv_securitytxt: 'pass/good' },
  },
};
