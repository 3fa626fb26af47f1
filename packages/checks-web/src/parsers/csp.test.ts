import { describe, expect, it } from 'vitest';
import { classifyCspSource, parseCsp } from './csp.js';

describe('classifyCspSource', () => {
  it('classifies every kind of source expression', () => {
    expect(classifyCspSource("'SELF'")).toEqual({ kind: 'keyword', text: "'SELF'", keyword: 'self' });
    expect(classifyCspSource("'nonce-abc+/='")).toEqual({ kind: 'nonce', text: "'nonce-abc+/='", value: 'abc+/=' });
    expect(classifyCspSource("'sha384-AbC_-'")).toMatchObject({ kind: 'hash', algorithm: 'sha384', value: 'AbC_-' });
    expect(classifyCspSource('https:')).toEqual({ kind: 'scheme', text: 'https:', scheme: 'https' });
    expect(classifyCspSource('HTTPS://*.Example.nl:443/js/')).toEqual({
      kind: 'host',
      text: 'HTTPS://*.Example.nl:443/js/',
      scheme: 'https',
      host: '*.example.nl',
      port: '443',
      path: '/js/',
    });
    expect(classifyCspSource('cdn.example.nl')).toEqual({ kind: 'host', text: 'cdn.example.nl', host: 'cdn.example.nl' });
    expect(classifyCspSource('*')).toEqual({ kind: 'host', text: '*', host: '*' });
    expect(classifyCspSource('http://127.0.0.1:*')).toMatchObject({ kind: 'host', scheme: 'http', host: '127.0.0.1', port: '*' });
  });

  it('calls anything else invalid', () => {
    for (const text of ["'unsafe-everything'", "'self", 'exa mple', 'https://', 'a..b', "'sha1-abc'", '*.'])
      expect(classifyCspSource(text)).toEqual({ kind: 'invalid', text });
  });
});

describe('parseCsp', () => {
  it('splits directives and values, lowercases names, and classifies source lists only', () => {
    const parsed = parseCsp("Default-Src 'self' https://cdn.example.nl;  ;report-uri /csp  ; sandbox allow-forms");
    expect(parsed.problems).toEqual([]);
    expect(parsed.directives.map((d) => [d.name, d.values, d.sources.map((s) => s.kind)])).toEqual([
      ['default-src', ["'self'", 'https://cdn.example.nl'], ['keyword', 'host']],
      ['report-uri', ['/csp'], []],
      ['sandbox', ['allow-forms'], []],
    ]);
  });

  it('keeps the first of a repeated directive and reports the problems it finds', () => {
    const parsed = parseCsp("script-src 'self'; script-src *; img-src 'none' data: 'bogus'; b@d x");
    expect(parsed.directives.map((d) => d.name)).toEqual(['script-src', 'img-src']);
    expect(parsed.directives[0]?.values).toEqual(["'self'"]);
    expect(parsed.problems).toEqual([
      { code: 'duplicate-directive', directive: 'script-src' },
      { code: 'invalid-source', directive: 'img-src', value: "'bogus'" },
      { code: 'none-with-others', directive: 'img-src' },
      { code: 'invalid-directive-name', directive: 'b@d' },
    ]);
  });

  it('gives an empty policy for an empty value', () => {
    expect(parseCsp('')).toEqual({ directives: [], problems: [] });
  });
});
