import { describe, expect, it } from 'vitest';
import { normalizeDomain } from './domain.js';

describe('normalizeDomain', () => {
  it.each([
    ['example.nl', 'example.nl'],
    ['  Example.NL.  ', 'example.nl'],
    ['https://www.example.nl/path?q=1', 'www.example.nl'],
    ['HTTP://Example.nl:8080', 'example.nl'],
    ['info@Gemeente.example.nl', 'gemeente.example.nl'],
    ['bücher.nl', 'xn--bcher-kva.nl'],
    ['secure-ecdsa.test', 'secure-ecdsa.test'],
    ['xn--bcher-kva.nl', 'xn--bcher-kva.nl'],
  ])('accepts %j as %j', (input, domain) => {
    expect(normalizeDomain(input)).toEqual({ ok: true, domain });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['.', 'empty'],
    ['nl', 'single label'],
    ['192.0.2.1', 'IP address'],
    ['[2001:db8::1]', 'IP address'],
    ['https://192.0.2.1/', 'IP address'],
    ['-bad.nl', 'label'],
    ['bad-.nl', 'label'],
    ['a..nl', 'label'],
    ['under_score.nl', 'label'],
    ['example.123', 'not a valid'],
    ['example.0x1', 'not a valid'],
    [`${'a'.repeat(64)}.nl`, 'label'],
    [`${'abcdefghi.'.repeat(26)}nl`, '253'],
    ['exa mple.nl', 'not a domain'],
    ['example.nl/path', 'not a domain'],
    ['https://', 'URL'],
  ])('refuses %j with a reason mentioning %j', (input, reasonPart) => {
    const result = normalizeDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reasonPart);
  });

  it('refuses an over-long input before parsing it', () => {
    const result = normalizeDomain(`${'x'.repeat(5000)}.nl`);
    expect(result).toEqual({ ok: false, reason: 'the input is longer than 2048 characters' });
  });
});
