/**
 * The mail test end to end: every lab mail scenario scanned with the mail preset over the lab's
 * transports, and every covered subtest's verdict compared with what the lab's scenario data says
 * it should be (packages/lab/src/net/scenarios/expected/mail/); then the hosted MX shared by
 * several domains, scanned once in a bulk run.
 */
import { mailPreset } from '@pastoe/checks-mail';
import { type Endpoint, type ScanReport, scan, scanMany } from '@pastoe/core';
import {
  countingNetwork,
  describeMismatch,
  expectedMailVerdicts,
  type Lab,
  mailExpectationAreas,
  startLab,
  verdictMismatches,
} from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untranslatedTexts } from '../reporting/untranslated.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const covered = new Set(mailExpectationAreas.flatMap((area) => area.subtests));

/** Every report the tests below scan, for the check that each has text in both languages. */
const scanned: ScanReport[] = [];

/** Connections to port 25: what an MX scan costs. */
const smtp = (endpoint: Endpoint): boolean => endpoint.port === 25;

describe('the mail test of every lab mail scenario', () => {
  it('has scenarios to test', () => {
    expect(lab.mail.length).toBeGreaterThanOrEqual(47);
  });

  it('reaches the expected verdict for every IPv6, RPKI, SPF, DMARC, STARTTLS and DANE subtest of every scenario', async () => {
    const mismatches: string[] = [];
    for (const scenario of lab.mail) {
      const report = await scan(scenario.domain, { preset: mailPreset, transports: lab.transports(), vantage: lab.vantage });
      scanned.push(report);
      const expected = expectedMailVerdicts(scenario.domain);
      for (const name of covered) if (expected[name] === undefined) mismatches.push(`${scenario.domain} ${name}: no expectation`);
      for (const mismatch of verdictMismatches(report.verdicts, expected)) mismatches.push(describeMismatch(scenario.domain, mismatch));
    }
    expect(mismatches).toEqual([]);
  }, 240_000);

  it('scans a hosted MX once in a bulk run of the domains that share it', async () => {
    const alone = countingNetwork(lab.network);
    await scan('mail-modern.test', { preset: mailPreset, transports: lab.transports({ network: alone.network }), vantage: lab.vantage });
    const bulk = countingNetwork(lab.network);
    const domains = ['mail-modern.test', 'mail-shared-a.test', 'mail-shared-b.test'];
    const statuses: string[] = [];
    for await (const result of scanMany(domains, {
      preset: mailPreset,
      transports: lab.transports({ network: bulk.network }),
      vantage: lab.vantage,
      domainConcurrency: 3,
    })) {
      if (result.ok) scanned.push(result.report);
      if (result.ok) statuses.push(result.report.verdicts.find((v) => v.check === 'mail-starttls-tls-version')?.status ?? 'none');
    }
    expect(statuses).toEqual(['pass', 'pass', 'pass']);
    expect(alone.connections(smtp)).toBeGreaterThan(10);
    // Three domains, one MX: the STARTTLS scans and the port-25 reachability test of one domain,
    // both kept per MX address in the run's caches, so no further domain connects to port 25.
    expect(bulk.connections(smtp)).toBe(alone.connections(smtp));
  }, 120_000);

  it('has Dutch and English text for every verdict title and finding of every report scanned above', () => {
    // The reports come from the tests above (run them with this one); none means they did not run.
    expect(scanned.length).toBeGreaterThanOrEqual(47);
    expect(scanned.flatMap(untranslatedTexts)).toEqual([]);
  });
});
