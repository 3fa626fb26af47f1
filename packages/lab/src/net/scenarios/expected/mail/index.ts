/**
 * What pastoe's mail test should conclude of each lab mail scenario, as data: one file per area
 * of the test, merged here. The end-to-end test scans every scenario and compares.
 */
import { expectedWebVerdicts } from '../index.js';
import type { ExpectedSubtests, WebAreaExpectations } from '../types.js';
import { dkimExpectations } from './dkim.js';
import { dmarcExpectations } from './dmarc.js';
import { mtaStsExpectations } from './mta-sts.js';
import { mailIpv6RpkiExpectations } from './ipv6-rpki.js';
import { spfExpectations } from './spf.js';
import { starttlsExpectations } from './starttls.js';

/** Every mail area's expectations. An area joins the list when its checks join the mail preset. */
export const mailExpectationAreas: readonly WebAreaExpectations[] = [
  mailIpv6RpkiExpectations,
  dmarcExpectations,
  dkimExpectations,
  spfExpectations,
  starttlsExpectations,
  mtaStsExpectations,
];

/** The expected verdict of every subtest the mail areas cover, for one mail scenario domain. */
export function expectedMailVerdicts(domain: string, areas: readonly WebAreaExpectations[] = mailExpectationAreas): ExpectedSubtests {
  return expectedWebVerdicts(domain, areas);
}
