import { createResolver } from '@pastoe/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, startLab } from '../lab.js';
import { type LyingResolver, startLyingResolver } from './lying-resolver.js';

let lab: Lab;
let liar: LyingResolver;
beforeAll(async () => {
  [lab, liar] = await Promise.all([startLab({ services: false }), startLyingResolver()]);
});
afterAll(async () => {
  await Promise.all([lab?.close(), liar?.close()]);
});

describe('startLyingResolver', () => {
  it('answers NXDOMAIN to every question, the root included, over UDP, TCP and DoH', async () => {
    const before = liar.queries;
    for (const spec of [liar.resolverUrl, liar.tcpUrl, liar.dohUrl]) {
      const resolver = createResolver(spec, { network: lab.network, tls: { ca: liar.caCertificatePem }, cache: false, retries: 0 });
      try {
        for (const [name, type] of [
          ['.', 'NS'],
          ['secure-ecdsa.test', 'SOA'],
          ['example.nl', 'A'],
        ] as const) {
          const result = await resolver.query({ name, type });
          expect(result.ok && [spec, name, result.message.rcode, result.message.answers.length]).toEqual([spec, name, 'NXDOMAIN', 0]);
          // The question is echoed, so a client that checks it accepts the lie.
          expect(result.ok && result.message.question[0]?.type).toBe(type);
        }
      } finally {
        await resolver.close();
      }
    }
    expect(liar.queries - before).toBe(9);
  });

  it('gives another error code to everything when asked, and closes cleanly', async () => {
    const refusing = await startLyingResolver({ answer: 'REFUSED' });
    const resolver = createResolver(refusing.resolverUrl, { network: lab.network, cache: false, retries: 0 });
    try {
      const result = await resolver.query({ name: '.', type: 'NS' });
      expect(result.ok && result.message.rcode).toBe('REFUSED');
    } finally {
      await resolver.close();
      await refusing.close();
      await refusing.close();
    }
  });
});
