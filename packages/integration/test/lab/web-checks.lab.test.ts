/**
 * The website checks of @pastoe/checks-web, run by core's scan() over the lab's transports: the
 * DNSSEC checks reach the verdicts each demo domain is built for.
 */
import { webChecks, webProbes } from '@pastoe/checks-web';
import { scan } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

describe('the website checks against the lab', () => {
  it('lets the website DNSSEC checks reach verdicts for the demo domains', async () => {
    const expected: Record<string, [string, string]> = {
      'secure-ecdsa.test': ['pass', 'secure'],
      'insecure.test': ['fail', 'insecure'],
      'expired.test': ['pass', 'bogus'],
      'servfail.test': ['fail', 'dnserror'],
    };
    for (const [domain, [existsStatus, validOutcome]] of Object.entries(expected)) {
      const report = await scan(domain, { checks: webChecks, probes: webProbes, transports: lab.transports() });
      const exists = report.verdicts.find((v) => v.check === 'web-dnssec-exists');
      const valid = report.verdicts.find((v) => v.check === 'web-dnssec-valid');
      expect([domain, exists?.status]).toEqual([domain, existsStatus]);
      expect([domain, valid?.outcome]).toEqual([domain, validOutcome]);
    }
  });
});
