/**
 * What pastoe's website test should conclude of each lab web scenario, as data: one file per area
 * of the test, merged here. The end-to-end tests scan every scenario and compare.
 */
import { dnssecExpectations } from './dnssec.js';
import { tlsExpectations } from './tls.js';
import { httpExpectations } from './http.js';
import { securityTxtExpectations } from './securitytxt.js';
import { ipv6Expectations } from './ipv6.js';
import { rpkiExpectations } from './rpki.js';
import { dnssecAlgorithmExpectations } from './dnssec-algorithms.js';
import type { ExpectedSubtests, WebAreaExpectations } from './types.js';

export type { ExpectedSubtests, ExpectedVerdict, WebAreaExpectations } from './types.js';

/** Every area's expectations. An area joins the list when its checks join the web preset. */
export const webExpectationAreas: readonly WebAreaExpectations[] = [
  dnssecExpectations,
  tlsExpectations,
  httpExpectations,
  securityTxtExpectations,
  ipv6Expectations,
  rpkiExpectations,
  dnssecAlgorithmExpectations,
];

/** The expected verdict of every subtest the areas cover, for one web scenario domain. */
export function expectedWebVerdicts(domain: string, areas: readonly WebAreaExpectations[] = webExpectationAreas): ExpectedSubtests {
  const merged: Record<string, ExpectedSubtests[string]> = {};
  for (const area of areas) {
    for (const subtest of area.subtests) {
      const expected = area.byDomain[domain]?.[subtest] ?? area.default[subtest];
      if (expected !== undefined) merged[subtest] = expected;
    }
  }
  return merged;
}
