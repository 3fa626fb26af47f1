import { describe, expect, it } from 'vitest';
import { resolveRedirect } from './redirect.js';

describe('resolveRedirect', () => {
  it('resolves absolute, scheme-relative, absolute-path and relative references', () => {
    const base = 'http://example.nl/a/b?q=1';
    expect(resolveRedirect(base, 'https://www.example.nl/')).toEqual({ ok: true, url: 'https://www.example.nl/' });
    expect(resolveRedirect(base, '//cdn.example.nl/x')).toEqual({ ok: true, url: 'http://cdn.example.nl/x' });
    expect(resolveRedirect(base, '/root')).toEqual({ ok: true, url: 'http://example.nl/root' });
    expect(resolveRedirect(base, 'c')).toEqual({ ok: true, url: 'http://example.nl/a/c' });
    expect(resolveRedirect(base, '?page=2')).toEqual({ ok: true, url: 'http://example.nl/a/b?page=2' });
    expect(resolveRedirect(new URL(base), '  https://example.nl/  ')).toEqual({ ok: true, url: 'https://example.nl/' });
    expect(resolveRedirect(base, 'https://bücher.example/')).toEqual({ ok: true, url: 'https://xn--bcher-kva.example/' });
  });

  it("keeps the base URL's fragment unless the Location has its own (RFC 9110 §10.2.2)", () => {
    expect(resolveRedirect('http://example.nl/#section', '/next')).toEqual({ ok: true, url: 'http://example.nl/next#section' });
    expect(resolveRedirect('http://example.nl/#section', '/next#other')).toEqual({ ok: true, url: 'http://example.nl/next#other' });
  });

  it('gives a typed reason when there is no usable next URL', () => {
    const base = 'https://example.nl/';
    expect(resolveRedirect(base, undefined)).toMatchObject({ ok: false, problem: 'missing' });
    expect(resolveRedirect(base, '   ')).toMatchObject({ ok: false, problem: 'missing' });
    expect(resolveRedirect(base, 'ftp://example.nl/file')).toMatchObject({ ok: false, problem: 'unsupported-scheme' });
    expect(resolveRedirect(base, 'javascript:alert(1)')).toMatchObject({ ok: false, problem: 'unsupported-scheme' });
    expect(resolveRedirect(base, 'http://exa mple.nl/')).toMatchObject({ ok: false, problem: 'invalid' });
    expect(resolveRedirect(base, 'https://example.nl/\tpath')).toMatchObject({ ok: false, problem: 'invalid' });
    expect(resolveRedirect(base, `/${'a'.repeat(9_000)}`)).toMatchObject({ ok: false, problem: 'too-long' });
  });

  it('throws on a base that is not an absolute URL: that is the caller mixing up its own state', () => {
    expect(() => resolveRedirect('/relative', '/x')).toThrow(TypeError);
  });
});
