import { describe, expect, it } from 'vitest';
import { parseHsts } from './hsts.js';

describe('parseHsts', () => {
  it('reads max-age and the flags, names case-insensitively', () => {
    expect(parseHsts('Max-Age=31536000; includeSubDomains; PRELOAD')).toEqual({
      valid: true,
      maxAge: 31536000,
      includeSubDomains: true,
      preload: true,
      directives: [
        { name: 'max-age', value: '31536000', quoted: false },
        { name: 'includesubdomains', quoted: false },
        { name: 'preload', quoted: false },
      ],
      problems: [],
    });
  });

  it('allows what RFC 6797 allows: a quoted value, whitespace around = and ;, empty directives, unknown ones', () => {
    const parsed = parseHsts(' max-age = "600" ;; report-uri="https://r.example/;x" ');
    expect(parsed).toMatchObject({ valid: true, maxAge: 600 });
    expect(parsed.directives).toEqual([
      { name: 'max-age', value: '600', quoted: true },
      { name: 'report-uri', value: 'https://r.example/;x', quoted: true },
    ]);
  });

  it('reports a missing or malformed max-age', () => {
    expect(parseHsts('includeSubDomains').problems).toEqual([{ code: 'missing-max-age' }]);
    expect(parseHsts('max-age=1y').problems).toEqual([{ code: 'invalid-max-age', directive: 'max-age' }]);
    expect(parseHsts('max-age').problems).toEqual([{ code: 'invalid-max-age', directive: 'max-age' }]);
    expect(parseHsts('max-age=-1').problems).toEqual([{ code: 'invalid-max-age', directive: 'max-age' }]);
    expect(parseHsts('max-age="1').problems).toEqual([{ code: 'invalid-value' }, { code: 'missing-max-age' }]);
    expect(parseHsts('max-age=a b').problems).toEqual([
      { code: 'invalid-value', directive: 'max-age' },
      { code: 'invalid-max-age', directive: 'max-age' },
    ]);
  });

  it('makes a repeated directive invalid, keeping the first max-age', () => {
    const parsed = parseHsts('max-age=10; max-age=20');
    expect(parsed).toMatchObject({ valid: false, maxAge: 10, problems: [{ code: 'duplicate-directive', directive: 'max-age' }] });
  });

  it('reports bad names, values on valueless flags, and an empty value', () => {
    expect(parseHsts('max-age=1; in cludeSubDomains').problems).toEqual([{ code: 'invalid-name', directive: 'in cludesubdomains' }]);
    expect(parseHsts('max-age=1; preload=yes').problems).toEqual([{ code: 'unexpected-value', directive: 'preload' }]);
    expect(parseHsts('  ').problems).toEqual([{ code: 'empty' }, { code: 'missing-max-age' }]);
  });
});
