import { describe, expect, it } from 'vitest';
import { factsText } from './facts.js';

describe('factsText', () => {
  it('writes facts compactly: empty values left out, lists joined, flat objects as their values', () => {
    expect(
      factsText({
        maxAge: 300,
        preload: false,
        none: null,
        empty: [],
        blank: '',
        ports: [80, 443],
        versions: [
          { version: 'TLSv1.2', level: 'sufficient' },
          { version: 'TLSv1.0', level: 'insufficient' },
        ],
        nested: { a: { b: 1 } },
      }),
    ).toBe('maxAge: 300; preload: false; ports: 80, 443; versions: TLSv1.2 sufficient, TLSv1.0 insufficient; nested: {"a":{"b":1}}');
    expect(factsText(undefined)).toBe('');
  });

  it('bounds what a hostile server can make it write', () => {
    const long = factsText({ header: 'x'.repeat(100_000) });
    expect(long.length).toBe('header: '.length + 160);
    expect(long.endsWith('…')).toBe(true);
    expect(factsText({ list: Array.from({ length: 50 }, (_, index) => index) })).toBe('list: 0, 1, 2, 3, 4, 5, 6, 7, +42');
    const many = factsText(Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`key${index}`, 'value'])));
    expect(many.length).toBe(480);
  });
});
