import { scan } from '@pastoe/core';
import { webChecks } from '@pastoe/checks-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, startLab } from './lab.js';

let lab: Lab;
beforeAll(async () => {
  const started = performance.now();
  lab = await startLab();
  // The lab is for tests: it starts in well under a second on an idle machine; the bound only
  // catches a start that hangs or does far more work, even on a loaded machine.
  expect(performance.now() - started).toBeLessThan(10_000);
});
afterAll(() => lab?.close());

describe('startLab', () => {
  it('serves the DNSSEC scenarios to pastoe over UDP, TCP and DoH', async () => {
    for (const via of ['udp', 'tcp', 'doh'] as const) {
      const { validator } = lab.transports({ via });
      const secure = await validator.validate('secure-ecdsa.test', 'SOA');
      expect([via, secure.status]).toEqual([via, 'secure']);
      const bogus = await validator.validate('expired.test', 'SOA');
      expect([via, bogus.status, bogus.reason]).toEqual([via, 'bogus', 'signature-expired']);
    }
  });

  it('lets the website DNSSEC checks reach verdicts for the demo domains', async () => {
    const expected: Record<string, [string, string]> = {
      'secure-ecdsa.test': ['pass', 'secure'],
      'insecure.test': ['fail', 'insecure'],
      'expired.test': ['pass', 'bogus'],
      'servfail.test': ['fail', 'dnserror'],
    };
    for (const [domain, [existsStatus, validOutcome]] of Object.entries(expected)) {
      const report = await scan(domain, { checks: webChecks, transports: lab.transports() });
      const exists = report.verdicts.find((v) => v.check === 'web-dnssec-exists');
      const valid = report.verdicts.find((v) => v.check === 'web-dnssec-valid');
      expect([domain, exists?.status]).toEqual([domain, existsStatus]);
      expect([domain, valid?.outcome]).toEqual([domain, validOutcome]);
    }
  });

  it('refuses nothing it needs and everything outside loopback and documentation ranges', () => {
    expect(lab.network.policy.check('127.0.0.1').allowed).toBe(true);
    expect(lab.network.policy.check('192.0.2.10').allowed).toBe(true);
    expect(lab.network.policy.check('10.0.0.1').allowed).toBe(false);
    expect(lab.network.policy.check('8.8.8.8').allowed).toBe(false);
    expect(lab.trustAnchors).toMatch(/^\. (\d+ )?IN DS \d+ 13 2 [0-9A-F]+/);
  });
});
