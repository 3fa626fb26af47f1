import { describe, expect, it } from 'vitest';
import { contentDistance, quickRatio, sameSiteBodyLimit, sameSiteHistogram, stripVolatileHtml } from './same-site-content.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const histogram = (text: string) => sameSiteHistogram(bytes(text));

describe('the same-site comparison (difflib quick_ratio over bytes)', () => {
  it('gives the ratios difflib.SequenceMatcher(None, a, b).quick_ratio() gives', () => {
    // Python: SequenceMatcher(None, "abcd", "bcde").quick_ratio() == 0.75
    expect(quickRatio(histogram('abcd'), histogram('bcde'))).toBe(0.75);
    // Order does not matter, only the multiset: "abc" vs "cba" is 1.0.
    expect(quickRatio(histogram('abc'), histogram('cba'))).toBe(1);
    expect(quickRatio(histogram(''), histogram(''))).toBe(1);
    expect(quickRatio(histogram('aaaa'), histogram(''))).toBe(0);
    expect(contentDistance(histogram('abcd'), histogram('bcde'))).toBeCloseTo(25, 10);
  });

  it('removes nonce attributes of script and style tags only', () => {
    expect(stripVolatileHtml('<script nonce="abc" src="x.js"></script><style nonce=\'d\'>a{}</style><div nonce="x">')).toBe(
      '<script src="x.js"></script><style>a{}</style><div nonce="x">',
    );
    expect(stripVolatileHtml('<SCRIPT NONCE=abc>')).toBe('<SCRIPT>');
    expect(stripVolatileHtml('<script data-nonce="keep">')).toBe('<script data-nonce="keep">');
  });

  it('removes __VIEWSTATE inputs and keeps other inputs', () => {
    expect(stripVolatileHtml('<form><input type="hidden" name="__VIEWSTATE" value="xyz"><input name="q"></form>')).toBe(
      '<form><input name="q"></form>',
    );
  });

  it('compares only the first 500 000 bytes', () => {
    const long = new Uint8Array(sameSiteBodyLimit + 1_000).fill(0x61);
    expect(sameSiteHistogram(long)[0x61]).toBe(sameSiteBodyLimit);
  });

  it('handles hostile markup (unclosed tags, thousands of script tags) quickly', () => {
    const unclosed = '<script'.repeat(70_000);
    const many = '<script nonce="n">'.repeat(25_000);
    expect(stripVolatileHtml(unclosed)).toBe(unclosed);
    expect(stripVolatileHtml(many)).toBe('<script>'.repeat(25_000));
  });
});
