import type { WebAreaExpectations } from './types.js';

/**
 * RPKI of the web scenarios, as the lab's RIPEstat-like and Routinator-like servers describe them
 * (`lab.rpki`): every prefix valid for AS64500 unless the scenario asks otherwise, the lab name
 * server's too.
 */
export const rpkiExpectations: WebAreaExpectations = {
  subtests: ['web_rpki_exists', 'web_rpki_valid', 'web_ns_rpki_exists', 'web_ns_rpki_valid'],
  default: {
    web_rpki_exists: 'pass/good',
    web_rpki_valid: 'pass/good',
    web_ns_rpki_exists: 'pass/good',
    web_ns_rpki_valid: 'pass/good',
  },
  byDomain: {
    // The ROA exists; the route's origin or length breaks it.
    'rpki-invalid-as.test': { web_rpki_valid: 'fail/invalid' },
    'rpki-invalid-length.test': { web_rpki_valid: 'fail/invalid' },
    // No ROA: a warning (Internet.nl's NOTICE, 0 points) and a not-found route.
    'rpki-not-found.test': { web_rpki_exists: 'warning/bad', web_rpki_valid: 'fail/bad' },
    // AS0 ROAs and no route: full points, nothing to validate.
    'rpki-not-routed.test': { web_rpki_valid: 'not-tested/not-routed' },
  },
};
