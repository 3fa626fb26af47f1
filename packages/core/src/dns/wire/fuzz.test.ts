import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from './message.js';
import { typeBitmapOf } from './type-bitmap.js';

/** mulberry32: a small seeded PRNG so that a failing mutation can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seeds: Uint8Array[] = [
  encodeMessage(
    {
      id: 0x1234,
      flags: { rd: true, ra: true, ad: true },
      question: [{ name: 'www.example', type: 'A' }],
      answers: [
        { name: 'www.example', ttl: 300, data: { type: 'CNAME', target: 'host.example' } },
        { name: 'host.example', ttl: 300, data: { type: 'A', address: '192.0.2.7' } },
        {
          name: 'host.example',
          ttl: 300,
          data: {
            type: 'RRSIG',
            typeCovered: 'A',
            algorithm: 13,
            labels: 2,
            originalTtl: 300,
            expiration: 1_900_000_000,
            inception: 1_800_000_000,
            keyTag: 9,
            signerName: 'example',
            signature: 'AAECAwQF',
          },
        },
      ],
      authority: [
        { name: 'example', ttl: 60, data: { type: 'NS', target: 'ns1.example' } },
        {
          name: 'example',
          ttl: 60,
          data: { type: 'SOA', mname: 'ns1.example', rname: 'h.example', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 },
        },
        {
          name: 'a.example',
          ttl: 60,
          data: { type: 'NSEC', nextDomain: 'c.example', typeBitmap: typeBitmapOf(['A', 'RRSIG', 'NSEC', 'CAA']) },
        },
        {
          name: 'x.example',
          ttl: 60,
          data: {
            type: 'NSEC3',
            hashAlgorithm: 1,
            flags: 0,
            iterations: 0,
            salt: 'ab',
            nextHashedOwner: 'vvvvvvvv',
            typeBitmap: typeBitmapOf(['MX']),
          },
        },
      ],
      additional: [
        { name: 'ns1.example', ttl: 60, data: { type: 'AAAA', address: '2001:db8::1' } },
        { name: 'example', ttl: 60, data: { type: 'MX', preference: 5, exchange: 'mail.example' } },
        { name: 'example', ttl: 60, data: { type: 'TXT', strings: ['v=spf1 -all', 'x'] } },
        {
          name: '_25._tcp.mail.example',
          ttl: 60,
          data: { type: 'TLSA', usage: 3, selector: 1, matchingType: 1, certificateData: 'ab'.repeat(32) },
        },
        { name: 'example', ttl: 60, data: { type: 'CAA', flags: 0, tag: 'issue', value: 'ca.example' } },
        { name: 'example', ttl: 60, data: { type: 'DS', keyTag: 1, algorithm: 13, digestType: 2, digest: 'cd'.repeat(32) } },
        { name: 'example', ttl: 60, data: { type: 'DNSKEY', flags: 257, protocol: 3, algorithm: 13, publicKey: 'AQID' } },
        { name: '_x._tcp.example', ttl: 60, data: { type: 'SRV', priority: 1, weight: 1, port: 1, target: 'host.example' } },
      ],
      edns: { dnssecOk: true, extendedErrors: [{ code: 6, text: 'DNSSEC Bogus' }] },
    },
    { compress: true },
  ),
  encodeMessage({ id: 7, rcode: 'NXDOMAIN', question: [{ name: 'nope.example', type: 'TXT' }], edns: {} }),
];

const allowedErrors = new Set(['malformed', 'too-large']);

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = [...bytes];
  const pick = (n: number): number => Math.floor(random() * n);
  const steps = 1 + pick(4);
  for (let step = 0; step < steps; step++) {
    const at = pick(out.length + 1);
    switch (pick(7)) {
      case 0:
        out[at] = pick(256);
        break;
      case 1:
        out[at] = (out[at] ?? 0) ^ (1 << pick(8));
        break;
      case 2:
        out.length = Math.min(out.length, at);
        break;
      case 3:
        out.splice(at, 0, ...Array.from({ length: 1 + pick(8) }, () => pick(256)));
        break;
      case 4:
        // A compression pointer anywhere, to any offset.
        out.splice(at, 2, 0xc0 | pick(64), pick(256));
        break;
      case 5:
        // Inflate a section count.
        out[4 + pick(8)] = pick(256);
        break;
      default:
        out.splice(at, pick(16));
    }
  }
  return Uint8Array.from(out);
}

describe('decodeMessage under random mutation', () => {
  it('seeds decode cleanly', () => {
    for (const seed of seeds) expect(decodeMessage(seed).ok).toBe(true);
  });

  it.each([1, 2, 3, 42])('never throws, only returns typed errors (seed %i)', (seed) => {
    const random = prng(seed);
    let decoded = 0;
    for (let i = 0; i < 4000; i++) {
      const base = seeds[i % seeds.length] as Uint8Array;
      const input = mutate(base, random);
      let result: ReturnType<typeof decodeMessage>;
      try {
        result = decodeMessage(input);
      } catch (caught) {
        throw new Error(
          `decodeMessage threw on seed ${seed} iteration ${i}: ${String(caught)} input=${Buffer.from(input).toString('hex')}`,
        );
      }
      if (result.ok) {
        decoded++;
        // A decoded message must be plain data.
        expect(() => JSON.stringify(result.message)).not.toThrow();
      } else {
        expect(allowedErrors.has(result.error.code)).toBe(true);
        expect(result.error.message).not.toMatch(/^unexpected decoder failure/);
      }
    }
    // Some mutations are harmless (a flipped TTL bit), so both outcomes must occur.
    expect(decoded).toBeGreaterThan(0);
    expect(decoded).toBeLessThan(4000);
  });

  it('never throws on random bytes', () => {
    const random = prng(7);
    for (let i = 0; i < 2000; i++) {
      const input = Uint8Array.from({ length: Math.floor(random() * 300) }, () => Math.floor(random() * 256));
      if (i % 2 === 0 && input.length > 2) input[2] = (input[2] ?? 0) | 0x80;
      const result = decodeMessage(input);
      if (!result.ok) expect(allowedErrors.has(result.error.code)).toBe(true);
    }
  });
});
