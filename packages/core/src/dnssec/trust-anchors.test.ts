import { describe, expect, it } from 'vitest';
import { toHex } from './rdata.js';
import { edeCodeForReason, reasonForEdeCode } from './reasons.js';
import {
  closestTrustAnchor,
  describeTrustAnchors,
  ianaRootTrustAnchors,
  parseTrustAnchors,
  TrustAnchorSyntaxError,
} from './trust-anchors.js';

describe('trust anchors', () => {
  it('carries both IANA root KSKs by default', () => {
    const [root] = parseTrustAnchors(ianaRootTrustAnchors);
    expect(root?.zone).toBe('');
    expect(root?.ds.map((d) => [d.keyTag, d.algorithm, d.digestType])).toEqual([
      [20326, 8, 2],
      [38696, 8, 2],
    ]);
    expect(toHex(root?.ds[0]?.digest ?? new Uint8Array())).toBe('e06d44b80b8f1d39a95c0b0d7c65d08458e880409bbc683457104237c7f8ec8d');
  });

  it('reads Unbound trust-anchor-file syntax: TTL, class, comments, parentheses, DNSKEY', () => {
    const text = [
      '; lab anchors',
      '$ORIGIN test.',
      'lab 3600 IN DS 12345 13 2 (',
      '   AABBCCDD  ; split digest',
      '   EEFF )',
      '@ IN 60 DNSKEY 257 3 15 l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=',
      'example.net. DNSKEY 257 3 13 ( GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edb',
      '  krSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA== )',
    ].join('\n');
    const anchors = parseTrustAnchors(text);
    expect(anchors.map((a) => a.zone)).toEqual(['lab.test', 'test', 'example.net']);
    expect(toHex(anchors[0]?.ds[0]?.digest ?? new Uint8Array())).toBe('aabbccddeeff');
    expect(anchors[1]?.dnskeys[0]?.keyTag).toBe(3613);
    expect(anchors[2]?.dnskeys[0]?.keyTag).toBe(55648);
  });

  it('refuses text that is not DS or DNSKEY records', () => {
    expect(() => parseTrustAnchors('. IN A 192.0.2.1')).toThrow(TrustAnchorSyntaxError);
    expect(() => parseTrustAnchors('. IN DS 1 8 2 zz')).toThrow(/line 1/);
    expect(() => parseTrustAnchors('. IN DS 1 8 2 ( aa')).toThrow(TrustAnchorSyntaxError);
    expect(() => parseTrustAnchors('. CH DS 1 8 2 aa')).toThrow(/not IN/);
  });

  it('finds the closest anchor above a name', () => {
    const anchors = parseTrustAnchors('. DS 1 8 2 aa\ntest. DS 2 8 2 bb');
    expect(closestTrustAnchor(anchors, 'a.b.test')?.zone).toBe('test');
    expect(closestTrustAnchor(anchors, 'example.com')?.zone).toBe('');
    expect(closestTrustAnchor(parseTrustAnchors('test. DS 2 8 2 bb'), 'example.com')).toBeUndefined();
  });
});

describe('reason codes', () => {
  it('map to RFC 8914 Extended DNS Errors', () => {
    expect(edeCodeForReason('signature-expired')).toBe(7);
    expect(edeCodeForReason('signature-not-yet-valid')).toBe(8);
    expect(edeCodeForReason('dnskey-missing')).toBe(9);
    expect(edeCodeForReason('rrsigs-missing')).toBe(10);
    expect(edeCodeForReason('no-zone-key-bit')).toBe(11);
    expect(edeCodeForReason('nsec-missing')).toBe(12);
    expect(edeCodeForReason('ds-mismatch')).toBe(6);
    expect(edeCodeForReason('unsupported-dnskey-algorithm')).toBe(1);
    expect(edeCodeForReason('unsupported-ds-digest')).toBe(2);
    expect(edeCodeForReason('nsec3-iterations-too-high')).toBe(27);
    expect(edeCodeForReason('insecure-delegation')).toBeUndefined();
    expect(reasonForEdeCode(7)).toBe('signature-expired');
    expect(reasonForEdeCode(22)).toBeUndefined();
  });
});

describe('describeTrustAnchors', () => {
  it('writes DS anchors in presentation form with the root as a dot', () => {
    const lines = describeTrustAnchors(parseTrustAnchors(ianaRootTrustAnchors));
    expect(lines).toEqual([
      '. DS 20326 8 2 e06d44b80b8f1d39a95c0b0d7c65d08458e880409bbc683457104237c7f8ec8d',
      '. DS 38696 8 2 683d2d0acb8c9b712a1948b27f741219298d0a450d612c483af444a4c0fb2b16',
    ]);
  });
});
