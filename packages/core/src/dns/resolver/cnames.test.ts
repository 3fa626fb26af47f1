import { describe, expect, it } from 'vitest';
import type { DnsMessage, DnsRecord } from '../types.js';
import { cacheTtlSeconds } from './cache.js';
import { followCnames, maxCnameChain } from './cnames.js';

const cname = (name: string, target: string, ttl = 300): DnsRecord => ({
  name,
  type: 'CNAME',
  class: 'IN',
  ttl,
  data: { type: 'CNAME', target },
});
const a = (name: string, address: string, ttl = 300): DnsRecord => ({ name, type: 'A', class: 'IN', ttl, data: { type: 'A', address } });
const soa = (ttl: number, minimum: number): DnsRecord => ({
  name: 'example',
  type: 'SOA',
  class: 'IN',
  ttl,
  data: { type: 'SOA', mname: 'ns.example', rname: 'h.example', serial: 1, refresh: 1, retry: 1, expire: 1, minimum },
});

function message(
  answers: DnsRecord[],
  rcode: DnsMessage['rcode'] = 'NOERROR',
  authority: DnsRecord[] = [],
  name = 'www.example',
): DnsMessage {
  return {
    id: 1,
    rcode,
    flags: { aa: false, tc: false, rd: true, ra: true, ad: false, cd: false },
    question: [{ name, type: 'A', class: 'IN' }],
    answers,
    authority,
    additional: [],
  };
}

describe('followCnames', () => {
  it('returns the records when there is no CNAME', () => {
    const m = message([a('www.example', '192.0.2.1')]);
    expect(followCnames(m, 'WWW.Example.', 'A')).toEqual({ chain: [], finalName: 'www.example', records: [a('www.example', '192.0.2.1')] });
  });

  it('follows a chain in any order in the answer section', () => {
    const m = message([a('c.example', '192.0.2.3'), cname('b.example', 'c.example'), cname('www.example', 'b.example')]);
    const result = followCnames(m, 'www.example', 'A');
    expect(result.chain.map((r) => r.name)).toEqual(['www.example', 'b.example']);
    expect(result.finalName).toBe('c.example');
    expect(result.records).toEqual([a('c.example', '192.0.2.3')]);
    expect(result.error).toBeUndefined();
  });

  it('ends with no records when the chain leaves the answer section', () => {
    const result = followCnames(message([cname('www.example', 'elsewhere.example')]), 'www.example', 'A');
    expect(result).toEqual({ chain: [cname('www.example', 'elsewhere.example')], finalName: 'elsewhere.example', records: [] });
  });

  it('detects a loop', () => {
    const result = followCnames(message([cname('www.example', 'b.example'), cname('b.example', 'www.example')]), 'www.example', 'A');
    expect(result.error).toBe('loop');
    expect(result.records).toEqual([]);
  });

  it('stops a chain longer than the limit', () => {
    const records = Array.from({ length: maxCnameChain + 2 }, (_, i) => cname(`n${i}.example`, `n${i + 1}.example`));
    const result = followCnames(message(records, 'NOERROR', [], 'n0.example'), 'n0.example', 'A');
    expect(result.error).toBe('too-long');
    expect(result.chain).toHaveLength(maxCnameChain);
  });

  it('returns the CNAME itself when CNAME is asked', () => {
    const m = message([cname('www.example', 'b.example'), a('b.example', '192.0.2.2')]);
    expect(followCnames(m, 'www.example', 'CNAME').records).toEqual([cname('www.example', 'b.example')]);
  });
});

describe('cacheTtlSeconds', () => {
  it('uses the smallest answer TTL for a positive answer', () => {
    expect(cacheTtlSeconds(message([cname('www.example', 'b.example', 50), a('b.example', '192.0.2.1', 300)]), 'A')).toBe(50);
  });

  it('uses min(SOA TTL, SOA minimum) for NXDOMAIN and NODATA, and the CNAME TTL when lower', () => {
    expect(cacheTtlSeconds(message([], 'NXDOMAIN', [soa(3600, 60)]), 'A')).toBe(60);
    expect(cacheTtlSeconds(message([], 'NOERROR', [soa(20, 600)]), 'A')).toBe(20);
    expect(cacheTtlSeconds(message([cname('www.example', 'b.example', 5)], 'NOERROR', [soa(20, 600)]), 'A')).toBe(5);
  });

  it('does not cache a negative answer without an SOA, nor SERVFAIL, REFUSED or TC', () => {
    expect(cacheTtlSeconds(message([], 'NXDOMAIN'), 'A')).toBe(0);
    expect(cacheTtlSeconds(message([], 'SERVFAIL', [soa(60, 60)]), 'A')).toBe(0);
    expect(cacheTtlSeconds(message([], 'REFUSED'), 'A')).toBe(0);
    expect(
      cacheTtlSeconds(
        { ...message([a('www.example', '192.0.2.1')]), flags: { aa: false, tc: true, rd: true, ra: true, ad: false, cd: false } },
        'A',
      ),
    ).toBe(0);
  });

  it('bounds lifetimes', () => {
    const bounds = { maxTtlSeconds: 100, maxNegativeTtlSeconds: 10 };
    expect(cacheTtlSeconds(message([a('www.example', '192.0.2.1', 86_400)]), 'A', bounds)).toBe(100);
    expect(cacheTtlSeconds(message([], 'NXDOMAIN', [soa(3600, 3600)]), 'A', bounds)).toBe(10);
    expect(cacheTtlSeconds(message([a('www.example', '192.0.2.1', 0)]), 'A', bounds)).toBe(0);
  });
});
