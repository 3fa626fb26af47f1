import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, startLab } from './lab.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
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

  it('refuses nothing it needs and everything outside loopback and documentation ranges', () => {
    expect(lab.network.policy.check('127.0.0.1').allowed).toBe(true);
    expect(lab.network.policy.check('192.0.2.10').allowed).toBe(true);
    expect(lab.network.policy.check('10.0.0.1').allowed).toBe(false);
    expect(lab.network.policy.check('8.8.8.8').allowed).toBe(false);
    expect(lab.trustAnchors).toMatch(/^\. (\d+ )?IN DS \d+ 13 2 [0-9A-F]+/);
  });
});
